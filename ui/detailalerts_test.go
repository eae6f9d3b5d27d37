package ui

import (
	"strings"
	"testing"

	"zixuan/sectors"
	"zixuan/store"
)

// In the focused detail pane k up from the first note selects the
// ticker's alert lines, the last first; there e, d, R and space act on
// the alert selected through the alerts part and the store, as the
// alerts view's keys do, while r stays the rating and j goes back to the
// notes, where e and d are the note's again.
func TestDetailPaneAlertCursor(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	code := tk.Code.Number
	if _, err := st.AddNote(tk.Code, "first note"); err != nil {
		t.Fatal(err)
	}
	addAlert(t, st, code, sectors.AlertAbove, 105)
	addAlert(t, st, code, sectors.AlertBelow, 80)
	m = newTestModel(t, st, "en", 120, 40)
	m = press(m, "enter", "k")
	v := m.plainView()
	if !strings.Contains(v, "> 2 below 80.00") || !strings.Contains(v, "  1 above 105.00") || strings.Contains(v, "> 20") {
		t.Fatalf("k from the first note does not select the last alert line:\n%s", v)
	}
	if !strings.Contains(v, "R re-arm alert") {
		t.Errorf("the footer does not give the alert line's keys:\n%s", v)
	}
	m = press(m, "k", "k")
	if v := m.plainView(); !strings.Contains(v, "> 1 above 105.00") {
		t.Fatalf("k does not move up the alert lines, or leaves the first:\n%s", v)
	}

	// space switches it off and on, in the store
	m = press(m, "space")
	if l := storedAlerts(t, st); !l[0].Disabled || l[1].Disabled {
		t.Fatalf("space did not switch alert 1 off alone: %+v", l)
	}
	if v := m.plainView(); !strings.Contains(v, "Alert 1 switched off.") || !strings.Contains(v, "> 1 above 105.00  off") {
		t.Errorf("view:\n%s", v)
	}
	m = press(m, "space")
	if l := storedAlerts(t, st); l[0].Disabled {
		t.Fatalf("space did not switch it on: %+v", l[0])
	}

	// e edits the alert selected in the alert line, with its rule
	m = press(m, "e")
	if v := m.plainView(); !strings.Contains(v, "above 105") || showing(m) == "editor" {
		t.Fatalf("e does not open the alert line on alert 1 (%s):\n%s", showing(m), v)
	}
	for range "above 105" {
		m = press(m, "backspace")
	}
	m = press(m, "above 120", "enter")
	if l := storedAlerts(t, st); l[0].Value != 120 || l[0].Kind != sectors.AlertAbove {
		t.Fatalf("edited %+v", l[0])
	}

	// R re-arms a fired alert; r is still the rating
	fireAll(t, st, 130)
	m.al.list = storedAlerts(t, st)
	m = press(m, "R")
	if l := storedAlerts(t, st); !l[0].Armed || !strings.Contains(m.plainView(), "Alert 1 re-armed") {
		t.Errorf("R: %+v\n%s", l[0], m.plainView())
	}
	m = press(m, "r")
	if showing(m) != "picker" {
		t.Fatalf("r on an alert line shows %s, not the rating picker", showing(m))
	}
	m = press(m, "esc")

	// d asks, and deletes the alert selected only on yes
	m = press(m, "d")
	if !strings.Contains(m.plainView(), "Delete alert 1 (SZ"+code) {
		t.Fatalf("d does not ask about alert 1:\n%s", m.plainView())
	}
	m = press(m, "n")
	m = press(m, "d", "y")
	if l := storedAlerts(t, st); len(l) != 1 || l[0].ID != 2 {
		t.Fatalf("stored %+v", l)
	}
	snap, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range snap.Tickers {
		if s.Code == tk.Code && len(s.LiveNotes()) != 1 {
			t.Fatalf("the note went with the alert: %d left", len(s.LiveNotes()))
		}
	}
	// the cursor left the deleted line: e and d are the note's again
	if v := m.plainView(); strings.Contains(v, "> 2 below") || !strings.Contains(v, "> 20") {
		t.Errorf("after the delete the note is not selected:\n%s", v)
	}
	m = press(m, "k", "j")
	if v := m.plainView(); strings.Contains(v, "> 2 below") || !strings.Contains(v, "> 20") {
		t.Errorf("j from the last alert line does not go back to the notes:\n%s", v)
	}
	m = press(m, "e")
	if showing(m) != "editor" {
		t.Errorf("e on the note opens %s", showing(m))
	}
}

// Without notes, k at the top of the pane selects the alert lines too;
// space on the notes stays a page down.
func TestDetailPaneAlertCursorWithoutNotes(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "zh", 80, 24)
	tk, _ := m.selected()
	addAlert(t, st, tk.Code.Number, sectors.AlertAbove, 105)
	m = newTestModel(t, st, "zh", 80, 24)
	m = press(m, "enter", "space")
	if l := storedAlerts(t, st); l[0].Disabled {
		t.Fatal("space on the notes switched an alert")
	}
	m = press(m, "pgup", "k")
	if v := m.plainView(); !strings.Contains(v, "> 1 above 105.00") {
		t.Fatalf("k does not select the alert line:\n%s", v)
	}
	m = press(m, "space")
	if l := storedAlerts(t, st); !l[0].Disabled {
		t.Errorf("space on the alert line did not switch it off")
	}
}

// fireAll marks every stored alert fired at last.
func fireAll(t *testing.T, st *store.Store, last float64) {
	t.Helper()
	if _, err := st.ObserveAlerts(func(a *sectors.Alert) (bool, bool) {
		f := sectors.AlertFiring{At: fixedNow, Price: last}
		a.FiredAt, a.FiredPrice, a.Firings, a.Armed = f.At, f.Price, append(a.Firings, f), false
		return true, true
	}); err != nil {
		t.Fatal(err)
	}
}

// Spaces typed faster than the writes each switch the alert once more,
// in order: three leave it off.
func TestDetailPaneAlertKeysInABurst(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	addAlert(t, st, tk.Code.Number, sectors.AlertAbove, 105)
	m = newTestModel(t, st, "en", 120, 40)
	m = press(m, "enter", "k")
	for range 3 {
		next, _ := m.Update(keyMsg("space")) // no write waited for in between
		m = next.(Model)
	}
	m = settle(m)
	if l := storedAlerts(t, st); !l[0].Disabled {
		t.Errorf("three spaces left alert 1 on: %+v", l[0])
	}
	if !strings.Contains(m.plainView(), "> 1 above 105.00  off") {
		t.Errorf("view:\n%s", m.plainView())
	}
}
