package sectors

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"testing"
	"time"
	"zixuan/sectors/market"
)

// windowCase is a scorecard's input on random histories: stocks with
// suspensions and distributions of every kind (read, unread, rights,
// implausible), a benchmark that sometimes lacks a session, calls on any
// day (weekends, suspensions, before the first bar and after the last),
// hand-set references, histories known quiet past their last bar, and
// live quotes.
func windowCase(r *rand.Rand) ([]Scorable, ScoreInput) {
	in := ScoreInput{History: map[string]PriceHistory{}, Latest: map[string]Latest{}, Refs: map[string][]RefPrice{}}
	start := time.Date(2023, 11, 1, 0, 0, 0, 0, market.China)
	benchDays := oracleSessions(start, 400)
	level := 3500.0
	for i, d := range benchDays {
		level = round(level*(1+(r.Float64()-0.5)*0.04), 2)
		if i > 0 && r.Intn(150) == 0 {
			continue // a session the source lost
		}
		in.Benchmark.Bars = append(in.Benchmark.Bars, DailyBar{Date: d, Close: level})
	}
	in.Benchmark.Code = Benchmark
	in.History[Benchmark.Key()] = in.Benchmark
	lastBench := in.Benchmark.Bars[len(in.Benchmark.Bars)-1].Date
	if r.Intn(2) == 0 {
		in.BenchLatest = &Latest{Day: market.NextTradingDay(lastBench), Last: round(level*1.01, 2), PrevClose: level}
	}
	var calls []Scorable
	for s := 0; s < 4; s++ {
		c := randomCase(r)
		code := market.Code{Exchange: market.SH, Number: fmt.Sprintf("60003%d", s)}
		h := c.h
		h.Code = code
		if len(h.Bars) == 0 {
			continue
		}
		for i := range h.Bars {
			h.Bars[i].High = round(h.Bars[i].Close*(1+r.Float64()*0.06), 2)
		}
		last := h.Bars[len(h.Bars)-1].Date
		switch r.Intn(3) {
		case 1:
			h.Through = last
		case 2: // known quiet since: suspended
			h.Through = c.days[len(c.days)-1].AddDate(0, 0, r.Intn(20))
		}
		in.History[code.Key()] = h
		if r.Intn(2) == 0 {
			day := market.NextTradingDay(last)
			if r.Intn(3) == 0 {
				day = market.NextTradingDay(day) // a day missing between
			}
			p := h.Bars[len(h.Bars)-1].Close
			in.Latest[code.Key()] = Latest{Day: day, Last: round(p*(1+(r.Float64()-0.5)/10), 2), PrevClose: p}
		}
		for n := 1 + r.Intn(8); n > 0; n-- {
			day := c.days[0].AddDate(0, 0, r.Intn(len(c.days)*3/2+40)-20)
			rating := []Rating{Buy, Overweight, Neutral, Underweight, Sell, Unrated}[r.Intn(6)]
			src := fmt.Sprintf("report-%d", r.Intn(3))
			calls = append(calls, Scorable{Key: fmt.Sprintf("%s@%s@%d", code.Key(), src, n), Code: code, Source: src,
				Report: true, Rating: rating, Day: day, Sector: fmt.Sprintf("s%d", r.Intn(2))})
			if r.Intn(6) == 0 {
				in.Refs[code.Key()] = append(in.Refs[code.Key()], RefPrice{Code: code, Day: market.TradingDayOnOrBefore(day),
					Close: round(5+r.Float64()*50, 2), Source: SourceUser})
			}
		}
	}
	return calls, in
}

// cutForScoring is in with each stock's history cut to what its calls
// read (KeepForScoring); the benchmark stays whole.
func cutForScoring(calls []Scorable, in ScoreInput) ScoreInput {
	days := map[string][]time.Time{}
	for _, c := range calls {
		days[c.Code.Key()] = append(days[c.Code.Key()], c.Day)
	}
	out := in
	out.History = map[string]PriceHistory{}
	for k, h := range in.History {
		if k != Benchmark.Key() {
			h.Bars = KeepForScoring(h, days[k])
		}
		out.History[k] = h
	}
	return out
}

