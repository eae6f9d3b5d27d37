package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
	"zixuan/ui/dialogs/tradedlg"
	"zixuan/ui/views/positions"
)

// The tests' clock is 2026-03-02 17:30 in China, a Monday: a session day.

func chinaDay(s string) time.Time {
	d, err := time.ParseInLocation(time.DateOnly, s, market.China)
	if err != nil {
		panic(err)
	}
	return d
}

func mustTrade(t *testing.T, st *store.Store, code string, side sectors.TradeSide, qty int64, price float64, day string) {
	t.Helper()
	mustTradeForced(t, st, code, side, qty, price, day, false)
}

// mustTradeForced stores a statement's line, forced when it breaks an
// exchange rule (bonus shares leave an odd lot).
func mustTradeForced(t *testing.T, st *store.Store, code string, side sectors.TradeSide, qty int64, price float64, day string, forced bool) {
	t.Helper()
	if _, err := st.AddTrade(sectors.Trade{Code: market.MustParseCode(code), Side: side, Qty: qty, Price: price, Date: chinaDay(day), Forced: forced}); err != nil {
		t.Fatal(err)
	}
}

// openPositions presses P and takes in the positions it reads.
func openPositions(t *testing.T, m Model) Model {
	t.Helper()
	m, cmd := pressCmd(m, "P")
	if cmd == nil {
		t.Fatal("P does not read the positions")
	}
	return update(m, cmd())
}

// afterTrade takes in what the root reads once a trade is written (the
// command tradeWritten gives the write's result): the view's positions and
// the list's.
func afterTrade(m Model) Model {
	msg := tradeWritten(&m, market.Code{})()
	batch, ok := msg.(tea.BatchMsg)
	if !ok {
		return update(m, msg)
	}
	for _, c := range batch {
		if c != nil {
			m = update(m, c())
		}
	}
	return m
}

func heldOf(t *testing.T, st *store.Store, code string) (int64, int) {
	t.Helper()
	ps, err := st.Positions()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Code.Number == code {
			return p.Qty, len(p.Trades)
		}
	}
	return 0, 0
}

func tradeDialog(t *testing.T, m Model) tradedlg.Model {
	t.Helper()
	d, ok := m.stack.top().(tradedlg.Model)
	if !ok {
		t.Fatalf("no trade dialog on top: %T\n%s", m.stack.top(), m.plainView())
	}
	return d
}

// B on the list opens the buy dialog for the selected ticker, its date
// today by the UI's clock; the buy is stored through the writer and said
// as the command line says it, and the positions view shows it.
func TestBuyFromTheList(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	code := selectedNumber(m)
	m = press(m, "B")
	tradeDialog(t, m)
	if v := m.plainView(); !strings.Contains(v, "Buy SZ"+code) || !strings.Contains(v, "2026-03-02") || !strings.Contains(v, "whole lots of 100") {
		t.Fatalf("the buy dialog:\n%s", v)
	}
	m = press(m, "12.5", "tab", "300", "tab", "5", "enter")
	if held, n := heldOf(t, st, code); held != 300 || n != 1 {
		t.Fatalf("held %d in %d trades after the buy", held, n)
	}
	if want := "1: buy SZ" + code + " 300 at 12.50 on 2026-03-02; 300 shares held"; m.status != want {
		t.Errorf("status %q, want %q", m.status, want)
	}
	m = openPositions(t, m)
	if v := m.plainView(); !strings.Contains(v, "SZ"+code) || !strings.Contains(v, "3755.00") {
		t.Errorf("the positions view does not show the buy (3755.00 with the fee):\n%s", v)
	}
}

// A buy not in the board's lots, on a closed day or with what is no
// figure is refused in the dialog, in one line, with the command line's
// words; nothing is stored and the dialog keeps what was typed.
func TestTradeDialogRefusesWhatTheCLIRefuses(t *testing.T) {
	st, _ := newTestStore(t)
	for _, c := range []struct {
		name string
		keys []string
		want string
	}{
		{"main board", []string{"10", "tab", "150"}, "a buy is whole lots of 100 shares (150 is not) (a statement's line that breaks it is recorded with zixuan position add --force)"},
		{"STAR", []string{"shift+tab", "shift+tab", "ctrl+u", "688111", "tab", "tab", "10", "tab", "100"}, "a buy on STAR is at least 200 shares, in steps of 1 (100 is not)"},
		{"weekend", []string{"shift+tab", "ctrl+u", "2026-02-28", "tab", "10", "tab", "100"}, "2026-02-28 is a weekend: trades are made on session days only"},
		{"future", []string{"shift+tab", "ctrl+u", "2026-03-03", "tab", "10", "tab", "100"}, "2026-03-03 is in the future"},
		{"no price", []string{"abc", "tab", "100"}, `"abc" is not a price`},
		{"no quantity", []string{"10", "tab", "1.5"}, `"1.5" is not a quantity`},
	} {
		m := newTestModel(t, st, "en", 120, 40)
		m = press(m, "B")
		m = press(m, c.keys...)
		m = press(m, "enter")
		d := tradeDialog(t, m)
		if !strings.Contains(d.Err(), c.want) || strings.Contains(d.Err(), "\n") {
			t.Errorf("%s: %q, want %q", c.name, d.Err(), c.want)
		}
		if !strings.Contains(m.plainView(), strings.SplitN(c.want, " ", 3)[0]) {
			t.Errorf("%s: the refusal is not shown:\n%s", c.name, m.plainView())
		}
	}
	if trades, _ := st.Trades(); len(trades) != 0 {
		t.Errorf("refused trades were stored: %v", trades)
	}
}

