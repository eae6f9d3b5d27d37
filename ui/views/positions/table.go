package positions

import (
	"strconv"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

// name is a ticker's name as the list shows it, else the securities
// master's (a holding of a stock never on the list).
func (v Model) name(c market.Code) string {
	if n := v.Names[c.Key()]; n != "" {
		return common.DisplayName(n)
	}
	if sec, ok := market.LookupMaster(c); ok {
		return common.DisplayName(sec.Name)
	}
	return ""
}

// render lays the positions out by sector, with subtotals and a total:
// the lines, the positions in the order shown and the line of each.
func (v Model) render(list []sectors.Position) (lines []string, shown []sectors.Position, at []int) {
	if v.err != "" {
		return []string{v.Styles.Error.Render(safetext.Line(v.err))}, nil, nil
	}
	open := list[:0:0]
	for _, p := range list {
		if p.Qty > 0 || p.Realised != 0 {
			open = append(open, p)
		}
	}
	if len(open) == 0 {
		return []string{v.Styles.Dim.Render(v.t.None)}, nil, nil
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
	var heads []int   // rows that are a sector's heading
	var posRows []int // the row of each position shown
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
			shown = append(shown, p)
			posRows = append(posRows, len(rows))
			qty := strconv.FormatInt(p.Qty, 10)
			if p.Uncertain() { // a distribution not applied: zixuan position show says which
				qty += "?"
			}
			row := []string{p.Code.Key(), v.name(p.Code), qty, common.Price(p.Cost),
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
	lines = []string{v.Styles.Title.Render(v.t.Title), v.Styles.ColHead.Render(line(v.t.Head))}
	for _, r := range posRows {
		at = append(at, r+len(lines))
	}
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
	return lines, shown, at
}
