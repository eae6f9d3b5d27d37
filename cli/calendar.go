package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"zixuan/sectors/market"
	"zixuan/store"
)

// CalendarCmd says whether the exchanges open on given days.
type CalendarCmd struct {
	Dates []string `arg:"" optional:"" placeholder:"DATE" help:"Days to look up, YYYY-MM-DD (default: today, China time)."`
}

// Help is the longer help of `zixuan calendar`.
func (CalendarCmd) Help() string {
	return "Says for each day whether the Shanghai, Shenzhen and Beijing exchanges hold a session, and what says so: the exchanges' holiday notices for the years zixuan carries, then the State Council's holiday plan, the statutory holidays (元旦, 劳动节, 国庆节) and the closures learned from 沪深300's stored history."
}

// Run prints one line a day, then what the calendar rests on.
func (c *CalendarCmd) Run(a *App) error {
	days := []time.Time{market.ChinaDay(nowFunc())}
	if len(c.Dates) > 0 {
		days = days[:0]
		for _, s := range c.Dates {
			d, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(s), market.China)
			if err != nil {
				return fmt.Errorf("%q is not a date: write it YYYY-MM-DD, e.g. 2027-01-04", oneLine(s))
			}
			days = append(days, d)
		}
	}
	// the closures learned from the stored history count: read them from
	// the database when there is one, without creating or upgrading it
	if err := store.LearnClosuresFrom(a.DBPath()); err != nil {
		return err
	}
	for _, d := range days {
		fmt.Fprintln(a.Out, sessionLine(d))
	}
	printCalendarOutlook(a.Out)
	return nil
}

// sessionLine is one day's answer: 2027-01-01 Fri  closed: 元旦 (State Council holiday plan).
func sessionLine(d time.Time) string {
	head := market.ChinaDate(d) + " " + d.Weekday().String()[:3]
	name, source, closed := market.Closure(d)
	switch {
	case closed:
		return fmt.Sprintf("%s  closed: %s (%s)", head, name, source)
	case !market.IsTradingDay(d):
		return head + "  closed: weekend"
	case market.CalendarKnows(d):
		return head + "  session (exchange notice)"
	}
	if slices.Contains(market.StateCouncilPlanYears(), d.Year()) {
		return head + "  session (State Council holiday plan: provisional until the exchanges' notice)"
	}
	return head + fmt.Sprintf("  session (provisional: no holiday notice or plan for %d yet)", d.Year())
}

// printCalendarOutlook writes the calendar's coverage, and its warning
// when the notices end within a month or have ended.
func printCalendarOutlook(w io.Writer) {
	fmt.Fprintln(w, market.CalendarCoverage())
	if o, warn := market.CalendarWarning(nowFunc()); warn {
		fmt.Fprintf(w, "note: %s\n", o)
	}
}

// printCalendarCheck is doctor's part: the outlook, and each day on which
// the file's 沪深300 history and the exchanges' notices disagree.
func printCalendarCheck(w io.Writer, path string) {
	printCalendarOutlook(w)
	ds, err := store.CalendarDisagreementsIn(path)
	if err != nil {
		return
	}
	for _, d := range ds {
		fmt.Fprintf(w, "calendar: %s (the notice is followed)\n", d)
	}
}
