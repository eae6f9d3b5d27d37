package store

import (
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// A history starts at a ticker's first rating: no "Unrated → Unrated" for
// an unrated report ticker or one added unrated, and such entries already
// in a file are not shown.
func TestHistoryStartsAtFirstRating(t *testing.T) {
	s := newStore(t)
	hist := func(c string) []sectors.RatingChange {
		t.Helper()
		tk, err := s.Get(code(c))
		if err != nil {
			t.Fatal(err)
		}
		return tk.Ratings
	}
	if h := hist("688088"); len(h) != 0 { // 虹软科技: unrated in the report
		t.Errorf("unrated report ticker has history %+v", h)
	}
	if h := hist("002230"); len(h) != 1 || h[0].From != sectors.Unrated || h[0].To != sectors.Buy {
		t.Errorf("rated report ticker's history %+v", h)
	}
	if _, err := s.AddTicker(code("600519"), "", sectors.SectorAI, sectors.Unrated, ""); err != nil {
		t.Fatal(err)
	}
	if h := hist("600519"); len(h) != 0 {
		t.Errorf("added unrated, history %+v", h)
	}
	if _, err := s.AddTicker(code("000858"), "", sectors.SectorAI, sectors.Buy, ""); err != nil {
		t.Fatal(err)
	}
	if h := hist("000858"); len(h) != 1 || h[0].To != sectors.Buy || h[0].Reason != sectors.ReasonAdded {
		t.Errorf("added as buy, history %+v", h)
	}
	// a file written before: the self entry is there, and hidden
	if err := s.update(func(tx *bolt.Tx) error {
		return refOf(tx, code("600519")).appendRatings(sectors.RatingChange{From: sectors.Unrated, To: sectors.Unrated, At: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC), Source: "user", Reason: sectors.ReasonAdded})
	}); err != nil {
		t.Fatal(err)
	}
	if h := hist("600519"); len(h) != 0 {
		t.Errorf("an old self entry is shown: %+v", h)
	}
	snap, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range snap.Tickers {
		for _, r := range tk.Ratings {
			if r.From == r.To && r.Reason == "" {
				t.Errorf("%s: entry from %s to itself: %+v", tk.Code, r.From, r)
			}
		}
		if tk.Code == code("600519") && len(tk.Ratings) != 0 {
			t.Errorf("Load shows the old self entry: %+v", tk.Ratings)
		}
	}
	// the first real rating starts the history
	if _, err := s.SetRating(code("600519"), sectors.Buy, "", ""); err != nil {
		t.Fatal(err)
	}
	if h := hist("600519"); len(h) != 1 || h[0].From != sectors.Unrated || h[0].To != sectors.Buy {
		t.Errorf("after the first rating: %+v", h)
	}
}

func TestMoveToTheSameSectorChangesNothing(t *testing.T) {
	s := newStore(t)
	before, _ := s.Get(code("002230"))
	g1, _ := s.Generation()
	s.SetClock(func() time.Time { return before.Updated.Add(48 * time.Hour) })
	_, moved, err := s.Move(code("002230"), before.Sector)
	if err != nil || moved {
		t.Fatalf("move to its own sector: moved=%v err=%v", moved, err)
	}
	after, _ := s.Get(code("002230"))
	g2, _ := s.Generation()
	if !after.Updated.Equal(before.Updated) || g2 != g1 {
		t.Errorf("a move to the same sector changed the ticker: updated %v → %v, generation %d → %d", before.Updated, after.Updated, g1, g2)
	}
	if _, moved, err := s.Move(code("002230"), sectors.SectorCompute); err != nil || !moved {
		t.Errorf("a real move: moved=%v err=%v", moved, err)
	}
}