// sameScorecard fails unless a and b agree on every call's every figure
// and error, and every group.
func sameScorecard(t *testing.T, seed int64, a, b Scorecard) {
	t.Helper()
	if !a.AsOf.Equal(b.AsOf) || len(a.Calls) != len(b.Calls) {
		t.Fatalf("seed %d: as of %v / %v, %d / %d calls", seed, a.AsOf, b.AsOf, len(a.Calls), len(b.Calls))
	}
	for i := range a.Calls {
		x, y := a.Calls[i], b.Calls[i]
		if fmt.Sprint(x.Err) != fmt.Sprint(y.Err) || x.Last != y.Last || !reflect.DeepEqual(x.Result, y.Result) {
			t.Fatalf("seed %d, call %s on %s:\nwhole: %+v %v last %v\ncut:   %+v %v last %v", seed, x.Key, market.ChinaDate(x.Day),
				x.Result, x.Err, x.Last, y.Result, y.Err, y.Last)
		}
	}
	if !reflect.DeepEqual(a.Groups, b.Groups) {
		t.Fatalf("seed %d: groups differ:\n%+v\n%+v", seed, a.Groups, b.Groups)
	}
}

// A scorecard from the bars its calls read is the scorecard from whole
// histories, figure for figure; and so it stays when a fetch's newer bars
// are merged into the cut histories and they are cut again.
func TestScoringFromKeptBarsIsScoringFromWholeHistories(t *testing.T) {
	scored := 0
	for seed := int64(1); seed <= 400; seed++ {
		r := rand.New(rand.NewSource(seed))
		calls, in := windowCase(r)
		whole := Score(calls, in)
		cut := cutForScoring(calls, in)
		sameScorecard(t, seed, whole, Score(calls, cut))
		for _, c := range whole.Calls {
			if c.Err == nil {
				scored++
			}
		}
		// a fetch of newer sessions, some with a distribution the stored
		// history already lists
		wholeMerged, cutMerged := in, cut
		wholeMerged.History, cutMerged.History = map[string]PriceHistory{}, map[string]PriceHistory{}
		for k, h := range in.History {
			more := PriceHistory{Code: h.Code}
			if len(h.Bars) > 0 {
				p := h.Bars[len(h.Bars)-1].Close
				for i, d := 0, market.NextTradingDay(h.Bars[len(h.Bars)-1].Date); i < r.Intn(30); i, d = i+1, market.NextTradingDay(d) {
					p = round(p*(1+(r.Float64()-0.5)/20), 2)
					more.Bars = append(more.Bars, DailyBar{Date: d, Close: p})
				}
			}
			if len(h.Events) > 0 && r.Intn(2) == 0 {
				more.Events = h.Events[len(h.Events)-1:]
			}
			wholeMerged.History[k] = h.Merge(more)
			m := cut.History[k].Merge(more)
			if k != Benchmark.Key() {
				days := []time.Time{}
				for _, c := range calls {
					if c.Code.Key() == k {
						days = append(days, c.Day)
					}
				}
				m.Bars = KeepForScoring(m, days)
			}
			cutMerged.History[k] = m
		}
		wholeMerged.Benchmark, cutMerged.Benchmark = wholeMerged.History[Benchmark.Key()], cutMerged.History[Benchmark.Key()]
		sameScorecard(t, seed, Score(calls, wholeMerged), Score(calls, cutMerged))
	}
	if scored < 1000 {
		t.Fatalf("only %d calls scored: the cases test too little", scored)
	}
}

// KeepBarsOn keeps few bars of a long history: the first, the last and
// one for each day asked.
func TestKeepBarsOnKeepsTheBarOnOrBeforeEachDay(t *testing.T) {
	days := oracleSessions(time.Date(2024, 1, 2, 0, 0, 0, 0, market.China), 480)
	bars := make([]DailyBar, len(days))
	for i, d := range days {
		bars[i] = DailyBar{Date: d, Close: float64(i + 1)}
	}
	h := PriceHistory{Bars: bars}
	asked := []time.Time{time.Date(2024, 3, 9, 0, 0, 0, 0, market.China), days[100], days[100], time.Date(2023, 5, 1, 0, 0, 0, 0, market.China)}
	kept := PriceHistory{Bars: KeepBarsOn(bars, asked)}
	if len(kept.Bars) != 4 {
		t.Fatalf("kept %d bars, want 4 (first, last, the two days with a bar on or before them)", len(kept.Bars))
	}
	for _, d := range append(asked, days[0], days[479]) {
		w, wok := h.BarOnOrBefore(d)
		g, gok := kept.BarOnOrBefore(d)
		if w != g || wok != gok {
			t.Errorf("bar on or before %s: kept %v %v, whole %v %v", market.ChinaDate(d), g, gok, w, wok)
		}
	}
	if kept.Range() != h.Range() {
		t.Errorf("range %v, want %v", kept.Range(), h.Range())
	}
}

