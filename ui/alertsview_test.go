package ui

import (
	"strings"
	"testing"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
)

// alertsOpen opens the alerts view over st's alerts, in lang at w x h.
func alertsOpen(t *testing.T, st *store.Store, lang string, w, h int) Model {
	t.Helper()
	m := newTestModel(t, st, lang, w, h)
	return press(m, "A")
}

func storedAlerts(t *testing.T, st *store.Store) []sectors.Alert {
	t.Helper()
	list, err := st.Alerts()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestAlertsViewListsEveryAlertWithItsState(t *testing.T) {
	st, _ := newTestStore(t)
	addAlert(t, st, "002230", sectors.AlertAbove, 105)
	addAlert(t, st, "600845", sectors.AlertBelow, 50)
	if _, err := st.EnableAlert(2, false); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][]string{
		"en": {"Alerts", "SZ002230", "above 105.00", "armed", "SH600845", "below 50.00", "off"},
		"zh": {"预警", "SZ002230", "待触发", "已停用"},
	} {
		v := alertsOpen(t, st, lang, 120, 40).plainView()
		for _, w := range want {
			if !strings.Contains(v, w) {
				t.Errorf("%s: no %q in\n%s", lang, w, v)
			}
		}
	}
}

func TestAlertsViewAddsForTheSelectedTickerOrACodeTyped(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	m = press(m, "A", "a")
	if !strings.Contains(m.plainView(), "alert "+tk.Code.Key()+":") {
		t.Fatalf("a does not open the alert line on the selected ticker:\n%s", m.plainView())
	}
	m = press(m, "above 1700", "enter")
	list := storedAlerts(t, st)
	if len(list) != 1 || list[0].Code != tk.Code || list[0].Value != 1700 {
		t.Fatalf("stored %+v", list)
	}
	// a code typed first chooses the ticker
	m = press(m, "a", "600845 below 50", "enter")
	list = storedAlerts(t, st)
	if len(list) != 2 || list[1].Code != market.MustParseCode("600845") || list[1].Kind != sectors.AlertBelow {
		t.Fatalf("stored %+v", list)
	}
	if v := m.plainView(); !strings.Contains(v, "SH600845") || !strings.Contains(v, "below 50.00") {
		t.Errorf("the view does not show the new alert:\n%s", v)
	}
}

func TestAlertsViewEditsTheAlertSelected(t *testing.T) {
	st, _ := newTestStore(t)
	addAlert(t, st, "002230", sectors.AlertAbove, 105)
	m := alertsOpen(t, st, "en", 120, 40)
	m = press(m, "e")
	if !strings.Contains(m.plainView(), "above 105") {
		t.Fatalf("e does not open the line with the rule:\n%s", m.plainView())
	}
	for range "above 105" {
		m = press(m, "backspace")
	}
	m = press(m, "below 90", "enter")
	list := storedAlerts(t, st)
	if len(list) != 1 || list[0].ID != 1 || list[0].Kind != sectors.AlertBelow || list[0].Value != 90 {
		t.Fatalf("stored %+v", list)
	}
	if v := m.plainView(); !strings.Contains(v, "Alert 1 is now: SZ002230 below 90.00") {
		t.Errorf("status:\n%s", v)
	}
}

func TestAlertsViewDeletesOneAlertOnceAsked(t *testing.T) {
	st, _ := newTestStore(t)
	addAlert(t, st, "002230", sectors.AlertAbove, 105)
	addAlert(t, st, "002230", sectors.AlertBelow, 80)
	m := alertsOpen(t, st, "en", 120, 40)
	m = press(m, "j", "d")
	if !strings.Contains(m.plainView(), "Delete alert 2 (SZ002230 below 80.00)? y/n") {
		t.Fatalf("d does not ask:\n%s", m.plainView())
	}
	m = press(m, "n")
	if len(storedAlerts(t, st)) != 2 {
		t.Fatal("deleted on no")
	}
	m = press(m, "d", "y")
	list := storedAlerts(t, st)
	if len(list) != 1 || list[0].ID != 1 {
		t.Fatalf("stored %+v", list)
	}
	if v := m.plainView(); !strings.Contains(v, "Alert 2 deleted.") || strings.Contains(v, "below 80.00") {
		t.Errorf("view:\n%s", v)
	}
}

func TestAlertsViewRearmsAndSwitchesOffAndOn(t *testing.T) {
	st, _ := newTestStore(t)
	addAlert(t, st, "002230", sectors.AlertAbove, 105)
	m := alertsOpen(t, st, "en", 120, 40)
	m = press(m, "space")
	if l := storedAlerts(t, st); !l[0].Disabled {
		t.Fatalf("space did not switch it off: %+v", l[0])
	}
	if v := m.plainView(); !strings.Contains(v, "Alert 1 switched off.") || !strings.Contains(v, " off ") {
		t.Errorf("view:\n%s", v)
	}
	m = press(m, "space")
	if l := storedAlerts(t, st); l[0].Disabled {
		t.Fatalf("space did not switch it on: %+v", l[0])
	}
	// switched on, it waits for a new crossing; one seen below primes it,
	// one above fires it
	for _, last := range []float64{100, 110} {
		q := &sectors.AlertQuote{Last: last, PrevClose: 100, ChangePct: last - 100, High: last, Time: fixedNow.Add(1)}
		if _, err := st.ObserveAlerts(func(a *sectors.Alert) (bool, bool) {
			f, c, _ := a.Observe(sectors.AlertMarket{Now: fixedNow.Add(1), Quote: q})
			return f, c
		}); err != nil {
			t.Fatal(err)
		}
	}
	if l := storedAlerts(t, st); l[0].State(fixedNow) != sectors.AlertFired {
		t.Fatalf("not fired: %+v", l[0])
	}
	m.al.list = storedAlerts(t, st)
	m.stack = m.stack.each(m.refreshView)
	if v := m.plainView(); !strings.Contains(v, "fired") || !strings.Contains(v, "110.00") {
		t.Errorf("the view does not show the firing:\n%s", v)
	}
	m = press(m, "r")
	if v := m.plainView(); !strings.Contains(v, "Alert 1 re-armed") {
		t.Errorf("view:\n%s", v)
	}
	if l := storedAlerts(t, st); !l[0].Armed || l[0].Primed {
		t.Errorf("re-armed %+v", l[0])
	}
}

