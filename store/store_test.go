package store

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "zixuan.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func code(s string) market.Code { return market.MustParseCode(s) }

func TestSeedAndPermissions(t *testing.T) {
	s := newStore(t)
	snap, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Tickers) != 25 || len(snap.Sectors) != 4 {
		t.Fatalf("seeded %d tickers in %d sectors, want 25 in 4", len(snap.Tickers), len(snap.Sectors))
	}
	if snap.Source.ID != sectors.ReportSourceID || snap.Source.Industry != "计算机" {
		t.Errorf("source = %+v", snap.Source)
	}
	byKey := map[string]sectors.Ticker{}
	for _, tk := range snap.Tickers {
		byKey[tk.Code.Key()] = tk
	}
	xf := byKey["SZ002230"]
	if xf.Name != "科大讯飞" || xf.Rating != sectors.Buy || xf.Sector != sectors.SectorAI || xf.RatingSource != sectors.ReportSourceID {
		t.Errorf("科大讯飞 seeded as %+v", xf)
	}
	if len(xf.Ratings) != 1 || xf.Ratings[0].To != sectors.Buy || !xf.Ratings[0].At.Equal(sectors.Report.Date) {
		t.Errorf("科大讯飞 history %+v", xf.Ratings)
	}
	st := byKey["SH688201"]
	if st.Name != "ST信安" || st.ReportName != "信安世纪" {
		t.Errorf("688201 shows %q (report %q): the current ST name must show, the report's stay on record", st.Name, st.ReportName)
	}
	fi, _ := os.Stat(s.Path())
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(s.Path()))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", di.Mode().Perm())
	}
}

