package sectors

import (
	"math"
	"testing"
	"time"
	"zixuan/sectors/market"
)

// bars makes a history of closes by day.
func barsOf(t *testing.T, code string, closes map[string]float64) PriceHistory {
	t.Helper()
	h := PriceHistory{Code: market.MustParseCode(code)}
	for d, c := range closes {
		h.Bars = append(h.Bars, DailyBar{Date: calDay(t, d), Close: c})
	}
	return PriceHistory{Code: h.Code}.Merge(h) // sorted
}

// Two ex-dates inside one suspension: the second comes off the first's
// reference price (what the exchange quotes on resumption), not off the
// close before the suspension again.
func TestExDatesInOneSuspensionChain(t *testing.T) {
	h := barsOf(t, "SZ300624", map[string]float64{"2024-09-20": 20, "2024-10-11": 13.00})
	h.Events = []ExRights{
		{ExDate: calDay(t, "2024-09-26"), BonusPerShare: 0.4, Text: "10转4股"},
		{ExDate: calDay(t, "2024-10-10"), CashPerShare: 0.5, Text: "10派5元"},
	}
	ref := Reference{Day: calDay(t, "2024-09-20"), Price: 20}
	g, err := TotalReturn(ref, h, nil, calDay(t, "2024-10-11"))
	if err != nil {
		t.Fatal(err)
	}
	ref1 := 20 / 1.4   // the 10转4's reference price
	ref2 := ref1 - 0.5 // the dividend's, off the first
	want := 13.0 / 20 * 1.4 * (ref1 / ref2)
	approx(t, "chained multiple", g.Multiple, want)
	// the unchained reading (both off 20.00) is what this must not be
	if math.Abs(g.Multiple-13.0/20*1.4*20/19.5) < 1e-6 {
		t.Error("the second ex-date came off the pre-suspension close")
	}
	// the chart's series chains the same way
	s := TotalReturnSeries(h, calDay(t, "2024-09-20"))
	approx(t, "series end", s[len(s)-1].Value/s[0].Value, want)
}

// A rights issue (10配3 at 3.00) is in the total return by the exchanges'
// reference price: (P + 0.9) ÷ 1.3.
func TestRightsIssueInTheTotalReturn(t *testing.T) {
	h := barsOf(t, "SH600036", map[string]float64{"2024-09-20": 10, "2024-09-23": 8.50})
	h.Events = []ExRights{{ExDate: calDay(t, "2024-09-23"), RightsPerShare: 0.3, RightsPrice: 3, Text: "10配3股,配股价3元"}}
	g, err := TotalReturn(Reference{Day: calDay(t, "2024-09-20"), Price: 10}, h, nil, calDay(t, "2024-09-23"))
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "multiple", g.Multiple, 8.5/10*(10/(10.9/1.3)))
	if g.Uncertain {
		t.Error("a rights issue with its price is read, not uncertain")
	}
	// without its price it is flagged and not turned into a number
	h.Events = nil
	h.Unread = []ExRights{{ExDate: calDay(t, "2024-09-23"), Text: "10配3股"}}
	g, _ = TotalReturn(Reference{Day: calDay(t, "2024-09-20"), Price: 10}, h, nil, calDay(t, "2024-09-23"))
	if !g.Uncertain {
		t.Error("a rights issue without its price is not flagged")
	}
}

// An absurd dividend (10派99.99元 on a 10.00 stock) is no number: the
// return is flagged and finite.
func TestImplausibleDistributionIsFlaggedNotApplied(t *testing.T) {
	h := barsOf(t, "SH600036", map[string]float64{"2024-09-20": 10, "2024-09-23": 10.10})
	h.Events = []ExRights{{ExDate: calDay(t, "2024-09-23"), CashPerShare: 9.999, Text: "10派99.99元"}}
	g, err := TotalReturn(Reference{Day: calDay(t, "2024-09-20"), Price: 10}, h, nil, calDay(t, "2024-09-23"))
	if err != nil || !g.Uncertain || math.IsInf(g.Multiple, 0) || math.Abs(g.Pct()-1) > 1e-9 {
		t.Errorf("got %+v %v, want +1%% flagged", g, err)
	}
}

