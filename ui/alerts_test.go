package ui

import (
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"
)

func addAlert(t *testing.T, st *store.Store, code string, kind sectors.AlertKind, v float64) {
	t.Helper()
	a, err := sectors.NewAlert(market.MustParseCode(code), kind, v, time.Time{}, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAlert(a); err != nil {
		t.Fatal(err)
	}
}

// refreshWithAlerts runs one refresh round and the alert check it
// starts, as the program would, running what the check returns (the bell).
func refreshWithAlerts(t *testing.T, m Model) Model {
	t.Helper()
	m, _ = fetch(m)
	for _, j := range m.writes.unsettled() {
		<-j.done
		next, cmd := m.Update(j.res)
		m = next.(Model)
		if cmd != nil {
			cmd()
		}
	}
	return m
}

func alertRow(view, code string) string {
	for _, l := range strings.Split(view, "\n") {
		if len(l) > 2 && strings.HasPrefix(l[2:], code) {
			return l
		}
	}
	return ""
}

func TestAlertFiresInTheTUIWithBadgeStatusAndBell(t *testing.T) {
	st, _ := newTestStore(t)
	addAlert(t, st, "002230", sectors.AlertAbove, 105)
	addAlert(t, st, "600845", sectors.AlertBelow, 50) // 110: does not fire
	bells := 0
	opts := testOptions(t, "en")
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes = &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}
	opts.Bell = func() { bells++ }
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = refreshWithAlerts(t, m)
	v := m.plainView()
	if row := alertRow(v, "002230"); !strings.HasPrefix(row, ">!") && !strings.HasPrefix(row, "! ") {
		t.Errorf("no badge on the row: %q", row)
	}
	if row := alertRow(v, "600845"); strings.Contains(row[:2], "!") {
		t.Errorf("badge without a fired alert: %q", row)
	}
	if !strings.Contains(v, "alert: SZ002230") || !strings.Contains(v, "above 105.00 @ 110.00") {
		t.Errorf("status line:\n%s", v)
	}
	if bells != 1 {
		t.Errorf("%d bells", bells)
	}
	// marked in the store: the next refresh (or a cron check) fires nothing
	list, _ := st.Alerts()
	if list[0].State(tradingNow) != sectors.AlertFired || list[0].FiredPrice != 110 {
		t.Errorf("stored %+v", list[0])
	}
	m = refreshWithAlerts(t, m)
	if bells != 1 {
		t.Error("the same crossing rang again")
	}
	if row := alertRow(m.plainView(), "002230"); row == "" || !strings.Contains(row[:2], "!") {
		t.Errorf("badge gone: %q", row)
	}
}

func TestNoAlertOnAPreOpenQuoteInTheTUI(t *testing.T) {
	st, _ := newTestStore(t)
	addAlert(t, st, "002230", sectors.AlertAbove, 105)
	preOpen := time.Date(2026, 3, 2, 1, 20, 0, 0, time.UTC) // 09:20 in China
	bells := 0
	opts := testOptions(t, "en")
	opts.Now = func() time.Time { return preOpen }
	opts.Quotes = &fakeQuotes{at: preOpen}
	opts.Bell = func() { bells++ }
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = refreshWithAlerts(t, m)
	if bells != 0 || strings.Contains(m.plainView(), "alert:") {
		t.Errorf("fired before the open: %d bells\n%s", bells, m.plainView())
	}
	if list, _ := st.Alerts(); list[0].State(preOpen) != sectors.AlertArmed {
		t.Errorf("stored %+v", list[0])
	}
}

// A since-call alert is judged in the TUI as by alert check; without the
// price history since the call it is not, and the detail pane says why.
func TestDetailPaneSaysWhyAnAlertIsNotJudged(t *testing.T) {
	for lang, want := range map[string]string{"en": "armed (not judged: no call or price history)", "zh": "待触发 (未判断：无评级或历史价格)"} {
		st, _ := newTestStore(t)
		opts := testOptions(t, lang)
		opts.Now = func() time.Time { return tradingNow }
		opts.Quotes = &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}
		m, err := New(st, opts)
		if err != nil {
			t.Fatal(err)
		}
		m = update(m, tea.WindowSizeMsg{Width: 220, Height: 40})
		tk, _ := m.selected()
		addAlert(t, st, tk.Code.Key(), sectors.AlertSinceCall, 20)
		m.al.list, _ = st.Alerts()
		m = refreshWithAlerts(t, m)
		m = press(m, "enter")
		if v := m.plainView(); !strings.Contains(v, want) {
			t.Errorf("%s: the pane does not say why:\n%s", lang, v)
		}
	}
}

func TestSetAndCancelAlertsFromTheDetailPane(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	m = press(m, "enter", "!")
	if !strings.Contains(m.plainView(), "alert "+tk.Code.Key()+":") {
		t.Fatalf("! does not open the alert line:\n%s", m.plainView())
	}
	// a bad one stays open and says why; nothing is stored
	m = press(m, "above -3", "enter")
	if !strings.Contains(m.plainView(), "not a price") {
		t.Errorf("no reason shown:\n%s", m.plainView())
	}
	if list, _ := st.Alerts(); len(list) != 0 {
		t.Fatalf("stored %+v", list)
	}
	for range "above -3" {
		m = press(m, "backspace")
	}
	m = press(m, "above 1700 until 2026-12-31", "enter")
	list, _ := st.Alerts()
	if len(list) != 1 || list[0].Code != tk.Code || list[0].Kind != sectors.AlertAbove || list[0].Value != 1700 || market.ChinaDate(list[0].Expires) != "2026-12-31" {
		t.Fatalf("stored %+v", list)
	}
	v := m.plainView()
	if !strings.Contains(v, "Alerts") || !strings.Contains(v, "1 above 1700.00  armed") || showing(m) != "detail" {
		t.Errorf("detail pane (%s):\n%s", showing(m), v)
	}
	m = press(m, "!", "limit", "enter", "c")
	if showing(m) != "confirm" || !strings.Contains(m.plainView(), "Cancel the 2 alert(s)") {
		t.Fatalf("c does not ask:\n%s", m.plainView())
	}
	m = press(m, "y")
	if list, _ := st.Alerts(); len(list) != 0 {
		t.Errorf("left %+v", list)
	}
	if strings.Contains(m.plainView(), "1 above 1700.00") {
		t.Error("cancelled alerts still listed")
	}
}

// The check a refresh starts is queued on the writer, never run inside
// Update: with the writer busy, Update has returned and the alert is
// still armed; the check runs when the writer is free.
func TestAlertCheckRunsOffUpdate(t *testing.T) {
	st, _ := newTestStore(t)
	addAlert(t, st, "002230", sectors.AlertAbove, 105)
	opts := testOptions(t, "en")
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes = &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	release := make(chan struct{})
	m.writes.start(func(*store.Store) (market.Code, string, error) { <-release; return market.Code{}, "", nil }, nil, nil)
	next, _ := m.Update(m.qs.fetchCmd(partCtxOf(&m))())
	m = next.(Model)
	if list, _ := st.Alerts(); list[0].State(tradingNow) != sectors.AlertArmed {
		t.Error("the alert was checked inside Update")
	}
	if n := m.writes.pending(); n != 3 {
		t.Errorf("%d writes pending, want the busy one, the quotes kept and the check", n)
	}
	close(release)
	m = settle(m)
	if list, _ := st.Alerts(); list[0].State(tradingNow) != sectors.AlertFired || !strings.Contains(m.plainView(), "alert: SZ002230") {
		t.Errorf("the check did not run once the writer was free: %+v", list)
	}
}
