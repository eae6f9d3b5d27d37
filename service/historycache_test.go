package service

import (
	"slices"
	"testing"
	"time"

	"zixuan/sectors"
)

// A check at every quote refresh reads the histories once: the next check
// at the same generation on the same day is answered from the cache, with
// the same result; a write to the store, or a new day, reads them again.
func TestHistoryCacheReadsOncePerGenerationAndDay(t *testing.T) {
	st := newStore(t)
	addAlert(t, st, "002230", sectors.AlertSinceCall, 50, false) // +20 %: armed, judged
	addAlert(t, st, "002230", sectors.AlertDrawdown, 30, false)  // 14.29 %: armed, judged
	addAlert(t, st, "002230", sectors.AlertAbove, 20, false)     // a level: its events are read
	storeHistory(t, st, "002230", 10, 14)
	storeHistory(t, st, sectors.Benchmark.Key(), 3000, 3300)
	now := checkNow
	svc := &Service{Store: st, Now: func() time.Time { return now }}
	reads := 0
	counting := func(need HistoryNeed) (map[string]sectors.PriceHistory, bool, error) {
		reads++
		return svc.StoredHistory(need)
	}
	cache := &HistoryCache{}
	quotes := fixedQuotes(trade("002230", 12, 14), trade(sectors.Benchmark.Key(), 3300, 3300))
	check := func() AlertResult {
		t.Helper()
		res, err := svc.CheckAlerts(AlertCheck{Quotes: quotes, History: counting, Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := check()
	if reads != 2 { // the since-call histories and the level's events
		t.Fatalf("the first check read %d times, want 2", reads)
	}
	again := check()
	if reads != 2 {
		t.Errorf("a second check at the same generation read the histories again (%d reads)", reads)
	}
	uncached, err := svc.CheckAlerts(AlertCheck{Quotes: quotes})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []AlertResult{again, uncached} {
		if len(r.Unjudged) != len(first.Unjudged) || !slices.Equal(firedIDs(r), firedIDs(first)) {
			t.Errorf("cached %+v, uncached %+v", r, first)
		}
	}
	if len(first.Unjudged) != 0 {
		t.Errorf("unjudged %+v: the since-call and drawdown alerts were not measured", first.Unjudged)
	}

	storeHistory(t, st, "002230", 10, 15) // a write: the generation moves
	check()
	if reads != 4 {
		t.Errorf("after a write: %d reads, want 4", reads)
	}
	now = now.AddDate(0, 0, 1) // a new day keeps other bars
	check()
	if reads != 6 {
		t.Errorf("on a new day: %d reads, want 6", reads)
	}
}
