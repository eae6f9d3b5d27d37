package ui

import (
	"slices"
	"strconv"
	"strings"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/store"

	"zixuan/ui/common"
)

// reportsView is the reports the watchlist keeps (p): date, broker, title
// and calls of each, newest first. enter shows a report's calls and puts
// the list's report filter on it, so the list shows only its tickers; a
// adds a report file (reportadd.go), d removes the selected report.
type reportsView struct {
	reports []sectors.ReportEntry
	calls   [][]reportCall // per report, in its themes' order
	sel     int
	open    int // the report whose calls are shown; -1 the list of reports
	csel    int

	keys   *common.KeyMap
	t      *common.Text
	rt     *common.ReportText
	styles *common.Styles
	width  int
	height int
}

// reportCall is one call of a report with what became of its ticker.
type reportCall struct {
	call   sectors.Call
	now    sectors.Rating
	onList bool
}

// What the reports view asks of the root.
type (
	reportFilterMsg  struct{ id string }  // filter the list by this report
	goToTickerMsg    struct{ key string } // close and select this ticker
	openReportAddMsg struct{}             // the add dialog, over the view
	askRmReportMsg   struct{ id string }  // ask whether to remove the report
	rmReportPlanMsg  struct{ id string }  // yes: find the tickers only it brought
	rmReportMsg      struct {             // remove it (and those tickers)
		id      string
		tickers bool
	}
	rmPlanMsg struct {
		id   string
		plan store.RemoveReportOutcome
		err  error
	}
)

func newReportsView(m *Model) reportsView {
	v := reportsView{open: -1, keys: m.keys, t: m.t, rt: m.t.Reports, styles: m.dialogStyles()}
	return v.fill(m)
}

// fill reads the reports and their calls from the model, keeping the
// selection on the same report.
func (v reportsView) fill(m *Model) reportsView {
	selID, openID := v.id(v.sel), v.id(v.open)
	if m.hs.pick != "" {
		selID = m.hs.pick // a report just added
	}
	v.reports, v.calls = nil, nil
	if m.hs.snap == nil {
		return v
	}
	v.reports = slices.Clone(m.hs.snap.Reports)
	slices.Reverse(v.reports) // newest first
	tickers := m.hs.snap.Tickers
	for _, r := range v.reports {
		var cs []reportCall
		for i := range tickers {
			tk := &tickers[i]
			if j := m.data.indexOf(tk.Code); j >= 0 {
				tk = &m.data.tickers[j] // as it is now
			}
			if c, ok := tk.CallFrom(r.ID); ok {
				cs = append(cs, reportCall{call: c, now: tk.Rating, onList: tk.OnList()})
			}
		}
		slices.SortStableFunc(cs, func(a, b reportCall) int { return themeAt(r, a.call.Theme) - themeAt(r, b.call.Theme) })
		v.calls = append(v.calls, cs)
	}
	v.sel, v.open = 0, -1
	for i, r := range v.reports {
		if r.ID == selID {
			v.sel = i
		}
		if r.ID == openID {
			v.open = i
		}
	}
	if v.open >= 0 {
		v.csel = min(v.csel, max(len(v.calls[v.open])-1, 0))
	}
	return v
}

func themeAt(r sectors.ReportEntry, name string) int {
	for i, t := range r.Themes {
		if t.Name == name {
			return i
		}
	}
	return len(r.Themes)
}

func (v reportsView) id(i int) string {
	if i >= 0 && i < len(v.reports) {
		return v.reports[i].ID
	}
	return ""
}

func (v reportsView) refresh(m *Model) common.Dialog { return v.fill(m) }

// rows is how many rows the view's table shows.
func (v reportsView) rows() int { return max(v.height-2, 1) }

