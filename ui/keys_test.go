package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"zixuan/sectors"
	"zixuan/store"
)

func TestMovementKeys(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 20)
	all := codes(m)
	steps := []struct {
		keys []string
		want int
	}{
		{[]string{"j"}, 1}, {[]string{"down"}, 2}, {[]string{"k"}, 1}, {[]string{"up"}, 0},
		{[]string{"up"}, 0}, {[]string{"G"}, len(all) - 1}, {[]string{"g"}, 0},
		{[]string{"end"}, len(all) - 1}, {[]string{"home"}, 0},
		{[]string{"pgdown"}, m.list.height - 1}, {[]string{"pgup"}, 0},
	}
	for _, s := range steps {
		m = press(m, s.keys...)
		if m.list.cursor != s.want {
			t.Fatalf("after %v cursor = %d, want %d", s.keys, m.list.cursor, s.want)
		}
	}
	// the selected row is always on screen
	m = press(m, "G")
	if !strings.Contains(m.View(), "> "+all[len(all)-1]) {
		t.Errorf("last row selected but not shown:\n%s", m.View())
	}
}

func TestSectorTabs(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	if m.tabs.activeID() != "" || len(codes(m)) != 25 {
		t.Fatalf("starts on All with 25, got %q with %d", m.tabs.activeID(), len(codes(m)))
	}
	for _, k := range []string{"tab", "l", "right"} {
		m = newTestModel(t, st, "en", 120, 40)
		m = press(m, k)
		if m.tabs.activeID() != sectors.SectorAI {
			t.Errorf("%s: tab = %q, want ai", k, m.tabs.activeID())
		}
		for _, c := range codes(m) {
			if tk := m.data.tickers[slices.IndexFunc(m.data.tickers, func(x store.Ticker) bool { return x.Code.Number == c })]; tk.Sector != sectors.SectorAI {
				t.Errorf("ai tab shows %s of %s", c, tk.Sector)
			}
		}
	}
	for _, k := range []string{"shift+tab", "h", "left"} {
		m = newTestModel(t, st, "en", 120, 40)
		m = press(m, k)
		if m.tabs.activeID() != sectors.SectorQuantum {
			t.Errorf("%s from All: tab = %q, want the last sector", k, m.tabs.activeID())
		}
	}
}

func TestRatingFilterCombinesAndCounts(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "1")
	buys := codes(m)
	for _, r := range m.view.rows {
		if m.data.tickers[r].Rating != sectors.Buy {
			t.Fatalf("1 shows a %s", m.data.tickers[r].Rating)
		}
	}
	if len(buys) == 0 || m.tabs.counts[0] != len(buys) {
		t.Fatalf("buy filter: %d rows, All tab counts %d", len(buys), m.tabs.counts[0])
	}
	sum := 0
	for _, n := range m.tabs.counts[1:] {
		sum += n
	}
	if sum != len(buys) {
		t.Errorf("sector tab counts add up to %d, want %d", sum, len(buys))
	}
	m = press(m, "2")
	if len(codes(m)) <= len(buys) {
		t.Errorf("1 and 2 together show %d rows, want more than buy alone (%d)", len(codes(m)), len(buys))
	}
	if !strings.Contains(m.View(), "filter: Buy,Overweight") {
		t.Errorf("status does not show the filter:\n%s", m.View())
	}
	m = press(m, "2", "tab")
	for _, r := range m.view.rows {
		if tk := m.data.tickers[r]; tk.Rating != sectors.Buy || tk.Sector != sectors.SectorAI {
			t.Errorf("tab AND rating broken: %s %s %s", tk.Code, tk.Sector, tk.Rating)
		}
	}
	m = press(m, "/", "kdxf", "enter")
	if got := codes(m); len(got) != 1 || got[0] != "002230" {
		t.Errorf("tab+rating+search = %v, want [002230]", got)
	}
	m = press(m, "0", "shift+tab", "/", "esc")
	if len(codes(m)) != 25 {
		t.Errorf("0, All and esc should clear everything, got %d rows", len(codes(m)))
	}
	m = press(m, "6")
	for _, r := range m.view.rows {
		if m.data.tickers[r].Rating != sectors.Unrated {
			t.Errorf("6 shows a %s", m.data.tickers[r].Rating)
		}
	}
}

