package sectors

import (
	"time"
	"zixuan/sectors/market"
)

// RefWindow is how far before a rating's date a close still counts as its
// reference.
const RefWindow = 14 * 24 * time.Hour

// RefPrice is one stored close.
type RefPrice struct {
	Code     market.Code
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
	day := market.ChinaDay(at)
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
