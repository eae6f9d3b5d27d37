package ui

import (
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"zixuan/sectors/market"
	"zixuan/ui/dialogs/editor"
	"zixuan/ui/dialogs/picker"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"
)

// ctrl+c with a typed note asks, as esc does; it quits only when nothing
// would be lost.
func TestCtrlCInEditorKeepsTheDraft(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "n", "months of thinking")
	m, cmd := pressCmd(m, "ctrl+c")
	if cmd != nil && cmd() == tea.Quit() {
		t.Fatal("ctrl+c quit with a typed note")
	}
	if showing(m) != "editor" || !strings.Contains(m.plainView(), "Discard what you typed?") {
		t.Fatalf("ctrl+c on a draft did not ask:\n%s", m.plainView())
	}
	m = press(m, "n")
	if showing(m) != "editor" || !strings.Contains(topOf[editor.Model](m).Text(), "months of thinking") {
		t.Fatalf("n lost the draft: %q", topOf[editor.Model](m).Text())
	}
	m = press(m, "ctrl+c", "y")
	if showing(m) == "editor" {
		t.Fatal("y after ctrl+c kept the editor open")
	}
	// an empty editor: ctrl+c quits at once
	m = press(m, "n")
	if _, cmd = pressCmd(m, "ctrl+c"); cmd == nil || cmd() != tea.Quit() {
		t.Error("ctrl+c in an empty editor does not quit")
	}
}

// esc or ctrl+c in the rating picker with a typed reason asks first.
func TestPickerAsksBeforeDroppingAReason(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	for _, k := range []string{"esc", "ctrl+c"} {
		m = press(m, "r", "5", "tab", "valuation stretched")
		var cmd tea.Cmd
		m, cmd = pressCmd(m, k)
		if cmd != nil && cmd() == tea.Quit() {
			t.Fatalf("%s quit with a typed reason", k)
		}
		if showing(m) != "picker" || !strings.Contains(m.plainView(), "Discard what you typed?") {
			t.Fatalf("%s on a typed reason did not ask:\n%s", k, m.plainView())
		}
		m = press(m, "n")
		if showing(m) != "picker" || topOf[picker.Model](m).Reason() != "valuation stretched" {
			t.Fatalf("n lost the reason: %q", topOf[picker.Model](m).Reason())
		}
		m = press(m, "esc", "y")
		if showing(m) != "list" {
			t.Fatalf("esc, y did not close the picker: showing %s", showing(m))
		}
		if got, _ := st.Get(tk.Code); got.Rating == sectors.Sell {
			t.Fatal("discarding saved the rating")
		}
	}
	// nothing typed: esc closes at once
	m = press(m, "r", "esc")
	if showing(m) != "list" {
		t.Error("esc on an empty reason asked anyway")
	}
}

// A file opened with a damaged meta page: the TUI says so once, in the
// status line.
func TestDamagedMetaPageShownAtStart(t *testing.T) {
	st, path := newTestStore(t)
	if _, err := st.AddNote(market.MustParseCode("688111"), "newest"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	newest := 0
	if binary.LittleEndian.Uint64(b[4096+64:]) > binary.LittleEndian.Uint64(b[64:]) {
		newest = 1
	}
	b[newest*4096+64] ^= 0xFF
	os.WriteFile(path, b, 0o600)
	st2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, st2, "en", 160, 40)
	if !strings.Contains(m.plainView(), "meta page") {
		t.Errorf("no word of the damaged meta page:\n%s", m.plainView())
	}
}

// Two names that differ by a zero-width space look different on screen.
func TestZeroWidthInNameShown(t *testing.T) {
	st, _ := newTestStore(t)
	if err := st.SetName(market.MustParseCode("688111"), "金山\u200b办公"); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, st, "en", 160, 40)
	if v := m.plainView(); strings.Contains(v, "\u200b") || !strings.Contains(v, "U+200B") {
		t.Errorf("zero-width space not shown:\n%s", v)
	}
}
