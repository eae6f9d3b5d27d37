package store

import (
	"path/filepath"
	"testing"

	"zixuan/sectors"
)

// A ticker added to a sector made for it: the sector and the ticker land
// together, read back from the file by another handle, and a refusal of
// either leaves both out.
func TestAddToNewSectorWritesBothOrNeither(t *testing.T) {
	path := filepath.Join(t.TempDir(), "zixuan.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	buy := sectors.Buy
	res, err := s.AddToNewSector(code("600519"), "Liquor", "白酒", AddOptions{Rating: &buy})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sector.ID != "liquor" || res.Sector.NameZH != "白酒" || res.Ticker.Sector != "liquor" || res.Ticker.Rating != sectors.Buy {
		t.Fatalf("added %+v to %+v", res.Ticker, res.Sector)
	}
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := other.Load()
	if err != nil {
		t.Fatal(err)
	}
	if last := snap.Sectors[len(snap.Sectors)-1]; last.ID != "liquor" || last.Order <= snap.Sectors[0].Order {
		t.Errorf("the new sector is not last: %+v", snap.Sectors)
	}
	found := false
	for _, tk := range snap.Tickers {
		if tk.Code == code("600519") {
			found = tk.Sector == "liquor" && tk.Name == "贵州茅台"
		}
	}
	if !found {
		t.Errorf("600519 is not in the new sector as another handle reads it")
	}

	// A name written in Chinese only is both names, as the S dialog and
	// `sector add` make it.
	res, err = s.AddToNewSector(code("000858"), "  机器人 ", "", AddOptions{})
	if err != nil || res.Sector.ID != "机器人" || res.Sector.Name != "机器人" || res.Sector.NameZH != "机器人" {
		t.Errorf("Chinese name: %+v %v", res.Sector, err)
	}

	long := "Semiconductors and the equipment that makes them, worldwide"
	refusals := []struct {
		what        string
		code        string
		name, zh    string
		kind        error
		reason      Reason
		sameAsAlone bool // AddSector refuses the names alike
	}{
		{"no name", "600036", "  ", "", ErrInvalid, SectorNameEmpty, true},
		{"punctuation only", "600036", "--", "", ErrInvalid, SectorNameEmpty, true},
		{"too long", "600036", long, "", ErrInvalid, SectorNameLong, true},
		{"an existing sector's id", "600036", "AI", "", ErrExists, SectorExists, true},
		{"an existing sector's Chinese name", "600036", "Compute power", "算力", ErrExists, SectorExists, true},
		{"the ticker is on the list already", "688041", "Robots", "", ErrExists, AlreadyOnList, false},
	}
	for _, r := range refusals {
		before := gen(t, s)
		secs, _ := s.Sectors()
		_, err := s.AddToNewSector(code(r.code), r.name, r.zh, AddOptions{})
		if !isReason(err, r.kind, r.reason) {
			t.Errorf("%s: %v", r.what, err)
			continue
		}
		if r.sameAsAlone {
			_, plain := s.AddSector(r.name, r.zh)
			if plain == nil || plain.Error() != err.Error() {
				t.Errorf("%s: %q, but a sector alone is refused with %q", r.what, err, plain)
			}
			if early := CheckNewSector(secs, r.name, r.zh); early == nil || early.Error() != err.Error() {
				t.Errorf("%s: %q, but the check before the write says %v", r.what, err, early)
			}
		}
		after, _ := s.Sectors()
		if gen(t, s) != before || len(after) != len(secs) {
			t.Errorf("%s: the file changed (%d → %d sectors)", r.what, len(secs), len(after))
		}
		if tk, err := s.Get(code(r.code)); r.code == "600036" && err == nil && tk.OnList() {
			t.Errorf("%s: the ticker was added", r.what)
		}
	}

	if secs, _ := s.Sectors(); CheckNewSector(secs, "Robots", "机器人 2") != nil {
		t.Errorf("free names refused")
	}

	// a rename is held to the same bound as a new name
	if _, err := s.RenameSector("ai", long, ""); !isReason(err, ErrInvalid, SectorNameLong) {
		t.Errorf("a long rename: %v", err)
	}

	// A removed ticker comes back into the new sector with its notes.
	if _, err := s.AddNote(code("688041"), "kept"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveTicker(code("688041")); err != nil {
		t.Fatal(err)
	}
	res, err = s.AddToNewSector(code("688041"), "Chips", "", AddOptions{})
	if err != nil || !res.Revived || res.Ticker.Sector != "chips" || len(res.Ticker.LiveNotes()) == 0 {
		t.Errorf("brought back: %+v %v", res, err)
	}
}
