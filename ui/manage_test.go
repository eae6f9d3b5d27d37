// Tests of managing the watchlist from the TUI: sectors, the add
// wizard's sector, 置顶 and order, groups.
package ui

import (
	"slices"
	"strings"
	"testing"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"

	"zixuan/ui/dialogs/sectorsdlg"
)

func TestSectorsDialogAddsRenamesDeletes(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 80, 24)
	m = press(m, "S")
	if showing(m) != "sectors" || !strings.Contains(m.plainView(), "Compute") {
		t.Fatalf("S shows %s:\n%s", showing(m), m.plainView())
	}
	m = press(m, "a", "Liquor", "enter")
	if m.statusErr || !strings.Contains(m.status, "added sector Liquor") {
		t.Fatalf("status %q", m.status)
	}
	m.reload() // the reload the write asked for
	if m.tabs.activeID() != "liquor" || len(m.view.rows) != 0 {
		t.Errorf("the new sector's tab is not shown: %q", m.tabs.activeID())
	}
	if !strings.Contains(m.plainView(), "This sector is empty: press a to add a ticker.") {
		t.Errorf("empty sector hint missing:\n%s", m.plainView())
	}
	// rename it, in Chinese: the Chinese name
	m = press(m, "S", "G", "r")
	m = withTop(m, func(d sectorsdlg.Model) sectorsdlg.Model { return d.Type("白酒") })
	m = press(m, "enter")
	m.reload()
	if secs, _ := st.Sectors(); secs[len(secs)-1].NameZH != "白酒" || secs[len(secs)-1].Name != "Liquor" {
		t.Errorf("renamed to %+v", secs[len(secs)-1])
	}
	// a sector with tickers is refused at once, by its name, without a
	// question whose yes would fail; asking again refuses again
	m = press(m, "S", "g", "d")
	if v := m.plainView(); !strings.Contains(v, "AI applications still holds 6 tickers") || strings.Contains(v, "y/n") {
		t.Errorf("deleting a full sector:\n%s", v)
	}
	m = press(m, "y", "d")
	if v := m.plainView(); showing(m) != "sectors" || !strings.Contains(v, "still holds 6 tickers") || strings.Contains(v, "y/n") {
		t.Errorf("a second d on a full sector: showing %s\n%s", showing(m), v)
	}
	if secs, _ := st.Sectors(); len(secs) != 5 {
		t.Errorf("a full sector was deleted: %d left", len(secs))
	}
	m = press(m, "esc", "S", "G", "d", "n")
	if showing(m) != "sectors" {
		t.Errorf("n keeps the common.Dialog open: %s", showing(m))
	}
	m = press(m, "d", "y")
	m.reload()
	if secs, _ := st.Sectors(); len(secs) != 4 {
		t.Errorf("deleted: %d sectors left", len(secs))
	}
	// enter goes to a sector's tab
	m = press(m, "S", "j", "enter")
	if m.tabs.activeID() != sectors.SectorCompute {
		t.Errorf("enter went to %q", m.tabs.activeID())
	}
}

func TestAddOnAllTabAsksTheSector(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "G", "a", "gzmt", "enter") // the selected row is in quantum
	if showing(m) != "mover" || !strings.Contains(m.plainView(), "Add 600519") {
		t.Fatalf("no sector asked for: %s\n%s", showing(m), m.plainView())
	}
	if _, err := st.Get(market.MustParseCode("600519")); err == nil {
		t.Fatal("added before the sector was chosen")
	}
	m = press(m, "g", "j", "enter")
	got, err := st.Get(market.MustParseCode("600519"))
	if err != nil || got.Sector != sectors.SectorCompute {
		t.Fatalf("added to %q, %v; want compute, chosen", got.Sector, err)
	}
	if selectedNumber(m) != "600519" || !strings.Contains(m.status, "added 600519") {
		t.Errorf("selected %s, status %q", selectedNumber(m), m.status)
	}
}