func TestSearchKeys(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "/", "k", "d")
	if m.mode != modeSearch || len(codes(m)) == 25 {
		t.Fatalf("search does not filter live: mode %d, %d rows", m.mode, len(codes(m)))
	}
	m = press(m, "x", "f")
	if got := codes(m); len(got) != 1 || got[0] != "002230" {
		t.Fatalf("/kdxf = %v", got)
	}
	m = press(m, "enter")
	if m.mode != modeList || len(codes(m)) != 1 {
		t.Fatalf("enter must keep the filter and return to the list")
	}
	m = press(m, "/", "backspace", "backspace", "backspace", "backspace", "科大")
	if got := codes(m); len(got) != 1 {
		t.Errorf("/科大 = %v", got)
	}
	m = press(m, "esc")
	if m.mode != modeList || len(codes(m)) != 25 || m.view.query != "" {
		t.Errorf("esc must clear the search")
	}
	m = press(m, "/", "kdxf", "enter", "esc")
	if len(codes(m)) != 25 {
		t.Errorf("esc on the list should clear a kept search")
	}
}

func TestWizardOnListTickerIsSelected(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "a", "kdxf")
	if !strings.Contains(m.View(), "(on list)") {
		t.Errorf("a ticker already on the list is not marked:\n%s", m.View())
	}
	m = press(m, "enter")
	if m.mode != modeList || selectedNumber(m) != "002230" || m.statusErr {
		t.Errorf("enter on a listed ticker should select it: %s %q", selectedNumber(m), m.status)
	}
}

