package cli

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
	"zixuan/store"
)

// Loading histories through a keep function gives what keep gives of the
// whole histories loaded, across a fetch that brings days before and
// after the stored ones, a distribution, and days stored again (whose
// highs the stored cut chose among).
func TestLoadHistoryKeepingIsKeepOfTheWholeHistory(t *testing.T) {
	setNow(t, "2024-08-30 20:00")
	ks := newKlineServer(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	stock := market.MustParseCode("300634")
	from, to := time.Date(2024, 5, 6, 0, 0, 0, 0, market.China), time.Date(2024, 6, 28, 0, 0, 0, 0, market.China)
	updates := map[string]store.HistoryUpdate{}
	for _, code := range []market.Code{stock, sectors.Benchmark} {
		var bars []sectors.DailyBar
		p := 30.0 // above the server's closes: a day stored again is lower
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			if market.IsTradingDay(d) {
				p *= 1.01 // rising: the newest day of a run is its high
				bars = append(bars, sectors.DailyBar{Date: d, Close: p, High: p * 1.02, Low: p * 0.98, Open: p})
			}
		}
		// the last two weeks not vouched for: fetched again, the server's
		// days replace the stored ones
		held := sectors.DayRange{From: from, To: time.Date(2024, 6, 14, 0, 0, 0, 0, market.China)}
		updates[code.Key()] = store.HistoryUpdate{Fetched: sectors.PriceHistory{Code: code, Bars: bars}, Covered: []sectors.DayRange{held}}
	}
	st.SetClock(func() time.Time { return to.Add(16 * time.Hour) })
	if err := st.SaveHistories(updates); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "b.db")
	if err := os.WriteFile(other, data, 0o600); err != nil {
		t.Fatal(err)
	}
	codes := []market.Code{sectors.Benchmark, stock}
	calls := []time.Time{time.Date(2024, 5, 20, 0, 0, 0, 0, market.China), time.Date(2024, 6, 12, 0, 0, 0, 0, market.China)}
	now := nowFunc()
	keep := func(h sectors.PriceHistory) []sectors.DailyBar {
		if h.Code == sectors.Benchmark {
			return h.Bars
		}
		return sectors.KeepForHighs(h, calls, nil, now)
	}
	load := func(path string, k barKeeper) map[string]sectors.PriceHistory {
		s, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		a := &App{root: &Root{DB: path, QuotesURL: ks.URL}, dbPath: path, Out: io.Discard, Err: io.Discard}
		h, online, err := a.loadHistoryKeeping(s, codes, calls[0], true, k)
		if err != nil || !online {
			t.Fatalf("load: online %v, %v", online, err)
		}
		return h
	}
	kept := load(db, keep)
	whole := load(other, nil)
	if len(whole[stock.Key()].Events) == 0 || len(whole[stock.Key()].Bars) < 60 {
		t.Fatalf("the fetch brought no distribution or too few days: %d bars, %v", len(whole[stock.Key()].Bars), whole[stock.Key()].Events)
	}
	for k, h := range whole {
		h.Bars = keep(h)
		if !reflect.DeepEqual(h, kept[k]) {
			t.Errorf("%s: kept while loading\n%+v\nkeep of the whole history\n%+v", k, kept[k], h)
		}
	}
	if n := len(kept[stock.Key()].Bars); n >= len(whole[stock.Key()].Bars) {
		t.Errorf("kept %d of %d bars: nothing cut", n, len(whole[stock.Key()].Bars))
	}
}
