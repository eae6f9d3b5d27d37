package ui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"testing"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
)

// T opens the day's summary of the tab: every quote is +10 % (a
// main-board limit up, not a STAR or ChiNext one), 100 + 200 shares held
// make 3000 on the day; the keys scroll it and esc closes it.
func TestTodayViewOfTheTab(t *testing.T) {
	st := storeHolding(t)
	open := func(m Model) Model { return openView(t, m, "T") }
	m := quoteModel(t, st, tradingNow, &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}, 120, 40)
	m, _ = fetch(m)
	m = open(m)
	top := m.plainView()
	v := top
	for range 3 {
		m = press(m, "pgdown")
		v += m.plainView()
	}
	for _, want := range []string{"Today · Mon 2026-03-02", "All: ", "Gainers", "+10.00%", "Limit up 涨停", "SZ002230",
		"Positions' day P&L", "+1000.00", "+2000.00", "+3000.00", "Buy calls without a note for 30+ days"} {
		if !strings.Contains(v, want) {
			t.Errorf("summary lacks %q:\n%s", want, v)
		}
	}
	if limits := v[strings.Index(v, "Limit up"):strings.Index(v, "Limit down")]; strings.Contains(limits, "SH688") || strings.Contains(limits, "SZ300") {
		t.Errorf("a 20 %% board at +10 %% is no limit up:\n%s", limits)
	}
	// the view scrolls by keys, never past its end, and esc closes it
	bottom := m.plainView()
	if bottom == top || !strings.Contains(bottom, "+3000.00") {
		t.Errorf("pgdown does not reach the end:\n%s", bottom)
	}
	if m = press(m, "pgdown", "j"); m.plainView() != bottom {
		t.Errorf("scrolled past the end:\n%s", m.plainView())
	}
	m = press(m, "k", "pgup", "pgup", "pgup", "pgup")
	if m.plainView() != top {
		t.Errorf("pgup does not come back to the top:\n%s", m.plainView())
	}
	m = press(m, "esc")
	if strings.Contains(m.plainView(), "Gainers") {
		t.Error("esc does not close the view")
	}

	// on a sector's tab the movers are that sector's
	m = press(m, "tab")
	m = open(m)
	v = m.plainView()
	if strings.Contains(v, "All: ") || !strings.Contains(v, "AI applications: 6 tickers") {
		t.Errorf("not the tab's summary:\n%s", v)
	}
}

// Offline, in Chinese, on a Saturday: the last session's summary, said so,
// without movers, with the positions unpriced.
func TestTodayViewOfflineZH(t *testing.T) {
	st, _ := newTestStore(t)
	if _, err := st.AddTrade(sectors.Trade{Code: market.MustParseCode("002230"), Side: sectors.Bought, Qty: 100, Price: 100,
		Date: time.Date(2026, 2, 2, 0, 0, 0, 0, market.China)}); err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t, "zh")
	saturday := time.Date(2026, 3, 7, 10, 0, 0, 0, market.China)
	opts.Now = func() time.Time { return saturday }
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, cmd := pressCmd(m, "T")
	m = update(m, cmd())
	v := m.plainView()
	m = press(m, "pgdown", "pgdown")
	v += m.plainView()
	for _, want := range []string{"今日 · 周五 2026-03-06", "周六 2026-03-07：休市（周末）", "无行情", "持仓当日盈亏", "SZ002230", "0/1 有行情"} {
		if !strings.Contains(v, want) {
			t.Errorf("summary lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "涨幅") {
		t.Errorf("movers offline:\n%s", v)
	}
}

// steppedQuotes answers as fakeQuotes at a last of its own over the
// previous close of 100.
type steppedQuotes struct {
	fakeQuotes
	last float64
}

func (f *steppedQuotes) Quotes(ctx context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	out, err := f.fakeQuotes.Quotes(ctx, codes)
	for k, q := range out {
		q.Last, q.Change, q.ChangePct = f.last, f.last-100, f.last-100
		out[k] = q
	}
	return out, err
}

// The open view follows the quotes: a refresh that brings new ones makes
// the summary again (the day's P&L moves with them); the quiet calls'
// days are the config's.
func TestTodayViewRefreshesWithTheQuotes(t *testing.T) {
	st, _ := newTestStore(t)
	if _, err := st.AddTrade(sectors.Trade{Code: market.MustParseCode("002230"), Side: sectors.Bought, Qty: 100, Price: 100,
		Date: time.Date(2026, 2, 2, 0, 0, 0, 0, market.China)}); err != nil {
		t.Fatal(err)
	}
	p := &steppedQuotes{fakeQuotes: fakeQuotes{at: tradingNow.Add(-5 * time.Second)}, last: 110}
	opts := testOptions(t, "en")
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes, opts.TodayStaleDays, opts.Refresh = p, 600, -1 // no timer: the test runs every command
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 60})
	m, cmd := fetch(m)
	m = run(m, cmd)
	m, cmd = pressCmd(m, "T")
	m = run(m, cmd)
	v := m.plainView()
	for _, want := range []string{"SZ002230", "+1000.00", "Buy calls without a note for 600+ days", "SH688"} {
		if !strings.Contains(v, want) {
			t.Fatalf("summary lacks %q:\n%s", want, v)
		}
	}
	p.last = 105
	m, cmd = fetch(m)
	m = run(m, cmd)
	if v := m.plainView(); !strings.Contains(v, "+500.00") || strings.Contains(v, "+1000.00") || !strings.Contains(v, "+5.00%") {
		t.Errorf("the summary does not follow the quotes (105 over 100, 100 shares):\n%s", v)
	}
}

// What another process stores (a trade from the shell) comes into the
// open summary with the reload it causes.
func TestTodayViewFollowsOtherProcesses(t *testing.T) {
	st, path := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 60)
	m, cmd := pressCmd(m, "T")
	m = run(m, cmd)
	if v := m.plainView(); !strings.Contains(v, "Positions' day P&L") || strings.Contains(v, "SH600519") {
		t.Fatalf("before:\n%s", v)
	}
	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.AddTrade(sectors.Trade{Code: market.MustParseCode("600519"), Side: sectors.Bought, Qty: 200, Price: 120,
		Date: time.Date(2026, 2, 2, 0, 0, 0, 0, market.China)}); err != nil {
		t.Fatal(err)
	}
	m = run(m, m.sync.checkGen())
	if v := m.plainView(); !strings.Contains(v, "SH600519") {
		t.Errorf("a trade stored by another process is not in the summary:\n%s", v)
	}
}
