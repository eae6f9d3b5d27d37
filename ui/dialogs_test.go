// Tests of the keys that open a dialog and write to the store.
package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zixuan/sectors/market"
	"zixuan/ui/dialogs/editor"
	"zixuan/ui/dialogs/exportdlg"
	"zixuan/ui/dialogs/wizard"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"
)

func TestWizardOnListTickerIsSelected(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "a", "kdxf")
	if !strings.Contains(m.plainView(), "(on list)") {
		t.Errorf("a ticker already on the list is not marked:\n%s", m.plainView())
	}
	m = press(m, "enter")
	if showing(m) != "list" || selectedNumber(m) != "002230" || m.statusErr {
		t.Errorf("enter on a listed ticker should select it: %s %q", selectedNumber(m), m.status)
	}
}

func TestNoteSurvivesRestart(t *testing.T) {
	st, path := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	code := selectedNumber(m)
	m = press(m, "n", "first line", "enter", "second line")
	if showing(m) != "editor" {
		t.Fatal("n does not open the editor")
	}
	m, cmd := pressCmd(m, "ctrl+s")
	if showing(m) != "list" || !strings.Contains(m.status, "saved") {
		t.Fatalf("ctrl+s: showing %s, status %q", showing(m), m.status)
	}
	// quit at once: the note is already on disk
	m, cmd = pressCmd(m, "q")
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("q does not quit")
	}
	st2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	m2 := newTestModel(t, st2, "en", 120, 40)
	tk, _ := m2.selected()
	n, ok := tk.LatestNote()
	if tk.Code.Number != code || !ok || n.Text != "first line\nsecond line" {
		t.Fatalf("after restart %s has note %q", tk.Code, n.Text)
	}
	if !strings.Contains(m2.plainView(), "first line") {
		t.Errorf("the note is not shown:\n%s", m2.plainView())
	}
	// esc on typed text asks first; n keeps the text, y throws it away
	m2 = press(m2, "n", "discard me", "esc")
	if showing(m2) != "editor" || !strings.Contains(m2.plainView(), "Discard what you typed?") {
		t.Fatalf("esc on typed text did not ask:\n%s", m2.plainView())
	}
	m2 = press(m2, "n")
	if showing(m2) != "editor" || !strings.Contains(topOf[editor.Model](m2).Text(), "discard me") {
		t.Fatalf("n lost the text: %q", topOf[editor.Model](m2).Text())
	}
	m2 = press(m2, "esc", "y")
	tk, _ = st2.Get(tk.Code)
	if len(tk.LiveNotes()) != 1 || showing(m2) != "list" {
		t.Errorf("esc, y saved the note or stayed in the editor")
	}
	m2 = press(m2, "n", "esc") // nothing typed: esc just closes
	if showing(m2) != "list" {
		t.Errorf("esc on an empty editor asked anyway")
	}
}

func TestEditAndDeleteNoteFromDetail(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	if _, err := st.AddNote(tk.Code, "old text"); err != nil {
		t.Fatal(err)
	}
	m.reload()
	m = press(m, "enter")
	if showing(m) != "detail" {
		t.Fatal("enter does not focus the detail pane")
	}
	m = press(m, "e", "backspace", "backspace", "backspace", "backspace", "new!", "ctrl+s")
	got, _ := st.Get(tk.Code)
	if n, _ := got.LatestNote(); n.Text != "old new!" || len(n.Revisions) != 1 {
		t.Fatalf("edited note = %q (revisions %d)", n.Text, len(n.Revisions))
	}
	if showing(m) != "detail" {
		t.Errorf("after editing, focus should return to the detail pane, got %s", showing(m))
	}
	m = press(m, "d")
	if showing(m) != "confirm" {
		t.Fatal("d does not ask")
	}
	m = press(m, "n")
	if got, _ = st.Get(tk.Code); len(got.LiveNotes()) != 1 {
		t.Fatal("n deleted the note")
	}
	m = press(m, "d", "y")
	if got, _ = st.Get(tk.Code); len(got.LiveNotes()) != 0 {
		t.Fatal("y did not delete the note")
	}
	m = press(m, "esc")
	if showing(m) != "list" {
		t.Errorf("esc does not leave the detail pane")
	}
}

func TestRateWithReasonLandsInHistory(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	m = press(m, "r")
	if showing(m) != "picker" {
		t.Fatal("r does not open the picker")
	}
	m = press(m, "5", "down", "up", "tab", "valuation stretched", "enter")
	got, _ := st.Get(tk.Code)
	last := got.Ratings[len(got.Ratings)-1]
	if got.Rating != sectors.Sell || last.To != sectors.Sell || last.Reason != "valuation stretched" || last.Source != sectors.SourceUser {
		t.Fatalf("rating %s, last change %+v", got.Rating, last)
	}
	if !strings.Contains(m.plainView(), "→ Sell (user): valuation") {
		t.Errorf("history not shown:\n%s", m.plainView())
	}
	m = press(m, "r", "esc")
	if showing(m) != "list" {
		t.Error("esc does not close the picker")
	}
}

