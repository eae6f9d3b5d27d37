package sectors

import (
	"math"
	"testing"

	"zixuan/sectors/market"
)

func TestCandlesAdjustedAndGrouped(t *testing.T) {
	bar := func(day string, o, c, h, l float64, v int64) DailyBar {
		return DailyBar{Date: calDay(t, day), Open: o, Close: c, High: h, Low: l, Volume: v}
	}
	h := PriceHistory{
		Code: market.MustParseCode("600519"),
		Bars: []DailyBar{
			bar("2026-03-26", 20, 20, 20.5, 19.5, 100),   // Thursday
			bar("2026-03-27", 20, 21, 21.2, 19.9, 200),   // Friday
			bar("2026-03-30", 20, 20.2, 20.4, 19.8, 300), // Monday: ex-date, 10派10元
			bar("2026-03-31", 20.2, 20.6, 20.8, 20.1, 400),
			bar("2026-04-01", 20.6, 20.4, 20.7, 20.3, 500),
		},
		Events: []ExRights{{ExDate: calDay(t, "2026-03-30"), CashPerShare: 1}},
	}
	daily := Candles(h, Daily, true)
	if len(daily) != 5 {
		t.Fatalf("%d daily candles", len(daily))
	}
	// before the ex-date prices scale by (21 − 1) ÷ 21; after it they are as traded
	f := 20.0 / 21.0
	approx(t, "Friday adjusted", daily[1].Close, 21*f)
	approx(t, "Thursday high adjusted", daily[0].High, 20.5*f)
	approx(t, "Monday as traded", daily[2].Close, 20.2)
	// so the ex-date's change is the move, not the dividend: 20.2 ÷ 20 − 1
	approx(t, "ex-date change", daily[2].ChangePct, 1)
	if raw := Candles(h, Daily, false); raw[1].Close != 21 || math.Abs(raw[2].ChangePct-(20.2/21-1)*100) > 1e-9 {
		t.Errorf("unadjusted: %+v", raw[1:3])
	}

	weekly := Candles(h, Weekly, true)
	if len(weekly) != 2 {
		t.Fatalf("%d weekly candles, want 2", len(weekly))
	}
	w := weekly[1]
	if market.ChinaDate(w.Start) != "2026-03-30" || market.ChinaDate(w.End) != "2026-04-01" || w.Open != 20 || w.Close != 20.4 || w.High != 20.8 || w.Low != 19.8 || w.Volume != 1200 {
		t.Errorf("second week %+v", w)
	}
	if monthly := Candles(h, Monthly, true); len(monthly) != 2 || monthly[1].Volume != 500 {
		t.Errorf("monthly %+v", monthly)
	}

	ma := MovingAverage(daily, 3)
	if !math.IsNaN(ma[0]) || !math.IsNaN(ma[1]) {
		t.Errorf("MA3 before three candles: %v", ma[:2])
	}
	approx(t, "MA3 on the last day", ma[4], (20.2+20.6+20.4)/3)
}

// tradingBars are a bar for every trading day from from to to, by the
// exchange calendar: day i opens at 10+i, closes at 10.5+i, reaches
// 11+i and 9+i, and trades 100×(i+1) shares.
func tradingBars(t *testing.T, from, to string) []DailyBar {
	t.Helper()
	var out []DailyBar
	for d := calDay(t, from); !d.After(calDay(t, to)); d = d.AddDate(0, 0, 1) {
		if !market.IsTradingDay(d) {
			continue
		}
		i := float64(len(out))
		out = append(out, DailyBar{Date: d, Open: 10 + i, Close: 10.5 + i, High: 11 + i, Low: 9 + i, Volume: int64(100 * (len(out) + 1))})
	}
	return out
}

// A week is its trading days however few: the one of National Day 2025
// (closed 1–8 October) holds two sessions before it and the next two
// after; a week's open is its first session's, its high the highest, its
// low the lowest, its close the last session's and its volume the sum.
// A month is the calendar month's sessions.
func TestWeeksAndMonthsAcrossAHoliday(t *testing.T) {
	bars := tradingBars(t, "2025-09-22", "2025-10-17")
	h := PriceHistory{Code: market.MustParseCode("600519"), Bars: bars}
	weeks := Candles(h, Weekly, false)
	type span struct {
		from, to string
		n        int
	}
	want := []span{{"2025-09-22", "2025-09-26", 5}, {"2025-09-29", "2025-09-30", 2}, {"2025-10-09", "2025-10-10", 2}, {"2025-10-13", "2025-10-17", 5}}
	if len(weeks) != len(want) {
		t.Fatalf("%d weeks: %+v", len(weeks), weeks)
	}
	first := 0
	for i, w := range weeks {
		sessions := bars[first : first+want[i].n]
		first += want[i].n
		if market.ChinaDate(w.Start) != want[i].from || market.ChinaDate(w.End) != want[i].to {
			t.Errorf("week %d runs %s..%s, want %s..%s", i, market.ChinaDate(w.Start), market.ChinaDate(w.End), want[i].from, want[i].to)
		}
		var vol int64
		hi, lo := 0.0, math.Inf(1)
		for _, b := range sessions {
			vol += b.Volume
			hi, lo = math.Max(hi, b.High), math.Min(lo, b.Low)
		}
		last := sessions[len(sessions)-1]
		if w.Open != sessions[0].Open || w.Close != last.Close || w.High != hi || w.Low != lo || w.Volume != vol {
			t.Errorf("week %d: %+v; want open %v close %v high %v low %v volume %d", i, w, sessions[0].Open, last.Close, hi, lo, vol)
		}
		if i > 0 {
			approx(t, "week's change from the last week's close", w.ChangePct, (w.Close/weeks[i-1].Close-1)*100)
		}
	}

	months := Candles(h, Monthly, false)
	if len(months) != 2 {
		t.Fatalf("%d months", len(months))
	}
	sep, oct := months[0], months[1]
	if market.ChinaDate(sep.Start) != "2025-09-22" || market.ChinaDate(sep.End) != "2025-09-30" || sep.Open != bars[0].Open || sep.Close != bars[6].Close || sep.Volume != 100*(1+2+3+4+5+6+7) {
		t.Errorf("September %+v", sep)
	}
	if market.ChinaDate(oct.Start) != "2025-10-09" || oct.Open != bars[7].Open || oct.Close != bars[len(bars)-1].Close || oct.High != bars[len(bars)-1].High || oct.Low != bars[7].Low {
		t.Errorf("October %+v", oct)
	}

	// the week of New Year 2026 runs across the two years: one candle
	ny := PriceHistory{Code: h.Code, Bars: tradingBars(t, "2025-12-29", "2026-01-09")}
	w := Candles(ny, Weekly, false)
	if len(w) != 2 || market.ChinaDate(w[0].Start) != "2025-12-29" || market.ChinaDate(w[0].End) > "2026-01-04" || market.ChinaDate(w[1].Start) < "2026-01-05" {
		t.Errorf("New Year's week: %+v", w)
	}
}
