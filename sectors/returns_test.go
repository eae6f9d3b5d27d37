package sectors

import (
	"errors"
	"math"
	"testing"
	"time"
	"zixuan/sectors/market"
)

// sampleHistory is a ChiNext stock around the 2024 National Day holiday
// (10-01..10-07 closed), with a cash dividend (10派5元, ex-date 09-26) and
// a 10转4 (ex-date 10-10). Prices are invented; each ex-date opens at its
// reference price: 09-26 at 21.00 − 0.50 = 20.50, 10-10 at 28.00 ÷ 1.4 =
// 20.00.
func sampleHistory(t *testing.T) PriceHistory {
	t.Helper()
	closes := []struct {
		day   string
		close float64
	}{
		{"2024-09-20", 20.00}, {"2024-09-23", 20.40}, {"2024-09-24", 20.80}, {"2024-09-25", 21.00},
		{"2024-09-26", 20.50}, {"2024-09-27", 21.50}, {"2024-09-30", 22.00},
		{"2024-10-08", 24.50}, {"2024-10-09", 28.00}, {"2024-10-10", 20.00}, {"2024-10-11", 21.00},
	}
	h := PriceHistory{Code: market.MustParseCode("SZ300624")}
	for _, c := range closes {
		h.Bars = append(h.Bars, DailyBar{Date: calDay(t, c.day), Open: c.close, Close: c.close, High: c.close, Low: c.close, Volume: 100})
	}
	h.Events = []ExRights{
		{ExDate: calDay(t, "2024-09-26"), CashPerShare: 0.5, Text: "10派5元"},
		{ExDate: calDay(t, "2024-10-10"), BonusPerShare: 0.4, Text: "10转4股"},
	}
	return h
}

// sampleBenchmark is 沪深300 on the same days (invented closes).
func sampleBenchmark(t *testing.T) PriceHistory {
	t.Helper()
	h := PriceHistory{Code: market.MustParseCode("SH000300")}
	for _, c := range []struct {
		day   string
		close float64
	}{
		{"2024-09-20", 3200}, {"2024-09-23", 3210}, {"2024-09-24", 3350}, {"2024-09-25", 3400},
		{"2024-09-26", 3500}, {"2024-09-27", 3650}, {"2024-09-30", 3990},
		{"2024-10-08", 4250}, {"2024-10-09", 3980}, {"2024-10-10", 4000}, {"2024-10-11", 3900},
	} {
		h.Bars = append(h.Bars, DailyBar{Date: calDay(t, c.day), Close: c.close})
	}
	return h
}

func approx(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s = %.12f, want %.12f", what, got, want)
	}
}

