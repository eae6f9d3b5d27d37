package market

import "time"

// China is the exchanges' clock: Beijing time, UTC+8 all year (China has
// kept no daylight saving since 1991). A fixed zone needs no tz database,
// which a minimal container may not have. Every "which day is it in China"
// question in zixuan goes through it.
var China = time.FixedZone("CST", 8*3600)

// ChinaDay is t's calendar day in China, at midnight China time.
func ChinaDay(t time.Time) time.Time {
	y, m, d := t.In(China).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, China)
}

// ChinaDate is t's calendar day in China as YYYY-MM-DD.
func ChinaDate(t time.Time) string { return t.In(China).Format(time.DateOnly) }
