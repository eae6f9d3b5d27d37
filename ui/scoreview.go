package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
	"zixuan/ui/views/reports"
)

// scoreView is the scorecard (c): how every call has done against 沪深300,
// grouped by report (b cycles sector, rating, source), then, on enter, a
// group's calls. It shows the scorecard the model holds the moment it
// opens, from the stored history (offline too, "as of" its date), and
// is made again when a refresh or a new quote brings a newer one.
type scoreView struct {
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

	keys   *common.KeyMap
	t      *common.Text
	rt     *common.ReportText
	bench  string // the benchmark's name
	styles *common.Styles
	upDown func(int) lipgloss.Style
	width  int
	height int
}

func newScoreView(m *Model) scoreView {
	v := scoreView{keys: m.keys, t: m.t, rt: m.t.Reports, styles: m.dialogStyles()}
	return v.fill(m)
}

func (v scoreView) refresh(m *Model) common.Dialog { return v.fill(m) }

// fill takes the model's scorecard, keeping the grouping, the selected
// group and the open one.
func (v scoreView) fill(m *Model) scoreView {
	selKey := v.groupKey(v.sel)
	v.bench = m.benchName()
	styles := v.styles
	western := m.opts.Western
	v.upDown = func(dir int) lipgloss.Style { return upDownStyle(styles, western, dir) }
	v.loaded, v.scored, v.fetching = m.hs.loaded, m.hs.scored, m.hs.fetching
	v.offline = !m.hs.online
	v.asOf = m.hs.sc.AsOf
	v.calls, v.all = m.hs.sc.Calls, m.hs.sc.Groups
	v.unscored, v.total = 0, len(v.calls)
	for _, c := range v.calls {
		if c.Err != nil {
			v.unscored++
		}
	}
	secs, snap, t := m.data.sectors, m.hs.snap, m.t
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
		return safeLine(key)
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

// upDownStyle is Model.upDown for a dialog that has only the styles.
func upDownStyle(s *common.Styles, western bool, dir int) lipgloss.Style {
	switch {
	case dir > 0 && western, dir < 0 && !western:
		return s.Down
	case dir != 0:
		return s.Up
	}
	return s.Row
}

func (v scoreView) byName() string { return sectors.Groupings[v.by] }

func (v *scoreView) regroup() {
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

func (v scoreView) groupKey(i int) string {
	if i >= 0 && i < len(v.groups) {
		return v.groups[i].Key
	}
	return ""
}

// openGroup lists the selected group's calls, the best excess first and
// the calls with no history yet last.
func (v *scoreView) openGroup() {
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

func (v scoreView) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	keys := v.keys
	page := max(v.height-3, 1)
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

func (v scoreView) Placement() common.Placement { return common.InBody }

func (v scoreView) ShortHelp() []key.Binding {
	k := v.keys
	if v.open {
		return []key.Binding{k.Up, k.Down, k.GoTo, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Browse, k.GroupBy, k.Back}
}

func (v scoreView) FullHelp() [][]key.Binding {
	k := v.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Browse, k.GroupBy, k.GoTo, k.Back}}
}

func (v scoreView) SetSize(w, h int) common.Dialog { v.width, v.height = w, h; return v }

// statusText is what the view says about its data: as of when, from the
// store or being refreshed, how many calls have no history.
func (v scoreView) statusText() string {
	rt := v.rt
	var parts []string
	switch {
	case !v.loaded || !v.scored:
		return rt.Reading
	case v.asOf.IsZero():
		parts = append(parts, rt.NoPrices)
	default:
		parts = append(parts, sprintf(rt.AsOf, market.ChinaDate(v.asOf)))
	}
	switch {
	case v.fetching:
		parts = append(parts, rt.Refreshing)
	case v.offline && !v.asOf.IsZero():
		parts = append(parts, rt.Stored)
	}
	if v.unscored > 0 && !v.asOf.IsZero() {
		parts = append(parts, sprintf(rt.Unscored, v.unscored, v.total))
	}
	return strings.Join(parts, " · ")
}

func (v scoreView) View() string {
	s, w, rt := v.styles, v.width, v.rt
	title := sprintf(rt.Scorecard, v.bench) + " · " + rt.ByNames[v.byName()]
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
	return fitLines(strings.Join(lines, "\n"), w, v.height)
}

// col is one column of a table that drops columns to fit: by rank, the
// lowest first (0 never).
type col struct {
	head  string
	w     int
	right bool
	rank  int
}

// fitCols says which columns show in width: the flexible first column
// keeps at least minFirst cells, and takes what is left.
func fitCols(cols []col, width, minFirst int) (shown []bool, first int) {
	shown = make([]bool, len(cols))
	used := 2 + minFirst // the mark
	shown[0] = true
	order := make([]int, 0, len(cols))
	for i := 1; i < len(cols); i++ {
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cols[b].rank - cols[a].rank })
	for _, i := range order {
		if used+1+cols[i].w <= width {
			shown[i] = true
			used += 1 + cols[i].w
		}
	}
	return shown, min(minFirst+width-used, maxFirst)
}

// maxFirst bounds a table's first column: a name needs no more, and the
// numbers stay near it on a wide screen.
const maxFirst = 48

// tableRow lays cells out under cols; cells come plain, style colours the
// i-th cell after it is fitted.
func tableRow(cols []col, shown []bool, first int, mark string, cells []string, style func(i int, s string) string) string {
	var b strings.Builder
	b.WriteString(mark)
	for i, c := range cols {
		if !shown[i] {
			continue
		}
		w := c.w
		if i == 0 {
			w = first
		} else {
			b.WriteByte(' ')
		}
		cell := safetext.Fit(cells[i], w)
		if c.right {
			cell = safetext.FitLeft(cells[i], w)
		}
		if i == 0 {
			cell = fitName(cells[i], w)
		}
		if style != nil {
			cell = style(i, cell)
		}
		b.WriteString(cell)
	}
	return b.String()
}

func (v scoreView) groupLines() []string {
	s, w, rt := v.styles, v.width, v.rt
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
	rows := max(v.height-3, 1)
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
			mean, median, best, worst = pct(g.MeanExcessPct, 1), pct(g.MedianExcessPct, 1), codeOfKey(g.Best.Key), codeOfKey(g.Worst.Key)
		}
		cells := []string{v.label(g.By, g.Key), calls, strconv.Itoa(g.Beat), hit, mean, median, best, worst}
		if i == v.sel {
			out = append(out, s.Selected.Render(tableRow(cols, shown, first, "> ", cells, nil)))
			continue
		}
		out = append(out, tableRow(cols, shown, first, "  ", cells, func(j int, c string) string {
			switch j {
			case 4:
				return v.upDown(sign(g.MeanExcessPct)).Render(c)
			case 5:
				return v.upDown(sign(g.MedianExcessPct)).Render(c)
			}
			return c
		}))
	}
	return out
}

