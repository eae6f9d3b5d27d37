package ui

import (
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/store"

	"zixuan/ui/views/positions"
)

// addTrades stores buys of qty at price, on 2026-02-02, through the store.
func addTrades(t testing.TB, st *store.Store, buys ...any) {
	t.Helper()
	day := time.Date(2026, 2, 2, 0, 0, 0, 0, market.China)
	for i := 0; i+2 < len(buys)+1; i += 3 {
		tr := sectors.Trade{Code: market.MustParseCode(buys[i].(string)), Side: sectors.Bought,
			Qty: int64(buys[i+1].(int)), Price: buys[i+2].(float64), Date: day}
		if _, err := st.AddTrade(tr); err != nil {
			t.Fatal(err)
		}
	}
}

// loadPositions runs the load Init starts, as the program would.
func loadPositions(t testing.TB, m Model) Model {
	t.Helper()
	cmd := m.ps.cmdAt(m.st)
	if cmd == nil {
		t.Fatal("no positions load")
	}
	return update(m, cmd())
}

// posModel is a model in lang at w x h with quotes from p fetched at
// tradingNow and the positions loaded.
func posModel(t testing.TB, st *store.Store, lang string, w, h int, p quote.Provider) Model {
	t.Helper()
	opts := testOptions(t, lang)
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes = p
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = fetch(m)
	return loadPositions(t, m)
}

func header(v string) string { return strings.Split(v, "\n")[2] }

func statusLine(v string) string {
	lines := strings.Split(v, "\n")
	return lines[len(lines)-2]
}

func TestPositionColumnsOffline(t *testing.T) {
	st, _ := newTestStore(t)
	addTrades(t, st, "688111", 200, 250.0)
	m := newTestModel(t, st, "en", 80, 24)
	if strings.Contains(header(m.plainView()), "Qty") {
		t.Fatalf("position columns before the positions are loaded:\n%s", m.plainView())
	}
	m = loadPositions(t, m)
	v := m.plainView()
	h := header(v)
	if !strings.Contains(h, "Qty") || !strings.Contains(h, "Avg cost") || strings.Contains(h, "P&L") {
		t.Errorf("offline header %q: want qty and cost, no P&L", h)
	}
	row := rowOf(t, v, "688111")
	if !strings.Contains(row, "200") || !strings.Contains(row, "250.000") {
		t.Errorf("held row %q", row)
	}
	if other := rowOf(t, v, "002230"); strings.Contains(other, "250.000") || strings.Contains(other, " 200 ") {
		t.Errorf("a ticker not held shows a position: %q", other)
	}
	if s := statusLine(v); !strings.Contains(s, "held: cost 50000.00") || strings.Contains(s, "P&L") {
		t.Errorf("offline totals %q", s)
	}
	checkFrame(t, v, 80, 24)
}

