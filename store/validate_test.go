package store

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"zixuan/sectors"
	"zixuan/sectors/market"

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

// A database path, a backup target or a new database that is a symbolic
// link: the file the link points to is written, the link stays a link.
func TestLinksAreFollowed(t *testing.T) {
	dir := t.TempDir()
	isLink := func(p string) bool {
		fi, err := os.Lstat(p)
		return err == nil && fi.Mode()&os.ModeSymlink != 0
	}
	// creation through a link to a file not there yet
	link := filepath.Join(dir, "z.db")
	if err := os.Symlink("real.db", link); err != nil {
		t.Fatal(err)
	}
	s, err := Open(link)
	if err != nil {
		t.Fatalf("open through a dangling link: %v", err)
	}
	if !isLink(link) || !fileExists(filepath.Join(dir, "real.db")) {
		t.Fatal("creation replaced the link or did not create its target")
	}
	backup := filepath.Join(dir, "b.db")
	if _, err := s.Backup(backup, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(code("688111"), "after the backup"); err != nil {
		t.Fatal(err)
	}
	// restore through the link
	if _, err := RestoreFile(link, backup); err != nil {
		t.Fatal(err)
	}
	if !isLink(link) {
		t.Fatal("restore replaced the link with a file")
	}
	real, _ := Open(filepath.Join(dir, "real.db"))
	if tk, _ := real.Get(code("688111")); len(tk.Notes) != 0 {
		t.Error("the file the link points to still holds the old data")
	}
	// a backup onto a link
	blink := filepath.Join(dir, "blink.db")
	os.Symlink("b2.db", blink)
	if _, err := s.Backup(blink, true); err != nil {
		t.Fatal(err)
	}
	if !isLink(blink) || !fileExists(filepath.Join(dir, "b2.db")) {
		t.Error("backup replaced the link")
	}
}

// A Store that wrote the file a moment ago still checks it before its
// next write when anything else changed the file in between.
func TestWriteChecksAfterOutsideChange(t *testing.T) {
	s := newStore(t)
	if _, err := s.AddNote(code("688111"), "first"); err != nil {
		t.Fatal(err)
	}
	raw, err := bolt.Open(s.Path(), 0o600, nil) // another program, not zixuan
	if err != nil {
		t.Fatal(err)
	}
	raw.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketNotes).Put((tref{key: []byte("SZ002230")}).childKey(9), []byte("}"))
	})
	raw.Close()
	if problems, err := s.Check(); err != nil || len(problems) == 0 {
		t.Fatalf("the broken record was not found: %v %v", problems, err)
	}
	before := checksum(t, s.Path())
	if _, err := s.AddNote(code("688111"), "onto a file doctor refuses"); err == nil {
		t.Error("a write went through after the file was changed behind the Store's back")
	}
	if checksum(t, s.Path()) != before {
		t.Error("the refused write changed the file")
	}
}

// The check before a first write (and doctor) reads a file with years of
// prices through a window and one buffer of bars: reading it whole (80 MB
// for the whole market) or decoding every history into its own bars once
// made doctor's peak 221 MB and the TUI's first write 100 MB of heap.
func TestCheckDoesNotHoldTheFile(t *testing.T) {
	s := newStore(t)
	r := rand.New(rand.NewPCG(3, 4))
	updates := map[string]HistoryUpdate{}
	for _, sec := range market.Master()[:400] {
		updates[sec.Code.Key()] = HistoryUpdate{Fetched: sectors.PriceHistory{Code: sec.Code, Bars: bars(day("2024-05-06"), 490, r)},
			Covered: []sectors.DayRange{{From: day("2024-05-06"), To: day("2026-05-08")}}}
	}
	if err := s.SaveHistories(updates); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	problems, err := CheckFile(s.Path())
	runtime.ReadMemStats(&after)
	if err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	// 196,000 bars are 12.5 MB as DailyBars; the file is ~3 MB
	if got := after.TotalAlloc - before.TotalAlloc; got > 2<<20 {
		t.Errorf("checking a %d KB file allocated %d KB", fi.Size()>>10, got>>10)
	}
}

// The window the check reads the file through changes nothing it finds:
// reads across its edges, keys and values past a page, the freelist.
func TestPageWindowChangesNoVerdict(t *testing.T) {
	base, err := fuzzBaseFile()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 300 {
		b := append([]byte(nil), base...)
		at := (2+rng.IntN(len(b)/4096-2))*4096 + rng.IntN(64)
		for j := range 1 + rng.IntN(8) {
			if at+j < len(b) {
				b[at+j] = byte(rng.Uint32())
			}
		}
		r := bytes.NewReader(b)
		whole := validatePagesWindow(r, int64(len(b)), 4096, len(b))
		for _, window := range []int{4096, 3 * 4096, 64 << 10} {
			if got := validatePagesWindow(r, int64(len(b)), 4096, window); fmt.Sprint(got) != fmt.Sprint(whole) {
				t.Fatalf("window %d: %v; the whole file in memory: %v", window, got, whole)
			}
		}
	}
}

