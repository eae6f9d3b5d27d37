package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"

	"zixuan/ui/common"
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
	if !strings.Contains(m.plainView(), "> "+all[len(all)-1]) {
		t.Errorf("last row selected but not shown:\n%s", m.plainView())
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
			if tk := m.data.tickers[slices.IndexFunc(m.data.tickers, func(x sectors.Ticker) bool { return x.Code.Number == c })]; tk.Sector != sectors.SectorAI {
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
	if !strings.Contains(m.plainView(), "filter: Buy,Overweight") {
		t.Errorf("status does not show the filter:\n%s", m.plainView())
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
	if showing(m) != "search" || len(codes(m)) == 25 {
		t.Fatalf("search does not filter live: showing %s, %d rows", showing(m), len(codes(m)))
	}
	m = press(m, "x", "f")
	if got := codes(m); len(got) != 1 || got[0] != "002230" {
		t.Fatalf("/kdxf = %v", got)
	}
	m = press(m, "enter")
	if showing(m) != "list" || len(codes(m)) != 1 {
		t.Fatalf("enter must keep the filter and return to the list")
	}
	m = press(m, "/", "backspace", "backspace", "backspace", "backspace", "科大")
	if got := codes(m); len(got) != 1 {
		t.Errorf("/科大 = %v", got)
	}
	m = press(m, "esc")
	if showing(m) != "list" || len(codes(m)) != 25 || m.view.query != "" {
		t.Errorf("esc must clear the search")
	}
	m = press(m, "/", "kdxf", "enter", "esc")
	if len(codes(m)) != 25 {
		t.Errorf("esc on the list should clear a kept search")
	}
}

func TestSortCycle(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "s")
	if got := codes(m); !slices.IsSorted(got) {
		t.Errorf("code sort: %v", got)
	}
	m = press(m, "s")
	var names []string
	for _, r := range m.view.rows {
		names = append(names, m.data.tickers[r].Name)
	}
	m = press(m, "s")
	var reversed []string
	for _, r := range m.view.rows {
		reversed = append(reversed, m.data.tickers[r].Name)
	}
	slices.Reverse(reversed)
	if !slices.Equal(names, reversed) || names[0] == names[len(names)-1] {
		t.Errorf("reversed name sort is not the name sort reversed: %v / %v", names, reversed)
	}
	m = press(m, "s")
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
		t.Errorf("six presses of s should come back to sector order")
	}
}

func TestQuitAndHelp(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	if _, cmd := pressCmd(m, "ctrl+c"); cmd == nil || cmd() != tea.Quit() {
		t.Error("ctrl+c does not quit")
	}
	m = press(m, "?")
	if showing(m) != "help" || !strings.Contains(m.plainView(), "undo remove") {
		t.Fatalf("? does not show the full help:\n%s", m.plainView())
	}
	m = press(m, "?")
	if showing(m) == "help" {
		t.Error("? again does not close the help")
	}
}

func TestTooSmall(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 40, 10)
	if !strings.Contains(m.plainView(), "too small") {
		t.Errorf("40x10: %q", m.plainView())
	}
	m = update(m, tea.WindowSizeMsg{Width: 60, Height: 15})
	if strings.Contains(m.plainView(), "too small") {
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
	if _, cmd := m.Update(pollMsg{gen: m.data.gen}); cmd != nil {
		t.Fatal("a poll that found the data's own generation starts something")
	}
	gen, err := other.Generation()
	if err != nil {
		t.Fatal(err)
	}
	polling := m
	polling.sync.every = time.Millisecond
	if msg, ok := polling.sync.poll()().(pollMsg); !ok || msg.gen != gen {
		t.Fatalf("the poll's tick read %+v, want generation %d", msg, gen)
	}
	next, cmd := m.Update(pollMsg{gen: gen})
	if cmd == nil {
		t.Fatal("a poll that found a new generation does not reload")
	}
	if _, c := m.Update(m.sync.checkGen()()); c == nil {
		t.Fatal("checkGen finds no new generation")
	}
	m = update(next.(Model), cmd())
	if !strings.Contains(m.plainView(), "written elsewhere") {
		t.Errorf("the other process's note does not show:\n%s", m.plainView())
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
	v := m.plainView()
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
	if !common.TextFor("").ZH {
		t.Error("LANG=zh_CN.UTF-8 should give Chinese")
	}
	if common.TextFor("en").ZH {
		t.Error("--lang en should win over the locale")
	}
	t.Setenv("LANG", "C.UTF-8")
	if common.TextFor("").ZH || !common.TextFor("zh").ZH {
		t.Error("C.UTF-8 gives English; --lang zh gives Chinese")
	}
}

// Keys that arrive together (tmux send-keys '/' 'kdxf' Enter, a fast
// typist) come in one read of the terminal: each must still act as its
// own key. The bytes go through the real program's input decoder.
func TestRunesArrivingTogether(t *testing.T) {
	st, _ := newTestStore(t)
	m := drive(t, newTestModel(t, st, "en", 120, 40), "/kdxf\r")
	if got := codes(m); len(got) != 1 || got[0] != "002230" {
		t.Fatalf("/kdxf typed at once shows %v, want only 002230", got)
	}
}

// Chinese typed through an input method arrives as the characters'
// UTF-8 bytes, several in one read: the search finds by them.
func TestTypedChineseSearches(t *testing.T) {
	st, _ := newTestStore(t)
	m := drive(t, newTestModel(t, st, "zh", 120, 40), "/科大讯飞\r")
	if got := codes(m); len(got) != 1 || got[0] != "002230" {
		t.Fatalf("/科大讯飞 shows %v, want only 002230", got)
	}
	if m.view.query != "科大讯飞" {
		t.Errorf("query %q", m.view.query)
	}
}

// Text pasted (bracketed paste) into the search stays text, it is not
// run as keys; a code pasted on the list lands on that stock.
func TestPastedText(t *testing.T) {
	st, _ := newTestStore(t)
	m := drive(t, newTestModel(t, st, "en", 120, 40), "/\x1b[200~688\x1b[201~")
	if showing(m) != "search" || m.view.query != "688" {
		t.Fatalf("pasted 688: %s has the keys, query %q", showing(m), m.view.query)
	}
	if got := codes(m); len(got) == 0 || len(got) == 25 {
		t.Fatalf("pasted 688 shows %d rows", len(got))
	}
	m = drive(t, newTestModel(t, st, "en", 120, 40), "\x1b[200~688111\x1b[201~")
	if got := selectedNumber(m); got != "688111" || showing(m) != "list" {
		t.Errorf("pasted 688111 on the list: %s selected, %s has the keys", got, showing(m))
	}
}

// esc then a key, too fast for the terminal to tell apart, arrives as
// alt+key: on the list it acts as both.
func TestEscThenKeyArrivingTogether(t *testing.T) {
	st, _ := newTestStore(t)
	m := drive(t, newTestModel(t, st, "en", 120, 40), "/kdxf\r")
	if len(codes(m)) != 1 {
		t.Fatalf("search kept %d rows", len(codes(m)))
	}
	m = drive(t, m, "\x1b1")
	for _, r := range m.view.rows {
		if m.data.tickers[r].Rating != sectors.Buy {
			t.Fatalf("alt+1 after a kept search: a %s row", m.data.tickers[r].Rating)
		}
	}
	if m.view.query != "" || len(codes(m)) < 2 {
		t.Errorf("alt+1: query %q, %d rows; want the search cleared and the buy filter on", m.view.query, len(codes(m)))
	}
}
