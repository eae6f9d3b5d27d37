package ui

import (
	"math"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"

	"zixuan/ui/common"
)

// Positions on the list. The positions are replayed from the
// stored trades (store.Positions: the trades bucket only) in a tea.Cmd at
// start, and again whenever the list is reloaded for a change by another
// process (zixuan position add bumps the generation the TUI polls),
// never inside Update. The list then has four more columns, laid out only while a
// ticker among the rows shown holds shares (columnDef.Positions):
//
//	qty      shares held
//	cost     the average cost per share held, fees included
//	         (Position.AvgPrice), comparable with the last price; the
//	         cost basis (what the shares cost in all) is in the totals
//	pnl      unrealised P&L at the quote on screen
//	pnl_pct  the same in percent of the cost
//
// P&L follows the positions view's rule: a quote that is not a trade (a
// pre-open 0.00, a halt, an unknown change) or a stale one gives none.
// The status line carries the totals of the rows shown (a sector's tab:
// that sector; All: every holding on the list): cost, value and P&L.

// posState is the position columns' part: the holdings, by code.
type posState struct {
	list  []sectors.Position // the holdings (shares > 0), by code
	by    map[string]int     // Code.Key() → index in list
	gen   uint64             // the store generation they were read at
	seq   uint64             // the latest load started
	epoch uint64             // new with every load (render cache)
	jobs  *jobQueue          // a load takes its turn among the background jobs
}

type posListMsg struct {
	list []sectors.Position
	gen  uint64
	seq  uint64
	err  error
}

// loadCmd reads the positions off the UI goroutine, as a new load.
func (p *posState) loadCmd(st *store.Store) tea.Cmd {
	if st == nil {
		return nil
	}
	p.seq++
	return p.cmdAt(st)
}

// cmdAt is the load numbered p.seq (Init's is the model's own, since
// Init cannot number a new one): the generation first, so a trade stored
// in between is read again at the next poll rather than missed.
func (p *posState) cmdAt(st *store.Store) tea.Cmd {
	if st == nil {
		return nil
	}
	seq := p.seq
	return p.jobs.run(func() tea.Msg {
		gen, err := st.Generation()
		if err != nil {
			return posListMsg{seq: seq, err: err}
		}
		list, err := st.Positions()
		return posListMsg{list: list, gen: gen, seq: seq, err: err}
	})
}

// stale is the load to start when the store moved on from the positions
// shown; nil when they are current. It runs when the data is loaded again
// after a change by another process (reloadedMsg). A trade written from
// the TUI (trades.go) reads the positions again itself once it is in; the
// TUI's other writes patch the data without a reload, and the positions
// stay.
func (p *posState) stale(st *store.Store, gen uint64) tea.Cmd {
	if gen == 0 || gen == p.gen {
		return nil
	}
	return p.loadCmd(st)
}

// update takes posListMsg; handled is false for any other message. fail
// is an error to show: once per generation, not at every poll.
func (p *posState) update(msg tea.Msg) (handled bool, fail error) {
	pm, ok := msg.(posListMsg)
	if !ok {
		return false, nil
	}
	if pm.seq != p.seq {
		return true, nil // a newer load is under way
	}
	if pm.err != nil {
		if p.gen != pm.gen || pm.gen == 0 {
			fail = pm.err
		}
		p.gen = pm.gen
		return true, fail
	}
	p.gen = pm.gen
	p.set(pm.list)
	return true, nil
}

// set keeps the holdings of list.
func (p *posState) set(list []sectors.Position) {
	p.list, p.by = nil, nil
	for _, pos := range list {
		if pos.Qty <= 0 {
			continue
		}
		if p.by == nil {
			p.by = map[string]int{}
		}
		p.by[pos.Code.Key()] = len(p.list)
		p.list = append(p.list, pos)
	}
	p.epoch = nextEpoch()
}

// of is the holding of code; nil when none.
func (p *posState) of(code market.Code) *sectors.Position {
	if len(p.by) == 0 {
		return nil
	}
	if i, ok := p.by[code.Key()]; ok {
		return &p.list[i]
	}
	return nil
}

// shown reports whether a row shown (rows, indexes in tickers) holds
// shares: then the list lays out its position columns.
func (p *posState) shown(rows []int, tickers []sectors.Ticker) bool {
	if len(p.by) == 0 {
		return false
	}
	for _, r := range rows {
		if p.of(tickers[r].Code) != nil {
			return true
		}
	}
	return false
}

// heldPrice is the price a holding's P&L runs to: a quote that is a trade
// and is not stale.
func heldPrice(q *sectors.Quote, stale bool) (float64, bool) {
	if q == nil || stale {
		return 0, false
	}
	l, ok := q.AsLatest()
	return l.Last, ok
}

// cellPnL is the P&L of the cell's holding at the quote on screen.
func (c *cellCtx) pnl() (pnl, pnlPct float64, ok bool) {
	if c.pos == nil {
		return 0, 0, false
	}
	last, ok := heldPrice(c.q, c.pc == nil || c.pc.stale)
	if !ok {
		return 0, 0, false
	}
	pnl, pnlPct = c.pos.PnL(last)
	return pnl, pnlPct, true
}

