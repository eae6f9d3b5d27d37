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