// sellFromView opens the positions view and sells qty of its first
// position at 20 on day.
func sellFromView(t *testing.T, m Model, qty, day string) Model {
	t.Helper()
	m = openPositions(t, m)
	m = press(m, "s")
	tradeDialog(t, m)
	// no quote: the price has the cursor, the date is above it
	return press(m, "shift+tab", "ctrl+u", day, "tab", "20", "tab", qty, "enter")
}

// A sell of more than is held is refused by the store with the command
// line's message; the dialog comes back with it and what was typed.
func TestSellOverTheHoldingIsRefused(t *testing.T) {
	st, _ := newTestStore(t)
	mustTrade(t, st, "002230", sectors.Bought, 100, 10, "2026-02-26")
	m := sellFromView(t, newTestModel(t, st, "en", 120, 40), "200", "2026-03-02")
	d := tradeDialog(t, m)
	if want := "SZ002230 sells 200 shares on 2026-03-02 but holds 100"; !strings.Contains(d.Err(), want) {
		t.Errorf("refusal %q, want %q", d.Err(), want)
	}
	if held, n := heldOf(t, st, "002230"); held != 100 || n != 1 {
		t.Errorf("held %d in %d trades", held, n)
	}
	// the dialog kept the figures: 100 now sells
	m = press(m, "backspace", "backspace", "backspace", "100", "enter")
	if held, _ := heldOf(t, st, "002230"); held != 0 {
		t.Errorf("held %d after the whole holding sold; dialog: %q", held, topOf[tradedlg.Model](m).Err())
	}
}

// Shares bought today sell from the next session (T+1), and a sell on
// the main board is whole lots or the odd remainder whole.
func TestSellRulesOfTheHolding(t *testing.T) {
	st, _ := newTestStore(t)
	mustTrade(t, st, "002230", sectors.Bought, 100, 10, "2026-03-02")
	m := sellFromView(t, newTestModel(t, st, "en", 120, 40), "100", "2026-03-02")
	if want := "T+1: 100 of the 100 shares held were bought on 2026-03-02 and sell from the next session"; !strings.Contains(tradeDialog(t, m).Err(), want) {
		t.Errorf("T+1: %q", tradeDialog(t, m).Err())
	}
	st2, _ := newTestStore(t)
	mustTradeForced(t, st2, "002230", sectors.Bought, 4880, 10, "2026-02-26", true)
	m = sellFromView(t, newTestModel(t, st2, "en", 120, 40), "60", "2026-03-02")
	if want := "an odd lot only as the whole odd remainder (60 of 4880 held: the odd 80 goes in one sell)"; !strings.Contains(tradeDialog(t, m).Err(), want) {
		t.Errorf("odd lot: %q", tradeDialog(t, m).Err())
	}
	if _, n := heldOf(t, st2, "002230"); n != 1 {
		t.Errorf("%d trades stored", n)
	}
}

// d in the view asks before it deletes the position's latest trade; the
// view shows the holding without it once the write is in.
func TestDeleteATradeAsksFirst(t *testing.T) {
	st, _ := newTestStore(t)
	mustTrade(t, st, "002230", sectors.Bought, 100, 10, "2026-02-26")
	mustTrade(t, st, "002230", sectors.Bought, 200, 11, "2026-02-27")
	m := openPositions(t, newTestModel(t, st, "en", 120, 40))
	m = press(m, "d")
	if showing(m) != "confirm" || !strings.Contains(m.plainView(), "Delete trade 2: buy SZ002230 200 at 11.00 on 2026-02-27? y/n") {
		t.Fatalf("d does not ask:\n%s", m.plainView())
	}
	m = press(m, "n")
	if _, n := heldOf(t, st, "002230"); n != 2 {
		t.Fatalf("n deleted a trade")
	}
	m = press(m, "d", "y")
	if held, n := heldOf(t, st, "002230"); held != 100 || n != 1 {
		t.Fatalf("after y: held %d in %d trades", held, n)
	}
	if want := "removed 2: buy SZ002230 200 at 11.00 on 2026-02-27"; m.status != want {
		t.Errorf("status %q, want %q", m.status, want)
	}
	m = afterTrade(m)
	if v := m.plainView(); !strings.Contains(v, "1000.00") || strings.Contains(v, "3200.00") {
		t.Errorf("the view does not show the holding without the trade:\n%s", v)
	}
}

