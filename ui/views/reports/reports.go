package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"

	"zixuan/ui/common"
)

// Model is the reports the watchlist keeps (p): date, broker, title and
// calls of each, newest first. enter shows a report's calls and puts the
// list's report filter on it, so the list shows only its tickers; a adds
// a report file (add.go), d removes the selected report.
type Model struct {
	common.Common

	reports []sectors.ReportEntry
	calls   [][]reportCall // per report, in its themes' order
	sel     int
	open    int // the report whose calls are shown; -1 the list of reports
	csel    int
}

// reportCall is one call of a report with what became of its ticker.
type reportCall struct {
	call   sectors.Call
	now    sectors.Rating
	onList bool
}

// Data is what the view shows: the last full load (its reports, and its
// tickers with the calls of the removed ones), each ticker as the list
// holds it now (nil where it holds none: the load's is shown), and a
// report just added, selected once it is loaded.
type Data struct {
	Snap    *sectors.Snapshot
	Current func(market.Code) *sectors.Ticker
	Pick    string
}

// What the reports view asks of the root.
type (
	FilterMsg     struct{ ID string } // filter the list by this report
	OpenAddMsg    struct{}            // the add dialog, over the view
	AskRemoveMsg  struct{ ID string } // ask whether to remove the report
	PlanRemoveMsg struct{ ID string } // yes: find the tickers only it brought
	RemoveMsg     struct {            // remove it (and those tickers)
		ID      string
		Tickers bool
	}
	// PlanMsg is what removing the report would do (PlanRemove).
	PlanMsg struct {
		ID   string
		Plan store.RemoveReportOutcome
		Err  error
	}
)

// New is the view over data.
func New(c common.Common, data Data) Model {
	return Model{Common: c, open: -1}.Refresh(data)
}