func TestPositionColumnsPnLAndTotals(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		st, _ := newTestStore(t)
		addTrades(t, st, "002230", 100, 100.0, "603019", 200, 120.0)
		m := posModel(t, st, lang, 80, 24, &fakeQuotes{at: tradingNow.Add(-5 * time.Second)})
		v := m.plainView()
		// last 110 over a cost of 100 and of 120 a share
		if row := rowOf(t, v, "002230"); !strings.Contains(row, "+1000.00") || !strings.Contains(row, "+10.00%") {
			t.Errorf("%s: 002230 row %q", lang, row)
		}
		all := map[string]string{"en": "held: cost 34000.00  value 33000.00  P&L -1000.00 -2.94%",
			"zh": "持仓：成本 34000.00  市值 33000.00  盈亏 -1000.00 -2.94%"}[lang]
		if s := statusLine(v); !strings.Contains(s, all) {
			t.Errorf("%s: All tab totals %q, want %q", lang, s, all)
		}
		// the AI applications tab: 002230 alone
		m = press(m, "tab")
		v = m.plainView()
		ai := map[string]string{"en": "held: cost 10000.00  value 11000.00  P&L +1000.00 +10.00%",
			"zh": "持仓：成本 10000.00  市值 11000.00  盈亏 +1000.00 +10.00%"}[lang]
		if s := statusLine(v); !strings.Contains(s, ai) {
			t.Errorf("%s: sector totals %q, want %q", lang, s, ai)
		}
		if strings.Contains(v, "603019") {
			t.Errorf("%s: the Compute ticker on the AI tab", lang)
		}
		// the Compute tab: 603019 alone, at a loss
		m = press(m, "tab")
		v = m.plainView()
		if row := rowOf(t, v, "603019"); !strings.Contains(row, "-2000.00") || !strings.Contains(row, "-8.33%") {
			t.Errorf("%s: 603019 row %q", lang, row)
		}
		if s := statusLine(v); !strings.Contains(s, "-2000.00 -8.33%") {
			t.Errorf("%s: Compute totals %q", lang, s)
		}
		// a message of an action has the status line; the next key brings the totals back
		m = press(m, "R")
		if s := statusLine(m.plainView()); strings.Contains(s, "-8.33%") || !strings.Contains(s, m.t.Watch.Refreshing) {
			t.Errorf("%s: the totals hide the refresh message: %q", lang, s)
		}
		m = press(m, "j")
		if s := statusLine(m.plainView()); !strings.Contains(s, "-8.33%") {
			t.Errorf("%s: no totals after the message: %q", lang, s)
		}
	}
}

func TestPositionColumnsColourBySign(t *testing.T) {
	st, _ := newTestStore(t)
	addTrades(t, st, "002230", 100, 100.0, "603019", 200, 120.0)
	m := quoteModel(t, st, tradingNow, &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}, 80, 24)
	m, _ = fetch(m)
	m = loadPositions(t, m)
	c := layoutColumnsOf(&m, 80)
	var pnl *columnDef
	for _, p := range c.cols {
		if p.def.ID == "pnl" {
			pnl = p.def
		}
	}
	if pnl == nil {
		t.Fatalf("no P&L column at 80: %v", c.cols)
	}
	in := m.newFrame().listIn
	up, down := in.cellCtx(m.data.indexOf(market.MustParseCode("002230"))), in.cellCtx(m.data.indexOf(market.MustParseCode("603019")))
	for _, western := range []bool{false, true} {
		m.opts.Western = western
		if got, want := pnl.Style(up, &m.styles, partCtxOf(&m).upDown).GetForeground(), partCtxOf(&m).upDown(1).GetForeground(); got != want {
			t.Errorf("western %v: a gain is drawn %v, a rise %v", western, got, want)
		}
		if got, want := pnl.Style(down, &m.styles, partCtxOf(&m).upDown).GetForeground(), partCtxOf(&m).upDown(-1).GetForeground(); got != want {
			t.Errorf("western %v: a loss is drawn %v, a fall %v", western, got, want)
		}
	}
	if partCtxOf(&m).upDown(1).GetForeground() == partCtxOf(&m).upDown(-1).GetForeground() && !m.plain {
		t.Error("rise and fall look the same")
	}
}