// Checking the notes on a second goroutine says the same as checking them
// on one, problem for problem and in the same order: files with damaged
// pages and with notes and ratings that do not decode or belong to no
// ticker, checked with one core (in line) and with two.
func TestCheckOnTwoGoroutinesSaysTheSame(t *testing.T) {
	base, err := fuzzBaseFile()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(31, 32))
	withNotes := 0
	for i := range 200 {
		b := append([]byte(nil), base...)
		p := filepath.Join(dir, fmt.Sprintf("d%d.db", i))
		if i%2 == 0 { // bytes of a page
			at := (2+rng.IntN(len(b)/4096-2))*4096 + rng.IntN(4096)
			for j := range 1 + rng.IntN(8) {
				if at+j < len(b) {
					b[at+j] = byte(rng.Uint32())
				}
			}
		}
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if i%2 == 1 { // records: a few notes and ratings that do not decode, or of no ticker
			db, err := bolt.Open(p, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			db.Update(func(tx *bolt.Tx) error {
				for _, name := range [][]byte{bucketNotes, bucketRatings} {
					bk := tx.Bucket(name)
					var keys [][]byte
					bk.ForEach(func(k, _ []byte) error { keys = append(keys, bytes.Clone(k)); return nil })
					for range rng.IntN(4) {
						k := keys[rng.IntN(len(keys))]
						if rng.IntN(3) == 0 {
							k = append([]byte("ZZ99999"), k[7:]...) // of no ticker
						}
						bk.Put(k, []byte(`{"id":`))
					}
				}
				return nil
			})
			db.Close()
		}
		was := runtime.GOMAXPROCS(1)
		one, err1 := CheckFile(p)
		runtime.GOMAXPROCS(max(was, 2))
		two, err2 := CheckFile(p)
		runtime.GOMAXPROCS(was)
		if fmt.Sprint(one, err1) != fmt.Sprint(two, err2) {
			t.Fatalf("file %d: one goroutine says %v %v; two say %v %v", i, one, err1, two, err2)
		}
		if strings.Contains(fmt.Sprint(one), "notes/") {
			withNotes++
		}
		// in the order of the buckets, as doctor always listed them: the
		// ratings' problems before the notes'
		lastRating, firstNote := -1, len(one)
		for j, pr := range one {
			if strings.HasPrefix(pr, "ratings/") {
				lastRating = j
			}
			if strings.HasPrefix(pr, "notes/") {
				firstNote = min(firstNote, j)
			}
		}
		if lastRating > firstNote {
			t.Fatalf("file %d: a note's problem listed before a rating's: %v", i, one)
		}
	}
	if withNotes < 30 {
		t.Fatalf("only %d files with problems in their notes", withNotes)
	}
}

// A check made ahead (Precheck, as the TUI opens a note or a rating) spares
// the write after it its own; a file changed since, by anyone, is checked
// again at the write, and one found damaged is not written to.
func TestPrecheckSparesTheWriteItsCheck(t *testing.T) {
	s := newStore(t)
	code := market.MustParseCode("688111")
	settle := func() { // Precheck trusts only a file left alone a second
		old := time.Now().Add(-2 * settled)
		if err := os.Chtimes(s.Path(), old, old); err != nil {
			t.Fatal(err)
		}
	}
	settle()
	fresh := &Store{path: s.Path(), now: s.now} // a new process's Store
	fresh.Precheck()
	n := checksRun.Load()
	if _, err := fresh.AddNote(code, "after a precheck"); err != nil {
		t.Fatal(err)
	}
	if checksRun.Load() != n {
		t.Fatal("the write after a precheck checked the file again")
	}
	// another process writes: the next write checks
	other := &Store{path: s.Path(), now: s.now}
	if _, err := other.AddNote(code, "from elsewhere"); err != nil {
		t.Fatal(err)
	}
	n = checksRun.Load()
	if _, err := fresh.AddNote(code, "after the other"); err != nil {
		t.Fatal(err)
	}
	if checksRun.Load() == n {
		t.Fatal("a write after another process's did not check the file")
	}
	// a file just written is not trusted ahead of a write
	fresh2 := &Store{path: s.Path(), now: s.now}
	fresh2.Precheck()
	n = checksRun.Load()
	if _, err := fresh2.AddNote(code, "soon after"); err != nil {
		t.Fatal(err)
	}
	if checksRun.Load() == n {
		t.Fatal("a precheck of a file written a moment ago was trusted")
	}
	// prechecked, then damaged: the write checks, refuses, changes nothing
	settle()
	fresh3 := &Store{path: s.Path(), now: s.now}
	fresh3.Precheck()
	damageNewestNote(t, s.Path())
	before, _ := os.ReadFile(s.Path())
	if _, err := fresh3.AddNote(code, "onto damage"); err == nil {
		t.Fatal("a file damaged after the precheck was written to")
	}
	if after, _ := os.ReadFile(s.Path()); !bytes.Equal(before, after) {
		t.Fatal("the refused write changed the file")
	}
}

// damageNewestNote makes the newest note of the file a record that does not
// decode, as another program writing into the file would.
func damageNewestNote(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bucketNotes).Cursor().Last()
		return tx.Bucket(bucketNotes).Put(bytes.Clone(k), []byte(`{"id":`))
	}); err != nil {
		t.Fatal(err)
	}
}

// A write that finds nothing to do (a list index saved already) leaves
// the file as it was checked: the write after it is not checked again.
// (It was: at the TUI's start such a save made the first batch of the
// history fetch check the whole file, beside everything else running.)
func TestAWriteThatChangesNothingKeepsTheCheck(t *testing.T) {
	s := newStore(t)
	snap, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveListIndex(snap); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveListIndex(snap); err != nil { // saved already: rolled back
		t.Fatal(err)
	}
	n := checksRun.Load()
	if _, err := s.AddNote(market.MustParseCode("688111"), "after a save that changed nothing"); err != nil {
		t.Fatal(err)
	}
	if checksRun.Load() != n {
		t.Error("the write after one that changed nothing checked the file again")
	}
}
