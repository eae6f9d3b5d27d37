package ui

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"zixuan/sectors/market"

	"zixuan/sectors"
	"zixuan/store"
)

// randomHistory is n trading days of a random walk from start, with halts
// (runs of days without a bar) and distributions.
func randomHistory(r *rand.Rand, code market.Code, start time.Time, n int) sectors.PriceHistory {
	h := sectors.PriceHistory{Code: code}
	p := 10 + r.Float64()*50
	for d := start; len(h.Bars) < n; d = d.AddDate(0, 0, 1) {
		if !market.IsTradingDay(d) {
			continue
		}
		if r.IntN(40) == 0 { // a halt of a few days
			d = d.AddDate(0, 0, r.IntN(8))
			continue
		}
		if r.IntN(60) == 0 {
			h.Events = append(h.Events, sectors.ExRights{ExDate: d, CashPerShare: float64(r.IntN(5)) / 10, BonusPerShare: float64(r.IntN(5)) / 10})
		}
		p = max(0.5, p*(1+(r.Float64()-0.5)/10))
		c := float64(int(p*100)) / 100
		h.Bars = append(h.Bars, sectors.DailyBar{Date: d, Open: c, Close: c, High: c, Low: c, Volume: 1})
	}
	return h
}

// Cutting a history to the bars drawn for some days changes no return
// measured from those days: the reference close, the total return to a
// bar or to a quote, the scorecard's call with its horizons; the
// sparkline's closes are noted from the whole history before the cut.
func TestTrimmedHistoryGivesTheSameReturns(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 18))
	start := time.Date(2024, 5, 6, 0, 0, 0, 0, market.China)
	code := market.MustParseCode("300624")
	cut := 0
	for run := 0; run < 300; run++ {
		full := randomHistory(r, code, start, 60+r.IntN(450))
		bench := randomHistory(r, sectors.Benchmark, start, 500)
		span := full.Bars[len(full.Bars)-1].Date.Sub(start)
		var days []time.Time
		if run%10 != 0 { // else nothing needed but the sparkline
			for range 1 + r.IntN(20) {
				days = append(days, start.Add(time.Duration(r.Int64N(int64(span)+int64(40*24*time.Hour)))).Add(-20*24*time.Hour))
			}
		}
		trimmed := full
		cuts, closes := map[string]bool{}, map[string][]float64{}
		trimmed.Bars = keepCut(nil, map[string][]time.Time{code.Key(): days}, cuts, closes)(full)
		if cuts[code.Key()] != (len(trimmed.Bars) < len(full.Bars)) {
			t.Fatalf("run %d: %d of %d bars kept, noted as cut %v", run, len(trimmed.Bars), len(full.Bars), cuts[code.Key()])
		}
		if cuts[code.Key()] {
			cut++
		}
		if c := closes[code.Key()]; len(c) != sparkDays || !reflect.DeepEqual(c, lastCloses(full, sparkDays)) {
			t.Fatalf("run %d: the sparkline's closes noted as %v", run, c)
		}
		for _, at := range days {
			ref, ok := sectors.ReferenceAt(nil, full, at)
			tref, tok := sectors.ReferenceAt(nil, trimmed, at)
			if ok != tok || ref != tref {
				t.Fatalf("run %d: the reference at %s differs after the cut: %+v %v / %+v %v", run, at, ref, ok, tref, tok)
			}
			last := full.Bars[len(full.Bars)-1]
			latest := &sectors.Latest{Day: market.NextTradingDay(last.Date), Last: last.Close * 1.01, PrevClose: last.Close}
			for _, l := range []*sectors.Latest{nil, latest} {
				if !ok {
					break
				}
				g, err := sectors.TotalReturn(ref, full, l, time.Time{})
				tg, terr := sectors.TotalReturn(ref, trimmed, l, time.Time{})
				if (err == nil) != (terr == nil) || g != tg {
					t.Fatalf("run %d: the return since %s differs after the cut: %+v %v / %+v %v", run, at, g, err, tg, terr)
				}
			}
			cr, err := sectors.ScoreCall(at, nil, full, nil, bench, nil)
			tcr, terr := sectors.ScoreCall(at, nil, trimmed, nil, bench, nil)
			if (err == nil) != (terr == nil) || !reflect.DeepEqual(cr, tcr) {
				t.Fatalf("run %d: the call of %s scores differently after the cut:\n%+v %v\n%+v %v", run, at, cr, err, tcr, terr)
			}
		}
	}
	if cut < 200 {
		t.Fatalf("only %d of 300 histories were cut: the test does not test the cut", cut)
	}
}

// A reload that needs a day the histories were not cut for, before a
// history's last bar (a report of an earlier date, an import of older
// ratings), reads them again; one that does not (the same days, a rating
// given after the last bar) does not.
func TestHistoryCutIsReadAgainWhenAnEarlierDayIsNeeded(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m.hs.asked = true
	m.hs.days = m.hs.historyDays(histEnvOf(&m), m.hs.scorable(m.data.tickers))
	tk := &m.data.tickers[0]
	k := tk.Code.Key()
	was := tk.RatingAt
	h := randomHistory(rand.New(rand.NewPCG(1, 2)), tk.Code, was.AddDate(-1, 0, 0), 400)
	m.hs.hist = map[string]store.StoredHistory{k: {PriceHistory: h}}
	if m.hs.historyCut(histEnvOf(&m)) {
		t.Fatal("nothing was cut, yet the history is to be read again")
	}
	m.hs.cut = map[string]bool{k: true}
	if m.hs.historyCut(histEnvOf(&m)) {
		t.Fatal("the same days are needed, yet the history is to be read again")
	}
	tk.RatingAt = h.Bars[len(h.Bars)-1].Date.AddDate(0, 0, 3)
	if m.hs.historyCut(histEnvOf(&m)) {
		t.Fatal("a day after the last bar is needed, yet the history is to be read again")
	}
	tk.RatingAt = was.AddDate(0, -1, 0)
	if !m.hs.historyCut(histEnvOf(&m)) {
		t.Fatal("a day before the last bar the cut was not made for is needed, and the history is not read again")
	}
}
