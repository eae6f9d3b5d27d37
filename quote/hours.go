package quote

import (
	"time"
	"zixuan/sectors"
)

// Trading hours of the Shanghai and Shenzhen exchanges (and Beijing's):
// continuous trading 09:30–11:30 and 13:00–15:00 China time, Monday to
// Friday. Exchange holidays (Spring Festival, National Day, …) are not
// known here: on a holiday weekday the market counts as open, quotes
// simply stop changing, and they show as stale.

// Trading reports whether t falls within continuous trading.
func Trading(t time.Time) bool {
	t = t.In(sectors.China)
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	m := t.Hour()*60 + t.Minute()
	return (m >= 9*60+30 && m < 11*60+30) || (m >= 13*60 && m < 15*60)
}

// NextOpen is the next start of a trading session strictly after t (for a
// timer that sleeps through the lunch break and the night).
func NextOpen(t time.Time) time.Time {
	t = t.In(sectors.China)
	for d := 0; d < 8; d++ {
		day := time.Date(t.Year(), t.Month(), t.Day()+d, 0, 0, 0, 0, sectors.China)
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
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
// trading the last close is never stale: it is labelled with its time.
func Stale(at, now time.Time, interval time.Duration) bool {
	if !Trading(now) {
		return false
	}
	if at.IsZero() {
		return true
	}
	return now.Sub(at) > max(3*interval, time.Minute)
}

// SessionDay is the last trading day (weekends skipped) that ended on or
// before day's date: the day a rating's reference close belongs to.
// Holidays are not known; the history endpoint resolves them.
func SessionDay(day time.Time) time.Time {
	d := dayOf(day)
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// Closed reports whether day's session is over at now: a rating made
// during today's session has no reference close until 15:00.
func Closed(day, now time.Time) bool {
	d := dayOf(day)
	closeAt := d.Add(15 * time.Hour)
	return !now.Before(closeAt)
}
