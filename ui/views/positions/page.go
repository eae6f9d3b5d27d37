package positions

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

// The page of one position (enter in the view): what is held and what it
// cost, its value and P&L at the quote, what it realised (sells and
// dividends), its lots (FIFO: a sell takes the oldest first), every trade
// (the one selected is what d deletes) and the distributions (送/转/派/配)
// that reached it, as zixuan position show prints them.

func (v Model) pageKey(msg tea.KeyPressMsg) (common.Dialog, tea.Cmd) {
	k := v.Keys
	p, ok := v.position(v.page)
	switch {
	case key.Matches(msg, k.Back):
		v.page = ""
	case key.Matches(msg, k.Down) && ok:
		v.trade = min(v.trade+1, max(len(p.Trades)-1, 0))
		v = v.showTrade(p)
	case key.Matches(msg, k.Up) && ok:
		v.trade = max(v.trade-1, 0)
		v = v.showTrade(p)
	case key.Matches(msg, k.PageDown) && ok:
		lines, _ := v.pageLines(p)
		v.pageOff = min(v.pageOff+max(v.Height/2, 1), max(len(lines)-v.Height, 0))
	case key.Matches(msg, k.PageUp):
		v.pageOff = max(v.pageOff-max(v.Height/2, 1), 0)
	case key.Matches(msg, k.Buy) && ok:
		return common.Tell(v, OpenTradeMsg{Side: sectors.Bought, Code: p.Code, Held: p.Qty}), nil
	case key.Matches(msg, k.Sell) && ok && p.Qty > 0:
		return common.Tell(v, OpenTradeMsg{Side: sectors.Sold, Code: p.Code, Held: p.Qty}), nil
	case key.Matches(msg, k.DeleteTrade) && ok && v.trade < len(p.Trades):
		return common.Tell(v, AskRemoveMsg{Trade: p.Trades[v.trade]}), nil
	}
	return v, nil
}

// pageLines is the page of p, and the line of each of its trades.
func (v Model) pageLines(p sectors.Position) (lines []string, tradeAt []int) {
	s, t := v.Styles, v.t
	lines = append(lines, s.Title.Render(p.Code.Key()+" "+v.name(p.Code)))
	say := func(format string, args ...any) {
		lines = append(lines, "  "+safetext.Line(fmt.Sprintf(format, args...)))
	}
	say(t.Held, p.Qty, common.Price(p.Cost), strconv.FormatFloat(p.AvgPrice(), 'f', 3, 64))
	if q, ok := v.Quotes[p.Code.Key()]; ok && q.Last > 0 && p.Qty > 0 {
		pnl, pct := p.PnL(q.Last)
		say(t.Value, common.Price(p.Value(q.Last)), common.Price(q.Last), common.SignedPrice(pnl), common.Pct(pct, 2))
	}
	say(t.Realised, common.Price(p.Realised), common.Price(p.Dividends))
	if p.Qty > 0 && !p.FirstBuy.IsZero() {
		say(t.Since, market.ChinaDate(p.FirstBuy))
	}
	if p.Uncertain() {
		lines = append(lines, "  "+s.Error.Render(t.Uncertain))
	}
	if len(p.Lots) > 0 {
		var rows [][]string
		for _, l := range p.Lots {
			rows = append(rows, []string{strconv.FormatUint(l.BuyID, 10), market.ChinaDate(l.Date), strconv.FormatInt(l.Qty, 10),
				common.Price(l.Cost), strconv.FormatFloat(l.Cost/float64(l.Qty), 'f', 3, 64)})
		}
		lines = append(lines, "", s.ColHead.Render(t.Lots))
		lines = append(lines, v.table(t.LotHead, rows, 2)...)
	}
	var rows [][]string
	for _, tr := range p.Trades {
		side := t.Buy
		if tr.Side == sectors.Sold {
			side = t.Sell
		}
		note := ""
		switch {
		case tr.Forced && tr.Breaks != "":
			note = t.Forced + v.T.Colon + tr.Breaks
		case tr.Forced:
			note = t.Forced
		case tr.Breaks != "":
			note = t.Breaks + tr.Breaks
		}
		rows = append(rows, []string{strconv.FormatUint(tr.ID, 10), market.ChinaDate(tr.Date), side, strconv.FormatInt(tr.Qty, 10),
			common.Price(tr.Price), common.Price(tr.Fee), safetext.Line(note)})
	}
	lines = append(lines, "", s.ColHead.Render(t.Trades))
	first := len(lines) + 1 // under the column heads
	lines = append(lines, v.table(t.TradeHead, rows, 3)...)
	for i := range p.Trades {
		tradeAt = append(tradeAt, first+i)
	}
	if len(p.Actions) > 0 {
		var rows [][]string
		for _, a := range p.Actions {
			rows = append(rows, []string{market.ChinaDate(a.ExDate), safetext.Line(a.Text), strconv.FormatInt(a.Held, 10), v.actionText(a)})
		}
		lines = append(lines, "", s.ColHead.Render(t.Events))
		lines = append(lines, v.table(t.EventHead, rows, 2)...)
	}
	return lines, tradeAt
}