// The add wizard rates the ticker it adds: ctrl+r cycles the rating,
// shown in its title, on a sector's tab and on All (through the sector
// picker); without it the ticker comes in unrated.
func TestAddWizardSetsTheRating(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "tab", "a", "gzmt", "ctrl+r")
	if v := m.plainView(); !strings.Contains(v, "rated: Buy") {
		t.Fatalf("the wizard does not show the rating:\n%s", v)
	}
	m = press(m, "enter")
	if got, err := st.Get(market.MustParseCode("600519")); err != nil || got.Rating != sectors.Buy || got.RatingSource != sectors.SourceUser {
		t.Fatalf("added %+v (%v), want rated Buy by the user", got.Rating, err)
	}
	m = press(m, "shift+tab", "a", "wly", "ctrl+r", "ctrl+r", "enter", "enter")
	if got, err := st.Get(market.MustParseCode("000858")); err != nil || got.Rating != sectors.Overweight {
		t.Errorf("added on All: %+v (%v), want Overweight", got.Rating, err)
	}
	m = press(m, "a", "601318", "ctrl+r", "ctrl+r", "ctrl+r", "ctrl+r", "ctrl+r", "ctrl+r", "enter", "enter")
	if got, err := st.Get(market.MustParseCode("601318")); err != nil || got.Rating != sectors.Unrated {
		t.Errorf("six ctrl+r come back to unrated: %+v (%v)", got.Rating, err)
	}
}

func TestPinAndOrderWithinSector(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "tab", "tab") // compute
	start := codes(m)
	m = press(m, "G", "p")
	if codes(m)[0] != start[len(start)-1] || selectedNumber(m) != start[len(start)-1] {
		t.Fatalf("pinned row not first and selected: %v", codes(m))
	}
	if !strings.Contains(m.status, "pinned "+start[len(start)-1]) {
		t.Errorf("status %q", m.status)
	}
	// J moves the second row down, K back; the pinned one stays first
	m = press(m, "j", "J")
	want := slices.Clone(codes(m))
	if want[2] != start[0] || selectedNumber(m) != start[0] {
		t.Fatalf("after J: %v (selected %s)", want, selectedNumber(m))
	}
	if !strings.Contains(m.status, "is now 3 of 7 in Compute") {
		t.Errorf("status %q", m.status)
	}
	// persisted: a fresh model shows the same order
	fresh := newTestModel(t, st, "en", 120, 40)
	fresh = press(fresh, "tab", "tab")
	if !slices.Equal(codes(fresh), want) {
		t.Errorf("after restart %v, want %v", codes(fresh), want)
	}
	// the pinned ticker cannot be passed by an unpinned one
	m = press(m, "K", "K")
	if !strings.Contains(m.status, "cannot move further") || codes(m)[0] != start[len(start)-1] {
		t.Errorf("K past the pinned row: %q %v", m.status, codes(m))
	}
	// in another sort the order does not apply, and says so
	m = press(m, "s", "J")
	if !strings.Contains(m.status, "sector sort") {
		t.Errorf("J in the code sort: %q", m.status)
	}
}

func TestGroupsOnTabsAndCounts(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "tab") // ai, 6
	c := selectedNumber(m)
	m = press(m, "+")
	if showing(m) != "mover" || strings.Contains(m.plainView(), "> AI applications") {
		t.Fatalf("the group picker offers its own sector:\n%s", m.plainView())
	}
	m = press(m, "enter") // compute
	if m.statusErr || !strings.Contains(m.status, c+" is also in Compute now") {
		t.Fatalf("status %q", m.status)
	}
	if m.tabs.counts[1] != 6 || m.tabs.counts[2] != 8 || m.tabs.counts[0] != 25 {
		t.Errorf("counts %v: ai 6, compute 8, all 25", m.tabs.counts)
	}
	m = press(m, "tab")
	if !slices.Contains(codes(m), c) || len(codes(m)) != 8 || !slices.IsSorted(codes(m)) {
		t.Errorf("compute tab %v misses %s, or not in the tab's order", codes(m), c)
	}
	// leave compute: still in ai
	for selectedNumber(m) != c {
		m = press(m, "j")
	}
	m = press(m, "-")
	if slices.Contains(codes(m), c) || !strings.Contains(m.status, "took "+c) {
		t.Errorf("still on compute %v, status %q", codes(m), m.status)
	}
	if tk, _ := st.Get(market.MustParseCode(c)); tk.Sector != sectors.SectorAI || len(tk.Groups) != 0 {
		t.Errorf("stored %s %v", tk.Sector, tk.Groups)
	}
	// its only sector: refused, with the way out
	m = press(m, "shift+tab", "-")
	if !m.statusErr || !strings.Contains(m.status, "x removes it") {
		t.Errorf("leaving the only sector: %q", m.status)
	}
	m = press(m, "0", "shift+tab", "-")
	if !strings.Contains(m.status, "on a sector tab") {
		t.Errorf("- on All: %q", m.status)
	}
}

