package scorecard

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
	"zixuan/ui/views/reports"
)

// Model is the scorecard (c): how every call has done against 沪深300,
// grouped by report (b cycles sector, rating, source), then, on enter, a
// group's calls. It shows the scorecard the root holds the moment it
// opens, from the stored history (offline too, "as of" its date), and
// is made again when a refresh or a new quote brings a newer one.
type Model struct {
	common.Common

	by     int                  // index in sectors.Groupings
	all    []sectors.ScoreGroup // every grouping's
	groups []sectors.ScoreGroup // this grouping's
	calls  []sectors.ScoredCall // every call of the scorecard
	sel    int
	open   bool
	rows   []sectors.ScoredCall // the open group's calls, best first
	csel   int

	asOf              time.Time
	loaded, scored    bool
	fetching, offline bool
	unscored, total   int
	label             func(by, key string) string

	bench   string // the benchmark's name
	western bool   // rises in green, falls in red
}

// Data is what the scorecard shows: the root's scorecard and the state of
// the history it is made from, the benchmark's name, the colours'
// convention, and what names the groups (the sectors, the last full
// load's reports).
type Data struct {
	Scorecard         sectors.Scorecard
	Loaded, Scored    bool // the history is read; the scorecard made from it
	Fetching, Offline bool // the history is being refreshed; the last refresh failed
	Bench             string
	Western           bool
	Sectors           []sectors.Sector
	Snap              *sectors.Snapshot
}

// New is the scorecard over data.
func New(c common.Common, data Data) Model {
	return Model{Common: c}.Refresh(data)
}

// Refresh takes the root's scorecard, keeping the grouping, the selected
// group and the open one.
func (v Model) Refresh(data Data) Model {
	selKey := v.groupKey(v.sel)
	v.bench = data.Bench
	v.western = data.Western
	v.loaded, v.scored, v.fetching = data.Loaded, data.Scored, data.Fetching
	v.offline = data.Offline
	v.asOf = data.Scorecard.AsOf
	v.calls, v.all = data.Scorecard.Calls, data.Scorecard.Groups
	v.unscored, v.total = 0, len(v.calls)
	for _, c := range v.calls {
		if c.Err != nil {
			v.unscored++
		}
	}
	secs, snap, t := data.Sectors, data.Snap, v.T
	v.label = func(by, key string) string {
		switch by {
		case sectors.BySector:
			for _, s := range secs {
				if s.ID == key {
					return t.SectorLabel(s)
				}
			}
		case sectors.ByReport:
			if snap != nil {
				if r, ok := snap.Report(key); ok {
					return reports.Label(r)
				}
			}
		case sectors.ByRating:
			if r, err := sectors.ParseRating(key); err == nil {
				return t.Rating(r)
			}
		case sectors.BySource:
			return t.SourceName(key)
		}
		return safetext.Line(key)
	}
	v.regroup()
	for i, g := range v.groups {
		if g.Key == selKey {
			v.sel = i
		}
	}
	if v.open {
		v.openGroup()
	}
	return v
}

// UpDown is the style of a rise or a fall in the colours' convention.
func (v Model) UpDown(dir int) lipgloss.Style { return v.Styles.UpDown(v.western, dir) }

// Grouping is what the groups are by (sectors.Groupings).
func (v Model) Grouping() string { return v.byName() }

// Groups are this grouping's groups.
func (v Model) Groups() []sectors.ScoreGroup { return v.groups }

// Opened reports whether a group's calls are shown.
func (v Model) Opened() bool { return v.open }

// Rows are the open group's calls, the best first.
func (v Model) Rows() []sectors.ScoredCall { return v.rows }

func (v Model) byName() string { return sectors.Groupings[v.by] }

func (v *Model) regroup() {
	v.groups = v.groups[:0:0]
	for _, g := range v.all { // the model's scorecard has every grouping
		if g.By == v.byName() {
			v.groups = append(v.groups, g)
		}
	}
	v.sel = min(v.sel, max(len(v.groups)-1, 0))
}

// inGroup reports whether a call belongs to the group by/key.
func inGroup(c sectors.ScoredCall, by, key string) bool {
	switch by {
	case sectors.ByReport:
		return c.Report && c.Source == key
	case sectors.BySector:
		return c.Sector == key
	case sectors.ByRating:
		return c.Rating.ID() == key
	case sectors.BySource:
		k := c.Source
		if strings.HasPrefix(k, "import:") {
			k = "import"
		}
		return k == key
	}
	return false
}

