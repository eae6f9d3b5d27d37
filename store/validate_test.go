package store

import (
	"bytes"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// freePages lists the pages of path's freelist.
func freePages(t *testing.T, path string) []int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, PreLoadFreelist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ids []int
	db.View(func(tx *bolt.Tx) error {
		for id := 2; int64(id)*4096 < tx.Size(); id++ {
			if p, err := tx.Page(id); err == nil && p != nil && p.Type == "free" {
				ids = append(ids, id)
			}
		}
		return nil
	})
	return ids
}

// Leftover bytes in pages nothing refers to (a writer killed while saving
// a long note leaves note text there) are not damage: bbolt never reads
// them, and its own check accepts the file.
func TestValidateIgnoresFreePages(t *testing.T) {
	s := newStore(t)
	// a long value written and then dropped, as an aborted save leaves it
	raw, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put([]byte("scratch"), []byte(strings.Repeat("B", 200<<10)))
	})
	raw.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete([]byte("scratch")) })
	raw.Close()
	free := freePages(t, s.Path())
	if len(free) == 0 {
		t.Fatal("no free pages to damage")
	}
	data, _ := os.ReadFile(s.Path())
	for _, id := range free {
		copy(data[id*4096:(id+1)*4096], bytes.Repeat([]byte("BBBB"), 1024))
	}
	os.WriteFile(s.Path(), data, 0o600)
	db, err := bolt.Open(s.Path(), 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Fatalf("bbolt's check: %v", err)
		}
		return nil
	})
	db.Close()
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("leftover bytes in %d free pages called damage: %v %v", len(free), problems, err)
	}
}
