package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// The positions view (p on the list): every position with its quantity,
// cost, average price and, with quotes, its value and unrealised P&L;
// subtotals per sector and a total. It reads the positions from the store
// off the Update path and prices them with the quotes on screen; without
// quotes it shows quantities and cost.

type positionsLoadedMsg struct {
	list []sectors.Position
	err  string // the store's refusal, worded for the TUI
}

type positionsView struct {
	quotes  map[string]sectors.Quote
	sectors map[string]string // Code.Key() → sector label
	names   map[string]string
	order   []string // sector labels in list order
	lines   []string
	loaded  bool
	err     string
	offset  int
	width   int
	height  int
	keys    *common.KeyMap
	styles  *common.Styles
	t       *common.PosText
}

// openPositions opens the view and starts reading the positions.
func (m *Model) openPositions() (tea.Model, tea.Cmd) {
	v := positionsView{quotes: map[string]sectors.Quote{}, sectors: map[string]string{}, names: map[string]string{},
		keys: m.keys, styles: m.dialogStyles(), t: m.t.Positions}
	now := m.opts.Now()
	for k, q := range m.qs.quotes { // the list's rule: no P&L from a quote that is no trade, or stale (poscols.go)
		if _, ok := heldPrice(&q, quote.Stale(q.Time, now, m.opts.Refresh)); ok {
			v.quotes[k] = q
		}
	}
	for _, s := range m.data.sectors {
		v.order = append(v.order, m.t.SectorLabel(s))
	}
	for _, tk := range m.data.tickers {
		v.names[tk.Code.Key()] = tk.Name
		if tk.OnList() {
			v.sectors[tk.Code.Key()] = m.sectorLabel(tk.Sector)
		}
	}
	m.push(v)
	st, t := m.st, m.t
	return *m, func() tea.Msg {
		list, err := st.Positions()
		if err != nil {
			return positionsLoadedMsg{err: t.StoreError(err)}
		}
		return positionsLoadedMsg{list: list}
	}
}

func (v positionsView) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case positionsLoadedMsg:
		v.loaded, v.err = true, msg.err
		v.lines = v.render(msg.list)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, v.keys.Dismiss):
			return nil, nil
		case key.Matches(msg, v.keys.Down):
			v.offset = min(v.offset+1, max(len(v.lines)-v.height+1, 0))
		case key.Matches(msg, v.keys.Up):
			v.offset = max(v.offset-1, 0)
		}
	}
	return v, nil
}

// render lays the positions out by sector, with subtotals and a total.
func (v positionsView) render(list []sectors.Position) []string {
	if v.err != "" {
		return []string{v.styles.Error.Render(safeLine(v.err))}
	}
	open := list[:0:0]
	for _, p := range list {
		if p.Qty > 0 || p.Realised != 0 {
			open = append(open, p)
		}
	}
	if len(open) == 0 {
		return []string{v.styles.Dim.Render(v.t.None)}
	}
	groups := map[string][]sectors.Position{}
	for _, p := range open {
		g, ok := v.sectors[p.Code.Key()]
		if !ok {
			g = v.t.OffList
		}
		groups[g] = append(groups[g], p)
	}
	last := map[string]float64{}
	for k, q := range v.quotes {
		if q.Last > 0 {
			last[k] = q.Last
		}
	}
	var rows [][]string
	var heads []int // rows that are a sector's heading
	addTotal := func(label string, ps []sectors.Position) {
		t := sectors.TotalPositions(ps, last)
		row := []string{label, "", "", price(t.Cost), "", "", "-", "-", "-", price(t.Realised)}
		if t.Priced > 0 {
			row[6], row[7], row[8] = price(t.Value), signedPrice(t.PnL), pct(t.PnLPct, 2)
		}
		rows = append(rows, row)
	}
	for _, g := range append(append([]string(nil), v.order...), v.t.OffList) {
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
			row := []string{p.Code.Key(), common.DisplayName(v.names[p.Code.Key()]), qty, price(p.Cost),
				strconv.FormatFloat(p.AvgPrice(), 'f', 3, 64), "-", "-", "-", "-", price(p.Realised)}
			if l, ok := last[p.Code.Key()]; ok && p.Qty > 0 {
				pnl, pp := p.PnL(l)
				row[5], row[6], row[7], row[8] = price(l), price(p.Value(l)), signedPrice(pnl), pct(pp, 2)
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
	lines := []string{v.styles.Title.Render(v.t.Title), v.styles.ColHead.Render(line(v.t.Head))}
	for r, row := range rows {
		if isHead[r] {
			lines = append(lines, v.styles.ColHead.Render(safeLine(row[0])))
			continue
		}
		lines = append(lines, safeLine(line(row)))
	}
	if len(last) == 0 {
		lines = append(lines, "", v.styles.Dim.Render(v.t.NoQuotes))
	}
	return lines
}

func (v positionsView) View() string {
	if !v.loaded {
		return v.styles.Dim.Render(v.t.Loading)
	}
	lines := v.lines[min(v.offset, len(v.lines)):]
	out := ""
	for i, l := range lines {
		if v.height > 0 && i >= v.height {
			break
		}
		if i > 0 {
			out += "\n"
		}
		out += safetext.Truncate(l, max(v.width, 1))
	}
	return out
}

func (v positionsView) Placement() common.Placement { return common.InBody }
func (v positionsView) ShortHelp() []key.Binding {
	return []key.Binding{v.keys.Up, v.keys.Down, v.keys.Dismiss}
}
func (v positionsView) FullHelp() [][]key.Binding      { return [][]key.Binding{v.ShortHelp()} }
func (v positionsView) SetSize(w, h int) common.Dialog { v.width, v.height = w, h; return v }