// step moves a cursor over n rows by a key; ok is false for other keys.
func step(k tea.KeyPressMsg, keys *common.KeyMap, cur, n, page int) (int, bool) {
	switch {
	case key.Matches(k, keys.Up):
		cur--
	case key.Matches(k, keys.Down):
		cur++
	case key.Matches(k, keys.PageUp):
		cur -= page
	case key.Matches(k, keys.PageDown):
		cur += page
	case key.Matches(k, keys.Top):
		cur = 0
	case key.Matches(k, keys.Bottom):
		cur = n - 1
	default:
		return cur, false
	}
	return max(min(cur, n-1), 0), true
}

func (v reportsView) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	keys := v.keys
	if v.open >= 0 { // a report's calls
		cs := v.calls[v.open]
		if c, moved := step(k, keys, v.csel, len(cs), v.rows()-1); moved {
			v.csel = c
			return v, nil
		}
		switch {
		case key.Matches(k, keys.Back):
			v.open = -1
		case key.Matches(k, keys.GoTo):
			if v.csel < len(cs) && cs[v.csel].onList {
				return common.CloseWith(goToTickerMsg{cs[v.csel].call.Code.Key()}), nil
			}
		}
		return v, nil
	}
	if s, moved := step(k, keys, v.sel, len(v.reports), v.rows()-1); moved {
		v.sel = s
		return v, nil
	}
	switch {
	case key.Matches(k, keys.Back):
		return nil, nil
	case key.Matches(k, keys.Browse):
		if v.sel < len(v.reports) {
			v.open, v.csel = v.sel, 0
			return common.Tell(v, reportFilterMsg{v.reports[v.sel].ID}), nil
		}
	case key.Matches(k, keys.AddReport):
		return common.Tell(v, openReportAddMsg{}), nil
	case key.Matches(k, keys.RmReport):
		if v.sel < len(v.reports) {
			return common.Tell(v, askRmReportMsg{v.reports[v.sel].ID}), nil
		}
	}
	return v, nil
}

func (v reportsView) Placement() common.Placement { return common.InBody }

func (v reportsView) ShortHelp() []key.Binding {
	k := v.keys
	if v.open >= 0 {
		return []key.Binding{k.Up, k.Down, k.GoTo, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Browse, k.AddReport, k.RmReport, k.Back}
}

func (v reportsView) FullHelp() [][]key.Binding {
	k := v.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Browse, k.GoTo, k.AddReport, k.RmReport, k.Back}}
}

func (v reportsView) SetSize(w, h int) common.Dialog { v.width, v.height = w, h; return v }

// window is the first row to show so that cur is on screen.
func window(cur, n, rows int) int {
	return max(min(cur-rows/2, n-rows), 0)
}

func (v reportsView) View() string {
	s, w := v.styles, v.width
	var lines []string
	if v.open >= 0 {
		r := v.reports[v.open]
		lines = append(lines, s.Title.Render(safetext.Truncate(sprintf(v.rt.CallsOf, reportLabel(r)), w)))
		lines = append(lines, v.callLines()...)
	} else {
		title := v.rt.Reports + v.t.Paren(strconv.Itoa(len(v.reports)))
		lines = append(lines, s.Title.Render(safetext.Truncate(title, w)))
		lines = append(lines, v.reportLines()...)
	}
	return fitLines(strings.Join(lines, "\n"), w, v.height)
}

// shortReportLabel names a report in a message: its date, broker and the
// start of its title.
func shortReportLabel(r sectors.ReportEntry) string {
	return safetext.Truncate(reportLabel(r), 32)
}

// reportLabel names a report in a line: its date, broker and title, or
// its id.
func reportLabel(r sectors.ReportEntry) string {
	var parts []string
	if !r.Date.IsZero() {
		parts = append(parts, market.ChinaDate(r.Date))
	}
	if r.Broker != "" {
		parts = append(parts, safeLine(r.Broker))
	}
	if r.Title != "" {
		parts = append(parts, safeLine(r.Title))
	}
	if len(parts) == 0 {
		return safeLine(r.ID)
	}
	return strings.Join(parts, " ")
}

