package positions

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"

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

// OpenTradeMsg asks the root for the trade dialog: a buy or a sell of
// Code (zero: typed in), of which Held shares are held.
type OpenTradeMsg struct {
	Side sectors.TradeSide
	Code market.Code
	Held int64
}

// AskRemoveMsg asks the root to ask, then delete Trade.
type AskRemoveMsg struct{ Trade sectors.Trade }

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

	list   []sectors.Position // as read
	shown  []sectors.Position // the positions of the table, in its order: the cursor's
	lines  []string
	at     []int // the line of each shown position
	loaded bool
	err    string
	offset int
	cursor int
	// page is the Code.Key() of the position whose page is open ("" the
	// table); pageOff its first line shown, trade the trade selected
	page    string
	pageOff int
	trade   int
	t       *common.PosText
}

// New opens the view over data and starts reading the positions.
func New(c common.Common, data Data) (Model, tea.Cmd) {
	v := Model{Common: c, Data: data, t: c.T.Positions}
	return v, Load(c.Store, c.T)
}

// Load reads the positions off the UI goroutine (a LoadedMsg): when the
// view opens, and again once a trade is written.
func Load(st *store.Store, t *common.Text) tea.Cmd {
	return func() tea.Msg {
		list, err := st.Positions()
		if err != nil {
			return LoadedMsg{Err: t.StoreError(err)}
		}
		return LoadedMsg{List: list}
	}
}

// Refresh is the view over new data (quotes, names), its cursor kept.
func (v Model) Refresh(data Data) Model {
	v.Data = data
	if v.loaded {
		v = v.rendered()
	}
	return v
}

// Selected is the position under the cursor; ok is false when none is.
func (v Model) Selected() (sectors.Position, bool) {
	if v.page != "" {
		p, ok := v.position(v.page)
		return p, ok
	}
	if v.cursor < len(v.shown) {
		return v.shown[v.cursor], true
	}
	return sectors.Position{}, false
}

// Page is the Code.Key() of the position whose page is open, "" for none.
func (v Model) Page() string { return v.page }

func (v Model) position(k string) (sectors.Position, bool) {
	for _, p := range v.list {
		if p.Code.Key() == k {
			return p, true
		}
	}
	return sectors.Position{}, false
}

// rendered lays the table out again, the cursor on the position it was on.
func (v Model) rendered() Model {
	keep := ""
	if v.cursor < len(v.shown) {
		keep = v.shown[v.cursor].Code.Key()
	}
	v.lines, v.shown, v.at = v.render(v.list)
	v.cursor = min(v.cursor, max(len(v.shown)-1, 0))
	for i, p := range v.shown {
		if p.Code.Key() == keep {
			v.cursor = i
		}
	}
	return v
}

func (v Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		v.loaded, v.err, v.list = true, msg.Err, msg.List
		v = v.rendered()
		if p, ok := v.position(v.page); ok {
			v.trade = min(v.trade, max(len(p.Trades)-1, 0)) // a trade deleted
		}
	case tea.KeyPressMsg:
		if v.page != "" {
			return v.pageKey(msg)
		}
		return v.tableKey(msg)
	}
	return v, nil
}

func (v Model) tableKey(msg tea.KeyPressMsg) (common.Dialog, tea.Cmd) {
	k := v.Keys
	p, ok := v.Selected()
	switch {
	case key.Matches(msg, k.Dismiss):
		return nil, nil
	case key.Matches(msg, k.Down):
		v.cursor = min(v.cursor+1, max(len(v.shown)-1, 0))
	case key.Matches(msg, k.Up):
		v.cursor = max(v.cursor-1, 0)
	case key.Matches(msg, k.Buy):
		return common.Tell(v, OpenTradeMsg{Side: sectors.Bought, Code: p.Code, Held: p.Qty}), nil
	case key.Matches(msg, k.Sell) && ok && p.Qty > 0:
		return common.Tell(v, OpenTradeMsg{Side: sectors.Sold, Code: p.Code, Held: p.Qty}), nil
	case key.Matches(msg, k.DeleteTrade) && ok && len(p.Trades) > 0:
		return common.Tell(v, AskRemoveMsg{Trade: latest(p.Trades)}), nil
	case key.Matches(msg, k.OpenPosition) && ok:
		v.page, v.pageOff = p.Code.Key(), 0
		v.trade = max(len(p.Trades)-1, 0)
	}
	return v, nil
}

// latest is the trade entered last (the highest id): what d takes back.
func latest(ts []sectors.Trade) sectors.Trade {
	out := ts[0]
	for _, t := range ts {
		if t.ID > out.ID {
			out = t
		}
	}
	return out
}

func (v Model) View() string {
	if !v.loaded {
		return v.Styles.Dim.Render(v.t.Loading)
	}
	if v.page != "" {
		return v.pageView()
	}
	lines := v.lines
	sel := -1
	if v.cursor < len(v.at) {
		sel = v.at[v.cursor]
	}
	// the cursor's line in sight, under the title and the column heads
	offset := v.offset
	if v.Height > 0 && sel >= 0 {
		if sel-offset >= v.Height {
			offset = sel - v.Height + 1
		}
		if sel < offset+2 && sel >= 2 {
			offset = max(sel-2, 0)
		}
	}
	out := ""
	for i := offset; i < len(lines); i++ {
		if v.Height > 0 && i-offset >= v.Height {
			break
		}
		if i > offset {
			out += "\n"
		}
		l := safetext.Truncate(lines[i], max(v.Width, 1))
		if i == sel {
			l = v.Styles.Selected.Render(l)
		}
		out += l
	}
	return out
}

func (v Model) Placement() common.Placement { return common.InBody }

func (v Model) ShortHelp() []key.Binding {
	k := v.Keys
	if v.page != "" {
		return []key.Binding{k.Buy, k.Sell, k.DeleteTrade, k.Up, k.Down, k.Back}
	}
	return []key.Binding{k.Buy, k.Sell, k.DeleteTrade, k.OpenPosition, k.Up, k.Down, k.Back}
}
func (v Model) FullHelp() [][]key.Binding      { return [][]key.Binding{v.ShortHelp()} }
func (v Model) SetSize(w, h int) common.Dialog { v.Common.SetSize(w, h); return v }
