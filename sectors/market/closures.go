package market

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// ClosureSource says what decided that a weekday is closed — or, for a
// session, how sure the calendar is that it is one.
type ClosureSource int

// The sources, strongest first. Within the years of the exchanges'
// notices only SourceNotice counts; after them the others fill in, each
// weaker than the one before.
const (
	SourceNone         ClosureSource = iota
	SourceNotice                     // the exchanges' notice for the year
	SourceStateCouncil               // the State Council's holiday plan, before the exchanges' notice
	SourceStatute                    // a fixed-date statutory holiday (元旦, 劳动节, 国庆节)
	SourceLearned                    // 沪深300 had no bar that weekday, between bars it had
)

func (s ClosureSource) String() string {
	switch s {
	case SourceNotice:
		return "exchange notice"
	case SourceStateCouncil:
		return "State Council holiday plan"
	case SourceStatute:
		return "statutory holiday"
	case SourceLearned:
		return "learned from 沪深300's history"
	}
	return ""
}

// Closure says whether the exchanges are closed on day's China date for a
// holiday, and what says so. Weekends are not holidays: a plain Saturday
// gives ("", SourceNone, false).
func Closure(day time.Time) (name string, source ClosureSource, closed bool) {
	d := ChinaDay(day)
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		if name := holidays[d.Format(time.DateOnly)]; name != "" {
			return name, SourceNotice, true
		}
		return "", SourceNone, false
	}
	return closureOf(d)
}

// closureOf decides a weekday (d at midnight China time). The notices are
// authoritative for their years: nothing learned or ruled overrides them.
// After them the exchanges have always closed on every weekday of the
// State Council's holidays (2024–2026 agree; 2024 also closed on 除夕,
// which the plan did not make a holiday, so the plan can miss a closure
// but has never added one), then the law's fixed-date holidays, then what
// the benchmark's history shows.
func closureOf(d time.Time) (string, ClosureSource, bool) {
	ds := d.Format(time.DateOnly)
	if CalendarKnows(d) {
		name, ok := holidays[ds]
		if ok {
			return name, SourceNotice, true
		}
		return "", SourceNotice, false
	}
	if name, ok := stateCouncilHolidays()[ds]; ok {
		return name, SourceStateCouncil, true
	}
	if name := statutoryHoliday(d); name != "" {
		return name, SourceStatute, true
	}
	if learned := learnedClosures.Load(); learned != nil && (*learned)[ds] {
		return "休市", SourceLearned, true
	}
	return "", SourceNone, false
}

// statutoryHoliday names the fixed-date days the 全国年节及纪念日放假办法
// (as amended with effect from 2025-01-01) makes holidays every year: 元旦
// 1 day, 劳动节 05-01 and 05-02, 国庆节 10-01 to 10-03. The lunar holidays
// (春节, 清明, 端午, 中秋) move and come from the plan or the history.
func statutoryHoliday(d time.Time) string {
	switch m, day := d.Month(), d.Day(); {
	case m == time.January && day == 1:
		return "元旦"
	case m == time.May && day <= 2:
		return "劳动节"
	case m == time.October && day <= 3:
		return "国庆节"
	}
	return ""
}

// stateCouncilHolidays are the days off of the State Council's holiday
// plans for the years after the notices, as the lunar-go library carries
// them (it is updated when each plan is published, usually in November).
// Built on first use, so nothing is paid at start.
var stateCouncilHolidays = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for year := calendarLast + 1; year <= calendarLast+10; year++ {
		maps.Copy(out, stateCouncilYear(year))
	}
	return out
})

// stateCouncilYear is one year's days off in the State Council's plan.
func stateCouncilYear(year int) map[string]string {
	out := map[string]string{}
	for e := HolidayUtil.GetHolidaysByYear(year).Front(); e != nil; e = e.Next() {
		h, ok := e.Value.(*HolidayUtil.Holiday)
		if !ok || h.IsWork() || !strings.HasPrefix(h.GetDay(), fmt.Sprint(year)) {
			continue
		}
		out[h.GetDay()] = stateCouncilName(h.GetName())
	}
	return out
}

// stateCouncilName shortens the library's names to the notices' (元旦节 →
// 元旦).
func stateCouncilName(n string) string {
	if n == "元旦节" {
		return "元旦"
	}
	return n
}

// StateCouncilPlanYears are the years after the notices for which the
// State Council's plan is known.
func StateCouncilPlanYears() []int {
	var years []int
	for ds := range stateCouncilHolidays() {
		var y int
		fmt.Sscanf(ds, "%d", &y)
		if !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	return years
}

// learnedClosures are the weekdays after the notices on which the
// benchmark's stored history shows the market shut (see LearnClosures).
var learnedClosures atomic.Pointer[map[string]bool]

// maxClosureRun is the longest run of weekdays a holiday closes: the
// Spring Festival's is five to seven. A longer hole in a history is data
// that never came, not a holiday.
const maxClosureRun = 8

// LearnedClosures reads closures off the days a benchmark traded (the
// dates of its daily bars), sorted and taken from spans actually received
// (held): a weekday with no bar, between two bars no more than
// maxClosureRun weekdays apart, was a day the market did not trade. It returns them sorted, whatever the
// year; the calendar uses those after the notices (SetLearnedClosures).
func LearnedClosures(traded []time.Time) []time.Time {
	var out []time.Time
	for i := 1; i < len(traded); i++ {
		prev, next := ChinaDay(traded[i-1]), ChinaDay(traded[i])
		var gap []time.Time
		for d := prev.AddDate(0, 0, 1); d.Before(next); d = d.AddDate(0, 0, 1) {
			if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
				gap = append(gap, d)
			}
		}
		if len(gap) <= maxClosureRun {
			out = append(out, gap...)
		}
	}
	return out
}

