package ui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/ui/common"
)

// The columns laid out at a width, and the list's rows drawn in them.

// placedCol is a column laid out at a width.
type placedCol struct {
	def   *columnDef
	width int
}

// colLayout is the list's columns at one width.
type colLayout struct {
	code, name, rating int
	cols               []placedCol
	sorted             sectors.SortOrder // the sort, marked in the header (colsort.go)
}

const marker = 2 // "> " before the selected row

// width is the width of column id, 0 when it is not shown.
func (c colLayout) width(id string) int {
	for _, p := range c.cols {
		if p.def.ID == id {
			return p.width
		}
	}
	return 0
}

// layoutColumns fits the columns ids (in order) in width; prices says
// quotes are in, hist the price history, allTab that the All tab is shown.
func layoutColumns(width int, t *common.Text, prices, hist, allTab bool, ids []string) colLayout {
	return layoutColumnsHeld(width, t, prices, hist, allTab, false, ids)
}

// layoutColumnsHeld is layoutColumns with held saying a row shown holds
// shares (the position columns).
func layoutColumnsHeld(width int, t *common.Text, prices, hist, allTab, held bool, ids []string) colLayout {
	c := colLayout{code: 6, name: 10, rating: 11}
	if t.ZH {
		c.rating = 6
	}
	rest := width - (marker + c.code + 1 + c.name + 1 + c.rating)
	var ideal []int
	need := 0
	for _, id := range ids {
		d := columnRegistry[id]
		if d == nil || d.Prices && !prices || d.History && !hist || d.AllOnly && !allTab || d.Positions && !held {
			continue
		}
		lo, hi := d.widths(t)
		need += lo + 1
		c.cols = append(c.cols, placedCol{def: d, width: lo})
		ideal = append(ideal, hi)
	}
	for need > rest && len(c.cols) > 0 {
		drop := 0
		for i, p := range c.cols {
			if keepRank(p.def) >= keepRank(c.cols[drop].def) {
				drop = i
			}
		}
		need -= c.cols[drop].width + 1
		c.cols = append(c.cols[:drop:drop], c.cols[drop+1:]...)
		ideal = append(ideal[:drop:drop], ideal[drop+1:]...)
	}
	rest -= need
	if rest >= 2 {
		c.name += 2 // room for 九号公司-WD and 5-character names
		rest -= 2
	}
	for i := range c.cols {
		if grow := min(ideal[i]-c.cols[i].width, rest); grow > 0 {
			c.cols[i].width += grow
			rest -= grow
		}
	}
	for i := range c.cols {
		if ideal[i] == 0 && rest > 0 {
			c.cols[i].width += rest // the note takes what is left
			rest = 0
		}
	}
	return c
}

// spare is the cells of width the columns leave blank, and those the
// column that takes what is left (the latest note) has beyond most.
func (c colLayout) spare(width, most int) int {
	used := marker + c.code + 1 + c.name + 1 + c.rating
	extra := 0
	for _, p := range c.cols {
		used += 1 + p.width
		if p.def.Ideal == 0 && p.def.IdealZh == 0 && p.width > most {
			extra += p.width - most
		}
	}
	return max(width-used, 0) + extra
}

func keepRank(d *columnDef) int {
	if d.Keep == 0 {
		return 8
	}
	return d.Keep
}

// fitCell fits s in w cells, on the side its column aligns to.
func fitCell(s string, w int, a colAlign) string {
	if a == alignRight {
		return safetext.FitLeft(s, w)
	}
	return safetext.Fit(s, w)
}

// header is the column header line.
func (c colLayout) header(t *common.Text, s *common.Styles) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", marker))
	b.WriteString(markHeader(t.ColCode, sectors.SortCode, c.sorted, c.code, alignLeft))
	b.WriteString(" ")
	b.WriteString(markHeader(t.ColName, sectors.SortName, c.sorted, c.name, alignLeft))
	b.WriteString(" ")
	b.WriteString(markHeader(t.ColRating, sectors.SortRating, c.sorted, c.rating, alignLeft))
	for _, p := range c.cols {
		b.WriteString(" ")
		col, _ := sortColumnOf(p.def.ID)
		b.WriteString(markHeader(p.def.header(t), col, c.sorted, p.width, p.def.Align))
	}
	return s.ColHead.Render(b.String())
}

// row draws one ticker.
func (c colLayout) row(cx *cellCtx, selected bool, s *common.Styles, upDown func(int) lipgloss.Style) string {
	tk := cx.tk
	name := fitName(common.DisplayName(tk.Name), c.name)
	rating := safetext.Fit(cx.t.Rating(tk.Rating), c.rating)
	pin := "  "
	switch {
	case cx.pc != nil && cx.pc.alert:
		pin = " " + alertMark // a fired alert (alerts.go)
	case tk.Pinned:
		pin = " ^" // 置顶
	}
	if selected {
		pin = ">" + pin[1:]
	}
	var b strings.Builder
	if !selected {
		rating = s.Rating[tk.Rating].Render(rating)
		if market.IsRiskWarning(tk.Name) {
			name = s.Risk.Render(name)
		}
	}
	b.WriteString(pin)
	b.WriteString(safetext.Fit(tk.Code.Number, c.code))
	b.WriteString(" ")
	b.WriteString(name)
	b.WriteString(" ")
	b.WriteString(rating)
	for _, p := range c.cols {
		b.WriteString(" ")
		cell := fitCell(p.def.text(cx, p.width), p.width, p.def.Align)
		if !selected && p.def.Style != nil {
			cell = p.def.Style(cx, s, upDown).Render(cell)
		}
		b.WriteString(cell)
	}
	if selected {
		return s.Selected.Render(b.String())
	}
	return b.String()
}

// columnIDs are the columns the user chose, or those of the config
// (defaults), or the default.
func (l *listModel) columnIDs(defaults []string) []string {
	if l.cols != nil {
		return l.cols
	}
	if ids := knownColumns(defaults); len(ids) > 0 {
		return ids
	}
	return defaultColumns
}

// layoutColumns is the list's columns at width, for the tab shown.
func (l *listModel) layoutColumns(in *listIn, width int) colLayout {
	c := layoutColumnsHeld(width, in.t, in.prices, in.histShow, in.allTab, in.held, l.columnIDs(in.defaults))
	c.sorted = in.sorted
	return c
}

// colKey is what the drawn rows depend on of the columns.
func (l *listModel) colKey(in *listIn) string {
	return strings.Join(l.columnIDs(in.defaults), ",") + "|" + strconv.FormatBool(in.allTab) + "|" + strconv.FormatBool(in.histShow) +
		"|" + strconv.FormatBool(in.held) + "|" + strconv.FormatUint(in.pos, 10) + "|" + in.sorted.String()
}

// cellCtx is the drawing context of ticker index r.
func (in *listIn) cellCtx(r int) *cellCtx {
	cx := &cellCtx{tk: &in.tickers[r], t: in.t, loc: in.loc, sector: in.sector}
	if r < len(in.priceCells) {
		cx.pc = &in.priceCells[r]
	}
	cx.hc = in.histCell(r)
	cx.pos = in.position(r)
	if q, ok := in.quotes[cx.tk.Code.Key()]; ok {
		cx.q = &q
	}
	return cx
}

// setColumns shows the columns ids, in order.
func (l *listModel) setColumns(ids []string) {
	l.cols = knownColumns(ids)
	if l.cols == nil {
		l.cols = []string{}
	}
}
