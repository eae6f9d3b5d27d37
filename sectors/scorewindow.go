package sectors

import (
	"sort"
	"time"
	"zixuan/sectors/market"
)

// Reading a whole market's years of bars to score calls holds hundreds of
// megabytes, while a call's figures read a handful of days of each
// stock. ScoreDays names those days; KeepBarsOn keeps, of a history's
// bars, the one each of them reads. Every figure here reads bars only
// through BarOnOrBefore (and BarBefore), Range and the first bar, so a
// history cut to the bar each asked day finds, plus the first and the
// last, gives every figure exactly as the whole history does — and still
// does once newer bars are merged in, as a fetch merges them: a day's
// bar on or before it is the later of each part's.

// ScoreDays are the days whose bar on or before them scoring calls made
// on callDays reads of the stock's history: each call's reference day,
// each horizon's day, and the day before each ex-date (the close the
// distribution comes off). The first and last bars are read too
// (KeepBarsOn keeps them). A hand-set reference needs no bar of its day.
func ScoreDays(callDays []time.Time, events ...[]ExRights) []time.Time {
	days := make([]time.Time, 0, len(callDays)*(1+len(Horizons)))
	for _, d := range callDays {
		if d.IsZero() {
			continue // no day: nothing is measured from it
		}
		day := market.ChinaDay(d)
		days = append(days, market.TradingDayOnOrBefore(day))
		for _, m := range Horizons {
			days = append(days, market.TradingDayOnOrBefore(AddMonths(day, m)))
		}
	}
	for _, list := range events {
		for _, e := range list {
			days = append(days, market.ChinaDay(e.ExDate).AddDate(0, 0, -1))
		}
	}
	return days
}

// KeepBarsOn is, of bars (oldest first), the first, the last and the last
// bar on or before each of days, oldest first, each once: BarOnOrBefore
// of any of days, BarBefore of the day after it, and Range give on them
// what they give on bars. It returns bars itself when it keeps them all.
func KeepBarsOn(bars []DailyBar, days []time.Time) []DailyBar {
	return keepBars(bars, days, nil)
}

// keepBars is KeepBarsOn that also keeps, when cuts is not nil, the
// highest bar (by High) of each run of bars no cut falls inside: a cut
// day c parts the bars before c from those on or after it.
func keepBars(bars []DailyBar, days, cuts []time.Time) []DailyBar {
	if len(bars) <= 2 {
		return bars
	}
	keep := make([]bool, len(bars))
	keep[0], keep[len(bars)-1] = true, true
	n := 2
	mark := func(i int) {
		if !keep[i] {
			keep[i] = true
			n++
		}
	}
	for _, day := range days {
		d := market.ChinaDay(day)
		if i := sort.Search(len(bars), func(i int) bool { return bars[i].Date.After(d) }); i > 0 {
			mark(i - 1)
		}
	}
	if cuts != nil {
		// the index of the first bar of each run: a run starts at each
		// cut's first bar on or after it
		starts := []int{0}
		for _, c := range cuts {
			d := market.ChinaDay(c)
			starts = append(starts, sort.Search(len(bars), func(i int) bool { return !bars[i].Date.Before(d) }))
		}
		sort.Ints(starts)
		starts = append(starts, len(bars))
		for k := 0; k+1 < len(starts); k++ {
			best := -1
			for i := starts[k]; i < starts[k+1]; i++ {
				if best < 0 || bars[i].High > bars[best].High {
					best = i
				}
			}
			if best >= 0 {
				mark(best)
			}
		}
	}
	if n == len(bars) {
		return bars
	}
	out := make([]DailyBar, 0, n)
	for i, k := range keep {
		if k {
			out = append(out, bars[i])
		}
	}
	return out
}

// KeepForScoring is KeepBarsOn with the days scoring calls made on
// callDays reads of h (ScoreDays with h's distributions).
func KeepForScoring(h PriceHistory, callDays []time.Time) []DailyBar {
	return KeepBarsOn(h.Bars, ScoreDays(callDays, h.Events, h.Unread))
}

// KeepForHighs is KeepForScoring that also keeps what HighSince reads of
// h from any of refDays (the days a call's return is measured from: its
// reference day, or the call's day, or a hand-set price's day) to today:
// the highest bar of each run of days between two ex-dates, a reference
// day and today, over which HighSince divides every high alike.
func KeepForHighs(h PriceHistory, callDays, refDays []time.Time, today time.Time) []DailyBar {
	cuts := make([]time.Time, 0, len(h.Events)+len(callDays)+len(refDays)+1)
	for _, e := range h.Events {
		cuts = append(cuts, e.ExDate)
	}
	for _, d := range callDays {
		if !d.IsZero() {
			cuts = append(cuts, market.TradingDayOnOrBefore(market.ChinaDay(d)).AddDate(0, 0, 1))
		}
	}
	for _, d := range refDays {
		if !d.IsZero() {
			cuts = append(cuts, market.ChinaDay(d).AddDate(0, 0, 1))
		}
	}
	cuts = append(cuts, market.ChinaDay(today))
	return keepBars(h.Bars, ScoreDays(callDays, h.Events, h.Unread), cuts)
}
