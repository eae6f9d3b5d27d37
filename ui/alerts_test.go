package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"zixuan/sectors"
	"zixuan/store"
)

func addAlert(t *testing.T, st *store.Store, code string, kind sectors.AlertKind, v float64) {
	t.Helper()
	a, err := sectors.NewAlert(sectors.MustParseCode(code), kind, v, time.Time{}, fixedNow)
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
	v := m.View()
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
	if row := alertRow(m.View(), "002230"); row == "" || !strings.Contains(row[:2], "!") {
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
	if bells != 0 || strings.Contains(m.View(), "alert:") {
		t.Errorf("fired before the open: %d bells\n%s", bells, m.View())
	}
	if list, _ := st.Alerts(); list[0].State(preOpen) != sectors.AlertArmed {
		t.Errorf("stored %+v", list[0])
	}
}
