package market

import (
	"fmt"
	"slices"
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
		"2027-01-04": true,  // beyond the table: a weekday no rule closes
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

// TestNoticeYearsComplete checks what the notices table promises for
// every year it claims: each of the seven holidays the exchanges close for
// is there. (When the table runs out is no reason for a build to fail: the
// program says so to its user, see TestCalendarWarning.)
func TestNoticeYearsComplete(t *testing.T) {
	seven := []string{"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}
	for year := calendarFirst; year <= calendarLast; year++ {
		var names []string
		for _, c := range closures {
			if strings.HasPrefix(c.to, fmt.Sprint(year)) {
				names = append(names, c.name)
			}
		}
		all := strings.Join(names, "、")
		for _, h := range seven {
			if !strings.Contains(all, h) {
				t.Errorf("%d: the notice's %s is missing from closures (has %s)", year, h, all)
			}
		}
		if len(HolidayDates(year)) < 15 {
			t.Errorf("%d: only %d weekday closures", year, len(HolidayDates(year)))
		}
	}
}

// TestRulesAgreeWithNotices checks the rules used after the notices on the
// years the notices cover: every weekday the State Council's plan makes a
// holiday, and every statutory fixed-date holiday, was an exchange closure.
func TestRulesAgreeWithNotices(t *testing.T) {
	for year := calendarFirst; year <= calendarLast; year++ {
		plan := stateCouncilYear(year)
		if len(plan) == 0 {
			t.Fatalf("no State Council plan for %d in the library", year)
		}
		for ds := range plan {
			d := calDay(t, ds)
			if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
				continue
			}
			if IsTradingDay(d) {
				t.Errorf("%s is a State Council holiday but the exchanges opened", ds)
			}
		}
		for d := time.Date(year, 1, 1, 0, 0, 0, 0, China); d.Year() == year; d = d.AddDate(0, 0, 1) {
			if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || statutoryHoliday(d) == "" {
				continue
			}
			if year >= 2025 && IsTradingDay(d) { // 劳动节's second day is law from 2025
				t.Errorf("%s is a statutory holiday but the exchanges opened", ChinaDate(d))
			}
		}
	}
}

func TestCalendarAfterTheNotices(t *testing.T) {
	t.Cleanup(func() { SetLearnedClosures(nil) })
	SetLearnedClosures(nil)
	for _, c := range []struct {
		day    string
		open   bool
		source ClosureSource
	}{
		{"2027-01-01", false, SourceStateCouncil}, // 元旦, a Friday
		{"2027-02-05", false, SourceStateCouncil}, // 除夕
		{"2027-02-12", false, SourceStateCouncil},
		{"2027-02-15", true, SourceNone},
		{"2027-02-14", false, SourceNone}, // the plan's make-up Sunday: the exchanges stay shut
		{"2027-10-01", false, SourceStateCouncil},
		{"2027-03-01", true, SourceNone},
		{"2028-05-01", false, SourceStatute}, // beyond the plan: the law's fixed days
		{"2028-05-02", false, SourceStatute},
		{"2028-10-03", false, SourceStatute},
		{"2029-01-01", false, SourceStatute},
		{"2028-03-01", true, SourceNone},
	} {
		d := calDay(t, c.day)
		if got := IsTradingDay(d); got != c.open {
			t.Errorf("IsTradingDay(%s) = %v, want %v", c.day, got, c.open)
		}
		if _, src, _ := Closure(d); src != c.source {
			t.Errorf("Closure(%s) source = %v, want %v", c.day, src, c.source)
		}
	}
	if got := NextTradingDay(calDay(t, "2027-02-04")); ChinaDate(got) != "2027-02-15" {
		t.Errorf("the session after 2027-02-04 is %s, want 2027-02-15", ChinaDate(got))
	}
}

// weekdayBars is the days a benchmark traded from from to to, every
// weekday but the skipped ones.
func weekdayBars(t *testing.T, from, to string, skip ...string) []time.Time {
	var bars []time.Time
	for d := calDay(t, from); !d.After(calDay(t, to)); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || slices.Contains(skip, ChinaDate(d)) {
			continue
		}
		bars = append(bars, d)
	}
	return bars
}

