package store

import (
	"strings"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

func TestImportMergesNeverClobbers(t *testing.T) {
	s := newStore(t)
	if _, err := s.AddNote(code("688111"), "mine"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveTicker(code("300634")); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)
	items := []sectors.ImportItem{
		{Line: 2, Code: code("688111"), HasRating: true, Rating: sectors.Sell, Notes: []sectors.Note{{Text: "mine"}, {Text: "theirs", Created: at}}},
		{Line: 3, Code: code("300634")},                    // removed: back, into --sector
		{Line: 4, Code: code("920002"), Sector: "nowhere"}, // unknown sector: --sector
		{Line: 5, Code: code("600519"), Name: "茅台"},        // custom name kept
		{Line: 6, Code: code("002230"), Sector: "Compute"}, // on the list: a csv (no date) does not move it
		{Line: 7, Code: code("000977"), Sector: "nowhere"}, // on the list, unknown sector: stays
	}
	rep, err := s.Import(items, ImportOptions{Source: "import:x.csv", Sector: "quantum"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 2 || len(rep.Updated) != 2 || len(rep.Unchanged) != 2 {
		t.Fatalf("report %+v", rep)
	}
	tk, _ := s.Get(code("688111"))
	if len(tk.Notes) != 2 || tk.Notes[0].Text != "theirs" || !tk.Notes[0].Created.Equal(at) {
		t.Errorf("notes %+v: want mine kept and theirs added once", tk.Notes)
	}
	last := tk.Ratings[len(tk.Ratings)-1]
	if tk.Rating != sectors.Sell || last.Source != "import:x.csv" || last.From != sectors.Overweight || tk.RatingSource != "import:x.csv" {
		t.Errorf("rating %s, last change %+v", tk.Rating, last)
	}
	if tk, _ := s.Get(code("300634")); !tk.OnList() || tk.Sector != sectors.SectorQuantum {
		t.Errorf("300634: on list %v in %s", tk.OnList(), tk.Sector)
	}
	if tk, _ := s.Get(code("920002")); tk.Sector != sectors.SectorQuantum || tk.Name != "万达轴承" {
		t.Errorf("920002 in %s named %s", tk.Sector, tk.Name)
	}
	if tk, _ := s.Get(code("600519")); tk.CustomName != "茅台" || tk.Name != "茅台" {
		t.Errorf("600519 custom name %q", tk.CustomName)
	}
	if tk, _ := s.Get(code("002230")); tk.Sector != sectors.SectorAI {
		t.Errorf("002230 moved to %s by a file that cannot say when it was written", tk.Sector)
	}
	if kept := strings.Join(rep.Unchanged[0].Kept, ";"); !strings.Contains(kept, "the file says compute") {
		t.Errorf("the kept sector is not reported: %q", kept)
	}
	if tk, _ := s.Get(code("000977")); tk.Sector != sectors.SectorCompute {
		t.Errorf("000977 moved to %s", tk.Sector)
	}

	// The same import again adds nothing.
	rep, err = s.Import(items, ImportOptions{Source: "import:x.csv", Sector: "quantum"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added)+len(rep.Updated) != 0 {
		t.Errorf("second import: %+v", rep)
	}
}

func TestImportIsOneTransaction(t *testing.T) {
	s := newStore(t)
	gen, _ := s.Generation()
	items := []sectors.ImportItem{
		{Line: 1, Code: code("600519")},
		{Line: 2, Code: code("688999")}, // not in the master, no name
	}
	_, err := s.Import(items, ImportOptions{FileSector: "x"})
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("err = %v", err)
	}
	if g, _ := s.Generation(); g != gen {
		t.Error("a failed import wrote")
	}
	if _, err := s.Get(code("600519")); err == nil {
		t.Error("the good row before the failure was written")
	}
	if _, err := s.Import(items[:1], ImportOptions{Sector: "nope"}); err == nil {
		t.Error("an unknown --sector was accepted")
	}
}

// An imported rating is a call of the day the file gives it (or the day
// the file was written), not of the day it was imported: the scorecard
// measures it from there.
func TestImportedRatingIsDatedByTheFile(t *testing.T) {
	s := newStore(t)
	now := time.Date(2026, 12, 6, 2, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	rated := time.Date(2026, 3, 2, 0, 0, 0, 0, market.China)
	written := time.Date(2026, 4, 1, 0, 0, 0, 0, market.China)
	items := []sectors.ImportItem{
		{Line: 2, Code: code("688111"), HasRating: true, Rating: sectors.Sell, RatingAt: rated},
		{Line: 3, Code: code("002230"), HasRating: true, Rating: sectors.Sell},
	}
	if _, err := s.Import(items, ImportOptions{Source: "import:x.json", FileTime: written}); err != nil {
		t.Fatal(err)
	}
	for c, want := range map[string]time.Time{"688111": rated, "002230": written} {
		tk, _ := s.Get(code(c))
		last := tk.Ratings[len(tk.Ratings)-1]
		if !last.At.Equal(want) || !tk.RatingAt.Equal(want) {
			t.Errorf("%s: rated at %v (change %v), want the file's %v", c, tk.RatingAt, last.At, want)
		}
	}
}
