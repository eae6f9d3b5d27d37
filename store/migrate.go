package store

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Schema changes go through migrations, never through code that guesses
// at an older layout. A file of an older schema is upgraded when it is
// opened: first a checked backup is written beside it, named with the old
// schema (zixuan.db.schema-1.bak) and kept, then every migration from the
// file's schema to this build's runs in one write transaction, so a
// failure or a crash leaves the file exactly as it was. A file of a newer
// schema is refused and never written.

// migration upgrades a file from schema to-1 to schema to. run gets the
// write transaction and the time of the upgrade; it must keep everything
// the older schema held.
type migration struct {
	to   int
	what string
	run  func(tx *bolt.Tx, now time.Time) error
}

// migrations are in order: migrations[i] upgrades schema i+1 to i+2.
var migrations = []migration{}

// schemaVersion is the schema this build writes: SchemaVersion, which a
// test may raise together with migrations.
var schemaVersion = SchemaVersion

// fileSchema reads a file's schema number; 0 when it has none.
func fileSchema(tx *bolt.Tx) int {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0
	}
	v, _ := strconv.Atoi(string(meta.Get(keySchema)))
	return v
}

// upgrade brings an older file to this build's schema. It holds the
// file's write lock throughout, so that no other zixuan writes between
// the backup and the migration, and two that open the old file at once
// upgrade it once.
func (s *Store) upgrade() (err error) {
	db, err := s.open(false)
	if err != nil {
		return s.fail("upgrade", err)
	}
	defer func() {
		if cerr := db.Close(); err == nil && cerr != nil {
			err = s.fail("upgrade", cerr)
		}
	}()
	var from int
	if err := guard(func() error {
		return db.View(func(tx *bolt.Tx) error { from = fileSchema(tx); return nil })
	}); err != nil {
		return s.fail("upgrade", err)
	}
	if from >= schemaVersion {
		return nil // upgraded by another zixuan in the meantime
	}
	backup, err := s.backupBeforeUpgrade(db, from)
	if err != nil {
		return err
	}
	now := s.now()
	err = guard(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			for _, m := range migrations {
				if m.to <= from || m.to > schemaVersion {
					continue
				}
				if err := m.run(tx, now); err != nil {
					return fmt.Errorf("schema %d (%s): %w", m.to, m.what, err)
				}
			}
			if err := tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(schemaVersion))); err != nil {
				return err
			}
			return bumpGen(tx)
		})
	})
	if err != nil {
		return &Error{Kind: ErrDamaged, Reason: UpgradeFailed, Op: "upgrade", Path: s.path, Count: from, Detail: backup, Err: err}
	}
	return nil
}

// backupBeforeUpgrade writes the file's current content beside it, named
// with its schema, checks the copy, and returns its path. An earlier
// backup of the same schema is kept: the new one gets a time stamp.
func (s *Store) backupBeforeUpgrade(db *bolt.DB, from int) (string, error) {
	dst := fmt.Sprintf("%s.schema-%d.bak", s.path, from)
	if fileExists(dst) {
		dst = fmt.Sprintf("%s.schema-%d-%s.bak", s.path, from, s.now().UTC().Format("20060102-150405"))
	}
	err := writeAtomic(dst, func(f *os.File) error {
		return guard(func() error {
			return db.View(func(tx *bolt.Tx) error {
				_, err := tx.WriteTo(f)
				return err
			})
		})
	})
	if err != nil {
		return "", &Error{Kind: ErrInvalid, Reason: UpgradeFailed, Op: "upgrade", Path: s.path, Count: from, Err: fmt.Errorf("back up to %s first: %w", dst, err)}
	}
	problems, err := CheckFile(dst)
	if err == nil && len(problems) > 0 {
		err = fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	if err != nil {
		return "", &Error{Kind: ErrDamaged, Reason: UpgradeFailed, Op: "upgrade", Path: s.path, Count: from, Err: fmt.Errorf("the backup %s fails its check: %w", dst, err)}
	}
	return dst, nil
}
