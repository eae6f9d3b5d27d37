package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

func TestCheckHealthyAndDamaged(t *testing.T) {
	s := newStore(t)
	problems, err := s.Check()
	if err != nil || len(problems) != 0 {
		t.Fatalf("fresh store: %v %v", problems, err)
	}
	// Break invariants behind the store's back.
	db, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		tickers := tx.Bucket(bucketTickers)
		_ = tickers.Put([]byte("SH999999"), []byte("{not json"))
		r := tref{tx: tx, key: []byte("SH688111")}
		var rec tickerRecord
		_ = r.info(&rec)
		rec.Sector, rec.Rating = "gone", "excellent"
		_ = r.putInfo(rec)
		_ = tx.Bucket(bucketNotes).Put(r.childKey(7), []byte("}"))
		_ = tx.Bucket(bucketNotes).Put((tref{key: []byte("SZ000001")}).childKey(1), []byte(`{"id":1,"text":"orphan"}`))
		return tx.Bucket(bucketSectors).Put([]byte("x"), []byte("[]"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	problems, err = s.Check()
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(problems, "\n")
	for _, want := range []string{"tickers/SH999999: the record does not decode", `"excellent" is not a rating`, `sector "gone", which does not exist`, "notes/SH688111#7: does not decode", "notes/SZ000001#1: belongs to no ticker", "sectors/x: the record does not decode"} {
		if !strings.Contains(joined, want) {
			t.Errorf("Check missed %q; found:\n%s", want, joined)
		}
	}
}

func TestBackupIsConsistentWhileWriting(t *testing.T) {
	s := newStore(t)
	if _, err := s.AddNote(code("688111"), "before the backup"); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "backup.db")
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() { // another zixuan writing meanwhile
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			r := []sectors.Rating{sectors.Buy, sectors.Neutral}[i%2]
			_, _ = s.SetRating(code("002230"), r, "", "")
			time.Sleep(2 * time.Millisecond)
		}
	}()
	n, err := s.Backup(dst, false)
	close(stop)
	wg.Wait()
	if err != nil || n == 0 {
		t.Fatalf("backup: %d bytes, %v", n, err)
	}
	if problems, err := CheckFile(dst); err != nil || len(problems) > 0 {
		t.Fatalf("backup check: %v %v", problems, err)
	}
	b, err := Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := b.Get(code("688111"))
	if err != nil || len(tk.Notes) != 1 {
		t.Errorf("backup lost the note: %+v %v", tk.Notes, err)
	}
	if fi, _ := os.Stat(dst); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", fi.Mode().Perm())
	}

	// Not over an existing file without force, not onto the database itself.
	before := checksum(t, dst)
	if _, err := s.Backup(dst, false); !isReason(err, ErrExists, TargetExists) {
		t.Errorf("backup over an existing file: %v", err)
	}
	if checksum(t, dst) != before {
		t.Error("a refused backup changed the existing file")
	}
	if _, err := s.Backup(dst, true); err != nil {
		t.Errorf("backup --force: %v", err)
	}
	if _, err := s.Backup(s.Path(), true); err == nil {
		t.Error("backed up onto the database itself")
	}
}

func TestBackupIntoReadOnlyFolderLeavesNothing(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores folder permissions")
	}
	s := newStore(t)
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	if _, err := s.Backup(filepath.Join(dir, "b.db"), false); err == nil {
		t.Fatal("backup into a read-only folder succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestRestore(t *testing.T) {
	s := newStore(t)
	if _, err := s.SetRating(code("688111"), sectors.Sell, "", "before backup"); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "b.db")
	if _, err := s.Backup(backup, false); err != nil {
		t.Fatal(err)
	}
	want, _ := s.Load()
	if _, err := s.AddNote(code("688111"), "after the backup"); err != nil {
		t.Fatal(err)
	}
	kept, err := s.Restore(backup)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Tickers, want.Tickers) {
		t.Error("restored data differs from the backup")
	}
	if !strings.Contains(kept, ".before-restore-") {
		t.Fatalf("old database kept as %q", kept)
	}
	old, err := Open(kept)
	if err != nil {
		t.Fatal(err)
	}
	if tk, _ := old.Get(code("688111")); len(tk.Notes) != 1 {
		t.Error("the kept database lacks the note written after the backup")
	}

	// A file that is not a healthy zixuan database is refused; nothing changes.
	sum := checksum(t, s.Path())
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("not a database ", 500)), 0o600)
	other := filepath.Join(dir, "other.db")
	db, _ := bolt.Open(other, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err })
	db.Close()
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	for _, bad := range []string{junk, other, empty, filepath.Join(dir, "missing.db"), s.Path()} {
		if _, err := s.Restore(bad); err == nil {
			t.Errorf("restored from %s", bad)
		}
	}
	if checksum(t, s.Path()) != sum {
		t.Error("a refused restore changed the database")
	}
}

