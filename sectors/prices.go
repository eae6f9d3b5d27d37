package sectors

import (
	"slices"
	"time"
)

// RefWindow is how far before a rating's date a close still counts as its
// reference.
const RefWindow = 14 * 24 * time.Hour

// RefPrice is one stored close.
type RefPrice struct {
	Code     Code
	Day      time.Time // the trading day, midnight China time
	Close    float64
	Adjusted bool      // forward-adjusted (前复权) when fetched
	Source   string    // "tencent", "user", "import:<file>"
	Set      time.Time // when it was stored
}

// RefFor picks, from one ticker's closes (oldest first, as RefPrices
// gives them), the reference of a rating made at: the newest close on or
// before at's China date, within RefWindow.
func RefFor(list []RefPrice, at time.Time) (RefPrice, bool) {
	day := ChinaDay(at)
	for i := len(list) - 1; i >= 0; i-- {
		p := list[i]
		if p.Day.After(day) {
			continue
		}
		if day.Sub(p.Day) > RefWindow {
			break
		}
		return p, true
	}
	return RefPrice{}, false
}

// MergeRefs returns refs (by Code.Key(), oldest first) with the closes in
// add put in, replacing any of the same ticker and day, as storing them
// would. refs itself is not changed.
func MergeRefs(refs map[string][]RefPrice, add []RefPrice) map[string][]RefPrice {
	out := make(map[string][]RefPrice, len(refs))
	for k, l := range refs {
		out[k] = l
	}
	for _, p := range add {
		k := p.Code.Key()
		day := ChinaDay(p.Day)
		p.Day = day
		l := slices.Clone(out[k])
		i, found := slices.BinarySearchFunc(l, day, func(r RefPrice, d time.Time) int { return r.Day.Compare(d) })
		if found {
			l[i] = p
		} else {
			l = slices.Insert(l, i, p)
		}
		out[k] = l
	}
	return out
}

// Return is the return, in percent, of last against the reference close
// ref: 10 is +10 %. Without both prices there is no return, and 0 is
// returned; callers show "no ref" rather than that 0.
func Return(last, ref float64) float64 {
	if ref <= 0 || last <= 0 {
		return 0
	}
	return (last/ref - 1) * 100
}
