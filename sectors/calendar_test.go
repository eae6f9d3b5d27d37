package sectors

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func calDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.ParseInLocation(time.DateOnly, s, China)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestTradingCalendarHolidays(t *testing.T) {
	// The weekday closures of each notice, counted by hand from the ranges
	// (weekends inside a range are closed anyway and not listed).
	want := map[int][]string{
		2024: {"2024-01-01",
			"2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15", "2024-02-16",
			"2024-04-04", "2024-04-05",
			"2024-05-01", "2024-05-02", "2024-05-03",
			"2024-06-10",
			"2024-09-16", "2024-09-17",
			"2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-07"},
		2025: {"2025-01-01",
			"2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03", "2025-02-04",
			"2025-04-04",
			"2025-05-01", "2025-05-02", "2025-05-05",
			"2025-06-02",
			"2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"},
		2026: {"2026-01-01", "2026-01-02",
			"2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23",
			"2026-04-06",
			"2026-05-01", "2026-05-04", "2026-05-05",
			"2026-06-19",
			"2026-09-25",
			"2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"},
	}
	for year, days := range want {
		if got := HolidayDates(year); strings.Join(got, " ") != strings.Join(days, " ") {
			t.Errorf("%d closures:\n got %v\nwant %v", year, got, days)
		}
		for _, ds := range days {
			if IsTradingDay(calDay(t, ds)) {
				t.Errorf("%s is a holiday, not a trading day", ds)
			}
		}
	}

	for ds, open := range map[string]bool{
		"2024-02-09": false, // Friday, 除夕: closed although not a State Council holiday
		"2024-02-08": true,
		"2024-02-19": true,  // first day after the Spring Festival
		"2024-02-18": false, // Sunday make-up workday: the exchanges stay shut
		"2026-02-14": false, // Saturday make-up workday
		"2026-12-01": true,
		"2026-12-05": false, // Saturday
		"2027-01-04": true,  // beyond the table: a weekday counts as open
	} {
		if got := IsTradingDay(calDay(t, ds)); got != open {
			t.Errorf("IsTradingDay(%s) = %v, want %v", ds, got, open)
		}
	}
	if Holiday(calDay(t, "2025-01-29")) != "春节" || Holiday(calDay(t, "2025-01-27")) != "" {
		t.Error("Holiday names")
	}
}

func TestTradingDayNavigation(t *testing.T) {
	for _, c := range []struct{ fn, in, want string }{
		{"prev", "2024-02-19", "2024-02-08"}, // over the Spring Festival
		{"prev", "2025-10-09", "2025-09-30"},
		{"prev", "2024-05-13", "2024-05-10"}, // Monday to Friday
		{"next", "2024-02-08", "2024-02-19"},
		{"next", "2026-09-30", "2026-10-08"},
		{"onOrBefore", "2024-05-12", "2024-05-10"}, // a Sunday
		{"onOrBefore", "2024-10-05", "2024-09-30"}, // inside 国庆
		{"onOrBefore", "2024-05-10", "2024-05-10"},
	} {
		var got time.Time
		switch c.fn {
		case "prev":
			got = PrevTradingDay(calDay(t, c.in))
		case "next":
			got = NextTradingDay(calDay(t, c.in))
		default:
			got = TradingDayOnOrBefore(calDay(t, c.in))
		}
		if got.Format(time.DateOnly) != c.want || got.Location() != China {
			t.Errorf("%s(%s) = %v, want %s", c.fn, c.in, got, c.want)
		}
	}
	// the machine's zone does not matter: 2024-02-08 20:00 UTC is 02-09 in China
	if IsTradingDay(time.Date(2024, 2, 8, 20, 0, 0, 0, time.UTC)) {
		t.Error("UTC time not read as a China date")
	}
	// 2024-04-29 .. 2024-05-10: 10 weekdays, 3 of them 劳动节
	if n := TradingDaysBetween(calDay(t, "2024-04-29"), calDay(t, "2024-05-10")); n != 7 {
		t.Errorf("TradingDaysBetween = %d, want 7", n)
	}
	if !CalendarKnows(calDay(t, "2026-12-31")) || CalendarKnows(calDay(t, "2027-01-01")) || CalendarKnows(calDay(t, "2023-12-29")) {
		t.Error("CalendarKnows")
	}
}

// TestCalendarNotRunningOut is the one test that reads the real clock: its
// point is to fail before the table runs out, so that the next year's
// notice is added while there is time. The exchanges publish that notice
// in the last ten days of December (2023-12-26, 2024-12-23, 2025-12-22),
// so from 60 days before the table ends until the 27th it cannot be added
// yet: then the test says so and skips, and after the 27th it fails.
func TestCalendarNotRunningOut(t *testing.T) {
	now := time.Now().In(China)
	ends := CalendarEnds()
	left := ends.Sub(now)
	if left >= 60*24*time.Hour {
		return
	}
	next := ends.Year() + 1
	msg := fmt.Sprintf("the trading calendar ends on %s, %d days from now: add the exchanges' %d closures "+
		"(《关于上海证券交易所%d年部分节假日休市安排的通知》, published each December) "+
		"to closures in sectors/calendar.go, cite the notice beside it, and set calendarLast = %d",
		ends.Format(time.DateOnly), int(left.Hours()/24), next, next, next)
	if published := time.Date(ends.Year(), 12, 27, 0, 0, 0, 0, China); now.Before(published) {
		t.Skip(msg + " (the notice is not out before late December)")
	}
	t.Fatal(msg)
}