// A write waiting for the lock while a restore swaps the file must land in
// the new file, not in the old one that is now only the kept copy.
func TestWriteWaitingDuringRestoreLandsInTheNewFile(t *testing.T) {
	s := newStore(t)
	replacement := filepath.Join(t.TempDir(), "replacement.db")
	if _, err := s.Backup(replacement, false); err != nil {
		t.Fatal(err)
	}
	// what restore does: hold the current file's lock, rename another
	// file over the path, release the lock
	holder, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := s.AddNote(code("688111"), "written during the restore"); done <- err }()
	time.Sleep(200 * time.Millisecond) // let the writer open the old file and wait for its lock
	if err := os.Rename(replacement, s.Path()); err != nil {
		t.Fatal(err)
	}
	holder.Close()
	if err := <-done; err != nil {
		t.Fatalf("the waiting write failed: %v", err)
	}
	tk, err := s.Get(code("688111"))
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := tk.LatestNote(); !ok || n.Text != "written during the restore" {
		t.Errorf("a write confirmed after the swap is not in the database: %+v", tk.Notes)
	}
}

func TestRestoreRaisesTheGeneration(t *testing.T) {
	s := newStore(t)
	backup := filepath.Join(t.TempDir(), "b.db")
	if _, err := s.Backup(backup, false); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		s.AddNote(code("688111"), "after the backup")
	}
	before, _ := s.Generation()
	if _, err := s.Restore(backup); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Generation()
	if after <= before {
		t.Errorf("generation %d after a restore, %d before: an open TUI would not reload", after, before)
	}
	if _, err := s.Restore(backup); err != nil { // twice in one second
		t.Errorf("a second restore in the same second: %v", err)
	}
}

// Bytes damaged anywhere in the file: Check (zixuan doctor, and the check
// of every backup) reports it and returns; it never kills the process
// (bbolt's own check runs in a goroutine where a fault is fatal) and never
// spins (page headers with absurd overflow counts).
func TestCheckSurvivesDamagedBytes(t *testing.T) {
	s := newStore(t)
	for i := 0; i < 60; i++ {
		if _, err := s.AddNote(code("688111"), fmt.Sprint(i, strings.Repeat(" 笔记", 80))); err != nil {
			t.Fatal(err)
		}
	}
	good, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(42, 7))
	damaged := 0
	for trial := 0; trial < 300; trial++ {
		b := append([]byte(nil), good...)
		page := 2 + rng.IntN(len(b)/4096-2)
		off := page*4096 + rng.IntN(64) // headers and first elements: where pointers live
		for i := 0; i < 8; i++ {
			b[off+i] = byte(rng.Uint32())
		}
		p := filepath.Join(dir, fmt.Sprintf("d%d.db", trial))
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		done := make(chan bool, 1)
		go func() {
			problems, err := CheckFile(p)
			done <- err != nil || len(problems) > 0
		}()
		select {
		case bad := <-done:
			if bad {
				damaged++
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("trial %d: Check still running after 20 s on a damaged file", trial)
		}
	}
	t.Logf("%d of 300 damaged files were reported", damaged)
	if damaged == 0 {
		t.Error("no damage was found in 300 damaged files")
	}
}
