package quote

import (
	"time"
	"zixuan/sectors/market"
)

// Trading hours of the Shanghai and Shenzhen exchanges (and Beijing's):
// the opening call auction 09:15–09:25, continuous trading 09:30–11:30 and
// 13:00–15:00 China time, on the trading days of sectors' calendar. On an
// exchange holiday the market is shut all day: quotes stop changing and
// are not stale, and no refresh is scheduled before the next session.

// Trading reports whether t falls within continuous trading.
func Trading(t time.Time) bool {
	t = t.In(market.China)
	if !market.IsTradingDay(t) {
		return false
	}
	m := t.Hour()*60 + t.Minute()
	return (m >= 9*60+30 && m < 11*60+30) || (m >= 13*60 && m < 15*60)
}

// PreOpen reports whether t is on a trading day before continuous trading
// starts at 09:30: the call auction (09:15–09:25) and the minutes after
// it, when no stock has traded yet and every quote shows volume 0.
func PreOpen(t time.Time) bool {
	t = t.In(market.China)
	if !market.IsTradingDay(t) {
		return false
	}
	return t.Hour()*60+t.Minute() < 9*60+30
}

// NextOpen is the next start of a trading session strictly after t (for a
// timer that sleeps through the lunch break, the night and the holidays).
func NextOpen(t time.Time) time.Time {
	t = t.In(market.China)
	// The longest closure (Spring Festival with its weekends) is under two
	// weeks; three is a safe bound on the search.
	for d := 0; d < 21; d++ {
		day := time.Date(t.Year(), t.Month(), t.Day()+d, 0, 0, 0, 0, market.China)
		if !market.IsTradingDay(day) {
			continue
		}
		for _, hm := range [][2]int{{9, 30}, {13, 0}} {
			open := day.Add(time.Duration(hm[0])*time.Hour + time.Duration(hm[1])*time.Minute)
			if open.After(t) {
				return open
			}
		}
	}
	return t.Add(24 * time.Hour)
}

// Stale reports whether a quote timestamped at, seen at now, is too old to
// show as current: during trading, older than three refresh intervals (at
// least a minute, since the vendors' timestamps move in steps). Outside
// trading (nights, weekends, exchange holidays) the last close is never
// stale: it is labelled with its time.
func Stale(at, now time.Time, interval time.Duration) bool {
	if !Trading(now) {
		return false
	}
	if at.IsZero() {
		return true
	}
	if !market.CalendarKnows(now) && market.ChinaDate(at) != market.ChinaDate(now) {
		// No notice says today is a session, only the absence of a known
		// holiday: a quote still dated an earlier day is what a holiday's
		// quote looks like, so it is the last close, not a stale answer.
		return false
	}
	return now.Sub(at) > max(3*interval, time.Minute)
}

// SessionDay is the last trading day that ended on or before day's date
// (weekends and exchange holidays skipped): the day a rating's reference
// close belongs to.
func SessionDay(day time.Time) time.Time {
	return market.TradingDayOnOrBefore(day)
}

// Closed reports whether day's session is over at now: a rating made
// during today's session has no reference close until 15:00.
func Closed(day, now time.Time) bool {
	d := market.ChinaDay(day)
	closeAt := d.Add(15 * time.Hour)
	return !now.Before(closeAt)
}
