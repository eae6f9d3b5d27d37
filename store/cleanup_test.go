package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// What killed backups, restores and upgrades leave beside the database is
// removed at the next open, once old enough to be no one's work in
// progress; the first upgrade backup of a schema stays, and so does a
// later one that holds another state of the file.
func TestOpenCleansWhatInterruptedWorkLeft(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "z.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	put := func(name string, b []byte, age time.Duration) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(-age)
		os.Chtimes(p, at, at)
		return p
	}
	staleTmp := put(".z.db.tmp-123", []byte("half a copy"), time.Hour)
	staleBakTmp := put(".z.db.schema-1.bak.tmp-9", []byte("half a backup"), time.Hour)
	liveTmp := put(".z.db.tmp-456", []byte("being written"), time.Second)
	other := put(".other.db.tmp-1", []byte("not ours"), time.Hour)
	first := put("z.db.schema-1.bak", data, time.Hour)
	repeat := put("z.db.schema-1-20260101-101010.bak", data, time.Hour)
	// a later backup of another state of the file: kept
	if _, err := s.AddNote(mustCode(t, "688111"), "changed"); err != nil {
		t.Fatal(err)
	}
	changed, _ := os.ReadFile(path)
	different := put("z.db.schema-1-20260102-101010.bak", changed, time.Hour)

	if _, err := Open(path); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{staleTmp: false, staleBakTmp: false, repeat: false, liveTmp: true, other: true, first: true, different: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: kept %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