// No P&L from a quote that is not a trade, nor from a stale one: the
// cells say "-" and the totals give the cost only.
func TestPositionPnLNeedsATrade(t *testing.T) {
	st, _ := newTestStore(t)
	addTrades(t, st, "688111", 200, 100.0, "688088", 200, 100.0)
	m := quoteModel(t, st, tradingNow, &stateQuotes{fakeQuotes{at: tradingNow}}, 80, 24)
	m, _ = fetch(m)
	m = loadPositions(t, m)
	v := m.plainView()
	for _, code := range []string{"688111", "688088"} { // pre-open, halted
		row := rowOf(t, v, code)
		if strings.Contains(row, "+2000.00") || strings.Contains(row, "+10.00%") {
			t.Errorf("%s: P&L from a quote that is no trade: %q", code, row)
		}
	}
	if s := statusLine(v); !strings.Contains(s, "held: cost 40000.00") || strings.Contains(s, "P&L") {
		t.Errorf("totals from quotes that are no trade: %q", s)
	}
	// the positions view follows the same rule
	m = press(m, "P")
	m = update(m, positions.LoadedMsg{List: m.ps.list})
	if pv := m.plainView(); strings.Contains(pv, "+2000.00") {
		t.Errorf("the positions view prices a pre-open or halted quote:\n%s", pv)
	}

	st2, _ := newTestStore(t)
	addTrades(t, st2, "002230", 100, 100.0)
	stale := quoteModel(t, st2, tradingNow, &fakeQuotes{at: tradingNow.Add(-10 * time.Minute)}, 80, 24)
	stale, _ = fetch(stale)
	stale = loadPositions(t, stale)
	v = stale.plainView()
	if row := rowOf(t, v, "002230"); strings.Contains(row, "+1000.00") || !strings.Contains(row, "~110.00") {
		t.Errorf("P&L from a stale quote: %q", row)
	}
	if s := statusLine(v); strings.Contains(s, "P&L") {
		t.Errorf("totals from a stale quote: %q", s)
	}
}

// Some holdings priced, one not: the value counts it at cost and the
// line says how many were priced.
func TestPositionTotalsPartlyPriced(t *testing.T) {
	st, _ := newTestStore(t)
	addTrades(t, st, "300634", 100, 100.0, "688111", 200, 100.0) // a trade at 110; pre-open
	m := posModel(t, st, "en", 120, 40, &stateQuotes{fakeQuotes{at: tradingNow}})
	want := "held: cost 30000.00  value 31000.00  P&L +1000.00 +10.00%  1 of 2 priced"
	if s := statusLine(m.plainView()); !strings.Contains(s, want) {
		t.Errorf("partly priced totals %q, want %q", s, want)
	}
}

// The columns appear only while a ticker shown holds shares: with no
// trade, or on a tab where nothing is held, the list is drawn exactly as
// without positions.
func TestNoPositionLooksAsBefore(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 15}, {50, 12}} {
		w, h := size[0], size[1]
		st, _ := newTestStore(t)
		before := newTestModel(t, st, "en", w, h)
		after := loadPositions(t, newTestModel(t, st, "en", w, h))
		if before.plainView() != after.plainView() {
			t.Errorf("%dx%d: no trade, yet the list changed:\n%s\nwas\n%s", w, h, after.plainView(), before.plainView())
		}
		addTrades(t, st, "603019", 200, 120.0) // Compute
		held := loadPositions(t, newTestModel(t, st, "en", w, h))
		before, held = press(before, "tab"), press(held, "tab") // AI applications: nothing held
		if before.plainView() != held.plainView() {
			t.Errorf("%dx%d: a tab with nothing held changed:\n%s\nwas\n%s", w, h, held.plainView(), before.plainView())
		}
	}
}

