package sectors

import "time"

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
