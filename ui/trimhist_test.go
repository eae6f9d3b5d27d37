package ui

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"zixuan/sectors/market"

	"zixuan/sectors"
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

// Cutting a history at a day changes no return measured from that day or
// later: the reference close, the total return to a bar or to a quote,
// the scorecard's call with its horizons, the sparkline's closes.
func TestTrimmedHistoryGivesTheSameReturns(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	start := time.Date(2024, 5, 6, 0, 0, 0, 0, market.China)
	code := market.MustParseCode("300624")
	cut := 0
	for run := 0; run < 300; run++ {
		full := randomHistory(r, code, start, 60+r.IntN(450))
		bench := randomHistory(r, sectors.Benchmark, start, 500)
		span := full.Bars[len(full.Bars)-1].Date.Sub(start)
		from := start.Add(time.Duration(r.Int64N(int64(span)))).Add(-time.Duration(r.IntN(20)) * 24 * time.Hour)
		if run%10 == 0 {
			from = time.Time{} // nothing needed but the sparkline
		}
		trimmed := full
		var didCut bool
		trimmed.Bars, didCut = keepFrom(full.Bars, from)
		if didCut {
			cut++
		}
		if !reflect.DeepEqual(lastCloses(trimmed, sparkDays), lastCloses(full, sparkDays)) {
			t.Fatalf("run %d: the sparkline differs after a cut at %s", run, market.ChinaDate(from))
		}
		if from.IsZero() {
			continue
		}
		for k := 0; k < 20; k++ {
			at := from.Add(time.Duration(r.Int64N(int64(full.Bars[len(full.Bars)-1].Date.Sub(from)) + 1)))
			if k == 0 {
				at = from
			}
			ref, ok := sectors.ReferenceAt(nil, full, at)
			tref, tok := sectors.ReferenceAt(nil, trimmed, at)
			if ok != tok || ref != tref {
				t.Fatalf("run %d: the reference at %s differs after a cut at %s: %+v %v / %+v %v", run, at, from, ref, ok, tref, tok)
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
					t.Fatalf("run %d: the return since %s differs after a cut at %s: %+v %v / %+v %v", run, at, from, g, err, tg, terr)
				}
			}
			cr, err := sectors.ScoreCall(at, nil, full, nil, bench, nil)
			tcr, terr := sectors.ScoreCall(at, nil, trimmed, nil, bench, nil)
			if (err == nil) != (terr == nil) || !reflect.DeepEqual(cr, tcr) {
				t.Fatalf("run %d: the call of %s scores differently after a cut at %s:\n%+v %v\n%+v %v", run, at, from, cr, err, tcr, terr)
			}
		}
	}
	if cut < 100 {
		t.Fatalf("only %d of 300 histories were cut: the test does not test the cut", cut)
	}
}

// A reload that needs a day before the histories' cut (a report of an
// earlier date, an import of older ratings) reads them again; one that
// does not, does not.
func TestHistoryCutIsReadAgainWhenAnEarlierDayIsNeeded(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m.hs.asked = true
	m.hs.from = m.historyFrom(m.scorable())
	tk := &m.data.tickers[0]
	k := tk.Code.Key()
	if m.historyCut() {
		t.Fatal("nothing was cut, yet the history is to be read again")
	}
	m.hs.cut = map[string]bool{k: true}
	if m.historyCut() {
		t.Fatal("the same days are needed, yet the history is to be read again")
	}
	tk.RatingAt = m.hs.from[k].AddDate(0, 0, 10)
	if m.historyCut() {
		t.Fatal("a later day is needed, yet the history is to be read again")
	}
	tk.RatingAt = m.hs.from[k].AddDate(0, -1, 0)
	if !m.historyCut() {
		t.Fatal("a day before the cut is needed, and the history is not read again")
	}
}