func TestAllTabShowsSectorAndPosition(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 80, 24)
	lines := strings.Split(m.plainView(), "\n")
	if !strings.Contains(lines[0], "1/25 ↓") {
		t.Errorf("position missing: %q", lines[0])
	}
	if !strings.Contains(lines[2], "Sector") || !strings.Contains(rowOf(t, m.plainView(), "000977"), "Compute") {
		t.Errorf("no sector column on All:\n%s", m.plainView())
	}
	m = press(m, "G")
	if l := strings.Split(m.plainView(), "\n")[0]; !strings.Contains(l, "25/25") || strings.Contains(l, "↓") {
		t.Errorf("at the bottom: %q", l)
	}
	m = press(m, "tab")
	if l := strings.Split(m.plainView(), "\n")[2]; strings.Contains(l, "Sector") {
		t.Errorf("a sector's tab repeats the sector: %q", l)
	}
	// the Board column goes only when space runs out, and stays gone narrower
	had := true
	for w := 120; w >= 50; w-- {
		m = update(m, tea.WindowSizeMsg{Width: w, Height: 24})
		lw := w
		if w >= wideWidth {
			f := m.newFrame()
			lw = f.listWidth(w) - 1
		}
		has := layoutColumnsOf(&m, lw).width("board") > 0
		if has && !had && w < wideWidth {
			t.Errorf("board came back at %d", w)
		}
		if w < wideWidth {
			had = has
		}
	}
}

func TestNoteHistoryUndeleteAndSearch(t *testing.T) {
	st, _ := newTestStore(t)
	c := market.MustParseCode("002230")
	n, _ := st.AddNote(c, "first take")
	if err := st.EditNote(c, n.ID, "second take"); err != nil {
		t.Fatal(err)
	}
	old, _ := st.AddNote(c, "an old idea about 讯飞星火")
	m := newTestModel(t, st, "en", 80, 24)
	// delete the newest note: the status says u brings it back, and u does
	m = press(m, "enter", "d", "y")
	if !strings.Contains(m.status, "note deleted (u brings it back)") {
		t.Fatalf("status %q", m.status)
	}
	if len(m.data.tickers[m.view.rows[m.list.cursor]].LiveNotes()) != 1 {
		t.Fatal("not deleted")
	}
	m = press(m, "v")
	v := m.plainView()
	if !strings.Contains(v, "Deleted notes") || !strings.Contains(v, "an old idea") || !strings.Contains(v, "second take") || !strings.Contains(v, "first take") {
		t.Errorf("history view:\n%s", v)
	}
	m = press(m, "u")
	if showing(m) != "detail" || !strings.Contains(m.status, "note brought back") {
		t.Errorf("after u in the history: %s %q", showing(m), m.status)
	}
	tk, _ := st.Get(c)
	if len(tk.LiveNotes()) != 2 {
		t.Errorf("undelete did not write: %d live", len(tk.LiveNotes()))
	}
	if selectedNoteID(&m) != old.ID {
		t.Errorf("the note brought back is not selected: %d", selectedNoteID(&m))
	}
	// u in the pane brings back the last deleted one
	m = press(m, "d", "y", "u")
	if tk, _ := st.Get(c); len(tk.LiveNotes()) != 2 {
		t.Errorf("u in the pane: %d live", len(tk.LiveNotes()))
	}
	m = press(m, "u")
	if !strings.Contains(m.status, "no deleted note") {
		t.Errorf("nothing to undelete: %q", m.status)
	}
	// search inside the notes, from the list
	m = press(m, "esc", "G", "N", "星火")
	if !strings.Contains(m.plainView(), "1 notes") || !strings.Contains(m.plainView(), "002230") {
		t.Errorf("note search:\n%s", m.plainView())
	}
	m = press(m, "enter")
	if showing(m) != "detail" || selectedNumber(m) != "002230" || selectedNoteID(&m) != old.ID {
		t.Errorf("enter on a hit: %s %s note %d", showing(m), selectedNumber(m), selectedNoteID(&m))
	}
}

