package ui

import (
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"zixuan/bench/universe"
	"zixuan/store"
)

// burst sends keys one after another as a quick typist does: each before
// the writes the ones before it started are in; then the writes finish.
func burst(m Model, keys ...string) Model {
	for _, k := range keys {
		next, _ := m.Update(keyMsg(k))
		m = next.(Model)
	}
	for {
		m = settle(m)
		if m.loadAwaited == 0 {
			return m
		}
		// the reload a write asked for (a sector numbered whole), as the
		// program runs it
		next, _ := m.Update(m.sync.load()())
		m = next.(Model)
	}
}

// Keys typed on the list while a write is pending wait for it and are
// applied in order, each on the data as the write before it left it:
// bursts at the whole market lose no press.
func TestBurstsOfKeysLoseNoPress(t *testing.T) {
	st, err := store.Open(universe.Copy(t, universe.All()))
	if err != nil {
		t.Fatal(err)
	}
	m, err := New(st, testOptions(t, "en"))
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = press(m, "tab") // the first sector's tab
	for range 12 {
		m = press(m, "down")
	}
	tk, _ := m.selected()
	at := func(m Model) int { return slices.Index(codes(m), tk.Code.Number) }
	from := at(m)

	m = burst(m, "K", "K", "K", "K", "K")
	if got := at(m); got != from-5 {
		t.Errorf("five K moved %s from row %d to %d, want %d", tk.Code.Number, from, got, from-5)
	}
	m = burst(m, "J", "J")
	if got := at(m); got != from-3 {
		t.Errorf("then two J: row %d, want %d", got, from-3)
	}
	if sel, _ := m.selected(); sel.Code != tk.Code {
		t.Errorf("the selection left the ticker moved: %s", sel.Code.Number)
	}

	m = burst(m, "p", "p")
	if got, err := st.Get(tk.Code); err != nil || got.Pinned {
		t.Errorf("p p: pinned %v (%v), want pinned then unpinned", got.Pinned, err)
	}
	m = burst(m, "p", "p", "p")
	if got, _ := st.Get(tk.Code); !got.Pinned {
		t.Error("p p p: not pinned")
	}

	m = burst(m, "x", "y", "u")
	got, err := st.Get(tk.Code)
	if err != nil || !got.OnList() {
		t.Fatalf("x y u: %s is not back on the list (%v)", tk.Code.Number, err)
	}
	if sel, _ := m.selected(); sel.Code != tk.Code || len(m.held) != 0 {
		t.Errorf("after x y u: selected %s, %d keys still held", sel.Code.Number, len(m.held))
	}
}