func TestAddWizardAddsToCurrentSector(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "tab", "tab", "a", "gzmt")
	if showing(m) != "wizard" || len(topOf[wizard.Model](m).Hits()) == 0 {
		t.Fatalf("wizard shows no candidates for gzmt")
	}
	if !strings.Contains(m.plainView(), "600519") {
		t.Errorf("candidate not drawn:\n%s", m.plainView())
	}
	m = press(m, "enter")
	got, err := st.Get(market.MustParseCode("600519"))
	if err != nil || got.Sector != sectors.SectorCompute || !got.OnList() {
		t.Fatalf("600519 not added to compute: %+v %v", got, err)
	}
	if selectedNumber(m) != "600519" {
		t.Errorf("the new ticker should be selected, got %s", selectedNumber(m))
	}
	m = press(m, "a", "esc")
	if showing(m) != "list" {
		t.Error("esc does not close the wizard")
	}
}

func TestMoveRemoveUndo(t *testing.T) {
	st, _ := newTestStore(t)
	if _, err := st.AddSector("Watch later", ""); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, st, "en", 120, 40)
	if !strings.Contains(m.plainView(), "Watch later 0") {
		t.Errorf("a user sector is not a tab:\n%s", m.plainView())
	}
	tk, _ := m.selected()
	m = press(m, "m", "G", "enter")
	got, _ := st.Get(tk.Code)
	if got.Sector == tk.Sector || showing(m) != "list" {
		t.Fatalf("m did not move %s (sector %s)", tk.Code, got.Sector)
	}
	m = press(m, "x")
	if showing(m) != "confirm" {
		t.Fatal("x does not ask")
	}
	sel := selectedNumber(m)
	m = press(m, "n")
	if len(codes(m)) != 25 {
		t.Fatal("n removed it")
	}
	m = press(m, "x", "y")
	if len(codes(m)) != 24 || slices.Contains(codes(m), sel) {
		t.Fatalf("x y did not remove %s", sel)
	}
	m = press(m, "u")
	if len(codes(m)) != 25 || selectedNumber(m) != sel {
		t.Fatalf("u did not restore %s", sel)
	}
}

func TestExportCurrentView(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "1", "e")
	if showing(m) != "export" {
		t.Fatal("e does not open the export common.Dialog")
	}
	path := filepath.Join(m.opts.Dir, "zixuan-20260302.csv")
	if topOf[exportdlg.Model](m).Path() != path {
		t.Errorf("default path %q, want %q", topOf[exportdlg.Model](m).Path(), path)
	}
	m, cmd := pressCmd(m, "enter")
	if cmd == nil {
		t.Fatal("enter does not start the export")
	}
	m = update(m, cmd())
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(data), "\ufeff") {
		t.Fatalf("csv not written with a BOM: %v", err)
	}
	if !strings.Contains(m.status, "exported") {
		t.Errorf("status %q", m.status)
	}
	lines := strings.Count(strings.TrimSpace(string(data)), "\n")
	if lines != len(codes(m)) {
		t.Errorf("exported %d rows, view has %d", lines, len(codes(m)))
	}
	// again: asks before overwriting
	m = press(m, "e", "enter")
	if !topOf[exportdlg.Model](m).Overwriting() {
		t.Fatal("no overwrite question")
	}
	m, cmd = pressCmd(m, "y")
	if cmd == nil {
		t.Fatal("y does not export")
	}
	if msg := cmd().(exportDoneMsg); msg.err != nil {
		t.Fatal(msg.err)
	}
	// another format, on its row
	m = press(m, "e", "right")
	if !strings.HasSuffix(topOf[exportdlg.Model](m).Path(), ".json") {
		t.Errorf("format change did not update the path: %q", topOf[exportdlg.Model](m).Path())
	}
	// a typed name follows the format too
	m = press(m, "down", "backspace", "backspace", "backspace", "backspace", "backspace", "mine", "up", "right")
	if got := topOf[exportdlg.Model](m).Path(); got != filepath.Join(m.opts.Dir, "zixuan-20260302mine.md") {
		t.Errorf("typed name after a format change: %q", got)
	}
	if m = press(m, "left"); !strings.HasSuffix(topOf[exportdlg.Model](m).Path(), "mine.json") {
		t.Errorf("back to json: %q", topOf[exportdlg.Model](m).Path())
	}
	if v := m.plainView(); !strings.Contains(v, "→ "+filepath.Join(m.opts.Dir, "zixuan-20260302mine.json")) {
		t.Errorf("full path not shown:\n%s", v)
	}
	// the overwrite question has its own footer
	m = press(m, "esc", "e", "enter")
	frame := strings.Split(m.plainView(), "\n")
	if foot := frame[len(frame)-1]; !strings.Contains(foot, "y confirm") || strings.Contains(foot, "format") {
		t.Errorf("overwrite footer %q", foot)
	}
}
