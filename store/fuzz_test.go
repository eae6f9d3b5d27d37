package store

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

var (
	fuzzBaseOnce sync.Once
	fuzzBase     []byte
	fuzzBaseErr  error
)

// fuzzBaseFile is a database with notes spread over many pages and free
// pages full of leftover note text, as a killed writer leaves them.
func fuzzBaseFile() ([]byte, error) {
	fuzzBaseOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zixuan-fuzz-")
		if err != nil {
			fuzzBaseErr = err
			return
		}
		defer os.RemoveAll(dir)
		s, err := Open(filepath.Join(dir, "z.db"))
		if err != nil {
			fuzzBaseErr = err
			return
		}
		for i := 0; i < 30; i++ {
			if _, err := s.AddNote(code("688111"), fmt.Sprint(i, strings.Repeat(" 笔记", 80))); err != nil {
				fuzzBaseErr = err
				return
			}
		}
		db, err := bolt.Open(s.Path(), 0o600, nil)
		if err != nil {
			fuzzBaseErr = err
			return
		}
		db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put([]byte("scratch"), []byte(strings.Repeat("BBBB", 20<<10)))
		})
		db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete([]byte("scratch")) })
		db.Close()
		fuzzBase, fuzzBaseErr = os.ReadFile(s.Path())
	})
	return fuzzBase, fuzzBaseErr
}

// fuzzSeeds is how many seeded damages run by default (a few seconds);
// ZIXUAN_FUZZ_SEEDS=2000 runs more, and go test -fuzz FuzzDoctor explores.
func fuzzSeeds() int {
	if n, err := strconv.Atoi(os.Getenv("ZIXUAN_FUZZ_SEEDS")); err == nil && n > 0 {
		return n
	}
	return 40
}

// txCheckAccepts runs bbolt's own Tx.Check on path in a separate process
// (it may fault or spin on a damaged file) and reports whether it opened
// the file, found nothing, and could then read every key and value.
func txCheckAccepts(t *testing.T, path string) bool {
	// a check still running after this long is spinning: not accepted
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestTxCheckProcess$")
	cmd.Env = append(os.Environ(), "ZIXUAN_TXCHECK_FILE="+path)
	out, _ := cmd.CombinedOutput()
	return strings.Contains(string(out), "TXCHECK-ACCEPTS")
}

// TestTxCheckProcess is the process txCheckAccepts starts.
func TestTxCheckProcess(t *testing.T) {
	path := os.Getenv("ZIXUAN_TXCHECK_FILE")
	if path == "" {
		t.Skip("run by txCheckAccepts")
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, PreLoadFreelist: true})
	if err != nil {
		return
	}
	defer db.Close()
	ok := true
	db.View(func(tx *bolt.Tx) error {
		for range tx.Check() {
			ok = false
		}
		return nil
	})
	// Tx.Check compares keys only up to their first difference and never
	// reads values: a key or value whose size runs past the file passes it,
	// and faults the first read of it. Read every byte too.
	// Nor is a read that stays in the process's memory but leaves the
	// file a sign of health: every key and value must lie in the file.
	fi, _ := os.Stat(path)
	base := uintptr(reflect.ValueOf(db).Elem().FieldByName("data").UnsafePointer())
	in := func(b []byte) bool {
		p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		return len(b) == 0 || p >= base && p+uintptr(len(b)) <= base+uintptr(fi.Size())
	}
	if ok && guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			return tx.ForEach(func(name []byte, b *bolt.Bucket) error { return readAll(b, in) })
		})
	}) != nil {
		ok = false
	}
	if ok {
		fmt.Println("TXCHECK-ACCEPTS")
	}
}

// readAll reads every key and value under b, nested buckets included.
func readAll(b *bolt.Bucket, in func([]byte) bool) error {
	var sum byte
	return b.ForEach(func(k, v []byte) error {
		if !in(k) || !in(v) {
			return fmt.Errorf("a key or value outside the file")
		}
		for _, c := range k {
			sum += c
		}
		if v == nil {
			return readAll(b.Bucket(k), in)
		}
		for _, c := range v {
			sum += c
		}
		return nil
	})
}

// Doctor on damaged files: it never calls a file damaged that bbolt's own
// check accepts (and bbolt reads through), and every file it refuses is refused for writing too,
// with its bytes left as they were.
func FuzzDoctor(f *testing.F) {
	base, err := fuzzBaseFile()
	if err != nil {
		f.Fatal(err)
	}
	pages := len(base) / 4096
	rng := rand.New(rand.NewPCG(5, 8))
	for i := 0; i < fuzzSeeds(); i++ {
		patch := make([]byte, 1+rng.IntN(8))
		for j := range patch {
			patch[j] = byte(rng.Uint32())
		}
		f.Add(uint32(2+rng.IntN(pages-2)), uint16(rng.IntN(64)), patch)
	}
	f.Fuzz(func(t *testing.T, page uint32, off uint16, patch []byte) {
		b := append([]byte(nil), base...)
		at := int(page%uint32(pages-2)+2)*4096 + int(off)%4096
		if len(patch) > 64 {
			patch = patch[:64]
		}
		copy(b[at:min(at+len(patch), len(b))], patch)
		p := filepath.Join(t.TempDir(), "d.db")
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		problems, err := CheckFile(p)
		if err == nil && len(problems) == 0 {
			return
		}
		structural := err != nil
		for _, pr := range problems {
			structural = structural || strings.HasPrefix(pr, "the file is damaged")
		}
		if structural && txCheckAccepts(t, p) {
			t.Errorf("doctor calls damaged a file bbolt's check accepts: %v %v", err, problems)
		}
		before := sha256.Sum256(b)
		s := &Store{path: p}
		if _, werr := s.AddNote(code("688111"), "written to a damaged file"); werr == nil {
			t.Errorf("a file doctor refuses (%v %v) was written to", err, problems)
		}
		after, _ := os.ReadFile(p)
		if sha256.Sum256(after) != before {
			t.Error("a refused write changed the file")
		}
	})
}
