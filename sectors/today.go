package sectors

import (
	"time"

	"zixuan/sectors/market"
)

// DaysWithoutNote is how many China days t's thesis has gone without a
// note at now: since its newest live note, or since its rating when that
// is newer (a new call is a new thesis), or since it was added. A no-note
// alert and the day's summary read staleness by this one rule.
func (t Ticker) DaysWithoutNote(now time.Time) int {
	last := t.RatingAt
	if n, ok := t.LatestNote(); ok && n.Created.After(last) {
		last = n.Created
	}
	if last.IsZero() {
		last = t.Added
	}
	return int(market.ChinaDay(now).Sub(market.ChinaDay(last)).Hours() / 24)
}

// DayPnL is what the position made or lost on day (a China trading day)
// at the quote q of that day: the shares held at the previous close moved
// by the day's change, the shares bought on day from their price to the
// last, the shares sold on day from the previous close to their price,
// the day's fees taken off. ok is false when the quote is no trade of
// day (a halt, before the open, another day's) or the position neither
// held shares nor traded on day.
func (p Position) DayPnL(day time.Time, q Quote) (pnl float64, ok bool) {
	l, traded := q.AsLatest()
	if !traded || !l.Day.Equal(market.ChinaDay(day)) || !(q.PrevClose > 0) {
		return 0, false
	}
	start := p.Qty
	var flows float64
	any := false
	for _, t := range p.Trades {
		if !market.ChinaDay(t.Date).Equal(market.ChinaDay(day)) {
			continue
		}
		any = true
		switch t.Side {
		case Bought:
			start -= t.Qty
			flows += float64(t.Qty)*(l.Last-t.Price) - t.Fee
		case Sold:
			start += t.Qty
			flows += float64(t.Qty)*(t.Price-q.PrevClose) - t.Fee
		}
	}
	if start <= 0 && !any {
		return 0, false
	}
	return float64(max(start, 0))*(l.Last-q.PrevClose) + flows, true
}
