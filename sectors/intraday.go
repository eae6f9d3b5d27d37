package sectors

import (
	"time"

	"zixuan/sectors/market"
)

// Intraday is one session's minute line (分时) of a security: the price at
// the end of each minute, what traded in it, and the running average
// price (均价) a trading terminal draws beside it.
type Intraday struct {
	Code      market.Code
	Day       time.Time // the session's day, midnight in China
	PrevClose float64   // the previous session's close, 0 when not given
	Minutes   []Minute  // in time order, at most one a minute
}

// Minute is one minute of a session.
type Minute struct {
	Time   time.Time // the minute's end, in China
	Price  float64   // the last price in the minute
	Shares int64     // traded in the minute
	Amount float64   // yuan traded in the minute
	// Average is the session's volume-weighted average price up to and
	// including this minute (均价): the running amount over the running
	// shares.
	Average float64
}

// Last is the minute line's last minute; ok is false when it has none.
func (d Intraday) Last() (m Minute, ok bool) {
	if len(d.Minutes) == 0 {
		return Minute{}, false
	}
	return d.Minutes[len(d.Minutes)-1], true
}