// The high since a call from the bars KeepForHighs keeps is the high from
// the whole history, whatever the day and the quote.
func TestHighSinceFromKeptBarsIsHighSinceFromWholeHistories(t *testing.T) {
	compared := 0
	for seed := int64(1); seed <= 400; seed++ {
		r := rand.New(rand.NewSource(seed))
		calls, in := windowCase(r)
		days, refDays := map[string][]time.Time{}, map[string][]time.Time{}
		for _, c := range calls {
			days[c.Code.Key()] = append(days[c.Code.Key()], c.Day)
		}
		for k, list := range in.Refs {
			for _, p := range list {
				refDays[k] = append(refDays[k], p.Day)
			}
		}
		for _, s := range Score(calls, in).Calls {
			if s.Err != nil {
				continue
			}
			h := in.History[s.Code.Key()]
			last := h.Bars[len(h.Bars)-1]
			now := last.Date.AddDate(0, 0, r.Intn(4)).Add(16 * time.Hour)
			var q *AlertQuote
			if r.Intn(2) == 0 {
				q = &AlertQuote{Last: last.Close, PrevClose: round(last.Close*(0.9+r.Float64()*0.2), 2)}
			}
			kept := h
			kept.Bars = KeepForHighs(h, days[s.Code.Key()], refDays[s.Code.Key()], now)
			want := HighSince(h, s.Result.Ref.Day, s.Result.Ref.Price, q, now)
			if got := HighSince(kept, s.Result.Ref.Day, s.Result.Ref.Price, q, now); got != want {
				t.Fatalf("seed %d, call %s: high since %s %v from kept bars, %v from the whole history", seed, s.Key, market.ChinaDate(s.Result.Ref.Day), got, want)
			}
			if len(kept.Bars) < len(h.Bars) {
				compared++
			}
		}
	}
	if compared < 500 {
		t.Fatalf("only %d highs compared on cut histories", compared)
	}
}

// Holdings built from the bars KeepForScoring keeps with no call (the
// span and the close before each ex-date) are those built from the whole
// history: every action, lot and figure.
func TestHoldingsFromKeptBarsAreHoldingsFromWholeHistories(t *testing.T) {
	withActions := 0
	for seed := int64(1); seed <= 300; seed++ {
		r := rand.New(rand.NewSource(seed))
		c := randomCase(r)
		if len(c.h.Bars) < 2 {
			continue
		}
		randomTrades(r, &c)
		if r.Intn(2) == 0 {
			c.h.Through = c.days[len(c.days)-1]
		}
		kept := c.h
		kept.Bars = KeepForScoring(c.h, nil)
		k := c.h.Code.Key()
		want, werr := BuildHoldings(c.trades, map[string]PriceHistory{k: c.h})
		got, gerr := BuildHoldings(c.trades, map[string]PriceHistory{k: kept})
		if fmt.Sprint(werr) != fmt.Sprint(gerr) || !reflect.DeepEqual(want, got) {
			t.Fatalf("seed %d: holdings from kept bars\n%+v %v\nfrom the whole history\n%+v %v", seed, got, gerr, want, werr)
		}
		for _, p := range want {
			if len(p.Actions) > 0 {
				withActions++
			}
		}
	}
	if withActions < 50 {
		t.Fatalf("only %d holdings with an ex-date: the cases test too little", withActions)
	}
}

// Merge keeps one bar a day, the second history's on a day both hold and
// the last given on a day one holds twice, in order of the days, as
// merging through a map by date does; whatever order the bars come in.
func TestMergeIsAMergeByDay(t *testing.T) {
	days := oracleSessions(time.Date(2024, 1, 2, 0, 0, 0, 0, market.China), 60)
	for seed := int64(1); seed <= 300; seed++ {
		r := rand.New(rand.NewSource(seed))
		side := func() []DailyBar {
			var out []DailyBar
			for n := r.Intn(30); n > 0; n-- {
				out = append(out, DailyBar{Date: days[r.Intn(len(days))], Close: float64(r.Intn(1000))})
			}
			if r.Intn(2) == 0 {
				sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
			}
			return out
		}
		a, b := side(), side()
		by := map[string]DailyBar{}
		for _, x := range append(append([]DailyBar(nil), a...), b...) {
			by[market.ChinaDate(x.Date)] = x
		}
		var want []DailyBar
		for _, x := range by {
			want = append(want, x)
		}
		sort.Slice(want, func(i, j int) bool { return want[i].Date.Before(want[j].Date) })
		got := PriceHistory{Bars: a}.Merge(PriceHistory{Bars: b}).Bars
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: merged\n%v\nwant\n%v", seed, got, want)
		}
	}
}