func TestLearnedClosures(t *testing.T) {
	t.Cleanup(func() { SetLearnedClosures(nil) })
	// 2028's Spring Festival is no plan's yet: 沪深300 did not trade 01-26..02-01
	spring := []string{"2028-01-26", "2028-01-27", "2028-01-28", "2028-01-31", "2028-02-01"}
	bars := weekdayBars(t, "2028-01-03", "2028-03-31", spring...)
	// a hole of twelve weekdays is data that never came, not a holiday
	bars = slices.DeleteFunc(bars, func(d time.Time) bool {
		return !d.Before(calDay(t, "2028-03-01")) && d.Before(calDay(t, "2028-03-17"))
	})
	learned := LearnedClosures(bars)
	var got []string
	for _, d := range learned {
		got = append(got, ChinaDate(d))
	}
	if strings.Join(got, " ") != strings.Join(spring, " ") {
		t.Fatalf("learned %v, want %v", got, spring)
	}
	if !IsTradingDay(calDay(t, "2028-01-27")) {
		t.Fatal("before learning, 2028-01-27 is presumed open")
	}
	SetLearnedClosures(learned)
	for _, ds := range spring {
		if IsTradingDay(calDay(t, ds)) {
			t.Errorf("%s: learned closed, still a session", ds)
		}
		if _, src, _ := Closure(calDay(t, ds)); src != SourceLearned {
			t.Errorf("%s: source %v, want learned", ds, src)
		}
	}
	if !IsTradingDay(calDay(t, "2028-03-08")) {
		t.Error("a day inside a long hole was taken for a closure")
	}
	if got := PrevTradingDay(calDay(t, "2028-02-02")); ChinaDate(got) != "2028-01-25" {
		t.Errorf("PrevTradingDay over the learned closure = %s", ChinaDate(got))
	}
}

func TestLearnedNeverOverridesNotices(t *testing.T) {
	t.Cleanup(func() { SetLearnedClosures(nil) })
	// a history missing 2026-06-18 (a session) and holding 2026-06-19 (端午)
	bars := weekdayBars(t, "2026-06-01", "2026-06-30", "2026-06-18")
	SetLearnedClosures(LearnedClosures(bars))
	if !IsTradingDay(calDay(t, "2026-06-18")) {
		t.Error("a learned closure overrode the notice")
	}
	ds := CalendarDisagreements(bars)
	if len(ds) != 2 || ChinaDate(ds[0].Day) != "2026-06-18" || ds[0].Traded || ChinaDate(ds[1].Day) != "2026-06-19" || !ds[1].Traded {
		t.Fatalf("disagreements = %v", ds)
	}
	if !strings.Contains(ds[1].String(), "端午节") {
		t.Errorf("disagreement text %q", ds[1])
	}
}

func TestCalendarWarning(t *testing.T) {
	at := func(s string) time.Time { return calDay(t, s).Add(10 * time.Hour) }
	if _, warn := CalendarWarning(at("2026-11-15")); warn {
		t.Error("warned six weeks before the notices end")
	}
	o, warn := CalendarWarning(at("2026-12-06"))
	if !warn || o.Past || o.Next != 2027 || o.Basis != SourceStateCouncil || ChinaDate(o.Ends) != "2026-12-31" {
		t.Errorf("2026-12-06: %+v %v", o, warn)
	}
	o, warn = CalendarWarning(at("2027-03-01"))
	if !warn || !o.Past || !strings.Contains(o.String(), "State Council") {
		t.Errorf("2027-03-01: %+v %v %q", o, warn, o)
	}
	if !strings.Contains(CalendarCoverage(), "2024–2026") || !strings.Contains(CalendarCoverage(), "2027") {
		t.Errorf("coverage %q", CalendarCoverage())
	}
}