// actionText is what a distribution did to the holding.
func (v Model) actionText(a sectors.Action) string {
	t := v.t
	switch {
	case a.Unread:
		return t.Unread
	case a.Offered > 0 && a.RightsPrice == 0:
		return fmt.Sprintf(t.Offered, a.Offered)
	case a.Offered > 0:
		return fmt.Sprintf(t.OfferedAt, a.Offered, common.Price(a.RightsPrice))
	}
	var parts []string
	if a.Shares > 0 {
		parts = append(parts, fmt.Sprintf(t.SharesAdded, a.Shares))
	}
	if a.Cash > 0 {
		parts = append(parts, fmt.Sprintf(t.CashAdded, common.Price(a.Cash)))
	}
	return strings.Join(parts, v.T.ListSep+" ")
}

// table lays rows out under head, the columns from numbersFrom on
// right-aligned up to the last but one when it is text.
func (v Model) table(head []string, rows [][]string, numbersFrom int) []string {
	widths := make([]int, len(head))
	for i, h := range head {
		widths[i] = safetext.Width(h)
	}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], safetext.Width(c))
		}
	}
	line := func(cells []string) string {
		var b strings.Builder
		for i, c := range cells {
			if i > 0 {
				b.WriteString("  ")
			}
			switch {
			case i == len(cells)-1 && i > numbersFrom:
				b.WriteString(c) // the note or the text at the end
			case i >= numbersFrom:
				b.WriteString(safetext.FitLeft(c, widths[i]))
			default:
				b.WriteString(safetext.Fit(c, widths[i]))
			}
		}
		return strings.TrimRight(b.String(), " ")
	}
	out := []string{v.Styles.ColHead.Render(line(head))}
	for _, r := range rows {
		out = append(out, line(r))
	}
	return out
}

// showTrade scrolls the page to the trade selected when it is out of
// sight (the page opens at its top, whatever is selected).
func (v Model) showTrade(p sectors.Position) Model {
	_, tradeAt := v.pageLines(p)
	if v.trade >= len(tradeAt) || v.Height <= 0 {
		return v
	}
	sel := tradeAt[v.trade]
	if sel-v.pageOff >= v.Height {
		v.pageOff = sel - v.Height + 1
	}
	if sel < v.pageOff {
		v.pageOff = sel
	}
	return v
}

func (v Model) pageView() string {
	p, ok := v.position(v.page)
	if !ok {
		return v.Styles.Dim.Render(safetext.Truncate(fmt.Sprintf(v.t.Gone, v.page), max(v.Width, 1)))
	}
	lines, tradeAt := v.pageLines(p)
	sel := -1
	if v.trade < len(tradeAt) {
		sel = tradeAt[v.trade]
	}
	offset := min(v.pageOff, max(len(lines)-v.Height, 0))
	var out []string
	for i := offset; i < len(lines) && (v.Height <= 0 || i-offset < v.Height); i++ {
		l := safetext.Truncate(lines[i], max(v.Width, 1))
		if i == sel {
			l = v.Styles.Selected.Render(l)
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
