package ui

import (
	"testing"

	"zixuan/ui/views/alerts"
	"zixuan/ui/views/reports"
	"zixuan/ui/views/today"
)

// esc then a key typed quickly (tmux send-keys Escape T) reaches the
// program as one alt+key: in a view it is read as both, the esc closing
// the view and the key acting on the list, as on the list itself.
func TestEscThenKeyArrivingTogetherInViews(t *testing.T) {
	st, _ := newTestStore(t)
	for _, c := range []struct {
		name, open string
	}{{"alerts", "A"}, {"chart", "\x1b[15~"}, {"focused pane", "\r"}} {
		m := drive(t, newTestModel(t, st, "en", 120, 40), c.open)
		if showing(m) == "list" {
			t.Fatalf("%s: %q opened nothing", c.name, c.open)
		}
		m = drive(t, m, "\x1bT")
		if _, ok := m.stack.top().(today.Model); !ok || len(m.stack) != 1 {
			t.Errorf("%s: esc+T gave %T over %d dialogs; want the today view alone", c.name, m.stack.top(), len(m.stack)-1)
		}
	}
	// from the today view, esc+A: the alerts view, the today view closed
	m := drive(t, newTestModel(t, st, "en", 120, 40), "T\x1bA")
	if _, ok := m.stack.top().(alerts.Model); !ok || len(m.stack) != 1 {
		t.Errorf("esc+A in the today view gave %T over %d dialogs", m.stack.top(), len(m.stack)-1)
	}
}

// Where a path is typed, alt+b stays the input's (a word back): it neither
// closes the dialog nor opens the reports view.
func TestAltKeyInATextDialogStaysItsOwn(t *testing.T) {
	st, _ := newTestStore(t)
	m := drive(t, newTestModel(t, st, "en", 120, 40), "ba/tmp/x\x1bb")
	if _, ok := m.stack.top().(reports.AddModel); !ok {
		t.Errorf("alt+b in the report's path: %T on top", m.stack.top())
	}
}