// Refresh reads the reports and their calls again, keeping the selection
// on the same report.
func (v Model) Refresh(data Data) Model {
	selID, openID := v.id(v.sel), v.id(v.open)
	if data.Pick != "" {
		selID = data.Pick // a report just added
	}
	v.reports, v.calls = nil, nil
	if data.Snap == nil {
		return v
	}
	v.reports = slices.Clone(data.Snap.Reports)
	slices.Reverse(v.reports) // newest first
	tickers := data.Snap.Tickers
	for _, r := range v.reports {
		var cs []reportCall
		for i := range tickers {
			tk := &tickers[i]
			if now := data.Current(tk.Code); now != nil {
				tk = now // as it is now
			}
			if c, ok := tk.CallFrom(r.ID); ok {
				cs = append(cs, reportCall{call: c, now: tk.Rating, onList: tk.OnList()})
			}
		}
		slices.SortStableFunc(cs, func(a, b reportCall) int { return r.ThemeIndex(a.call.Theme) - r.ThemeIndex(b.call.Theme) })
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

func (v Model) id(i int) string {
	if i >= 0 && i < len(v.reports) {
		return v.reports[i].ID
	}
	return ""
}

// Reports are the reports listed, newest first.
func (v Model) Reports() []sectors.ReportEntry { return v.reports }

// Opened is the report whose calls are shown; -1 on the list of reports.
func (v Model) Opened() int { return v.open }

// CallCount is how many calls report i made.
func (v Model) CallCount(i int) int { return len(v.calls[i]) }

// rows is how many rows the view's table shows.
func (v Model) rows() int { return max(v.Height-2, 1) }

func (v Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	keys := v.Keys
	if v.open >= 0 { // a report's calls
		cs := v.calls[v.open]
		if c, moved := common.Step(k, keys, v.csel, len(cs), v.rows()-1); moved {
			v.csel = c
			return v, nil
		}
		switch {
		case key.Matches(k, keys.Back):
			v.open = -1
		case key.Matches(k, keys.GoTo):
			if v.csel < len(cs) && cs[v.csel].onList {
				return common.CloseWith(common.GoToTickerMsg{Key: cs[v.csel].call.Code.Key()}), nil
			}
		}
		return v, nil
	}
	if s, moved := common.Step(k, keys, v.sel, len(v.reports), v.rows()-1); moved {
		v.sel = s
		return v, nil
	}
	switch {
	case key.Matches(k, keys.Back):
		return nil, nil
	case key.Matches(k, keys.Browse):
		if v.sel < len(v.reports) {
			v.open, v.csel = v.sel, 0
			return common.Tell(v, FilterMsg{ID: v.reports[v.sel].ID}), nil
		}
	case key.Matches(k, keys.AddReport):
		return common.Tell(v, OpenAddMsg{}), nil
	case key.Matches(k, keys.RmReport):
		if v.sel < len(v.reports) {
			return common.Tell(v, AskRemoveMsg{ID: v.reports[v.sel].ID}), nil
		}
	}
	return v, nil
}

func (v Model) Placement() common.Placement { return common.InBody }

func (v Model) ShortHelp() []key.Binding {
	k := v.Keys
	if v.open >= 0 {
		return []key.Binding{k.Up, k.Down, k.GoTo, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Browse, k.AddReport, k.RmReport, k.Back}
}

func (v Model) FullHelp() [][]key.Binding {
	k := v.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Browse, k.GoTo, k.AddReport, k.RmReport, k.Back}}
}

func (v Model) SetSize(w, h int) common.Dialog { v.Width, v.Height = w, h; return v }

func (v Model) View() string {
	s, w := v.Styles, v.Width
	var lines []string
	if v.open >= 0 {
		r := v.reports[v.open]
		lines = append(lines, s.Title.Render(safetext.Truncate(fmt.Sprintf(v.T.Reports.CallsOf, Label(r)), w)))
		lines = append(lines, v.callLines()...)
	} else {
		title := v.T.Reports.Reports + v.T.Paren(strconv.Itoa(len(v.reports)))
		lines = append(lines, s.Title.Render(safetext.Truncate(title, w)))
		lines = append(lines, v.reportLines()...)
	}
	return common.FitLines(strings.Join(lines, "\n"), w, v.Height)
}

// ShortLabel names a report in a message: its date, broker and the
// start of its title.
func ShortLabel(r sectors.ReportEntry) string {
	return safetext.Truncate(Label(r), 32)
}

// Label names a report in a line: its date, broker and title, or
// its id.
func Label(r sectors.ReportEntry) string {
	var parts []string
	if !r.Date.IsZero() {
		parts = append(parts, market.ChinaDate(r.Date))
	}
	if r.Broker != "" {
		parts = append(parts, safetext.Line(r.Broker))
	}
	if r.Title != "" {
		parts = append(parts, safetext.Line(r.Title))
	}
	if len(parts) == 0 {
		return safetext.Line(r.ID)
	}
	return strings.Join(parts, " ")
}

func (v Model) reportLines() []string {
	s, w, rt := v.Styles, v.Width, v.T.Reports
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
	from := common.Window(v.sel, len(v.reports), rows)
	for i := from; i < min(from+rows, len(v.reports)); i++ {
		r := v.reports[i]
		d := "-"
		if !r.Date.IsZero() {
			d = market.ChinaDate(r.Date)
		}
		title := safetext.Line(r.Title)
		if title == "" {
			title = safetext.Line(r.ID)
		}
		if i == v.sel {
			out = append(out, s.Selected.Render(row("> ", d, safetext.Line(r.Broker), strconv.Itoa(len(v.calls[i])), title)))
		} else {
			out = append(out, row("  ", d, safetext.Line(r.Broker), strconv.Itoa(len(v.calls[i])), title))
		}
	}
	return out
}

func (v Model) callLines() []string {
	s, w, rt, t := v.Styles, v.Width, v.T.Reports, v.T
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
		line := mark + safetext.Fit(code, 6) + " " + common.FitName(name, 10) + " " + call + " " + safetext.Fit(th, theme)
		if now > 0 {
			line += " " + nw
		}
		return safetext.Truncate(line, w)
	}
	out := []string{s.ColHead.Render(row("  ", t.ColCode, t.ColName, safetext.Fit(rt.ColCall, rw), rt.ColTheme, safetext.Fit(rt.ColNow, now)))}
	rows := v.rows()
	from := common.Window(v.csel, len(cs), rows)
	for i := from; i < min(from+rows, len(cs)); i++ {
		c := cs[i]
		nw := safetext.Fit(t.Rating(c.now), now)
		if !c.onList {
			nw = safetext.Fit(rt.RemovedNow, now)
		}
		call := safetext.Fit(t.Rating(c.call.Rating), rw)
		name := common.DisplayName(c.call.Name)
		if i == v.csel {
			out = append(out, s.Selected.Render(row("> ", c.call.Code.Number, name, call, safetext.Line(c.call.Theme), nw)))
			continue
		}
		if c.onList {
			nw = s.Rating[c.now].Render(nw)
		} else {
			nw = s.Dim.Render(nw)
		}
		out = append(out, row("  ", c.call.Code.Number, name, s.Rating[c.call.Rating].Render(call), safetext.Line(c.call.Theme), nw))
	}
	return out
}
