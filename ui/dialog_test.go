package ui

import (
	"strings"
	"testing"

	"zixuan/sectors"
	"zixuan/ui/dialogs/picker"
)

// Keys that used to be checked by name now go through the keymap; what
// they do stays.
func TestDialogKeysThroughTheKeymap(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	if m = press(m, "m", "q"); showing(m) != "list" {
		t.Errorf("q in the sector picker leaves %s open", showing(m))
	}
	if m = press(m, "x", "q"); showing(m) != "list" || len(m.data.tickers) != 25 {
		t.Errorf("q on the remove question: %s open, %d tickers", showing(m), len(m.data.tickers))
	}
	m = press(m, "r")
	from, n := topOf[picker.Model](m).Choice(), len(sectors.Ratings)
	for _, k := range []struct {
		key string
		by  int
	}{{"down", 1}, {"j", 2}, {"up", 1}, {"k", 0}, {"tab", 0}, {"j", 0}, {"3", 0}, {"tab", 0}, {"j", 1}} {
		m = press(m, k.key)
		if got, want := topOf[picker.Model](m).Choice(), (from+k.by)%n; got != want {
			t.Errorf("%s in the picker: choice %d, want %d", k.key, got, want)
		}
	}
	if got := topOf[picker.Model](m).Reason(); got != "j3" {
		t.Errorf("j and 3 after tab are letters of the reason, got %q", got)
	}
	if m = press(m, "5"); topOf[picker.Model](m).Choice() != 4 {
		t.Errorf("5 on the ratings picks the 5th, choice %d", topOf[picker.Model](m).Choice())
	}
	m = press(m, "esc", "y", "?") // esc on a typed reason asks first
	if showing(m) != "help" {
		t.Fatal("? does not open the full help")
	}
	if m = press(m, "j"); showing(m) != "list" || selectedNumber(m) == "002230" {
		t.Errorf("j on the full help should close it and move down: %s, on %s", showing(m), selectedNumber(m))
	}
}

// A dialog stacks over what opened it and comes back to it: the editor
// opened from the focused detail pane returns there, a question over the
// pane leaves it focused.
func TestDialogsStack(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 80, 24)
	m = press(m, "enter", "n", "from the pane", "ctrl+s")
	if showing(m) != "detail" || len(m.stack) != 1 {
		t.Fatalf("after a note from the detail pane: %s open, %d deep", showing(m), len(m.stack))
	}
	m = press(m, "d")
	if showing(m) != "confirm" || !m.stack.detailFocused() || !strings.Contains(m.plainView(), "from the pane") {
		t.Fatalf("the question over the pane: %s, focused %v\n%s", showing(m), m.stack.detailFocused(), m.plainView())
	}
	m = press(m, "n", "esc")
	if showing(m) != "list" || len(m.stack) != 0 {
		t.Errorf("esc after the question: %s open, %d deep", showing(m), len(m.stack))
	}
}