// enter opens a position's page: its lots, its trades, its realised P&L;
// d there deletes the trade selected, and one a later sell needs is
// refused as the CLI refuses it.
func TestPositionPage(t *testing.T) {
	st, _ := newTestStore(t)
	mustTrade(t, st, "002230", sectors.Bought, 100, 10, "2026-02-24")
	mustTrade(t, st, "002230", sectors.Sold, 100, 15, "2026-02-25")
	mustTrade(t, st, "002230", sectors.Bought, 200, 12, "2026-02-26")
	m := openPositions(t, newTestModel(t, st, "en", 120, 40))
	m = press(m, "enter")
	v := m.plainView()
	for _, want := range []string{"SZ002230 科大讯飞", "held 200 shares, cost 2400.00 (avg 12.000)", "realised 500.00", "since 2026-02-26", "Lots", "3    2026-02-26  200  2400.00",
		"Trades", "2   2026-02-25  sell  100  15.00", "Distributions"} {
		if want == "Distributions" {
			if strings.Contains(v, want) {
				t.Errorf("a page without distributions lists them:\n%s", v)
			}
			continue
		}
		if !strings.Contains(v, want) {
			t.Errorf("the page lacks %q:\n%s", want, v)
		}
	}
	// the first buy, under the sell: refused, nothing deleted
	m = press(m, "k", "k", "d")
	if !strings.Contains(m.plainView(), "Delete trade 1: buy") {
		t.Fatalf("d on the first trade asks:\n%s", m.plainView())
	}
	m = press(m, "y")
	if !m.statusErr || !strings.Contains(m.status, "holds 0") {
		t.Errorf("deleting the buy a sell needs: %q", m.status)
	}
	if _, n := heldOf(t, st, "002230"); n != 3 {
		t.Errorf("%d trades left", n)
	}
	// esc goes back to the table, a second esc to the list
	m = press(m, "esc")
	if _, ok := m.stack.top().(positions.Model); !ok || topOf[positions.Model](m).Page() != "" {
		t.Errorf("esc on the page does not go back to the table: %T", m.stack.top())
	}
}

// The dialog speaks Chinese in the Chinese UI.
func TestTradeDialogInChinese(t *testing.T) {
	st, _ := newTestStore(t)
	mustTrade(t, st, "002230", sectors.Bought, 100, 10, "2026-02-26")
	m := openPositions(t, newTestModel(t, st, "zh", 120, 40))
	m = press(m, "s")
	v := m.plainView()
	for _, want := range []string{"卖出 SZ002230", "日期", "价格", "数量", "100 股的整数倍；零股一次卖出", "持有 100 股"} {
		if !strings.Contains(v, want) {
			t.Errorf("the Chinese dialog lacks %q:\n%s", want, v)
		}
	}
	m = press(m, "20", "tab", "100", "enter")
	if !strings.HasPrefix(m.status, "2：卖出 SZ002230 100 股，价 20.00，2026-03-02；持有 0 股") {
		t.Errorf("status %q", m.status)
	}
}

// With a quote, the price is the last one and the shares have the cursor:
// a buy at the market is the shares and enter.
func TestBuyDialogTakesTheLastQuote(t *testing.T) {
	st, _ := newTestStore(t)
	m := quoteModel(t, st, tradingNow, &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}, 120, 40)
	m, _ = fetch(m)
	code := selectedNumber(m)
	m = press(m, "B")
	if v := m.plainView(); !strings.Contains(v, "110.00") {
		t.Fatalf("the price is not the last quote:\n%s", v)
	}
	m = press(m, "200", "enter")
	if held, _ := heldOf(t, st, code); held != 200 {
		t.Errorf("held %d; dialog %q", held, topOf[tradedlg.Model](m).Err())
	}
	if !strings.Contains(m.status, "200 at 110.00 on 2026-03-02") {
		t.Errorf("status %q", m.status)
	}
}

// The page lists the distributions that reached the holding and what
// each did to it: 10转4股派5元 on 100 shares is 40 more and 50.00 yuan.
func TestPositionPageShowsDistributions(t *testing.T) {
	st, _ := newTestStore(t)
	code := market.MustParseCode("002230")
	mustTrade(t, st, "002230", sectors.Bought, 100, 100, "2026-02-02")
	h := sectors.PriceHistory{Code: code, Bars: []sectors.DailyBar{{Date: chinaDay("2026-02-02"), Close: 100}, {Date: chinaDay("2026-02-10"), Close: 71}},
		Events: []sectors.ExRights{{ExDate: chinaDay("2026-02-10"), CashPerShare: 0.5, BonusPerShare: 0.4, Text: "10转4股派5元"}}}
	if err := st.SaveHistories(map[string]store.HistoryUpdate{code.Key(): {Fetched: h, Covered: []sectors.DayRange{{From: chinaDay("2026-02-02"), To: chinaDay("2026-02-27")}}}}); err != nil {
		t.Fatal(err)
	}
	m := openPositions(t, newTestModel(t, st, "en", 120, 40))
	m = press(m, "enter")
	v := m.plainView()
	for _, want := range []string{"held 140 shares", "realised 50.00 (dividends 50.00", "Distributions", "2026-02-10  10转4股派5元   100  +40 shares, +50.00 yuan"} {
		if !strings.Contains(v, want) {
			t.Errorf("the page lacks %q:\n%s", want, v)
		}
	}
}