// SetLearnedClosures installs the closures learned from the benchmark's
// history (LearnedClosures) for the days after the notices; days the
// notices cover are decided by them alone. A new set replaces the old.
func SetLearnedClosures(days []time.Time) {
	m := make(map[string]bool, len(days))
	for _, d := range days {
		if !CalendarKnows(d) {
			m[ChinaDate(d)] = true
		}
	}
	learnedClosures.Store(&m)
}

// CalendarDisagreement is a day on which the benchmark's history and the
// exchanges' notices disagree: the notices win, and doctor reports it.
type CalendarDisagreement struct {
	Day    time.Time
	Traded bool // the history has a bar (the notices say closed); else it has none between bars (they say open)
}

func (c CalendarDisagreement) String() string {
	if c.Traded {
		return fmt.Sprintf("%s: 沪深300 has a bar, but the exchanges' notice closes the market (%s)", ChinaDate(c.Day), holidays[ChinaDate(c.Day)])
	}
	return fmt.Sprintf("%s: 沪深300 has no bar, but the exchanges' notice opens the market", ChinaDate(c.Day))
}

// CalendarDisagreements compares the days a benchmark traded (its bars'
// dates, sorted) with the notices on the days they cover.
func CalendarDisagreements(traded []time.Time) []CalendarDisagreement {
	var out []CalendarDisagreement
	for _, d := range traded {
		if CalendarKnows(d) && !IsTradingDay(d) {
			out = append(out, CalendarDisagreement{Day: ChinaDay(d), Traded: true})
		}
	}
	for _, d := range LearnedClosures(traded) {
		if CalendarKnows(d) && IsTradingDay(d) {
			out = append(out, CalendarDisagreement{Day: d})
		}
	}
	slices.SortFunc(out, func(a, b CalendarDisagreement) int { return a.Day.Compare(b.Day) })
	return out
}

// CalendarCoverage says in one line which source decides which years, for
// `zixuan version` and `doctor`.
func CalendarCoverage() string {
	s := fmt.Sprintf("trading calendar: exchange notices %d–%d", calendarFirst, calendarLast)
	if years := StateCouncilPlanYears(); len(years) > 0 {
		s += fmt.Sprintf("; %s from the State Council's holiday plan (provisional)", yearSpan(years))
	}
	return s + "; later years: 元旦, 劳动节 and 国庆节 by law, other closures learned from 沪深300's history"
}

func yearSpan(years []int) string {
	if len(years) == 1 || years[len(years)-1] == years[0] {
		return fmt.Sprint(years[0])
	}
	return fmt.Sprintf("%d–%d", years[0], years[len(years)-1])
}

// calendarWarnDays is how long before the notices run out the program
// starts to say so: the exchanges publish the next year's in late December.
const calendarWarnDays = 30

// CalendarOutlook is what the user is told about the calendar at a given
// time: when the exchanges' notices end, whether that is already past,
// and what decides the sessions after them.
type CalendarOutlook struct {
	Ends  time.Time     // the last day the notices cover
	Past  bool          // now is after Ends
	Basis ClosureSource // SourceStateCouncil when its plan covers the next year, else SourceStatute
	Next  int           // the year whose notice is missing
}

// CalendarWarning says whether at now the user should be told the
// calendar is, or is about to be, provisional: from calendarWarnDays
// before the notices end.
func CalendarWarning(now time.Time) (CalendarOutlook, bool) {
	ends := CalendarEnds()
	day := ChinaDay(now)
	if ends.Sub(day) >= calendarWarnDays*24*time.Hour {
		return CalendarOutlook{}, false
	}
	o := CalendarOutlook{Ends: ends, Past: day.After(ends), Basis: SourceStatute, Next: calendarLast + 1}
	if slices.Contains(StateCouncilPlanYears(), o.Next) {
		o.Basis = SourceStateCouncil
	}
	return o, true
}

// Short is the outlook in English for a status line: calendar: notices
// end 2026-12-31, 2027 by the State Council plan (provisional).
func (o CalendarOutlook) Short() string {
	basis := "by the statutory holidays"
	if o.Basis == SourceStateCouncil {
		basis = "by the State Council plan"
	}
	if o.Past {
		return fmt.Sprintf("calendar: no exchange notice for %d yet; sessions %s (provisional)", o.Next, basis)
	}
	return fmt.Sprintf("calendar: exchange notices end %s, %d %s (provisional)", ChinaDate(o.Ends), o.Next, basis)
}

// String is the outlook in English, one line.
func (o CalendarOutlook) String() string {
	basis := "元旦, 劳动节 and 国庆节 by law and the closures learned from 沪深300's history"
	if o.Basis == SourceStateCouncil {
		basis = "the State Council's holiday plan"
	}
	if o.Past {
		return fmt.Sprintf("the exchanges' holiday notices in this build end with %d: sessions after %s follow %s until an update adds the %d notice", o.Ends.Year(), ChinaDate(o.Ends), basis, o.Next)
	}
	return fmt.Sprintf("the exchanges' holiday notices in this build end on %s: after it sessions follow %s until an update adds the %d notice", ChinaDate(o.Ends), basis, o.Next)
}
