package positions

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// The positions view (P on the list): every position with its quantity,
// cost, average price and, with quotes, its value and unrealised P&L;
// subtotals per sector and a total. It reads the positions from the store
// off the Update path and prices them with the quotes the root gives it;
// without quotes it shows quantities and cost.

// LoadedMsg is the positions read from the store.
type LoadedMsg struct {
	List []sectors.Position
	Err  string // the store's refusal, worded for the TUI
}

// Data is what the root gives the view: the quotes a holding may be priced
// with (trades, not stale: the list's rule), each ticker's sector label
// and name by Code.Key(), and the sectors' labels in the list's order.
type Data struct {
	Quotes  map[string]sectors.Quote
	Sectors map[string]string // Code.Key() → sector label, for the tickers on the list
	Names   map[string]string
	Order   []string
}

// Model is the view.
type Model struct {
	common.Common
	Data

	lines  []string
	loaded bool
	err    string
	offset int
	t      *common.PosText
}

// New opens the view over data and starts reading the positions.
func New(c common.Common, data Data) (Model, tea.Cmd) {
	v := Model{Common: c, Data: data, t: c.T.Positions}
	st, t := c.Store, c.T
	return v, func() tea.Msg {
		list, err := st.Positions()
		if err != nil {
			return LoadedMsg{Err: t.StoreError(err)}
		}
		return LoadedMsg{List: list}
	}
}

func (v Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		v.loaded, v.err = true, msg.Err
		v.lines = v.render(msg.List)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, v.Keys.Dismiss):
			return nil, nil
		case key.Matches(msg, v.Keys.Down):
			v.offset = min(v.offset+1, max(len(v.lines)-v.Height+1, 0))
		case key.Matches(msg, v.Keys.Up):
			v.offset = max(v.offset-1, 0)
		}
	}
	return v, nil
}

// render lays the positions out by sector, with subtotals and a total.
func (v Model) render(list []sectors.Position) []string {
	if v.err != "" {
		return []string{v.Styles.Error.Render(safetext.Line(v.err))}
	}
	open := list[:0:0]
	for _, p := range list {
		if p.Qty > 0 || p.Realised != 0 {
			open = append(open, p)
		}
	}
	if len(open) == 0 {
		return []string{v.Styles.Dim.Render(v.t.None)}
	}
	groups := map[string][]sectors.Position{}
	for _, p := range open {
		g, ok := v.Sectors[p.Code.Key()]
		if !ok {
			g = v.t.OffList
		}
		groups[g] = append(groups[g], p)
	}
	last := map[string]float64{}
	for k, q := range v.Quotes {
		if q.Last > 0 {
			last[k] = q.Last
		}
	}
	var rows [][]string
	var heads []int // rows that are a sector's heading
	addTotal := func(label string, ps []sectors.Position) {
		t := sectors.TotalPositions(ps, last)
		row := []string{label, "", "", common.Price(t.Cost), "", "", "-", "-", "-", common.Price(t.Realised)}
		if t.Priced > 0 {
			row[6], row[7], row[8] = common.Price(t.Value), common.SignedPrice(t.PnL), common.Pct(t.PnLPct, 2)
		}
		rows = append(rows, row)
	}
	for _, g := range append(append([]string(nil), v.Order...), v.t.OffList) {
		ps := groups[g]
		if len(ps) == 0 {
			continue
		}
		heads = append(heads, len(rows))
		rows = append(rows, []string{g})
		for _, p := range ps {
			qty := strconv.FormatInt(p.Qty, 10)
			if p.Uncertain() { // a distribution not applied: zixuan position show says which
				qty += "?"
			}
			row := []string{p.Code.Key(), common.DisplayName(v.Names[p.Code.Key()]), qty, common.Price(p.Cost),
				strconv.FormatFloat(p.AvgPrice(), 'f', 3, 64), "-", "-", "-", "-", common.Price(p.Realised)}
			if l, ok := last[p.Code.Key()]; ok && p.Qty > 0 {
				pnl, pp := p.PnL(l)
				row[5], row[6], row[7], row[8] = common.Price(l), common.Price(p.Value(l)), common.SignedPrice(pnl), common.Pct(pp, 2)
			}
			rows = append(rows, row)
		}
		if len(groups) > 1 {
			addTotal("  "+v.t.Total, ps)
		}
	}
	addTotal(v.t.Total, open)
	widths := make([]int, len(v.t.Head))
	for i, h := range v.t.Head {
		widths[i] = safetext.Width(h)
	}
	isHead := map[int]bool{}
	for _, h := range heads {
		isHead[h] = true
	}
	for r, row := range rows {
		if isHead[r] {
			continue
		}
		for i, c := range row {
			widths[i] = max(widths[i], safetext.Width(c))
		}
	}
	line := func(cells []string) string {
		out := ""
		for i, c := range cells {
			if i > 0 {
				out += "  "
			}
			if i >= 2 { // numbers right-aligned
				out += safetext.FitLeft(c, widths[i])
			} else {
				out += safetext.Fit(c, widths[i])
			}
		}
		return out
	}
	lines := []string{v.Styles.Title.Render(v.t.Title), v.Styles.ColHead.Render(line(v.t.Head))}
	for r, row := range rows {
		if isHead[r] {
			lines = append(lines, v.Styles.ColHead.Render(safetext.Line(row[0])))
			continue
		}
		lines = append(lines, safetext.Line(line(row)))
	}
	if len(last) == 0 {
		lines = append(lines, "", v.Styles.Dim.Render(v.t.NoQuotes))
	}
	return lines
}

func (v Model) View() string {
	if !v.loaded {
		return v.Styles.Dim.Render(v.t.Loading)
	}
	lines := v.lines[min(v.offset, len(v.lines)):]
	out := ""
	for i, l := range lines {
		if v.Height > 0 && i >= v.Height {
			break
		}
		if i > 0 {
			out += "\n"
		}
		out += safetext.Truncate(l, max(v.Width, 1))
	}
	return out
}

func (v Model) Placement() common.Placement { return common.InBody }
func (v Model) ShortHelp() []key.Binding {
	return []key.Binding{v.Keys.Up, v.Keys.Down, v.Keys.Dismiss}
}
func (v Model) FullHelp() [][]key.Binding      { return [][]key.Binding{v.ShortHelp()} }
func (v Model) SetSize(w, h int) common.Dialog { v.Common.SetSize(w, h); return v }