func TestReopenKeepsUserChanges(t *testing.T) {
	s := newStore(t)
	xf := code("002230")
	if _, err := s.SetRating(xf, sectors.Sell, "", "valuation"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(xf, "星火大模型 V4 发布"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveTicker(code("688111")); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	tk, err := s2.Get(xf)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Rating != sectors.Sell || len(tk.LiveNotes()) != 1 || tk.LiveNotes()[0].Text != "星火大模型 V4 发布" {
		t.Errorf("after reopen: rating %v notes %+v", tk.Rating, tk.Notes)
	}
	ks, _ := s2.Get(code("688111"))
	if ks.OnList() {
		t.Error("reopen re-seeded a removed ticker")
	}
}

func TestRatingHistory(t *testing.T) {
	s := newStore(t)
	c := code("688111")
	s.SetClock(func() time.Time { return time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC) })
	if ch, err := s.SetRating(c, sectors.Buy, "", "AI 收入超预期"); err != nil || !ch {
		t.Fatal(ch, err)
	}
	if ch, err := s.SetRating(c, sectors.Buy, "", ""); err != nil || ch {
		t.Fatalf("same rating without reason recorded a change: %v %v", ch, err)
	}
	if _, err := s.SetRating(c, sectors.Neutral, "import:x.csv", ""); err != nil {
		t.Fatal(err)
	}
	tk, _ := s.Get(c)
	if len(tk.Ratings) != 3 {
		t.Fatalf("history has %d entries, want 3: %+v", len(tk.Ratings), tk.Ratings)
	}
	h := tk.Ratings
	if h[0].To != sectors.Overweight || h[1].From != sectors.Overweight || h[1].To != sectors.Buy || h[1].Reason != "AI 收入超预期" || h[1].Source != "user" {
		t.Errorf("history %+v", h)
	}
	if h[2].From != sectors.Buy || h[2].To != sectors.Neutral || h[2].Source != "import:x.csv" {
		t.Errorf("last change %+v", h[2])
	}
	if tk.Rating != sectors.Neutral || tk.RatingSource != "import:x.csv" {
		t.Errorf("current rating %v from %s", tk.Rating, tk.RatingSource)
	}
	if _, err := s.SetRating(code("600519"), sectors.Buy, "", ""); !isReason(err, ErrNotFound, NotOnList) || !strings.Contains(err.Error(), "贵州茅台") {
		t.Errorf("rating a ticker not on the list: %v", err)
	}
}

func TestNotesKeepHistory(t *testing.T) {
	s := newStore(t)
	c := code("300634")
	n1, err := s.AddNote(c, "first")
	if err != nil {
		t.Fatal(err)
	}
	n2, _ := s.AddNote(c, "second\nline two")
	if err := s.EditNote(c, n1.ID, "first, edited"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteNote(c, n2.ID); err != nil {
		t.Fatal(err)
	}
	tk, _ := s.Get(c)
	live := tk.LiveNotes()
	if len(live) != 1 || live[0].Text != "first, edited" || len(live[0].Revisions) != 1 || live[0].Revisions[0].Text != "first" {
		t.Errorf("live notes %+v", live)
	}
	if len(tk.Notes) != 2 || !tk.Notes[0].IsDeleted() || tk.Notes[0].Text != "second\nline two" {
		t.Errorf("deleted note not kept: %+v", tk.Notes)
	}
	if _, err := s.AddNote(c, "  \n "); err == nil {
		t.Error("empty note accepted")
	}
	if err := s.EditNote(c, 99, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("editing a missing note: %v", err)
	}
	if err := s.EditNote(c, n2.ID, "x"); err == nil {
		t.Error("edited a deleted note")
	}
}

func TestAddRemoveRestore(t *testing.T) {
	s := newStore(t)
	mt := code("600519")
	res, err := s.AddTicker(mt, "", sectors.SectorCompute, sectors.Buy, "")
	if err != nil || res.Revived || res.Ticker.Name != "贵州茅台" || res.Ticker.Rating != sectors.Buy {
		t.Fatalf("add 600519: %+v %v", res, err)
	}
	if _, err := s.AddTicker(mt, "", sectors.SectorAI, sectors.Buy, ""); !errors.Is(err, ErrExists) {
		t.Errorf("second add: %v", err)
	}
	if _, err := s.AddNote(mt, "白酒龙头"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveTicker(mt); err != nil {
		t.Fatal(err)
	}
	last, err := s.RestoreLast()
	if err != nil || last != mt {
		t.Fatalf("RestoreLast = %v %v", last, err)
	}
	if _, err := s.RestoreLast(); !isReason(err, ErrNotFound, NothingRemoved) {
		t.Errorf("RestoreLast with nothing removed: %v", err)
	}
	tk, _ := s.Get(mt)
	if !tk.OnList() || len(tk.LiveNotes()) != 1 {
		t.Errorf("restored ticker lost its notes: %+v", tk)
	}
	// unknown code needs a name
	nc := code("688999")
	if _, err := s.AddTicker(nc, "", sectors.SectorAI, sectors.Unrated, ""); !isReason(err, ErrInvalid, NotInMaster) {
		t.Errorf("unknown code without name: %v", err)
	}
	res, err = s.AddTicker(nc, "新股科技", sectors.SectorAI, sectors.Unrated, "")
	if err != nil || res.Ticker.Name != "新股科技" {
		t.Errorf("unknown code with name: %+v %v", res, err)
	}
	// SH000001 and SZ000001 are different things
	if _, err := s.AddTicker(code("SH000001"), "上证指数", sectors.SectorAI, sectors.Unrated, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTicker(code("000001"), "", sectors.SectorAI, sectors.Unrated, ""); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Get(code("SH000001"))
	b, _ := s.Get(code("SZ000001"))
	if a.Name != "上证指数" || b.Name != "平安银行" {
		t.Errorf("SH000001 %q, SZ000001 %q", a.Name, b.Name)
	}
}

func TestSectors(t *testing.T) {
	s := newStore(t)
	sec, err := s.AddSector("AI hardware", "AI 硬件")
	if err != nil || sec.ID != "ai-hardware" || sec.Order != 4 {
		t.Fatalf("AddSector = %+v, %v", sec, err)
	}
	if _, err := s.AddSector("ai hardware", ""); !errors.Is(err, ErrExists) {
		t.Errorf("duplicate sector: %v", err)
	}
	zh, err := s.AddSector("军工", "")
	if err != nil || zh.ID != "军工" || zh.NameZH != "军工" {
		t.Errorf("Chinese-only sector %+v %v", zh, err)
	}
	for _, in := range []string{"ai-hardware", "AI Hardware", "ＡＩ 硬件", "ai硬件"} {
		got, err := s.ResolveSector(in)
		if err != nil || got.ID != "ai-hardware" {
			t.Errorf("ResolveSector(%q) = %v %v", in, got.ID, err)
		}
	}
	if _, err := s.ResolveSector("nope"); err == nil || !strings.Contains(err.Error(), "ai, compute") {
		t.Errorf("unknown sector error should list choices: %v", err)
	}
	if _, _, err := s.Move(code("688041"), "ai-hardware"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteSector("ai-hardware"); !errors.Is(err, ErrExists) {
		t.Errorf("deleted a non-empty sector: %v", err)
	}
	if _, err := s.RenameSector("ai-hardware", "AI chips", ""); err != nil {
		t.Fatal(err)
	}
	tk, _ := s.Get(code("688041"))
	secs, _ := s.Sectors()
	if got, _ := sectors.FindSector(secs, tk.Sector); got.Name != "AI chips" || got.NameZH != "AI 硬件" {
		t.Errorf("renamed sector %+v", got)
	}
	if _, _, err := s.Move(code("688041"), "compute"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteSector("ai-hardware"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Move(code("688041"), "ai-hardware"); !errors.Is(err, ErrNotFound) {
		t.Errorf("moved into a deleted sector: %v", err)
	}
}

func TestGenerationBumpsOnWrite(t *testing.T) {
	s := newStore(t)
	g1, _ := s.Generation()
	s.AddNote(code("688111"), "x")
	g2, _ := s.Generation()
	if g2 != g1+1 {
		t.Errorf("generation %d → %d", g1, g2)
	}
}

// Two writers on one file, as two processes would be: every write lands.
func TestConcurrentWritersLoseNothing(t *testing.T) {
	s := newStore(t)
	var wg sync.WaitGroup
	const each = 25
	for w := 0; w < 2; w++ {
		other, err := Open(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func(st *Store, w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				if _, err := st.AddNote(code("688111"), strings.Repeat("w", w+1)); err != nil {
					t.Error(err)
				}
			}
		}(other, w)
	}
	wg.Wait()
	tk, _ := s.Get(code("688111"))
	if len(tk.Notes) != 2*each {
		t.Errorf("%d notes, want %d", len(tk.Notes), 2*each)
	}
}

// A process that holds the file (an old zixuan, or bbolt's own tools) makes
// others fail within about a second with a clear message, never hang.
func TestLockedFileFailsFast(t *testing.T) {
	s := newStore(t)
	db, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	done := make(chan error, 1)
	go func() { _, err := s.AddNote(code("688111"), "x"); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), s.Path()) {
			t.Errorf("locked write: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("write on a locked file hung")
	}
}

func checksum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestBadFilesAreRefusedAndUntouched(t *testing.T) {
	dir := t.TempDir()
	good := newStore(t)
	goodBytes, _ := os.ReadFile(good.Path())

	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	random := make([]byte, 64*1024)
	for i := range random {
		random[i] = byte(i*7919 + i>>3)
	}
	other := filepath.Join(dir, "other.db")
	odb, _ := bolt.Open(other, 0o600, nil)
	odb.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
	odb.Close()
	newer := filepath.Join(dir, "newer.db")
	os.WriteFile(newer, goodBytes, 0o600)
	ndb, _ := bolt.Open(newer, 0o600, nil)
	ndb.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion+1)))
	})
	ndb.Close()

	cases := map[string]struct{ path, want string }{
		"truncated": {write("trunc.db", goodBytes[:5000]), "damaged"},
		"random":    {write("random.db", random), "damaged"},
		"empty":     {write("empty.db", nil), "empty"},
		"text":      {write("notes.txt", []byte("just some text, not a database\n")), "damaged"},
		"other":     {other, "not a zixuan database"},
		"newer":     {newer, "newer zixuan"},
		"directory": {dir, "is a directory"},
	}
	for name, c := range cases {
		var before [32]byte
		if name != "directory" {
			before = checksum(t, c.path)
		}
		_, err := Open(c.path)
		if err == nil {
			t.Errorf("%s: opened", name)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, c.want) || !strings.Contains(msg, c.path) || strings.Contains(msg, "\n") {
			t.Errorf("%s: error %q should be one line naming the file and saying %q", name, msg, c.want)
		}
		if name != "directory" && checksum(t, c.path) != before {
			t.Errorf("%s: the file was changed", name)
		}
	}
}

func TestMissingParentIsCreated(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a", "b", "zixuan.db")
	if _, err := Open(p); err != nil {
		t.Fatal(err)
	}
}

func TestFindSectorNastyInput(t *testing.T) {
	s := newStore(t)
	list, _ := s.Sectors()
	for _, in := range []string{"", "   ", "\x00", strings.Repeat("ai", 1<<18), "ａｉ", "Ｃｏｍｐｕｔｅ", "算 力", "\ufeffai"} {
		sec, err := sectors.FindSector(list, in)
		if err != nil && len(err.Error()) > 400 {
			t.Errorf("sectors.FindSector(%.20q): error of %d bytes", in, len(err.Error()))
		}
		if err == nil && sec.ID == "" {
			t.Errorf("sectors.FindSector(%.20q) matched an empty sector", in)
		}
	}
	for in, want := range map[string]string{"ａｉ": "ai", "Ｃｏｍｐｕｔｅ": "compute", "算 力": "compute", "制造业数字化": "manufacturing"} {
		if sec, err := sectors.FindSector(list, in); err != nil || sec.ID != want {
			t.Errorf("sectors.FindSector(%q) = %v, %v; want %s", in, sec.ID, err, want)
		}
	}
}

func FuzzFindSector(f *testing.F) {
	list := []sectors.Sector{{ID: "ai", Name: "AI applications", NameZH: "AI 应用"}, {ID: "军工", Name: "军工", NameZH: "军工"}}
	for _, s := range []string{"ai", "AI 应用", "军工", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		sec, err := sectors.FindSector(list, in)
		if err == nil && sectors.FoldSectorName(in) != sectors.FoldSectorName(sec.ID) && sectors.FoldSectorName(in) != sectors.FoldSectorName(sec.Name) && sectors.FoldSectorName(in) != sectors.FoldSectorName(sec.NameZH) {
			t.Errorf("sectors.FindSector(%q) matched %q loosely", in, sec.ID)
		}
	})
}

// In the flat layout a ticker's notes and ratings sort under its key:
// neighbours never see each other's, ids count per ticker and are never
// reused, and Load and Get agree.
func TestNeighboursKeepTheirOwnNotes(t *testing.T) {
	s := newStore(t)
	for _, c := range []string{"SH000001", "SZ000001", "SZ000002"} {
		if _, err := s.AddTicker(code(c), "x", sectors.SectorAI, sectors.Unrated, ""); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 3; i++ {
		for _, c := range []string{"SZ000001", "SH000001", "SZ000002"} {
			if _, err := s.AddNote(code(c), fmt.Sprintf("%s-%d", c, i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.DeleteNote(code("SZ000001"), 3); err != nil {
		t.Fatal(err)
	}
	n, err := s.AddNote(code("SZ000001"), "after delete")
	if err != nil || n.ID != 4 {
		t.Errorf("next id after a deleted #3 = %d, %v; want 4", n.ID, err)
	}
	snap, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range snap.Tickers {
		got, _ := s.Get(tk.Code)
		if len(got.Notes) != len(tk.Notes) || len(got.Ratings) != len(tk.Ratings) {
			t.Errorf("%s: Load has %d notes/%d ratings, Get %d/%d", tk.Code, len(tk.Notes), len(tk.Ratings), len(got.Notes), len(got.Ratings))
		}
		for i, note := range tk.Notes {
			if !strings.HasPrefix(note.Text, tk.Code.Key()) && note.Text != "after delete" {
				t.Errorf("%s shows %q", tk.Code, note.Text)
			}
			if i > 0 && note.ID >= tk.Notes[i-1].ID {
				t.Errorf("%s notes not newest first: %d after %d", tk.Code, note.ID, tk.Notes[i-1].ID)
			}
		}
		if tk.Code.Key() == "SH000001" && (len(tk.Notes) != 3 || tk.Notes[2].ID != 1) {
			t.Errorf("SH000001 notes %+v", tk.Notes)
		}
	}
	if problems, err := s.Check(); err != nil || len(problems) != 0 {
		t.Errorf("Check: %v %v", problems, err)
	}
}

// A database cut short at any point is refused with an error by every
// entry point, Check included (bbolt runs its check in a goroutine of its
// own, where a read past the end of the file would kill the process).
func TestTruncatedAnywhereIsAnErrorNotACrash(t *testing.T) {
	s := newStore(t)
	for i := 0; i < 40; i++ { // a file of several pages
		if _, err := s.AddNote(code("688111"), strings.Repeat("长笔记", 200)); err != nil {
			t.Fatal(err)
		}
	}
	good, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	var used int64 // bytes the database's pages need; the file may be longer
	if err := s.view(func(tx *bolt.Tx) error { used = tx.Size(); return nil }); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tried := 0
	step := max(len(good)/48/4096, 1) * 4096
	for cut := 4096; cut < len(good); cut += step {
		for _, at := range []int{cut, cut + 1234} {
			p := filepath.Join(dir, fmt.Sprintf("cut%d.db", at))
			if err := os.WriteFile(p, good[:at], 0o600); err != nil {
				t.Fatal(err)
			}
			tried++
			// the real assertion is that this process is still alive
			problems, checkErr := CheckFile(p)
			st, openErr := Open(p)
			var loadErr error
			if openErr == nil {
				_, loadErr = st.Load()
			}
			if int64(at) < used && (checkErr == nil && len(problems) == 0 || openErr == nil && loadErr == nil) {
				t.Errorf("a file cut at %d (its pages need %d bytes) was accepted: check %v %v, open %v, load %v", at, used, problems, checkErr, openErr, loadErr)
			}
		}
	}
	if tried < 4 {
		t.Fatalf("the file has only %d bytes: the test cut it %d times", len(good), tried)
	}
}

// An idle TUI polls the generation every second: a settled file that is
// unchanged answers from the stamp, without an open; a write by another
// process (another Store) is still seen at the next poll.
func TestGenerationOfAnUnchangedFileSkipsTheOpen(t *testing.T) {
	s := newStore(t)
	if _, err := s.AddNote(code("688111"), "x"); err != nil {
		t.Fatal(err)
	}
	g1, _ := s.Generation()
	if s.seen.Load() != nil {
		t.Fatal("a file written a moment ago was trusted by its stamp")
	}
	time.Sleep(settled + 100*time.Millisecond)
	if g, _ := s.Generation(); g != g1 || s.seen.Load() == nil {
		t.Fatalf("a settled file: generation %d (want %d), remembered %v", g, g1, s.seen.Load() != nil)
	}
	other, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.AddNote(code("688111"), "y"); err != nil {
		t.Fatal(err)
	}
	if g, _ := s.Generation(); g != g1+1 {
		t.Fatalf("after another process's write the generation is %d, want %d", g, g1+1)
	}
}
