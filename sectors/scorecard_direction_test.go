package sectors

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
	"zixuan/sectors/market"
)

func dirDay(s string) time.Time {
	d, _ := time.ParseInLocation(time.DateOnly, s, market.China)
	return d
}

func flatHistory(code market.Code, closes map[string]float64) PriceHistory {
	h := PriceHistory{Code: code}
	for d := dirDay("2026-11-02"); !d.After(dirDay("2026-11-30")); d = d.AddDate(0, 0, 1) {
		if c, ok := closes[market.ChinaDate(d)]; ok && market.IsTradingDay(d) {
			h.Bars = append(h.Bars, DailyBar{Date: d, Open: c, High: c, Low: c, Close: c})
		}
	}
	return h
}

// A call is right in its own direction: a sell call whose stock beat the
// index is wrong, one whose stock trailed it right; neutral within ±5
// points; a residue that prints as 0.00 is no beat; an unrated pick is
// measured (as a long) and left out of the hit rate.
func TestHitRateByTheCallsDirection(t *testing.T) {
	bench := flatHistory(Benchmark, map[string]float64{"2026-11-02": 4000, "2026-11-30": 4000})
	up := market.MustParseCode("600036")   // +20 %
	down := market.MustParseCode("600519") // −20 %
	flat := market.MustParseCode("000001") // +0.0003 %: a residue
	hist := map[string]PriceHistory{
		up.Key():   flatHistory(up, map[string]float64{"2026-11-02": 10, "2026-11-30": 12}),
		down.Key(): flatHistory(down, map[string]float64{"2026-11-02": 10, "2026-11-30": 8}),
		flat.Key(): flatHistory(flat, map[string]float64{"2026-11-02": 10000, "2026-11-30": 10000.03}),
	}
	day := dirDay("2026-11-02")
	call := func(c market.Code, r Rating) Scorable {
		return Scorable{Key: c.Key() + r.ID(), Code: c, Rating: r, Day: day, Source: "user"}
	}
	calls := []Scorable{
		call(up, Buy), call(down, Buy), call(up, Sell), call(down, Sell), call(down, Underweight),
		call(flat, Buy), call(flat, Sell), call(flat, Neutral), call(up, Neutral), call(up, Unrated),
	}
	sc := Score(calls, ScoreInput{History: hist, Benchmark: bench}, ByRating)
	got := map[string]ScoreGroup{}
	for _, g := range sc.Groups {
		got[g.Key] = g
	}
	check := func(key string, judged, right int, mean float64) {
		t.Helper()
		g := got[key]
		if g.Judged != judged || g.Beat != right || g.Directed > 0 && math.Abs(g.MeanExcessPct-mean) > 1e-6 {
			t.Errorf("%s: judged %d right %d mean %v; want %d %d %v", key, g.Judged, g.Beat, g.MeanExcessPct, judged, right, mean)
		}
	}
	check("buy", 3, 1, (20-20+0.0003)/3)   // up right, down wrong, the residue no beat
	check("sell", 3, 1, (-20+20-0.0003)/3) // down right, up wrong, the residue no trail
	check("underweight", 1, 1, 20)         // trailing by 20 is +20 in its direction
	check("neutral", 2, 1, 0)              // within ±5: the flat one; +20 is out
	if g := got["unrated"]; g.Judged != 0 || g.Unrated != 1 || g.Directed != 1 || math.Abs(g.MeanExcessPct-20) > 1e-9 {
		t.Errorf("unrated: %+v", g)
	}
	if g := got["neutral"]; g.Directed != 0 {
		t.Errorf("neutral calls have no direction: %+v", g)
	}
}

// A benchmark missing the session a call is measured from does not
// measure from the day before: the call is unscored and says why.
func TestBenchmarkWithAHoleLeavesTheCallUnscored(t *testing.T) {
	stock := market.MustParseCode("600036")
	h := flatHistory(stock, map[string]float64{"2026-11-10": 10, "2026-11-11": 10, "2026-11-30": 10})
	full := map[string]float64{"2026-11-10": 4003.30, "2026-11-11": 3990.00, "2026-11-30": 3837.60}
	holed := map[string]float64{"2026-11-10": 4003.30, "2026-11-30": 3837.60}
	call := []Scorable{{Key: "k", Code: stock, Rating: Buy, Day: dirDay("2026-11-11"), Source: "user"}}
	in := ScoreInput{History: map[string]PriceHistory{stock.Key(): h}}
	in.Benchmark = flatHistory(Benchmark, full)
	right := Score(call, in).Calls[0]
	in.Benchmark = flatHistory(Benchmark, holed)
	holedScore := Score(call, in).Calls[0]
	if right.Err != nil || math.Abs(right.Result.BenchmarkPct-(3837.60/3990-1)*100) > 1e-9 {
		t.Fatalf("whole benchmark: %+v", right)
	}
	if !errors.Is(holedScore.Err, ErrBenchmarkDayMissing) {
		t.Errorf("a benchmark without 2026-11-11 scored the call: %+v (from the day before it would be %.2f %%, not %.2f %%)",
			holedScore.Result, (3837.60/4003.30-1)*100, right.Result.BenchmarkPct)
	}
}

// A stock whose history starts after the call says so, not "no history".
func TestCallBeforeTheHistoryStarts(t *testing.T) {
	stock := market.MustParseCode("688799")
	h := flatHistory(stock, map[string]float64{"2026-11-20": 30, "2026-11-30": 33})
	bench := flatHistory(Benchmark, map[string]float64{"2026-11-02": 4000, "2026-11-20": 4000, "2026-11-30": 4000})
	sc := Score([]Scorable{{Key: "k", Code: stock, Rating: Buy, Day: dirDay("2026-11-02"), Source: "user"}},
		ScoreInput{History: map[string]PriceHistory{stock.Key(): h}, Benchmark: bench})
	if err := sc.Calls[0].Err; !errors.Is(err, ErrStartsAfterCall) || !strings.Contains(err.Error(), "starts 2026-11-20") {
		t.Errorf("%v", err)
	}
}
