package market

import "time"

// The trading calendar of the Shanghai and Shenzhen exchanges (Beijing's
// follows the same notices). Every Saturday and Sunday is closed; on top of
// that the exchanges close on the weekdays of the public holidays they name
// each December for the next year. Those are not lunar rules (in 2024 the
// exchanges also closed on Friday 02-09, 除夕, which the State Council did
// not make a holiday), so the table below is copied from the notices, one
// range per line as the notice words it, and nothing is computed.
//
// Sources, one notice per year (上海证券交易所, with 深交所 and 北交所
// publishing the same days the same day):
//
//   - 2024: 《关于上海证券交易所2024年部分节假日休市安排的通知》,
//     2023-12-26, with the 深交所/北交所 notices of the same date; text as
//     reprinted at https://meimuju.com/news/10252.html and
//     https://www.71396.com/a/15-17037306671808410.html.
//   - 2025: 沪深北交易所 2025年部分节假日休市安排, 2024-12-23; text as
//     reprinted at https://bg3.co/a/hu-shen-bei-jiao-yi-suo-gong-bu-2025nian-bu-fen-jie-jia-ri-xiu-shi-an-pai.html
//     (the days agree with the State Council's notice,
//     https://www.gov.cn/zhengce/content/202411/content_6986382.htm).
//   - 2026: 《关于上海证券交易所2026年部分节假日休市安排的通知》,
//     2025-12-22; text as reprinted at
//     http://zhishi.hgjy100.com/guancha/74968.html, by 中证网 at
//     https://www.srwlw.com/article/101784.html and by 經濟通 at
//     https://www.etnet.com.hk/www/tc/stocks/ah_news_detail.php?newsid=ETN351222775.
//   - 2027: no notice of the exchanges' yet (they publish in the last ten
//     days of December). Until it is copied in, 2027 is read from the State
//     Council's holiday plan (see provisionalClosures).
//
// To add a year: copy the ranges of the new notice into closures, add the
// notice to the list above and set calendarLast; TestNoticeYearsComplete
// then checks the year names all seven holidays. Saturdays inside a range
// are harmless (closed anyway); the 调休 make-up Saturdays and Sundays of
// the State Council's holiday plan are NOT trading days: the exchanges stay
// shut on every weekend.
var closures = []struct {
	from, to string // inclusive, as the notice gives them
	name     string
}{
	// 2024
	{"2023-12-30", "2024-01-01", "元旦"},
	{"2024-02-09", "2024-02-17", "春节"},
	{"2024-04-04", "2024-04-06", "清明节"},
	{"2024-05-01", "2024-05-05", "劳动节"},
	{"2024-06-10", "2024-06-10", "端午节"},
	{"2024-09-15", "2024-09-17", "中秋节"},
	{"2024-10-01", "2024-10-07", "国庆节"},
	// 2025
	{"2025-01-01", "2025-01-01", "元旦"},
	{"2025-01-28", "2025-02-04", "春节"},
	{"2025-04-04", "2025-04-06", "清明节"},
	{"2025-05-01", "2025-05-05", "劳动节"},
	{"2025-05-31", "2025-06-02", "端午节"},
	{"2025-10-01", "2025-10-08", "国庆节、中秋节"},
	// 2026
	{"2026-01-01", "2026-01-03", "元旦"},
	{"2026-02-15", "2026-02-23", "春节"},
	{"2026-04-04", "2026-04-06", "清明节"},
	{"2026-05-01", "2026-05-05", "劳动节"},
	{"2026-06-19", "2026-06-21", "端午节"},
	{"2026-09-25", "2026-09-27", "中秋节"},
	{"2026-10-01", "2026-10-07", "国庆节"},
}

// calendarFirst and calendarLast are the years the notices above cover.
const calendarFirst, calendarLast = 2024, 2026

// holidays is closures expanded to single days, keyed YYYY-MM-DD.
var holidays = func() map[string]string {
	out := map[string]string{}
	for _, c := range closures {
		from, err1 := time.ParseInLocation(time.DateOnly, c.from, China)
		to, err2 := time.ParseInLocation(time.DateOnly, c.to, China)
		if err1 != nil || err2 != nil || to.Before(from) {
			panic("sectors: bad closure " + c.from + ".." + c.to)
		}
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			out[d.Format(time.DateOnly)] = c.name
		}
	}
	return out
}()

// CalendarStarts is the first day the holiday table knows.
func CalendarStarts() time.Time { return time.Date(calendarFirst, 1, 1, 0, 0, 0, 0, China) }

// CalendarEnds is the last day the exchanges' notices cover (midnight
// China time). After it the calendar is provisional: see ClosureSource.
func CalendarEnds() time.Time { return time.Date(calendarLast, 12, 31, 0, 0, 0, 0, China) }

// CalendarKnows reports whether day's China date is covered by an
// exchanges' notice: only then is IsTradingDay certain about a weekday.
func CalendarKnows(day time.Time) bool {
	d := ChinaDay(day)
	return !d.Before(CalendarStarts()) && !d.After(CalendarEnds())
}

// IsTradingDay reports whether the exchanges open on day's China date:
// not a weekend, not a closure. Within the notices' years the notices
// alone decide; after them a weekday is closed when the State Council's
// holiday plan, the statutory fixed-date holidays or the closures learned
// from 沪深300's history say so (Closure says which).
func IsTradingDay(day time.Time) bool {
	d := ChinaDay(day)
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	_, _, closed := closureOf(d)
	return !closed
}

// Holiday is the name of the exchange holiday on day ("春节"), or "" for a
// trading day or a plain weekend.
func Holiday(day time.Time) string {
	name, _, _ := closureOf(ChinaDay(day))
	return name
}

// PrevTradingDay is the last trading day strictly before day's China date.
func PrevTradingDay(day time.Time) time.Time {
	d := ChinaDay(day).AddDate(0, 0, -1)
	for !IsTradingDay(d) {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// NextTradingDay is the first trading day strictly after day's China date.
func NextTradingDay(day time.Time) time.Time {
	d := ChinaDay(day).AddDate(0, 0, 1)
	for !IsTradingDay(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// TradingDayOnOrBefore is day's China date when the market opened that
// day, else the last trading day before it: the session whose close a
// call made on day is measured from.
func TradingDayOnOrBefore(day time.Time) time.Time {
	d := ChinaDay(day)
	if IsTradingDay(d) {
		return d
	}
	return PrevTradingDay(d)
}

// TradingDaysBetween counts the trading days in [from, to] (China dates,
// both included); 0 when to is before from.
func TradingDaysBetween(from, to time.Time) int {
	n := 0
	for d, end := ChinaDay(from), ChinaDay(to); !d.After(end); d = d.AddDate(0, 0, 1) {
		if IsTradingDay(d) {
			n++
		}
	}
	return n
}

// HolidayDates lists the weekday closures of one year, sorted, as
// YYYY-MM-DD, from whichever source decides that year (weekends are left
// out).
func HolidayDates(year int) []string {
	var out []string
	for d := time.Date(year, 1, 1, 0, 0, 0, 0, China); d.Year() == year; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		if _, _, closed := closureOf(d); closed {
			out = append(out, d.Format(time.DateOnly))
		}
	}
	return out
}
