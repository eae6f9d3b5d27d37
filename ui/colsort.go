package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/ui/common"
)

// Sorting the list by a column: < and > pick the column to sort by among
// those shown, I reverses it. The rule is the domain's (sectors/sort.go),
// the one `zixuan list --sort` applies: pinned tickers on top, values not
// known (no quote, a quote that is no trade today, no history, no
// position) last in both directions, ties in the list's own order. The
// keys are fed from what the TUI holds already: the quotes, the return in
// the price cells, the excess in the history cells, the positions. A
// live column's order is made again when any of them changes (liveSort),
// the selection staying on its ticker (Model.refilter).

// Sort marks in the header: small triangles, one cell wide whatever the
// locale (▲▼ and ↑↓ are of ambiguous width: two cells in a CJK locale).
const (
	sortMarkAsc  = "▴"
	sortMarkDesc = "▾"
)

// liveFacts are what a live sort reads of each ticker, as the root has
// them for one refilter; epoch changes whenever any of them may have.
type liveFacts struct {
	epoch uint64
	of    func(i int) sectors.SortFacts
}

// liveFactsOf gathers the live columns' values of m's tickers that column
// c reads: the quote, the return since the rating (the price cells), the
// latest rated call's excess (the history cells), the holding's P&L at
// the last price. The facts of a ticker are good until the next is asked
// for (SortKeysOf reads them at once): they share one quote, so that
// sorting 5,538 tickers allocates nothing per ticker.
func liveFactsOf(m *Model, c sectors.SortColumn) liveFacts {
	tickers, cells, qs, hs, ps := m.data.tickers, m.qs.cells, &m.qs, &m.hs, &m.ps
	need := c.Need()
	var scratch sectors.Quote
	var pnl, pnlPct float64
	var buf [16]byte
	return liveFacts{
		epoch: qs.epoch ^ hs.epoch<<1 ^ ps.epoch<<2 ^ m.dataEpoch<<3,
		of: func(i int) sectors.SortFacts {
			var f sectors.SortFacts
			tk := &tickers[i]
			key := append(append(buf[:0], tk.Code.Exchange...), tk.Code.Number...)
			var ok bool
			if scratch, ok = qs.quotes[string(key)]; ok {
				f.Quote = &scratch
			}
			var pc *priceCells
			if i < len(cells) {
				pc = &cells[i]
			}
			switch need {
			case sectors.NeedReturn:
				if pc != nil && pc.retKnown {
					f.Return = &pc.retPct
				}
			case sectors.NeedExcess:
				if hc := hs.cellOf(tickers, i); hc != nil && hc.exKnown {
					f.Excess = &hc.exPct
				}
			case sectors.NeedPosition:
				if pos := ps.of(tk.Code); pos != nil {
					cx := cellCtx{pos: pos, q: f.Quote, pc: pc}
					if pnl, pnlPct, ok = cx.pnl(); ok {
						f.PnL, f.PnLPct = &pnl, &pnlPct
					}
				}
			}
			return f
		},
	}
}

// colOrderCache is the last column sort made, kept until the data or the
// live values change.
type colOrderCache struct {
	ok    bool
	order sectors.SortOrder
	epoch uint64
	perm  []int32
	keys  []sectors.SortKey // the column's keys, which reversing reuses
}

// colOrder is the tickers' indexes sorted by o, ties in the snapshot's
// order.
func (ix *filterIndex) colOrder(d *watchData, o sectors.SortOrder, f liveFacts) []int32 {
	c := &ix.col
	epoch := uint64(0)
	if o.Column.Live() {
		epoch = f.epoch
	}
	if c.ok && c.order == o && c.epoch == epoch && len(c.perm) == len(d.tickers) {
		return c.perm
	}
	if !c.ok || c.order.Column != o.Column || c.epoch != epoch || len(c.keys) != len(d.tickers) {
		in := sectors.SortInput{Facts: f.of, SectorOrder: d.order}
		if o.Column == sectors.SortName {
			in.NameKeys = d.nameSortKeys()
		}
		if !o.Column.Live() {
			in.Facts = nil
		}
		c.keys = sectors.SortKeysOf(d.tickers, o.Column, in)
	}
	perm := o.Order(c.keys)
	if cap(c.perm) < len(perm) {
		c.perm = make([]int32, len(perm))
	}
	c.perm = c.perm[:len(perm)]
	for n, i := range perm {
		c.perm[n] = int32(i)
	}
	c.ok, c.order, c.epoch = true, o, epoch
	return c.perm
}

// legacyOrders are the s key's orders as columns and directions, for the
// header's mark and for I, which reverses them.
var legacyOrders = [sortCount]sectors.SortOrder{
	{Column: sectors.SortSector},
	{Column: sectors.SortCode},
	{Column: sectors.SortName},
	{Column: sectors.SortName, Desc: true},
	{Column: sectors.SortRating},
	{Column: sectors.SortChanged, Desc: true},
}

