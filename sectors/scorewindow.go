package sectors

import (
	"sort"
	"time"
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
		day := ChinaDay(d)
		days = append(days, TradingDayOnOrBefore(day))
		for _, m := range Horizons {
			days = append(days, TradingDayOnOrBefore(AddMonths(day, m)))
		}
	}
	for _, list := range events {
		for _, e := range list {
			days = append(days, ChinaDay(e.ExDate).AddDate(0, 0, -1))
		}
	}
	return days
}

// KeepBarsOn is, of bars (oldest first), the first, the last and the last
// bar on or before each of days, oldest first, each once: BarOnOrBefore
// of any of days, BarBefore of the day after it, and Range give on them
// what they give on bars. It returns bars itself when it keeps them all.
func KeepBarsOn(bars []DailyBar, days []time.Time) []DailyBar {
	if len(bars) <= 2 {
		return bars
	}
	keep := make([]bool, len(bars))
	keep[0], keep[len(bars)-1] = true, true
	n := 2
	for _, day := range days {
		d := ChinaDay(day)
		i := sort.Search(len(bars), func(i int) bool { return bars[i].Date.After(d) })
		if i > 0 && !keep[i-1] {
			keep[i-1] = true
			n++
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