func TestNoteSurvivesRestart(t *testing.T) {
	st, path := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	code := selectedNumber(m)
	m = press(m, "n", "first line", "enter", "second line")
	if m.mode != modeEditor {
		t.Fatal("n does not open the editor")
	}
	m, cmd := pressCmd(m, "ctrl+s")
	if m.mode != modeList || !strings.Contains(m.status, "saved") {
		t.Fatalf("ctrl+s: mode %d, status %q", m.mode, m.status)
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
	if !strings.Contains(m2.View(), "first line") {
		t.Errorf("the note is not shown:\n%s", m2.View())
	}
	// esc cancels without saving
	m2 = press(m2, "n", "discard me", "esc")
	tk, _ = st2.Get(tk.Code)
	if len(tk.LiveNotes()) != 1 || m2.mode != modeList {
		t.Errorf("esc saved the note or stayed in the editor")
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
	if m.mode != modeDetail {
		t.Fatal("enter does not focus the detail pane")
	}
	m = press(m, "e", "backspace", "backspace", "backspace", "backspace", "new!", "ctrl+s")
	got, _ := st.Get(tk.Code)
	if n, _ := got.LatestNote(); n.Text != "old new!" || len(n.Revisions) != 1 {
		t.Fatalf("edited note = %q (revisions %d)", n.Text, len(n.Revisions))
	}
	if m.mode != modeDetail {
		t.Errorf("after editing, focus should return to the detail pane, got %d", m.mode)
	}
	m = press(m, "d")
	if m.mode != modeConfirm {
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
	if m.mode != modeList {
		t.Errorf("esc does not leave the detail pane")
	}
}

func TestRateWithReasonLandsInHistory(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	m = press(m, "r")
	if m.mode != modePicker {
		t.Fatal("r does not open the picker")
	}
	m = press(m, "5", "down", "up", "valuation stretched", "enter")
	got, _ := st.Get(tk.Code)
	last := got.Ratings[len(got.Ratings)-1]
	if got.Rating != sectors.Sell || last.To != sectors.Sell || last.Reason != "valuation stretched" || last.Source != sectors.SourceUser {
		t.Fatalf("rating %s, last change %+v", got.Rating, last)
	}
	if !strings.Contains(m.View(), "-> Sell (you): valuation") {
		t.Errorf("history not shown:\n%s", m.View())
	}
	m = press(m, "r", "esc")
	if m.mode != modeList {
		t.Error("esc does not close the picker")
	}
}

func TestSortCycle(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "s")
	if got := codes(m); !slices.IsSorted(got) {
		t.Errorf("code sort: %v", got)
	}
	m = press(m, "s", "s")
	prev := -1
	for _, r := range m.view.rows {
		if rank := m.data.tickers[r].Rating.Rank(); rank < prev {
			t.Fatalf("rating sort out of order")
		} else {
			prev = rank
		}
	}
	m = press(m, "s", "s")
	if m.view.sortBy != sortSector {
		t.Errorf("five presses of s should come back to sector order")
	}
}

func TestAddWizardAddsToCurrentSector(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "tab", "tab", "a", "gzmt")
	if m.mode != modeWizard || len(m.wizard.hits) == 0 {
		t.Fatalf("wizard shows no candidates for gzmt")
	}
	if !strings.Contains(m.View(), "600519") {
		t.Errorf("candidate not drawn:\n%s", m.View())
	}
	m = press(m, "enter")
	got, err := st.Get(sectors.MustParseCode("600519"))
	if err != nil || got.Sector != sectors.SectorCompute || !got.OnList() {
		t.Fatalf("600519 not added to compute: %+v %v", got, err)
	}
	if selectedNumber(m) != "600519" {
		t.Errorf("the new ticker should be selected, got %s", selectedNumber(m))
	}
	m = press(m, "a", "esc")
	if m.mode != modeList {
		t.Error("esc does not close the wizard")
	}
}

func TestMoveRemoveUndo(t *testing.T) {
	st, _ := newTestStore(t)
	if _, err := st.AddSector("Watch later", ""); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, st, "en", 120, 40)
	if !strings.Contains(m.View(), "Watch later 0") {
		t.Errorf("a user sector is not a tab:\n%s", m.View())
	}
	tk, _ := m.selected()
	m = press(m, "m", "G", "enter")
	got, _ := st.Get(tk.Code)
	if got.Sector == tk.Sector || m.mode != modeList {
		t.Fatalf("m did not move %s (sector %s)", tk.Code, got.Sector)
	}
	m = press(m, "x")
	if m.mode != modeConfirm {
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
	if m.mode != modeExport {
		t.Fatal("e does not open the export dialog")
	}
	path := filepath.Join(m.opts.Dir, "zixuan-20260302.csv")
	if m.exporter.path.Value() != path {
		t.Errorf("default path %q, want %q", m.exporter.path.Value(), path)
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
	if !m.exporter.overwrite {
		t.Fatal("no overwrite question")
	}
	m, cmd = pressCmd(m, "y")
	if cmd == nil {
		t.Fatal("y does not export")
	}
	if msg := cmd().(exportDoneMsg); msg.err != nil {
		t.Fatal(msg.err)
	}
	// another format through the picker
	m = press(m, "e", "down")
	if !strings.HasSuffix(m.exporter.path.Value(), ".json") {
		t.Errorf("format change did not update the path: %q", m.exporter.path.Value())
	}
}

func TestQuitAndHelp(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	if _, cmd := pressCmd(m, "ctrl+c"); cmd == nil || cmd() != tea.Quit() {
		t.Error("ctrl+c does not quit")
	}
	m = press(m, "?")
	if !m.help.ShowAll || !strings.Contains(m.View(), "undo remove") {
		t.Fatalf("? does not show the full help:\n%s", m.View())
	}
	m = press(m, "?")
	if m.help.ShowAll {
		t.Error("? again does not close the help")
	}
}

func TestTooSmall(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 40, 10)
	if !strings.Contains(m.View(), "too small") {
		t.Errorf("40x10: %q", m.View())
	}
	m = update(m, tea.WindowSizeMsg{Width: 60, Height: 15})
	if strings.Contains(m.View(), "too small") {
		t.Error("60x15 must work")
	}
}

func TestReloadsChangesFromAnotherProcess(t *testing.T) {
	st, path := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tk, _ := m.selected()
	if _, err := other.AddNote(tk.Code, "written elsewhere"); err != nil {
		t.Fatal(err)
	}
	next, cmd := m.Update(pollMsg{})
	m = next.(Model)
	if cmd == nil {
		t.Fatal("poll gives no command")
	}
	m = update(m, m.checkGen()())
	next, cmd = m.Update(m.checkGen()())
	if cmd == nil {
		t.Fatal("a new generation does not reload")
	}
	m = update(next.(Model), cmd())
	if !strings.Contains(m.View(), "written elsewhere") {
		t.Errorf("the other process's note does not show:\n%s", m.View())
	}
}

func TestUntrustedTextIsInert(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	evil := "\x1b]0;owned\x07\x1b[2Jclear \u009b31m\u202eevil\r\x08"
	if _, err := st.AddNote(tk.Code, evil); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetRating(tk.Code, sectors.Sell, sectors.SourceUser, evil); err != nil {
		t.Fatal(err)
	}
	m.reload()
	v := m.View()
	for _, bad := range []string{"\x1b", "\x07", "\u009b", "\u202e", "\r", "\x08"} {
		if strings.Contains(v, bad) {
			t.Errorf("view passes %q to the terminal", bad)
		}
	}
}

func TestLanguageFromLocale(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "zh_CN.UTF-8")
	if !chooseText("").zh {
		t.Error("LANG=zh_CN.UTF-8 should give Chinese")
	}
	if chooseText("en").zh {
		t.Error("--lang en should win over the locale")
	}
	t.Setenv("LANG", "C.UTF-8")
	if chooseText("").zh || !chooseText("zh").zh {
		t.Error("C.UTF-8 gives English; --lang zh gives Chinese")
	}
}
