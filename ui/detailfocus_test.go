package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The focused detail pane keeps its ticker: removed by another process,
// the pane says so, and n, r and the other keys that write do nothing to
// the ticker the list selects in its place.
func TestFocusedPaneKeepsItsTicker(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "enter")
	focused, ok := m.selected()
	if !ok || showing(m) == "list" {
		t.Fatalf("no focused pane: %s", showing(m))
	}
	if err := st.RemoveTicker(focused.Code); err != nil { // another process
		t.Fatal(err)
	}
	m.reload()
	other, _ := m.selected()
	if other.Code == focused.Code {
		t.Fatal("the removed ticker is still selected")
	}
	if v := m.plainView(); !strings.Contains(v, "no longer on the list") || !strings.Contains(v, focused.Code.Number) {
		t.Errorf("the pane does not say its ticker is gone:\n%s", v)
	}
	before, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"n", "r", "e", "d", "a", "u"} {
		m = press(m, k)
		if top := showing(m); top != "detail" && top != "list" {
			t.Errorf("%s opened %s over a ticker that is gone", k, top)
			m = press(m, "esc")
		}
	}
	after, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	if after.Gen != before.Gen {
		t.Error("keys of the gone pane wrote to the store")
	}
	m = press(m, "esc")
	if showing(m) != "list" {
		t.Errorf("esc: %s", showing(m))
	}
	// back on the list, the keys act on the selected ticker again
	if m = press(m, "enter"); showing(m) == "list" {
		t.Error("enter on the list no longer focuses the pane")
	}
}

// ? and q do on the focused detail pane what they do on the list: ? shows
// the help (of the pane's keys, over the pane, back to it when closed), q
// quits; esc goes back to the list. The footer says so.
func TestPaneHelpAndQuit(t *testing.T) {
	st, _ := newTestStore(t)
	for _, w := range []int{80, 120} {
		m := newTestModel(t, st, "en", w, 24)
		m = press(m, "enter")
		if showing(m) != "detail" {
			t.Fatalf("%d: enter: %s", w, showing(m))
		}
		foot := m.plainView()
		foot = foot[strings.LastIndex(foot, "\n")+1:]
		for _, want := range []string{"? help", "q quit", "esc back"} {
			if !strings.Contains(foot, want) {
				t.Errorf("%d: the pane's footer has no %q: %q", w, want, foot)
			}
		}
		m = press(m, "?")
		if showing(m) != "help" || !strings.Contains(m.plainView(), "edit note") {
			t.Fatalf("%d: ? on the pane does not show its help: %s\n%s", w, showing(m), m.plainView())
		}
		if m = press(m, "?"); showing(m) != "detail" {
			t.Errorf("%d: closing the help does not come back to the pane: %s", w, showing(m))
		}
		if _, cmd := pressCmd(m, "q"); cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%d: q on the pane does not quit", w)
		}
		if m = press(m, "esc"); showing(m) != "list" {
			t.Errorf("%d: esc on the pane: %s", w, showing(m))
		}
	}
}