// sortOrder is the sort in force as a column and a direction.
func (v *viewState) sortOrder() sectors.SortOrder {
	if v.col.Column != "" {
		return v.col
	}
	if v.sortBy >= 0 && v.sortBy < sortCount {
		return legacyOrders[v.sortBy]
	}
	return legacyOrders[sortSector]
}

// liveSort reports whether the list is sorted by a live column, whose
// order follows the quotes.
func (v *viewState) liveSort() bool { return v.col.Column.Live() }

// shownColumns are the ids of the list's columns on screen now, in
// order, as the frame lays them out.
func shownColumns(m *Model) []string {
	f := m.newFrame()
	w := f.width
	if w >= wideWidth {
		w = f.listWidth(w) - 1
	}
	c := f.list.layoutColumns(&f.listIn, w)
	ids := make([]string, len(c.cols))
	for i, p := range c.cols {
		ids[i] = p.def.ID
	}
	return ids
}

// sortableColumns are the columns < and > pick from, in the header's
// order: code, name, rating, then the columns shown that sort.
func sortableColumns(ids []string) []sectors.SortColumn {
	out := []sectors.SortColumn{sectors.SortCode, sectors.SortName, sectors.SortRating}
	for _, id := range ids {
		if c, ok := sortColumnOf(id); ok && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// sortColumnOf is the sort column of the list's column id.
func sortColumnOf(id string) (sectors.SortColumn, bool) {
	if id == "" || id == "since" || id == "note" || id == "spark" || id == "board" {
		return "", false
	}
	o, err := sectors.ParseSortOrder(id)
	if err != nil || o.Desc {
		return "", false
	}
	return o.Column, true
}

// pickSort is the order after < (step -1) or > (step 1): the column
// before or after the one sorted by, among cols, in its first direction
// (highest first for a live column and for the last change, as
// terminals sort 涨跌幅, lowest first for the others).
func pickSort(cur sectors.SortOrder, cols []sectors.SortColumn, step int) sectors.SortOrder {
	at := slices.Index(cols, cur.Column)
	switch {
	case at < 0 && step > 0:
		at = 0
	case at < 0:
		at = len(cols) - 1
	default:
		at = (at + step + len(cols)) % len(cols)
	}
	c := cols[at]
	return sectors.SortOrder{Column: c, Desc: c.Live() || c == sectors.SortChanged}
}

// sortLabel is the sort as the status line says it: the column as its
// header names it, and its direction's mark.
func sortLabel(o sectors.SortOrder, t *common.Text) string {
	return sortColumnLabel(o.Column, t) + " " + sortMark(o)
}

func sortMark(o sectors.SortOrder) string {
	if o.Desc {
		return sortMarkDesc
	}
	return sortMarkAsc
}

// sortColumnLabel is the column's header.
func sortColumnLabel(c sectors.SortColumn, t *common.Text) string {
	switch c {
	case sectors.SortCode:
		return t.ColCode
	case sectors.SortName:
		return t.ColName
	case sectors.SortRating:
		return t.ColRating
	}
	if d := columnRegistry[string(c)]; d != nil {
		return d.header(t)
	}
	if t.ZH {
		return c.Chinese()
	}
	return c.Label()
}

// markHeader is a header cell fitted to w cells, with the sort's mark
// when the list is sorted by its column c: the mark stays, the text is
// cut.
func markHeader(h string, c sectors.SortColumn, o sectors.SortOrder, w int, a colAlign) string {
	if c == "" || c != o.Column || w < 2 {
		return fitCell(h, w, a)
	}
	if safetext.Width(h)+1 > w {
		h = safetext.Truncate(h, w-1)
	}
	return fitCell(h+sortMark(o), w, a)
}

// nextSort is the column sort after key msg, one of k's SortNext,
// SortPrev and SortReverse, from the sort of v.
func nextSort(v *viewState, cols []sectors.SortColumn, msg tea.KeyPressMsg, k *common.KeyMap) sectors.SortOrder {
	switch {
	case key.Matches(msg, k.SortReverse): // the list's own order reversed too
		cur := v.sortOrder()
		cur.Desc = !cur.Desc
		return cur
	case key.Matches(msg, k.SortPrev): // from the list's own order: the last column
		return pickSort(v.markedSort(), cols, -1)
	}
	return pickSort(v.markedSort(), cols, 1)
}

// markedSort is the sort the header marks: none for the list's own
// order (by sector, in the user's order).
func (v *viewState) markedSort() sectors.SortOrder {
	if v.col.Column == "" && v.sortBy == sortSector {
		return sectors.SortOrder{}
	}
	return v.sortOrder()
}
