package ui

import (
	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/service"
	"zixuan/store"

	"zixuan/ui/common"
	"zixuan/ui/dialogs/confirm"
	"zixuan/ui/dialogs/tradedlg"
	"zixuan/ui/views/positions"
)

// The root's side of trades: the positions view (ui/views/positions) and
// the list's buy key ask for the trade dialog (ui/dialogs/tradedlg) and
// for the question before a trade is deleted; the writes go through the
// root's writer, and once one is in, the positions are read again for the
// view and for the list's position columns (poscols.go).

// removeTradeMsg is yes to deleting trade.
type removeTradeMsg struct{ trade sectors.Trade }

// tradesAsked does what the positions view and the trade dialog asked
// for; ok is false for any other message.
func tradesAsked(m Model, msg tea.Msg, from common.Dialog) (tea.Model, tea.Cmd, bool) {
	pt := m.t.Positions
	switch a := msg.(type) {
	case positions.OpenTradeMsg:
		next, cmd := openTrade(m, a.Side, a.Code, a.Held)
		return next, cmd, true
	case positions.AskRemoveMsg:
		t := a.Trade
		m.push(confirm.New(m.context(), sprintf(pt.ConfirmRm, t.ID, sideWord(pt, t.Side), t.Code.Key(), t.Qty, common.Price(t.Price), market.ChinaDate(t.Date)), removeTradeMsg{trade: t}))
		return m, nil, true
	case tradedlg.SubmitMsg:
		// the store's refusal (a sell of more than is held, T+1, a sell's
		// lots) opens the dialog again with what was typed, saying it
		var refused error
		trade, now := a.Trade, m.opts.Now
		write := m.write(func(st *store.Store) (market.Code, string, error) {
			svc := service.Service{Store: st, Now: now}
			done, err := svc.RecordTrade(trade)
			if err != nil {
				refused = err
				return market.Code{}, "", err
			}
			t := done.Trade
			return market.Code{}, sprintf(pt.Recorded, t.ID, sideWord(pt, t.Side), t.Code.Key(), t.Qty, common.Price(t.Price), market.ChinaDate(t.Date), done.Held), nil
		}, tradeWritten, func(m *Model) {
			if d, ok := from.(tradedlg.Model); ok {
				m.push(d.WithErr(m.t.StoreError(refused)))
			}
		})
		return m, write, true
	case removeTradeMsg:
		id := a.trade.ID
		write := m.write(func(st *store.Store) (market.Code, string, error) {
			t, err := (&service.Service{Store: st}).RemoveTrade(id)
			if err != nil {
				return market.Code{}, "", err
			}
			return market.Code{}, sprintf(pt.Removed, t.ID, sideWord(pt, t.Side), t.Code.Key(), t.Qty, common.Price(t.Price), market.ChinaDate(t.Date)), nil
		}, tradeWritten, nil)
		return m, write, true
	}
	return m, nil, false
}

// tradeWritten reads the positions again: the view's and the list's.
func tradeWritten(m *Model, _ market.Code) tea.Cmd {
	return tea.Batch(m.ps.loadCmd(m.st), positions.Load(m.st, m.t))
}

// tradesUpdate gives the positions read after a write to the positions
// view wherever it is on the stack (a dialog may be open over it); ok is
// false for any other message.
func tradesUpdate(m Model, msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	loaded, ok := msg.(positions.LoadedMsg)
	if !ok {
		return m, nil, false
	}
	m.stack = m.stack.each(func(d common.Dialog) common.Dialog {
		if v, ok := d.(positions.Model); ok {
			next, _ := v.Update(loaded)
			return next
		}
		return d
	})
	return m, nil, true
}

// openBuy opens the buy dialog for the ticker selected on the list.
func openBuy(m Model) (tea.Model, tea.Cmd) {
	tk, ok := m.selected()
	if !ok {
		return m, nil
	}
	held := int64(0)
	if i, ok := m.ps.by[tk.Code.Key()]; ok {
		held = m.ps.list[i].Qty
	}
	return openTrade(m, sectors.Bought, tk.Code, held)
}

// openTrade opens the trade dialog: the date today by the UI's clock, the
// price the last quote's when there is one.
func openTrade(m Model, side sectors.TradeSide, code market.Code, held int64) (tea.Model, tea.Cmd) {
	setup := tradedlg.Setup{Side: side, Code: code, Held: held, Now: m.opts.Now}
	if q, ok := m.qs.quotes[code.Key()]; ok && q.Last > 0 {
		setup.Last = q.Last
	}
	data := &m.data
	setup.Name = func(c market.Code) string {
		if j := data.indexOf(c); j >= 0 {
			return common.DisplayName(data.tickers[j].Name)
		}
		return ""
	}
	d, cmd := tradedlg.New(m.context(), setup)
	m.push(d)
	return m, cmd
}

// sideWord is a buy's or a sell's word.
func sideWord(pt *common.PosText, side sectors.TradeSide) string {
	if side == sectors.Sold {
		return pt.Sell
	}
	return pt.Buy
}
