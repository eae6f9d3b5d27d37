package export

import (
	"path/filepath"
	"sync"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
	"zixuan/store"
)

// t0 is the fixed start of the test clock.
var t0 = time.Date(2030, 1, 2, 1, 30, 0, 0, time.UTC) // after any wall-clock seed time

// stepClock returns a clock that starts at t0 and advances a minute per
// call, so every timestamp in a fixture is distinct and reproducible.
func stepClock() func() time.Time {
	var mu sync.Mutex
	n := 0
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		n++
		return t0.Add(time.Duration(n) * time.Minute)
	}
}

func mustCode(s string) market.Code { return market.MustParseCode(s) }

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// fixture is a real store with the report's 25 tickers and a user's
// changes on top: ratings changed, notes (one a formula, one multi-line
// with a pipe, one edited, one deleted), a user sector with a Beijing
// ticker, a custom name and a removed ticker.
func fixture(t *testing.T) (*store.Store, []sectors.Ticker, Options) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "zixuan.db"))
	check(t, err)
	s.SetClock(stepClock())
	// the fixture is dated ahead of the wall clock: imports of it check
	// rating dates against the fixture's own time
	old := parseNow
	parseNow = func() time.Time { return t0.AddDate(0, 1, 0) }
	t.Cleanup(func() { parseNow = old })
	_, err = s.SetRating(mustCode("688111"), sectors.Buy, sectors.SourceUser, "Q3 beat")
	check(t, err)
	_, err = s.SetRating(mustCode("002230"), sectors.Neutral, "", "")
	check(t, err)
	_, err = s.AddNote(mustCode("688111"), "=HYPERLINK(\"http://evil\",\"click\")")
	check(t, err)
	_, err = s.AddNote(mustCode("688111"), "WPS AI 付费率提升\n目标价 | 300")
	check(t, err)
	n, err := s.AddNote(mustCode("300634"), "-U 标记已摘")
	check(t, err)
	check(t, s.EditNote(mustCode("300634"), n.ID, "@运营商 AI 订单"))
	n, err = s.AddNote(mustCode("300634"), "deleted note")
	check(t, err)
	check(t, s.DeleteNote(mustCode("300634"), n.ID))
	_, err = s.AddSector("Defense", "军工")
	check(t, err)
	_, err = s.AddTicker(mustCode("920002"), "", "defense", sectors.Overweight, "")
	check(t, err)
	check(t, s.SetName(mustCode("000977"), "浪潮"))
	check(t, s.RemoveTicker(mustCode("688590")))
	snap, err := s.Load()
	check(t, err)
	// Open seeds with the wall clock; pin those times for the goldens.
	for i := range snap.Tickers {
		tk := &snap.Tickers[i]
		if tk.Added.Before(t0) {
			tk.Added = t0
		}
		if tk.Updated.Before(t0) {
			tk.Updated = t0
		}
	}
	for i := range snap.Sectors {
		if snap.Sectors[i].Created.Before(t0) {
			snap.Sectors[i].Created = t0
		}
	}
	opts := Options{Source: snap.Source, Sectors: snap.Sectors, Now: func() time.Time { return t0.Add(time.Hour) }}
	return s, snap.Tickers, opts
}
