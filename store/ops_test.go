package store

import (
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// gen reads the generation, which every write transaction bumps once: a
// domain operation that bumps it by one was one transaction.
func gen(t *testing.T, s *Store) uint64 {
	t.Helper()
	g, err := s.Generation()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestAddOrRestoreBringsBackAndRerates(t *testing.T) {
	s := newStore(t)
	mt := code("600519")
	buy, neutral := sectors.Buy, sectors.Neutral
	if _, err := s.AddOrRestore(mt, AddOptions{Sector: "算力", Rating: &buy}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(mt, "白酒"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveTicker(mt); err != nil {
		t.Fatal(err)
	}
	before := gen(t, s)
	res, err := s.AddOrRestore(mt, AddOptions{Sector: "AI 应用", Rating: &neutral, Rerate: true})
	if err != nil {
		t.Fatal(err)
	}
	if g := gen(t, s); g != before+1 {
		t.Errorf("bringing back and re-rating took %d transactions, want 1", g-before)
	}
	tk := res.Ticker
	if !res.Revived || !res.Rerated || !tk.OnList() || tk.Rating != sectors.Neutral || tk.Sector != sectors.SectorAI || res.Sector.ID != sectors.SectorAI {
		t.Errorf("result %+v", res)
	}
	if len(tk.LiveNotes()) != 1 || tk.Ratings[len(tk.Ratings)-1].From != sectors.Buy {
		t.Errorf("notes %v, history %+v", tk.LiveNotes(), tk.Ratings)
	}
	// without Rerate a ticker brought back keeps its rating
	if err := s.RemoveTicker(mt); err != nil {
		t.Fatal(err)
	}
	res, err = s.AddOrRestore(mt, AddOptions{Sector: "compute", Rating: &buy})
	if err != nil || res.Rerated || res.Ticker.Rating != sectors.Neutral {
		t.Errorf("brought back without Rerate: %+v %v", res, err)
	}
	// an unknown sector is refused before anything changes
	before = gen(t, s)
	if _, err := s.AddOrRestore(code("600036"), AddOptions{Sector: "白酒"}); !isReason(err, ErrNotFound, NoSuchSector) {
		t.Errorf("unknown sector: %v", err)
	}
	if gen(t, s) != before {
		t.Error("a refused add changed the file")
	}
}

func TestRateWithReferenceIsOneTransaction(t *testing.T) {
	s := newStore(t)
	day := time.Date(2026, 11, 30, 10, 0, 0, 0, market.China)
	s.SetClock(func() time.Time { return day })
	kdxf := code("002230")
	before := gen(t, s)
	res, err := s.Rate(kdxf, sectors.Overweight, RateOptions{Reason: "估值", RefPrice: 48.5})
	if err != nil {
		t.Fatal(err)
	}
	if g := gen(t, s); g != before+1 {
		t.Errorf("rate with a reference took %d transactions, want 1", g-before)
	}
	if !res.Changed || !res.RefDay.Equal(market.ChinaDay(day)) {
		t.Errorf("result %+v", res)
	}
	refs, err := s.RefPrices()
	if err != nil {
		t.Fatal(err)
	}
	ref, ok := sectors.RefFor(refs[kdxf.Key()], day)
	if !ok || ref.Close != 48.5 || ref.Adjusted || ref.Source != sectors.SourceUser {
		t.Errorf("reference %+v %v", ref, ok)
	}
	// the same rating with only a price: the reference goes to the day of
	// the rating in force, and no history entry is written
	later := day.Add(48 * time.Hour)
	s.SetClock(func() time.Time { return later })
	res, err = s.Rate(kdxf, sectors.Overweight, RateOptions{RefPrice: 49})
	if err != nil || res.Changed || !res.RefDay.Equal(market.ChinaDay(day)) {
		t.Errorf("reaffirming price: %+v %v", res, err)
	}
	// a bad price is refused and nothing is written, the rating included
	before = gen(t, s)
	if _, err := s.Rate(kdxf, sectors.Sell, RateOptions{RefPrice: -3}); !isReason(err, ErrInvalid, BadPrice) {
		t.Errorf("negative reference: %v", err)
	}
	if tk, _ := s.Get(kdxf); tk.Rating != sectors.Overweight || gen(t, s) != before {
		t.Errorf("a refused rate changed the file: rating %v", tk.Rating)
	}
}

func TestSectorsNamedByIDOrName(t *testing.T) {
	s := newStore(t)
	if _, err := s.AddSector("Liquor", "白酒"); err != nil {
		t.Fatal(err)
	}
	sec, _, err := s.Move(code("688041"), "白酒")
	if err != nil || sec.ID != "liquor" {
		t.Fatalf("move by Chinese name: %+v %v", sec, err)
	}
	if tk, _ := s.Get(code("688041")); tk.Sector != "liquor" {
		t.Errorf("moved to %q", tk.Sector)
	}
	if _, err := s.RenameSector("Liquor", "Baijiu", ""); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Move(code("688041"), "compute"); err != nil {
		t.Fatal(err)
	}
	sec, err = s.DeleteSector("baijiu")
	if err != nil || sec.ID != "liquor" {
		t.Errorf("delete by new name: %+v %v", sec, err)
	}
}
