package scorecard

import (
	"fmt"
	"slices"
	"strconv"
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

func (v Model) groupLines() []string {
	s, w, rt := v.Styles, v.Width, v.T.Reports
	cols := []col{
		{head: rt.ColGroup, rank: 9},
		{head: rt.ColCalls, w: 7, right: true, rank: 8},
		{head: rt.ColBeat, w: 5, right: true, rank: 6},
		{head: rt.ColHit, w: 5, right: true, rank: 5},
		{head: rt.ColMean, w: 8, right: true, rank: 7},
		{head: rt.ColMedian, w: 8, right: true, rank: 4},
		{head: rt.ColBest, w: 6, rank: 3},
		{head: rt.ColWorst, w: 6, rank: 2},
	}
	shown, first := fitCols(cols, w, 14)
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.head
	}
	out := []string{s.ColHead.Render(tableRow(cols, shown, first, "  ", heads, nil))}
	rows := max(v.Height-3, 1)
	from := common.Window(v.sel, len(v.groups), rows)
	for i := from; i < min(from+rows, len(v.groups)); i++ {
		g := v.groups[i]
		// calls: rated+unrated when a group has unrated picks; the hit
		// rate is of the rated ones, the means of the excess in each
		// call's direction ("-" where none has one)
		calls := strconv.Itoa(g.Count)
		if g.Unrated > 0 {
			calls = strconv.Itoa(g.Rated) + "+" + strconv.Itoa(g.Unrated)
		}
		hit, mean, median, best, worst := "-", "-", "-", "", ""
		if g.Judged > 0 {
			hit = strconv.FormatFloat(g.HitRatePct, 'f', 0, 64) + "%"
		}
		if g.Directed > 0 {
			mean, median, best, worst = common.Pct(g.MeanExcessPct, 1), common.Pct(g.MedianExcessPct, 1), codeOfKey(g.Best.Key), codeOfKey(g.Worst.Key)
		}
		cells := []string{v.label(g.By, g.Key), calls, strconv.Itoa(g.Beat), hit, mean, median, best, worst}
		if i == v.sel {
			out = append(out, s.Selected.Render(tableRow(cols, shown, first, "> ", cells, nil)))
			continue
		}
		out = append(out, tableRow(cols, shown, first, "  ", cells, func(j int, c string) string {
			switch j {
			case 4:
				return v.UpDown(common.Sign(g.MeanExcessPct)).Render(c)
			case 5:
				return v.UpDown(common.Sign(g.MedianExcessPct)).Render(c)
			}
			return c
		}))
	}
	return out
}

func (v Model) callLines() []string {
	s, w, rt, t := v.Styles, v.Width, v.T.Reports, v.T
	rw := 11
	if t.ZH {
		rw = 6
	}
	cols := []col{
		{head: t.ColName, rank: 9},
		{head: t.ColCode, w: 6, rank: 8},
		{head: rt.ColCall, w: rw, rank: 4},
		{head: rt.ColDate, w: 10, rank: 3},
		{head: rt.ColRef, w: 8, right: true, rank: 1},
		{head: rt.ColLast, w: 8, right: true, rank: 2},
		{head: rt.ColReturn, w: 8, right: true, rank: 6},
		{head: v.bench, w: 8, right: true, rank: 5},
		{head: rt.ColExcess, w: 8, right: true, rank: 7},
		{head: t.Ratings.ColTarget, w: 8, right: true, rank: 0}, // the first to go on a narrow screen
	}
	shown, first := fitCols(cols, w, 10)
	first = min(first, 16)
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.head
	}
	out := []string{s.ColHead.Render(tableRow(cols, shown, first, "  ", heads, nil))}
	rows := max(v.Height-3, 1)
	from := common.Window(v.csel, len(v.rows), rows)
	for i := from; i < min(from+rows, len(v.rows)); i++ {
		c := v.rows[i]
		cells := []string{common.DisplayName(c.Name), c.Code.Number, t.Rating(c.Rating), market.ChinaDate(c.Day), "", "", "", "", "", ""}
		if c.Target > 0 {
			cells[9] = common.Price(c.Target)
		}
		r := c.Result
		if c.Err == nil {
			cells[4], cells[5] = common.Price(r.Ref.Price), common.Price(c.Last)
			if r.Suspended { // its last trade: no trade since (the scorecard's "halted")
				cells[5] += " " + t.Quotes.Halt
			}
			cells[6], cells[7], cells[8] = common.Pct(r.ReturnPct, 1), common.Pct(r.BenchmarkPct, 1), common.Pct(r.ExcessPct, 1)
			if r.Uncertain {
				cells[8] = "?" + cells[8]
			}
		} else {
			cells[8] = "-"
		}
		if i == v.csel {
			out = append(out, s.Selected.Render(tableRow(cols, shown, first, "> ", cells, nil)))
			continue
		}
		out = append(out, tableRow(cols, shown, first, "  ", cells, func(j int, cell string) string {
			if c.Err != nil {
				if j >= 4 {
					return s.Dim.Render(cell)
				}
				return cell
			}
			switch j {
			case 2:
				return s.Rating[c.Rating].Render(cell)
			case 6:
				return v.UpDown(common.Sign(r.ReturnPct)).Render(cell)
			case 7:
				return v.UpDown(common.Sign(r.BenchmarkPct)).Render(cell)
			case 8:
				return v.UpDown(common.Sign(r.ExcessPct)).Render(cell)
			}
			return cell
		}))
	}
	return out
}