// money is an amount of yuan in a cell: in full up to a million, then
// short (万/亿 on the Chinese screen, M/B on the English one).
func money(v float64, zh bool, signed bool) string {
	s := ""
	switch {
	case v < 0:
		s = "-"
	case signed && v > 0:
		s = "+"
	}
	a := math.Abs(v)
	if a < 1e6 {
		return s + price(a)
	}
	return s + bigNumber(a, zh)
}

func init() {
	pnlStyle := func(c *cellCtx, s *common.Styles, upDown func(int) lipgloss.Style) lipgloss.Style {
		pnl, _, ok := c.pnl()
		if !ok {
			return s.Dim
		}
		return upDown(sign(pnl))
	}
	registerColumn(columnDef{ID: "qty", Keep: 5, En: "Qty", Zh: "持仓", Min: 6, Ideal: 7, Align: alignRight, Positions: true,
		Cell: func(c *cellCtx) string {
			if c.pos == nil {
				return ""
			}
			if c.pos.Uncertain() { // a distribution not applied
				return strconv.FormatInt(c.pos.Qty, 10) + "?"
			}
			return strconv.FormatInt(c.pos.Qty, 10)
		}})
	registerColumn(columnDef{ID: "cost", Keep: 5, En: "Avg cost", Zh: "成本价", Min: 8, Ideal: 9, Align: alignRight, Positions: true,
		Cell: func(c *cellCtx) string {
			if c.pos == nil {
				return ""
			}
			return strconv.FormatFloat(c.pos.AvgPrice(), 'f', 3, 64)
		}})
	registerColumn(columnDef{ID: "pnl", Keep: 4, En: "P&L", Zh: "盈亏", Min: 9, Ideal: 10, Align: alignRight, Positions: true, Prices: true,
		Cell: func(c *cellCtx) string {
			if c.pos == nil {
				return ""
			}
			pnl, _, ok := c.pnl()
			if !ok {
				return "-"
			}
			return money(pnl, c.t.ZH, true)
		}, Style: pnlStyle})
	registerColumn(columnDef{ID: "pnl_pct", Keep: 2, En: "P&L%", Zh: "盈亏%", Min: 7, Ideal: 7, Align: alignRight, Positions: true, Prices: true,
		Cell: func(c *cellCtx) string {
			if c.pos == nil {
				return ""
			}
			_, pp, ok := c.pnl()
			if !ok {
				return "-"
			}
			return pct(pp, 2)
		}, Style: pnlStyle})
}

// total sums the holdings of the rows shown at the quotes on screen; ok
// is false when none of them holds shares.
func (p *posState) total(rows []int, quotes map[string]sectors.Quote, c partCtx) (sectors.PositionTotal, bool) {
	if len(p.by) == 0 {
		return sectors.PositionTotal{}, false
	}
	var ps []sectors.Position
	last := map[string]float64{}
	now := c.o.Now()
	for _, r := range rows {
		pos := p.of(c.tickers[r].Code)
		if pos == nil {
			continue
		}
		ps = append(ps, *pos)
		k := pos.Code.Key()
		if q, ok := quotes[k]; ok {
			if l, ok := heldPrice(&q, quote.Stale(q.Time, now, c.o.Refresh)); ok {
				last[k] = l
			}
		}
	}
	if len(ps) == 0 {
		return sectors.PositionTotal{}, false
	}
	return sectors.TotalPositions(ps, last), true
}

// line is the totals of the rows shown, in at most room cells: the
// longest of its forms that fits, "" when none does or nothing is held.
// A holding without a price counts at cost in the value, and the line
// says how many were priced.
func (p *posState) line(room int, rows []int, quotes map[string]sectors.Quote, c partCtx) string {
	tot, ok := p.total(rows, quotes, c)
	if !ok || room <= 0 {
		return ""
	}
	ht := c.t.Holds
	zh := c.t.ZH
	head := ht.Held + c.t.Colon + ht.Cost + " " + money(tot.Cost, zh, false)
	if tot.Priced == 0 {
		if safetext.Width(head) > room {
			return ""
		}
		return c.s.Dim.Render(head)
	}
	value := ht.Value + " " + money(tot.Cost+tot.PnL, zh, false)
	pnl := ht.PnL + " " + money(tot.PnL, zh, true) + " " + pct(tot.PnLPct, 2)
	part := ""
	if tot.Priced < tot.Count {
		part = "  " + strings.NewReplacer("%n", strconv.Itoa(tot.Priced), "%m", strconv.Itoa(tot.Count)).Replace(ht.Priced)
	}
	forms := [][3]string{ // before the P&L, the P&L, after it
		{head + "  " + value + "  ", pnl, part},
		{head + "  ", pnl, part},
		{head + "  ", pnl, ""},
		{"", pnl, ""},
	}
	for _, f := range forms {
		if safetext.Width(f[0]+f[1]+f[2]) > room {
			continue
		}
		out := c.upDown(sign(tot.PnL)).Render(f[1])
		if f[0] != "" {
			out = c.s.Row.Render(f[0]) + out // not the status colour: green is a fall here
		}
		if f[2] != "" {
			out += c.s.Dim.Render(f[2])
		}
		return out
	}
	return ""
}