// A call made during a suspension: the stock from its last close, the
// benchmark from the call's day. One whose suspension has not ended is
// scored to its last trade, the benchmark to the last day known, and
// marked so.
func TestCallsDuringASuspension(t *testing.T) {
	bench := sampleBenchmark(t)
	stock := barsOf(t, "SZ300624", map[string]float64{"2024-09-20": 20, "2024-10-11": 22})
	stock.Through = calDay(t, "2024-10-11")
	r, err := ScoreCall(calDay(t, "2024-09-25"), nil, stock, nil, bench, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Ref.Suspended || !r.Ref.Day.Equal(calDay(t, "2024-09-20")) {
		t.Errorf("reference %+v", r.Ref)
	}
	approx(t, "return", r.ReturnPct, 10)
	approx(t, "benchmark from the call's day", r.BenchmarkPct, (3900.0/3400-1)*100)
	if r.Suspended {
		t.Error("a suspension that ended is marked unfinished")
	}

	// still suspended: no bar after 09-20, but the days to 10-11 known
	stock = barsOf(t, "SZ300624", map[string]float64{"2024-09-20": 20})
	stock.Through = calDay(t, "2024-10-11")
	r, err = ScoreCall(calDay(t, "2024-09-25"), nil, stock, nil, bench, nil)
	if err != nil {
		t.Fatalf("a call in an unfinished suspension is not scored: %v", err)
	}
	if !r.Suspended || r.ReturnPct != 0 || !r.AsOf.Equal(calDay(t, "2024-09-20")) || !r.BenchmarkAsOf.Equal(calDay(t, "2024-10-11")) {
		t.Errorf("got %+v", r)
	}
	approx(t, "benchmark", r.BenchmarkPct, (3900.0/3400-1)*100)

	// known through the weekend after the last bar: no session missed, so
	// not suspended
	stock = barsOf(t, "SZ300624", map[string]float64{"2024-09-20": 20, "2024-09-27": 21})
	stock.Through = calDay(t, "2024-09-29") // a Sunday
	if r, err := ScoreCall(calDay(t, "2024-09-20"), nil, stock, nil, bench, nil); err != nil || r.Suspended || !r.BenchmarkAsOf.Equal(calDay(t, "2024-09-27")) {
		t.Errorf("a weekend after the last bar reads as a suspension: %+v %v", r, err)
	}

	// the days after the last bar not known: no reference yet
	stock = barsOf(t, "SZ300624", map[string]float64{"2024-09-20": 20})
	stock.Through = calDay(t, "2024-09-20")
	if _, err := ScoreCall(calDay(t, "2024-09-25"), nil, stock, nil, bench, nil); err == nil {
		t.Error("scored without knowing whether the stock traded")
	}
}

// From 2.60 through a 10配3 at 3.00 off a close of 3.64 to 4.80: the
// reference price (3.64 + 0.9) ÷ 1.3 makes it +92.42%, not the price
// return's +84.62%.
func TestRightsIssueFigures(t *testing.T) {
	h := barsOf(t, "SH600036", map[string]float64{"2024-09-20": 2.60, "2024-09-23": 3.64, "2024-09-24": 4.80})
	h.Events = []ExRights{{ExDate: calDay(t, "2024-09-24"), RightsPerShare: 0.3, RightsPrice: 3}}
	g, err := TotalReturn(Reference{Day: calDay(t, "2024-09-20"), Price: 2.60}, h, nil, time.Time{})
	if err != nil || math.Round(g.Pct()*100)/100 != 92.42 {
		t.Errorf("%.4f%% %v, want 92.42%%", g.Pct(), err)
	}
}