// codeOfKey is the code number of a call key (SH688111@source@date).
func codeOfKey(k string) string {
	c, _, _ := strings.Cut(k, "@")
	if len(c) > 6 {
		return c[len(c)-6:]
	}
	return c
}

func (v scoreView) callLines() []string {
	s, w, rt, t := v.styles, v.width, v.rt, v.t
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
	rows := max(v.height-3, 1)
	from := common.Window(v.csel, len(v.rows), rows)
	for i := from; i < min(from+rows, len(v.rows)); i++ {
		c := v.rows[i]
		cells := []string{common.DisplayName(c.Name), c.Code.Number, t.Rating(c.Rating), market.ChinaDate(c.Day), "", "", "", "", "", ""}
		if c.Target > 0 {
			cells[9] = price(c.Target)
		}
		r := c.Result
		if c.Err == nil {
			cells[4], cells[5] = price(r.Ref.Price), price(c.Last)
			if r.Suspended { // its last trade: no trade since (the scorecard's "halted")
				cells[5] += " " + t.Quotes.Halt
			}
			cells[6], cells[7], cells[8] = pct(r.ReturnPct, 1), pct(r.BenchmarkPct, 1), pct(r.ExcessPct, 1)
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
				return v.upDown(sign(r.ReturnPct)).Render(cell)
			case 7:
				return v.upDown(sign(r.BenchmarkPct)).Render(cell)
			case 8:
				return v.upDown(sign(r.ExcessPct)).Render(cell)
			}
			return cell
		}))
	}
	return out
}

// openScorecard is the c key: the view opens at once with what is loaded,
// and the history is read (and refreshed) if it is not yet.
func (m Model) openScorecard() (tea.Model, tea.Cmd) {
	cmd := m.needHistory()
	m.push(newScoreView(&m))
	return m, cmd
}