// The positions load at start (Init), and again when another process
// stores a trade (the generation poll and the reload it starts).
func TestPositionsLoadAtStartAndReload(t *testing.T) {
	st, path := newTestStore(t)
	addTrades(t, st, "002230", 100, 100.0)
	m := newTestModel(t, st, "en", 80, 24)
	init := m.Init()
	if init == nil {
		t.Fatal("Init starts nothing")
	}
	cmds := []tea.Cmd{init}
	if b, ok := init().(tea.BatchMsg); ok {
		cmds = b
	}
	for _, c := range cmds {
		if c == nil {
			continue
		}
		if pm, ok := c().(posListMsg); ok {
			m = update(m, pm)
		}
	}
	if row := rowOf(t, m.plainView(), "002230"); !strings.Contains(row, "100.000") {
		t.Fatalf("the positions are not loaded at start: %q", row)
	}
	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	addTrades(t, other, "603019", 200, 120.0)
	m = run(m, m.sync.checkGen())
	if row := rowOf(t, m.plainView(), "603019"); !strings.Contains(row, "120.000") {
		t.Errorf("a trade stored by another process does not show: %q", row)
	}
	if s := statusLine(m.plainView()); !strings.Contains(s, "held: cost 34000.00") {
		t.Errorf("totals after the reload %q", s)
	}
	// an older load coming back late is dropped
	late := posListMsg{seq: m.ps.seq - 1, gen: 1}
	m = update(m, late)
	if len(m.ps.list) != 2 {
		t.Errorf("a superseded load replaced the positions: %d held", len(m.ps.list))
	}
	// a write of ours (a note) patches the data: no reload, the positions stay
	m = press(m, "n", "a note", "ctrl+s")
	gen, _ := st.Generation()
	if _, cmd := m.Update(genMsg{gen: gen}); cmd != nil {
		t.Error("the poll after our own note reloads")
	}
	if len(m.ps.list) != 2 {
		t.Errorf("our own note dropped the positions: %d held", len(m.ps.list))
	}
}

// At every size the screen keeps its frame, with positions and quotes,
// in both languages; the totals are shortened or left out, never wrapped.
func TestPositionLayoutAtEverySize(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 15}, {50, 12}} {
			w, h := size[0], size[1]
			st, _ := newTestStore(t)
			addTrades(t, st, "002230", 100, 100.0, "603019", 200, 120.0, "688111", 200, 250.0)
			m := posModel(t, st, lang, w, h, &fakeQuotes{at: tradingNow})
			for _, keys := range [][]string{nil, {"tab"}, {"tab", "tab"}} {
				m2 := press(m, keys...)
				v := m2.plainView()
				checkFrame(t, v, w, h)
				pnl := map[string]string{"en": "P&L", "zh": "盈亏"}[lang]
				if s := statusLine(v); !strings.Contains(s, pnl) && len(m2.view.rows) > 0 && m2.ps.shown(m2.view.rows, m2.data.tickers) {
					t.Errorf("%s %dx%d %v: no P&L in the status line %q", lang, w, h, keys, s)
				}
			}
		}
	}
}

func TestMoney(t *testing.T) {
	for _, c := range []struct {
		v      float64
		zh     bool
		signed bool
		want   string
	}{
		{1000, false, true, "+1000.00"}, {-2000.5, false, true, "-2000.50"}, {0, false, true, "0.00"},
		{50000, false, false, "50000.00"}, {-1234567, false, true, "-1.23M"}, {23456789, true, false, "2345.68万"},
	} {
		if got := money(c.v, c.zh, c.signed); got != c.want {
			t.Errorf("money(%v, %v, %v) = %q, want %q", c.v, c.zh, c.signed, got, c.want)
		}
	}
}

// withHoldings stores three buys, turns quotes on (every code at 110,
// stamped at the fixed clock) and loads the positions, before the
// program starts.
func withHoldings(t *testing.T, quotes bool) func(m *Model) {
	return func(m *Model) {
		addTrades(t, m.st, "688111", 200, 250.0, "002230", 100, 100.0, "603019", 200, 120.0)
		if quotes {
			m.opts.Quotes = &fakeQuotes{at: fixedNow}
			next, _ := fetch(*m)
			*m = next
		}
		*m = loadPositions(t, *m)
		m.selectKey("SH688111")
	}
}

func TestGoldenPositions(t *testing.T)          { golden(t, "en", 120, 40, withHoldings(t, true)) }
func TestGoldenPositions80(t *testing.T)        { golden(t, "en", 80, 24, withHoldings(t, true)) }
func TestGoldenPositionsOffline80(t *testing.T) { golden(t, "en", 80, 24, withHoldings(t, false)) }
func TestGoldenPositionsZH(t *testing.T)        { golden(t, "zh", 120, 40, withHoldings(t, true)) }