func (v reportsView) reportLines() []string {
	s, w, rt := v.styles, v.width, v.rt
	if len(v.reports) == 0 {
		return []string{s.Dim.Render(safetext.Truncate(rt.NoReports, w))}
	}
	const date, calls = 10, 5
	broker := 10
	if w < 60 {
		broker = 0
	}
	row := func(mark, d, b, n, title string) string {
		line := mark + safetext.Fit(d, date) + " "
		if broker > 0 {
			line += safetext.Fit(b, broker) + " "
		}
		line += safetext.FitLeft(n, calls) + " " + title
		return safetext.Truncate(line, w)
	}
	out := []string{s.ColHead.Render(row("  ", rt.ColDate, rt.ColBroker, rt.ColCalls, rt.ColTitle))}
	rows := v.rows()
	from := window(v.sel, len(v.reports), rows)
	for i := from; i < min(from+rows, len(v.reports)); i++ {
		r := v.reports[i]
		d := "-"
		if !r.Date.IsZero() {
			d = market.ChinaDate(r.Date)
		}
		title := safeLine(r.Title)
		if title == "" {
			title = safeLine(r.ID)
		}
		if i == v.sel {
			out = append(out, s.Selected.Render(row("> ", d, safeLine(r.Broker), strconv.Itoa(len(v.calls[i])), title)))
		} else {
			out = append(out, row("  ", d, safeLine(r.Broker), strconv.Itoa(len(v.calls[i])), title))
		}
	}
	return out
}

func (v reportsView) callLines() []string {
	s, w, rt, t := v.styles, v.width, v.rt, v.t
	cs := v.calls[v.open]
	if len(cs) == 0 {
		return []string{s.Dim.Render(safetext.Truncate(rt.NoCalls, w))}
	}
	rw := 11
	if t.ZH {
		rw = 6
	}
	now := rw
	if w < 64 {
		now = 0
	}
	theme := max(w-2-6-1-10-1-rw-1-now-1, 6)
	row := func(mark, code, name, call, th, nw string) string {
		line := mark + safetext.Fit(code, 6) + " " + fitName(name, 10) + " " + call + " " + safetext.Fit(th, theme)
		if now > 0 {
			line += " " + nw
		}
		return safetext.Truncate(line, w)
	}
	out := []string{s.ColHead.Render(row("  ", t.ColCode, t.ColName, safetext.Fit(rt.ColCall, rw), rt.ColTheme, safetext.Fit(rt.ColNow, now)))}
	rows := v.rows()
	from := window(v.csel, len(cs), rows)
	for i := from; i < min(from+rows, len(cs)); i++ {
		c := cs[i]
		nw := safetext.Fit(t.Rating(c.now), now)
		if !c.onList {
			nw = safetext.Fit(rt.RemovedNow, now)
		}
		call := safetext.Fit(t.Rating(c.call.Rating), rw)
		name := common.DisplayName(c.call.Name)
		if i == v.csel {
			out = append(out, s.Selected.Render(row("> ", c.call.Code.Number, name, call, safeLine(c.call.Theme), nw)))
			continue
		}
		if c.onList {
			nw = s.Rating[c.now].Render(nw)
		} else {
			nw = s.Dim.Render(nw)
		}
		out = append(out, row("  ", c.call.Code.Number, name, s.Rating[c.call.Rating].Render(call), safeLine(c.call.Theme), nw))
	}
	return out
}

// The root's side.

// openReports is the p key.
func (m Model) openReports() (tea.Model, tea.Cmd) {
	m.push(newReportsView(&m))
	return m, nil
}

// fromReport reports whether the report made a call on tk.
func fromReport(tk *sectors.Ticker, id string) bool {
	_, ok := tk.CallFrom(id)
	return ok
}

