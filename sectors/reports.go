package sectors

import (
	"sort"
	"time"
)

// ReportEntry is a report kept in the watchlist: what it says about itself,
// its themes with the sector each went to, and when it was added.
type ReportEntry struct {
	BrokerReport
	Themes []ReportTheme
	Added  time.Time
	Calls  int // the calls the watchlist holds from it
}

// ReportTheme is a report's theme and the sector its calls went into.
type ReportTheme struct {
	Theme
	Sector string // a sector id
}

// ThemeOf returns the entry's theme called name.
func (r ReportEntry) ThemeOf(name string) (ReportTheme, bool) {
	for _, t := range r.Themes {
		if t.Name == name {
			return t, true
		}
	}
	return ReportTheme{}, false
}

// Report finds a report of the snapshot by id.
func (s *Snapshot) Report(id string) (ReportEntry, bool) {
	for _, r := range s.Reports {
		if r.ID == id {
			return r, true
		}
	}
	return ReportEntry{}, false
}

// CallFrom returns the ticker's call from the report with that id.
func (t *Ticker) CallFrom(reportID string) (Call, bool) {
	for _, c := range t.Calls {
		if c.ReportID == reportID {
			return c, true
		}
	}
	return Call{}, false
}

// ReportCall is a call with the report it comes from.
type ReportCall struct {
	Call
	Report ReportEntry // zero but for its id when the watchlist no longer keeps it
	// Rerated is set when the call changed the ticker's rating, From → To
	// (the history's entry from this report).
	Rerated  bool
	From, To Rating
}

// CallsNewestFirst returns the ticker's calls with their reports, newest
// report first; undated reports after dated ones, the later added first.
func (t *Ticker) CallsNewestFirst(reports []ReportEntry) []ReportCall {
	if len(t.Calls) == 0 {
		return nil
	}
	byID := make(map[string]int, len(reports))
	for i := range reports {
		byID[reports[i].ID] = i
	}
	out := make([]ReportCall, len(t.Calls))
	for i, c := range t.Calls {
		out[i].Call = c
		if j, ok := byID[c.ReportID]; ok {
			out[i].Report = reports[j]
		} else {
			out[i].Report.ID = c.ReportID
		}
		for _, h := range t.Ratings {
			// the rating a ticker joined the list with is no re-rating
			if h.Source == c.ReportID && h.Reason == ReasonReport && h.From != h.To && t.AddedBy != c.ReportID {
				out[i].Rerated, out[i].From, out[i].To = true, h.From, h.To
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Report, out[j].Report
		if a.Date.IsZero() != b.Date.IsZero() {
			return !a.Date.IsZero()
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Added.After(b.Added)
	})
	return out
}

// LatestTarget returns the newest of the ticker's calls that gives a
// target price (目标价), with its report.
func (t *Ticker) LatestTarget(reports []ReportEntry) (ReportCall, bool) {
	for _, c := range t.CallsNewestFirst(reports) {
		if c.Target > 0 {
			return c, true
		}
	}
	return ReportCall{}, false
}

// Thesis returns the thesis the call's report gives for the call's theme.
func (c ReportCall) Thesis() string {
	if th, ok := c.Report.ThemeOf(c.Theme); ok {
		return th.Thesis
	}
	return ""
}

// ThemeIndex is where the theme named name stands among the report's
// themes, the order calls are listed in; after them all when the report
// has no such theme.
func (r ReportEntry) ThemeIndex(name string) int {
	for i, t := range r.Themes {
		if t.Name == name {
			return i
		}
	}
	return len(r.Themes)
}