func TestColumnsDialogChoosesAndOrders(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 80, 24)
	var saved []string
	m.opts.SaveColumns = func(ids []string) error { saved = slices.Clone(ids); return nil }
	m = press(m, "C")
	if !strings.Contains(m.plainView(), "[x] Sector") || !strings.Contains(m.plainView(), "[ ] Volume") {
		t.Fatalf("columns common.Dialog:\n%s", m.plainView())
	}
	// hide last, change %, return, excess, the position columns, the
	// sector and the sparkline; put changed before the board
	m = press(m, " ", "j", " ", "j", " ", "j", " ", "j", " ", "j", " ", "j", " ", "j", " ", "j", " ",
		"j", "j", "j", " ", "j", "K", "K", "K", "enter")
	want := []string{"changed", "board", "note"}
	if !slices.Equal(m.list.columnIDs(m.opts.Columns), want) || !slices.Equal(saved, want) {
		t.Fatalf("columns %v, saved %v, want %v", m.list.columnIDs(m.opts.Columns), saved, want)
	}
	if !strings.Contains(m.status, "columns saved") {
		t.Errorf("status %q", m.status)
	}
	head := strings.Split(m.plainView(), "\n")[2]
	if strings.Index(head, "Changed") > strings.Index(head, "Board") || strings.Contains(head, "Sector") {
		t.Errorf("header %q", head)
	}
	// esc keeps what was shown
	m = press(m, "C", " ", "esc")
	if !slices.Equal(m.list.columnIDs(m.opts.Columns), want) {
		t.Errorf("esc changed the columns: %v", m.list.columnIDs(m.opts.Columns))
	}
}

func TestFooterKeepsHelpQuitAndBack(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		st, _ := newTestStore(t)
		for _, size := range [][2]int{{80, 24}, {60, 15}, {50, 12}} {
			m := newTestModel(t, st, lang, size[0], size[1])
			lines := strings.Split(m.plainView(), "\n")
			foot := lines[len(lines)-1]
			help, quit, back := "? help", "q quit", "esc back"
			if lang == "zh" {
				help, quit, back = "? 帮助", "q 退出", "esc 返回"
			}
			if !strings.Contains(foot, help) || !strings.Contains(foot, quit) {
				t.Errorf("%s %v: footer %q", lang, size, foot)
			}
			if strings.Contains(m.plainView(), "...") {
				t.Errorf("%s %v: three dots for an ellipsis", lang, size)
			}
			m = press(m, "enter")
			lines = strings.Split(m.plainView(), "\n")
			if foot := lines[len(lines)-1]; !strings.Contains(foot, back) {
				t.Errorf("%s %v: detail footer %q", lang, size, foot)
			}
		}
	}
}

func TestPickerMarksAndExplainsTheCurrentRating(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 80, 24)
	m = press(m, "r")
	v := m.plainView()
	if !strings.Contains(v, "Buy *(current)") && !strings.Contains(v, "Buy * (current)") {
		t.Errorf("current rating not explained:\n%s", v)
	}
	if !strings.Contains(v, "tab to type one") || !strings.Contains(v, "1-6 pick") {
		t.Errorf("picker hints:\n%s", v)
	}
	// said as the CLI says it: the code, then what it was rated
	if m = press(m, "2", "enter"); m.status != "rated 002230 Overweight" {
		t.Errorf("status %q", m.status)
	}
}