// dataChanged keeps what is made of the loaded data in step with it: the
// report filter (dropped when its report is gone), the history cells, the
// open views.
func (m *Model) dataChanged() {
	if m.view.filter.Report != "" && m.hs.snap != nil {
		if _, ok := m.hs.snap.Report(m.view.filter.Report); !ok {
			m.view.filter.Report = ""
		}
	}
	m.buildHistCells()
	m.refreshDialogs()
	if m.hs.snap != nil && m.hs.pick != "" {
		if _, ok := m.hs.snap.Report(m.hs.pick); ok {
			m.hs.pick = "" // selected now
		}
	}
}

// reportFilterLabel is the report the list is filtered by, for the status
// and tabs lines.
func (m *Model) reportFilterLabel() string {
	if m.hs.snap != nil {
		if r, ok := m.hs.snap.Report(m.view.filter.Report); ok {
			if !r.Date.IsZero() {
				return strings.TrimSpace(market.ChinaDate(r.Date) + " " + safeLine(r.Broker))
			}
		}
	}
	return safeLine(m.view.filter.Report)
}

// tabsLine is the tabs line, after a mark of the report filter when it is
// on: the tabs' counts are of that report's tickers.
func (m *Model) tabsLine() string {
	if m.view.filter.Report == "" {
		return m.tabsView()
	}
	mark := m.styles.Prompt.Render("[" + m.t.Reports.FilterOn + " " + m.reportFilterLabel() + "]")
	room := max(m.width-safetext.Width(mark)-1, 0)
	return fitLines(mark+" "+fitLines(m.tabs.view(room, &m.styles), room, 1), m.width, 1)
}

// clearReportFilter is esc or 0 on the list; it reports whether the
// filter was on.
func (m *Model) clearReportFilter() bool {
	if m.view.filter.Report == "" {
		return false
	}
	m.view.filter.Report = ""
	m.refilter(m.selectedKey())
	return true
}

// reportsAsked does what the reports view, the add dialog and the remove
// questions asked for.
func (m Model) reportsAsked(msg tea.Msg, from common.Dialog) (tea.Model, tea.Cmd) {
	rt := m.t.Reports
	switch a := msg.(type) {
	case reportFilterMsg:
		m.view.filter.Report = a.id
		m.refilter(m.selectedKey())
		m.list.top()
	case goToTickerMsg:
		m.stack = nil
		m.selectKey(a.key)
	case openReportAddMsg:
		d, cmd := newReportAdd(&m)
		m.push(d)
		return m, cmd
	case askRmReportMsg:
		if r, ok := m.hs.snap.Report(a.id); ok {
			m.ask(sprintf(rt.ConfirmRm, shortReportLabel(r), r.Calls), rmReportPlanMsg{a.id})
		}
	case rmReportPlanMsg:
		st := m.st
		return m, func() tea.Msg {
			plan, err := st.RemoveReport(a.id, store.RemoveReportOptions{DryRun: true})
			return rmPlanMsg{id: a.id, plan: plan, err: err}
		}
	case rmReportMsg:
		opts := store.RemoveReportOptions{RemoveTickers: a.tickers}
		label := a.id
		if r, ok := m.hs.snap.Report(a.id); ok {
			label = shortReportLabel(r)
		}
		return m, m.write(func(st *store.Store) (market.Code, string, error) {
			out, err := st.RemoveReport(a.id, opts)
			if err != nil {
				return market.Code{}, "", err
			}
			say := sprintf(rt.RmDone, label, out.CallsRemoved)
			switch {
			case len(out.TickersRemoved) > 0:
				say += sprintf(rt.RmTickers, len(out.TickersRemoved))
			case len(out.OnlyThis) > 0:
				say += sprintf(rt.RmKept, len(out.OnlyThis))
			}
			say += restoredSay(m.t, out)
			return market.Code{}, say, nil
		}, func(m *Model, _ market.Code) tea.Cmd { return m.loadCmd() }, nil)
	case addReportMsg:
		draft, lower := a.draft, a.lower
		return m, m.write(func(st *store.Store) (market.Code, string, error) {
			svc := service.Service{Store: st}
			out, err := svc.AddReport(draft, lower)
			if err != nil {
				return market.Code{}, "", err
			}
			if out.Existing {
				return market.Code{}, rt.ReportSame, nil
			}
			return market.Code{}, sprintf(rt.ReportAdded, shortReportLabel(out.Report), out.Count(store.CallAdded), out.Count(store.CallRerated)), nil
		}, func(m *Model, _ market.Code) tea.Cmd {
			m.hs.asked, m.hs.fetched = false, false // its tickers' history, at the reload
			m.hs.pick = draft.Input.Report.ID
			return m.loadCmd()
		}, func(m *Model) { m.push(from) })
	}
	return m, nil
}

