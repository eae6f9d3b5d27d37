package store

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// staleAge is how long a temporary file beside the database must have
// been left untouched before it is taken for what a killed backup,
// restore or upgrade left behind: one being written is touched as it
// grows.
const staleAge = 10 * time.Minute

// upgradeBackup matches the name of a repeated upgrade backup,
// <db>.schema-N-<time>.bak, after the database's own name.
var upgradeBackup = regexp.MustCompile(`^\.schema-(\d+)-\d{8}-\d{6}\.bak$`)

// cleanAside removes what interrupted work left beside the database: the
// hidden temporary files of a killed backup, restore or upgrade, and
// upgrade backups that repeat the first backup of their schema (an
// upgrade interrupted after its backup and run again). The first backup
// of each schema is kept, and so is a later one that holds another state
// of the file. Nothing here is an error: it is housekeeping.
func (s *Store) cleanAside(now time.Time) {
	// Upgrade backups go beside the path given, a restore's temporary
	// file beside the file a link names: both places are looked at.
	cleanBeside(s.path, now)
	if target := resolveLink(s.path); target != s.path {
		cleanBeside(target, now)
	}
}

func cleanBeside(path string, now time.Time) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."+base+".") && strings.Contains(name, ".tmp-"):
			// writeAtomic's temporaries: .<db>.tmp-*, .<db>.schema-N.bak.tmp-*
			fi, err := e.Info()
			if err == nil && fi.Mode().IsRegular() && now.Sub(fi.ModTime()) > staleAge {
				os.Remove(filepath.Join(dir, name))
			}
		case strings.HasPrefix(name, base+"."):
			m := upgradeBackup.FindStringSubmatch(strings.TrimPrefix(name, base))
			if m == nil {
				continue
			}
			first := filepath.Join(dir, base+".schema-"+m[1]+".bak")
			if dup := filepath.Join(dir, name); sameState(first, dup) {
				os.Remove(dup)
			}
		}
	}
}

// fileState is a database file's schema and generation: two files with
// the same are the same state of one database (every write bumps the
// generation).
func fileState(path string) (schema int, gen uint64, ok bool) {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return 0, 0, false
	}
	st := &Store{path: path}
	err := st.view(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMeta) == nil {
			return errNotZixuan
		}
		schema, gen = fileSchema(tx), readGen(tx)
		return nil
	})
	return schema, gen, err == nil
}

// sameState tells whether two database files hold the same state.
func sameState(a, b string) bool {
	sa, ga, oka := fileState(a)
	sb, gb, okb := fileState(b)
	return oka && okb && sa == sb && ga == gb
}