func (v Model) groupKey(i int) string {
	if i >= 0 && i < len(v.groups) {
		return v.groups[i].Key
	}
	return ""
}

// openGroup lists the selected group's calls, the best excess first and
// the calls with no history yet last.
func (v *Model) openGroup() {
	key := v.groupKey(v.sel)
	v.rows = v.rows[:0:0]
	for _, c := range v.calls {
		if inGroup(c, v.byName(), key) {
			v.rows = append(v.rows, c)
		}
	}
	slices.SortStableFunc(v.rows, func(a, b sectors.ScoredCall) int {
		switch {
		case (a.Err == nil) != (b.Err == nil):
			if a.Err == nil {
				return -1
			}
			return 1
		case a.Result.ExcessPct > b.Result.ExcessPct:
			return -1
		case a.Result.ExcessPct < b.Result.ExcessPct:
			return 1
		}
		return 0
	})
	v.csel = min(v.csel, max(len(v.rows)-1, 0))
}

func (v Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	keys := v.Keys
	page := max(v.Height-3, 1)
	if v.open {
		if c, moved := common.Step(k, keys, v.csel, len(v.rows), page); moved {
			v.csel = c
			return v, nil
		}
		switch {
		case key.Matches(k, keys.Back):
			v.open = false
		case key.Matches(k, keys.GoTo):
			if v.csel < len(v.rows) {
				return common.CloseWith(common.GoToTickerMsg{Key: v.rows[v.csel].Code.Key()}), nil
			}
		}
		return v, nil
	}
	if s, moved := common.Step(k, keys, v.sel, len(v.groups), page); moved {
		v.sel = s
		return v, nil
	}
	switch {
	case key.Matches(k, keys.Back):
		return nil, nil
	case key.Matches(k, keys.GroupBy):
		v.by = (v.by + 1) % len(sectors.Groupings)
		v.sel = 0
		v.regroup()
	case key.Matches(k, keys.Browse):
		if v.sel < len(v.groups) {
			v.open, v.csel = true, 0
			v.openGroup()
		}
	}
	return v, nil
}

func (v Model) Placement() common.Placement { return common.InBody }

func (v Model) ShortHelp() []key.Binding {
	k := v.Keys
	if v.open {
		return []key.Binding{k.Up, k.Down, k.GoTo, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Browse, k.GroupBy, k.Back}
}

func (v Model) FullHelp() [][]key.Binding {
	k := v.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Browse, k.GroupBy, k.GoTo, k.Back}}
}

func (v Model) SetSize(w, h int) common.Dialog { v.Common.SetSize(w, h); return v }

// statusText is what the view says about its data: as of when, from the
// store or being refreshed, how many calls have no history.
func (v Model) statusText() string {
	rt := v.T.Reports
	var parts []string
	switch {
	case !v.loaded || !v.scored:
		return rt.Reading
	case v.asOf.IsZero():
		parts = append(parts, rt.NoPrices)
	default:
		parts = append(parts, fmt.Sprintf(rt.AsOf, market.ChinaDate(v.asOf)))
	}
	switch {
	case v.fetching:
		parts = append(parts, rt.Refreshing)
	case v.offline && !v.asOf.IsZero():
		parts = append(parts, rt.Stored)
	}
	if v.unscored > 0 && !v.asOf.IsZero() {
		parts = append(parts, fmt.Sprintf(rt.Unscored, v.unscored, v.total))
	}
	return strings.Join(parts, " · ")
}

func (v Model) View() string {
	s, w, rt := v.Styles, v.Width, v.T.Reports
	title := fmt.Sprintf(rt.Scorecard, v.bench) + " · " + rt.ByNames[v.byName()]
	if v.open {
		title += " · " + v.label(v.byName(), v.groupKey(v.sel))
	}
	lines := []string{
		s.Title.Render(safetext.Truncate(title, w)),
		s.Dim.Render(safetext.Truncate(v.statusText(), w)),
	}
	switch {
	case v.scored && v.total == 0:
		lines = append(lines, s.Dim.Render(safetext.Truncate(rt.NoScorable, w)))
	case v.open:
		lines = append(lines, v.callLines()...)
	case v.scored:
		lines = append(lines, v.groupLines()...)
	}
	return common.FitLines(strings.Join(lines, "\n"), w, v.Height)
}
