package ui

import (
	"strings"
	"testing"

	"zixuan/ui/common"
)

// A dialog's own refusal line (common.Notice: the trade dialog, the
// sectors dialog, the alert line, the wizard's sector step) is said under
// the key that caused it and cleared by the next key that changes what
// the dialog holds; a key that changes nothing (moving between fields)
// leaves it, so it can still be read.
func TestDialogRefusalClearsWhenTheInputChanges(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "B", "10", "tab", "150", "enter")
	want := "a buy is whole lots of 100 shares (150 is not)"
	if d := tradeDialog(t, m); !strings.Contains(d.Err(), want) {
		t.Fatalf("no refusal: %q", d.Err())
	}
	m = press(m, "shift+tab", "tab", "left")
	if d := tradeDialog(t, m); !strings.Contains(d.Err(), want) || !strings.Contains(m.plainView(), "a buy is whole lots") {
		t.Errorf("moving between fields cleared the refusal: %q", d.Err())
	}
	m = press(m, "end", "0")
	if d := tradeDialog(t, m); d.Err() != "" || strings.Contains(m.plainView(), "a buy is whole lots") {
		t.Errorf("the refusal outlived the key that changed the quantity: %q", d.Err())
	}

	// the sectors dialog: a full sector's d, then another sector chosen
	m = press(m, "esc", "S", "d")
	if !strings.Contains(m.plainView(), "AI applications still holds 6 tickers") {
		t.Fatalf("no refusal:\n%s", m.plainView())
	}
	m = press(m, "x") // d's other key, refused again: said once
	if n := strings.Count(m.plainView(), "still holds"); n != 1 {
		t.Errorf("the refusal is said %d times", n)
	}
	m = press(m, "j")
	if strings.Contains(m.plainView(), "still holds") {
		t.Errorf("the refusal outlived the move to another sector:\n%s", m.plainView())
	}
	// a new sector's name is refused in the dialog as the store would
	m = press(m, "a", "Compute", "enter")
	if showing(m) != "sectors" || !strings.Contains(m.plainView(), "a sector named Compute exists already") {
		t.Errorf("a taken name: showing %s\n%s", showing(m), m.plainView())
	}
	m = press(m, "backspace")
	if strings.Contains(m.plainView(), "exists already") {
		t.Errorf("the refusal outlived the key that changed the name")
	}
	m = press(m, "ctrl+u", strings.Repeat("长", 41), "enter")
	if !strings.Contains(m.plainView(), "sector names are at most 40 characters") {
		t.Errorf("a long name:\n%s", m.plainView())
	}
}

// Notice keeps its line for the input it was said for only.
func TestNoticeFollowsTheInput(t *testing.T) {
	var n common.Notice
	n.Say("refused", "150")
	n.Track("150")
	if n.Text() != "refused" {
		t.Errorf("cleared with the input unchanged")
	}
	n.Track("1500")
	n.Track("150")
	if n.Text() != "" {
		t.Errorf("came back with the input it was said for: %q", n.Text())
	}
}
