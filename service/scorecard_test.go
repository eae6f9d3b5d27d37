package service

import (
	"math"
	"testing"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

func scoredCall(sc sectors.Scorecard, code string) (sectors.ScoredCall, bool) {
	for _, c := range sc.Calls {
		if c.Code.Key() == code && c.Err == nil {
			return c, true
		}
	}
	return sectors.ScoredCall{}, false
}

// The scorecard of the store is computed from the stored history, and a
// live trade is the latest price.
func TestScorecardFromTheStoredHistoryAndTheQuotes(t *testing.T) {
	st := newStore(t)
	storeHistory(t, st, "002230", 10, 14)
	storeHistory(t, st, sectors.Benchmark.Key(), 3000, 3300)
	snap, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	svc := &Service{Store: st, Now: func() time.Time { return checkNow }}
	res, err := svc.Scorecard(ScorecardAsk{Snapshot: snap})
	if err != nil {
		t.Fatal(err)
	}
	c, ok := scoredCall(res.Scorecard, "SZ002230")
	if !ok || math.Abs(c.Result.ReturnPct-40) > 1e-9 || math.Abs(c.Result.ExcessPct-30) > 1e-9 || res.Online {
		t.Errorf("from the history: %+v (online %v)", c.Result, res.Online)
	}
	res, err = svc.Scorecard(ScorecardAsk{Snapshot: snap, Quotes: fixedQuotes(trade("002230", 12, 14), trade(sectors.Benchmark.Key(), 3300, 3300))})
	if err != nil {
		t.Fatal(err)
	}
	if c, ok = scoredCall(res.Scorecard, "SZ002230"); !ok || math.Abs(c.Result.ReturnPct-20) > 1e-9 {
		t.Errorf("with the quote: %+v", c.Result)
	}
}

// The history reader is the seam for fetching: it is asked, once, for
// the benchmarks and the calls' stocks from the earliest call, with
// Fetch set, and what it gives is what is scored.
func TestScorecardAsksItsReaderForWhatItNeeds(t *testing.T) {
	st := newStore(t)
	snap, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	calls := sectors.ScorableCalls(snap)
	own := market.MustParseCode("SZ399006")
	var asked []HistoryNeed
	read := func(need HistoryNeed) (map[string]sectors.PriceHistory, bool, error) {
		asked = append(asked, need)
		return map[string]sectors.PriceHistory{}, true, nil
	}
	svc := &Service{Store: st, Now: func() time.Time { return checkNow }}
	res, err := svc.Scorecard(ScorecardAsk{Snapshot: snap, Calls: calls, SectorBenchmarks: map[string]market.Code{"compute": own}, History: read})
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 1 || !res.Online {
		t.Fatalf("asked %d times, online %v", len(asked), res.Online)
	}
	need := asked[0]
	if !need.Fetch || len(need.Codes) < 3 || need.Codes[0] != sectors.Benchmark || need.Codes[1] != own {
		t.Errorf("need %+v", need)
	}
	earliest := calls[0].Day
	for _, c := range calls {
		if c.Day.Before(earliest) {
			earliest = c.Day
		}
	}
	if !need.From.Equal(earliest) {
		t.Errorf("from %s, want the earliest call %s", need.From, earliest)
	}
	bars := []sectors.DailyBar{{Date: earliest, Close: 1}, {Date: earliest.AddDate(1, 0, 0), Close: 2}}
	if kept := need.Keep(sectors.PriceHistory{Code: own, Bars: bars}); len(kept) != len(bars) {
		t.Errorf("a benchmark's history cut to %d bars", len(kept))
	}
	if len(res.Scorecard.Calls) != len(calls) {
		t.Errorf("%d calls scored of %d", len(res.Scorecard.Calls), len(calls))
	}
}
