package store

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// The pages a check lets go are read again from the file when touched:
// values read after the release, and while it runs, are what was stored.
func TestReleasedPagesReadTheSame(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "r.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	value := func(i int) []byte { return bytes.Repeat([]byte(fmt.Sprintf("value %d;", i)), 200) }
	const n = 2000 // about 4 MB: pages enough to release
	if err := db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("b"))
		if err != nil {
			return err
		}
		for i := range n {
			if err := b.Put([]byte(fmt.Sprintf("k%05d", i)), value(i)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *bolt.Tx) error {
		readAll := func(when string) {
			i := 0
			_ = tx.Bucket([]byte("b")).ForEach(func(k, v []byte) error {
				if !bytes.Equal(v, value(i)) {
					t.Fatalf("%s: %s reads %.20q…, want %.20q…", when, k, v, value(i))
				}
				i++
				return nil
			})
			if i != n {
				t.Fatalf("%s: %d values, want %d", when, i, n)
			}
		}
		stop := releasePagesWhile(tx)
		for range 3 {
			readAll("while released")
		}
		stop()
		readAll("after the release")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