func TestTotalReturnAcrossExDates(t *testing.T) {
	h := sampleHistory(t)
	// A call on Sunday 2024-09-22 is measured from Friday 09-20's close, 20.00.
	ref, err := ReferenceFor(h, calDay(t, "2024-09-22"))
	if err != nil || market.ChinaDate(ref.Day) != "2024-09-20" || ref.Price != 20 || ref.Basis != Unadjusted {
		t.Fatalf("reference %+v %v", ref, err)
	}
	g, err := TotalReturn(ref, h, nil, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	// price 20.00 → 21.00 is only +5 %; the holder also got 0.50 cash on
	// 09-26 (factor 21.00/20.50) and 0.4 new shares on 10-10 (factor
	// 28.00/20.00 = 1.4): 21/20 × 21/20.5 × 1.4 = 1.505853658536…, +50.585…%
	approx(t, "return since 09-20", g.Pct(), (21.0/20.0*(21.0/20.5)*1.4-1)*100)
	if market.ChinaDate(g.To) != "2024-10-11" || g.Uncertain {
		t.Errorf("growth %+v", g)
	}

	// A call on 2024-10-01, inside the holiday: from 09-30's 22.00, after
	// the dividend: 21/22 × 1.4 = 1.336363…, +33.636…%
	ref2, _ := ReferenceFor(h, calDay(t, "2024-10-01"))
	g2, _ := TotalReturn(ref2, h, nil, time.Time{})
	if market.ChinaDate(ref2.Day) != "2024-09-30" {
		t.Errorf("holiday call measured from %s", market.ChinaDate(ref2.Day))
	}
	approx(t, "return since 09-30", g2.Pct(), (21.0/22.0*1.4-1)*100)

	// until: the return as of 10-09, before the 10转4: 28/20 × 21/20.5
	g3, _ := TotalReturn(ref, h, nil, calDay(t, "2024-10-09"))
	approx(t, "return to 10-09", g3.Pct(), (28.0/20.0*(21.0/20.5)-1)*100)

	// the ex-date's own close is already ex: a reference on 10-10 has no
	// factor: 21/20
	g4, _ := TotalReturn(Reference{Day: calDay(t, "2024-10-10"), Price: 20}, h, nil, time.Time{})
	approx(t, "return from the ex-date", g4.Pct(), 5)
}

func TestTotalReturnOnAnExDateFromTheQuote(t *testing.T) {
	h := sampleHistory(t)
	ref, _ := ReferenceFor(h, calDay(t, "2024-09-20"))
	// Monday 10-14 is an ex-date the k-line does not list yet (10派10元):
	// the quote's previous close is the reference 21.00 − 1.00 = 20.00, not
	// Friday's 21.00, and the stock trades at 20.40: +2 % on the day.
	// 1.505853658536… × 20.40/20.00
	live := &Latest{Day: calDay(t, "2024-10-14"), Last: 20.40, PrevClose: 20.00}
	g, err := TotalReturn(ref, h, live, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "return on the ex-date", g.Pct(), (21.0/20.0*(21.0/20.5)*1.4*(20.40/20.00)-1)*100)
	if market.ChinaDate(g.To) != "2024-10-14" {
		t.Errorf("as of %s", market.ChinaDate(g.To))
	}
	// naive last/ref would say 20.40/20 = +2 %: the bug the ex-rights
	// events are there to avoid
	if g.Pct() < 50 {
		t.Errorf("%.2f %%", g.Pct())
	}

	// the same when the k-line has listed it: it is not counted twice
	h.Events = append(h.Events, ExRights{ExDate: calDay(t, "2024-10-14"), CashPerShare: 1})
	g2, _ := TotalReturn(ref, h, live, time.Time{})
	approx(t, "listed ex-date", g2.Pct(), g.Pct())

	// a quote a week later with bars only to 10-11 and a different
	// previous close: days are missing, the answer would be a guess
	late := &Latest{Day: calDay(t, "2024-10-21"), Last: 22, PrevClose: 21.8}
	if _, err := TotalReturn(ref, sampleHistory(t), late, time.Time{}); !errors.Is(err, ErrHistoryBehind) {
		t.Errorf("history behind: %v", err)
	}
	// a halted stock's quote keeps the last close as its previous close:
	// fine, the price simply has not moved since
	halted := &Latest{Day: calDay(t, "2024-10-21"), Last: 21, PrevClose: 21}
	g3, err := TotalReturn(ref, sampleHistory(t), halted, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "halted", g3.Pct(), (21.0/20.0*(21.0/20.5)*1.4-1)*100)
}

func TestHandSetAndAdjustedReferences(t *testing.T) {
	h := sampleHistory(t)
	// A hand-set 19.80 (the report's own price, 09-20) is unadjusted and
	// used as it is: 21/19.8 × 21/20.5 × 1.4
	hand := Reference{Day: calDay(t, "2024-09-20"), Price: 19.80, Basis: Unadjusted}
	g, err := TotalReturn(hand, h, nil, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "hand-set", g.Pct(), (21.0/19.8*(21.0/20.5)*1.4-1)*100)

	// A forward-adjusted close fetched on 09-25, before any ex-date, is
	// still the traded price; one fetched on 10-11 is not.
	early := Reference{Day: calDay(t, "2024-09-20"), Price: 20, Basis: ForwardAdjusted, AdjustedAsOf: calDay(t, "2024-09-25")}
	if g, err := TotalReturn(early, h, nil, time.Time{}); err != nil {
		t.Error(err)
	} else {
		approx(t, "adjusted before any ex-date", g.Pct(), (21.0/20.0*(21.0/20.5)*1.4-1)*100)
	}
	for _, asOf := range []time.Time{calDay(t, "2024-10-11"), {}} {
		late := Reference{Day: calDay(t, "2024-09-20"), Price: 13.9, Basis: ForwardAdjusted, AdjustedAsOf: asOf}
		if _, err := TotalReturn(late, h, nil, time.Time{}); !errors.Is(err, ErrAdjustedReference) {
			t.Errorf("adjusted as of %v: %v", asOf, err)
		}
	}
	if ForwardAdjusted.String() != "forward-adjusted" || Unadjusted.String() != "unadjusted" {
		t.Error("RefBasis names")
	}
}

func TestScoreCallAgainstBenchmark(t *testing.T) {
	h, b := sampleHistory(t), sampleBenchmark(t)
	c, err := ScoreCall(calDay(t, "2024-09-22"), nil, h, nil, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	stock := (21.0/20.0*(21.0/20.5)*1.4 - 1) * 100 // 50.585365853…
	bench := (3900.0/3200.0 - 1) * 100             // 21.875
	approx(t, "return", c.ReturnPct, stock)
	approx(t, "benchmark", c.BenchmarkPct, bench)
	approx(t, "excess", c.ExcessPct, stock-bench) // 28.710365853…
	if market.ChinaDate(c.AsOf) != "2024-10-11" || !c.BenchmarkAsOf.Equal(c.AsOf) || len(c.Horizons) != 0 {
		t.Errorf("as of %s, horizons %v (one month after 09-22 is not reached)", market.ChinaDate(c.AsOf), c.Horizons)
	}

	// live quotes for both on Monday 10-14: stock as above (an ex-date),
	// 沪深300 3900 → 3939 (+1 %)
	c2, err := ScoreCall(calDay(t, "2024-09-22"), nil, h, &Latest{Day: calDay(t, "2024-10-14"), Last: 20.40, PrevClose: 20.00},
		b, &Latest{Day: calDay(t, "2024-10-14"), Last: 3939, PrevClose: 3900})
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "live return", c2.ReturnPct, (21.0/20.0*(21.0/20.5)*1.4*1.02-1)*100)
	approx(t, "live benchmark", c2.BenchmarkPct, (3900.0/3200.0*(3939.0/3900.0)-1)*100)

	// without a live benchmark price the window is shorter, and says so
	c3, _ := ScoreCall(calDay(t, "2024-09-22"), nil, h, &Latest{Day: calDay(t, "2024-10-14"), Last: 20.40, PrevClose: 20.00}, b, nil)
	if market.ChinaDate(c3.AsOf) != "2024-10-14" || market.ChinaDate(c3.BenchmarkAsOf) != "2024-10-11" {
		t.Errorf("as of %s, benchmark as of %s", market.ChinaDate(c3.AsOf), market.ChinaDate(c3.BenchmarkAsOf))
	}
}

// A year of invented daily closes rising 0.01 a trading day from 10.00 on
// 2024-01-02, no distributions; the benchmark stays at 1000.
func TestHorizons(t *testing.T) {
	stock := PriceHistory{Code: market.MustParseCode("SH600519")}
	bench := PriceHistory{Code: market.MustParseCode("SH000300")}
	closeOn := map[string]float64{}
	px := 10.0
	for d := calDay(t, "2024-01-02"); !d.After(calDay(t, "2024-08-30")); d = d.AddDate(0, 0, 1) {
		if !market.IsTradingDay(d) {
			continue
		}
		stock.Bars = append(stock.Bars, DailyBar{Date: d, Close: px})
		bench.Bars = append(bench.Bars, DailyBar{Date: d, Close: 1000})
		closeOn[market.ChinaDate(d)] = px
		px += 0.01
	}
	// Call on Monday 2024-01-15 (close c0). One month on is 02-15, inside
	// the Spring Festival: the close of 02-08 counts. Three months on is
	// 04-15 (a Monday, open); six is 07-15 (a Monday). Twelve is not reached.
	c, err := ScoreCall(calDay(t, "2024-01-15"), nil, stock, nil, bench, nil)
	if err != nil {
		t.Fatal(err)
	}
	c0 := closeOn["2024-01-15"]
	want := []struct {
		months int
		day    string
	}{{1, "2024-02-08"}, {3, "2024-04-15"}, {6, "2024-07-15"}}
	if len(c.Horizons) != len(want) {
		t.Fatalf("horizons %+v", c.Horizons)
	}
	for i, w := range want {
		hz := c.Horizons[i]
		if hz.Months != w.months || market.ChinaDate(hz.Day) != w.day {
			t.Errorf("horizon %d: %d months on %s, want %s", i, hz.Months, market.ChinaDate(hz.Day), w.day)
		}
		approx(t, w.day, hz.ReturnPct, (closeOn[w.day]/c0-1)*100)
		approx(t, w.day+" benchmark", hz.BenchmarkPct, 0)
		approx(t, w.day+" excess", hz.ExcessPct, hz.ReturnPct)
	}
	if got := market.ChinaDate(AddMonths(calDay(t, "2024-01-31"), 1)); got != "2024-02-29" {
		t.Errorf("AddMonths(01-31, 1) = %s", got)
	}
}

func TestSummarize(t *testing.T) {
	s := Summarize([]Scored{{"a", 12.5}, {"b", -3}, {"c", 0}, {"d", 30}})
	// beat: a and d (0 is not beating); mean (12.5 − 3 + 0 + 30)/4 = 9.875;
	// median of −3, 0, 12.5, 30 is (0 + 12.5)/2 = 6.25
	if s.Count != 4 || s.Beat != 2 || s.HitRatePct != 50 || s.MeanExcessPct != 9.875 || s.MedianExcessPct != 6.25 ||
		s.Best.Key != "d" || s.Worst.Key != "b" {
		t.Errorf("%+v", s)
	}
	s = Summarize([]Scored{{"x", -1}, {"y", 4}, {"z", 2}})
	if s.MedianExcessPct != 2 || s.Beat != 2 || math.Abs(s.HitRatePct-200.0/3) > 1e-12 {
		t.Errorf("%+v", s)
	}
	if z := Summarize(nil); z.Count != 0 || z.HitRatePct != 0 {
		t.Errorf("%+v", z)
	}
}

// A price set by hand on a day without a session (a rating made on a
// Saturday) is measured from as the last session's close: the next
// session's quote gives a return, whatever its own previous close.
func TestHandSetReferenceOnAWeekend(t *testing.T) {
	sat := calDay(t, "2026-03-28")
	ref, ok := ReferenceAt([]RefPrice{{Day: sat, Close: 50, Source: SourceUser}}, PriceHistory{}, sat.Add(15*time.Hour))
	if !ok {
		t.Fatal("no reference from the hand-set price")
	}
	monday := &Latest{Day: calDay(t, "2026-03-30"), Last: 55, PrevClose: 50.3}
	g, err := TotalReturn(ref, PriceHistory{}, monday, time.Time{})
	if err != nil {
		t.Fatalf("the next session's quote: %v", err)
	}
	approx(t, "from the weekend's price", g.Pct(), 10)
	// sessions missing in between still make a guess of it
	later := &Latest{Day: calDay(t, "2026-04-03"), Last: 55, PrevClose: 54}
	if _, err := TotalReturn(ref, PriceHistory{}, later, time.Time{}); !errors.Is(err, ErrHistoryBehind) {
		t.Errorf("four sessions later without history: %v, want ErrHistoryBehind", err)
	}
}