func TestAlertsViewRefusesWhatCannotFireWithTheReason(t *testing.T) {
	st, _ := newTestStore(t)
	if _, err := st.SetRating(market.MustParseCode("600845"), sectors.Neutral, "test", ""); err != nil {
		t.Fatal(err)
	}
	m := alertsOpen(t, st, "en", 120, 40)
	m = press(m, "a", "600845 no-note 30", "enter")
	if v := m.plainView(); !strings.Contains(v, "rate it buy first") {
		t.Errorf("no reason:\n%s", v)
	}
	if list := storedAlerts(t, st); len(list) != 0 {
		t.Fatalf("stored %+v", list)
	}
	// a value that is no price stays in the line with its reason
	m = press(m, "a", "600845 above -1", "enter")
	if v := m.plainView(); !strings.Contains(v, "not a price") {
		t.Errorf("no reason:\n%s", v)
	}
	// a code off the list
	m = press(m, "esc", "a", "600000 above 5", "enter")
	if list := storedAlerts(t, st); len(list) != 0 {
		t.Fatalf("stored %+v", list)
	}
}

// In the focused detail pane, A opens the view over its ticker's alerts
// alone, where each is managed as in the whole view.
func TestDetailPaneOpensItsTickersAlertsOneByOne(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	addAlert(t, st, tk.Code.Key(), sectors.AlertAbove, 1700)
	addAlert(t, st, "600845", sectors.AlertBelow, 50)
	m.al.list = storedAlerts(t, st)
	m = press(m, "enter", "A")
	v := m.plainView()
	if !strings.Contains(v, "Alerts  "+tk.Code.Key()) || !strings.Contains(v, "above 1700.00") || strings.Contains(v, "SH600845") {
		t.Fatalf("not the ticker's alerts alone:\n%s", v)
	}
	m = press(m, "space")
	if l := storedAlerts(t, st); !l[0].Disabled || l[1].Disabled {
		t.Errorf("space switched off the wrong one: %+v", l)
	}
	m = press(m, "a", "below 1500", "enter")
	l := storedAlerts(t, st)
	if len(l) != 3 || l[2].Code != tk.Code || l[2].Value != 1500 {
		t.Fatalf("stored %+v", l)
	}
	if v := m.plainView(); !strings.Contains(v, "below 1500.00") || strings.Contains(v, "SH600845") {
		t.Errorf("view:\n%s", v)
	}
	// esc goes back to the pane
	m = press(m, "esc")
	if v := m.plainView(); strings.Contains(v, "Alerts  "+tk.Code.Key()) {
		t.Errorf("esc did not close the view:\n%s", v)
	}
}

// An edit that could not fire, and a re-arm past the alert's last day,
// are refused with the reason and change nothing.
func TestAlertsViewRefusesAnEditOrReArmThatCannotFire(t *testing.T) {
	st, _ := newTestStore(t)
	code := market.MustParseCode("600845")
	if _, err := st.SetRating(code, sectors.Neutral, "test", ""); err != nil {
		t.Fatal(err)
	}
	a, err := sectors.NewAlert(code, sectors.AlertAbove, 120, fixedNow, fixedNow) // its last day: today
	if err != nil {
		t.Fatal(err)
	}
	a.Armed = false
	a.FiredAt, a.FiredPrice = fixedNow, 121
	if _, err := st.AddAlert(a); err != nil {
		t.Fatal(err)
	}
	m := alertsOpen(t, st, "en", 120, 40)
	m = press(m, "e")
	for range "above 120 until 2026-03-02" {
		m = press(m, "backspace")
	}
	m = press(m, "no-note 30", "enter")
	if v := m.plainView(); !strings.Contains(v, "rate it buy first") {
		t.Errorf("no reason for the edit:\n%s", v)
	}
	if l := storedAlerts(t, st); l[0].Kind != sectors.AlertAbove || l[0].Value != 120 {
		t.Fatalf("edited: %+v", l[0])
	}
	// the day after its last day, r is refused: it needs a new one (e)
	m.opts.Now = func() time.Time { return fixedNow.AddDate(0, 0, 1) }
	st.SetClock(func() time.Time { return fixedNow.AddDate(0, 0, 1) })
	m = press(m, "r")
	if v := m.plainView(); !strings.Contains(v, "has passed: give a new one") {
		t.Errorf("no reason for the re-arm:\n%s", v)
	}
	if l := storedAlerts(t, st); l[0].Armed {
		t.Errorf("re-armed past its last day: %+v", l[0])
	}
}