// updateReports takes in the remove plan; ok is false for other messages.
func (m Model) updateReports(msg tea.Msg) (Model, tea.Cmd, bool) {
	p, ok := msg.(rmPlanMsg)
	if !ok {
		return m, nil, false
	}
	if p.err != nil {
		m.fail(p.err)
		return m, nil, true
	}
	if len(p.plan.OnlyThis) == 0 {
		next, cmd := m.reportsAsked(rmReportMsg{id: p.id}, nil)
		return next.(Model), cmd, true
	}
	codes := make([]string, 0, len(p.plan.OnlyThis))
	for _, c := range p.plan.OnlyThis {
		codes = append(codes, c.Number)
	}
	list := strings.Join(codes, " ")
	if len(codes) > 6 {
		list = strings.Join(codes[:6], " ") + " …"
	}
	m.push(rmTickersQuestion{question: sprintf(m.t.Reports.ConfirmRmTickers, len(codes), list), id: p.id, keys: m.keys, styles: m.dialogStyles()})
	return m, nil, true
}

// rmTickersQuestion asks, in the status line, whether the tickers only a
// report brought leave the list with it: y takes them off, n keeps them
// (the report goes either way), esc removes nothing.
type rmTickersQuestion struct {
	question string
	id       string
	keys     *common.KeyMap
	styles   *common.Styles
}

func (q rmTickersQuestion) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return q, nil
	}
	switch {
	case key.Matches(k, q.keys.Yes):
		return common.CloseWith(rmReportMsg{id: q.id, tickers: true}), nil
	case key.Matches(k, q.keys.KeepTickers):
		return common.CloseWith(rmReportMsg{id: q.id}), nil
	case key.Matches(k, q.keys.Dismiss):
		return nil, nil
	}
	return q, nil
}

func (q rmTickersQuestion) Placement() common.Placement { return common.InStatusLine }
func (q rmTickersQuestion) View() string                { return q.styles.Error.Render(q.question) }
func (q rmTickersQuestion) ShortHelp() []key.Binding {
	return []key.Binding{q.keys.Yes, q.keys.KeepTickers, q.keys.Dismiss}
}
func (q rmTickersQuestion) FullHelp() [][]key.Binding      { return [][]key.Binding{q.ShortHelp()} }
func (q rmTickersQuestion) SetSize(int, int) common.Dialog { return q }

// restoredSay tells what removing a report did to the ratings it set:
// how many went back, and which were left because they changed since.
func restoredSay(t *common.Text, out store.RemoveReportOutcome) string {
	rt := t.Ratings
	say := ""
	if n := len(out.Restored); n > 0 {
		say += sprintf(rt.Restored, n)
	}
	if n := len(out.Left); n > 0 {
		codes := make([]string, 0, n)
		for i, l := range out.Left {
			if i == 4 {
				codes = append(codes, "…")
				break
			}
			codes = append(codes, l.Code.Number)
		}
		say += sprintf(rt.Left, n, strings.Join(codes, " "))
	}
	return say
}
