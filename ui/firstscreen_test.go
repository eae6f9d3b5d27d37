package ui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"
)

// richStore is the seed with what the list and the detail pane show set
// on several tickers: notes (one deleted, so the newest live note is not
// the newest), re-ratings, a pin, a group, a removed ticker.
func richStore(t *testing.T) *store.Store {
	t.Helper()
	st, _ := newTestStore(t)
	snap, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	tk := snap.Tickers
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 6; i++ {
		_, err := st.AddNote(tk[i].Code, fmt.Sprintf("note %d on %s\nsecond line", i, tk[i].Name))
		must(err)
	}
	n, err := st.AddNote(tk[0].Code, "deleted later")
	must(err)
	must(st.DeleteNote(tk[0].Code, n.ID))
	_, err = st.Rate(tk[1].Code, sectors.Sell, store.RateOptions{Reason: "cut"})
	must(err)
	_, err = st.Rate(tk[0].Code, sectors.Neutral, store.RateOptions{})
	must(err)
	_, err = st.SetPinned(tk[4].Code, true)
	must(err)
	_, _, err = st.AddToGroup(tk[5].Code, snap.Sectors[0].ID)
	must(err)
	must(st.RemoveTicker(tk[7].Code))
	return st
}

// screenOf is the model's first screen as New draws it at w x h.
func screenOf(t *testing.T, st *store.Store, opts Options, w, h int) (Model, string) {
	t.Helper()
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m = next.(Model)
	return m, m.plainView()
}

// The first screen drawn from the list index is the one a full load
// draws, in both languages, at the sizes the guide names, with the sort
// and rating filter a start can bring back.
func TestFirstScreenFromTheIndexIsTheSame(t *testing.T) {
	st := richStore(t)
	full, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	views := []struct {
		sort    string
		ratings []sectors.Rating
	}{{"", nil}, {"name", nil}, {"rating", []sectors.Rating{sectors.Buy, sectors.Sell}}, {"changed", nil}}
	for _, lang := range []string{"en", "zh"} {
		for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 15}} {
			for _, v := range views {
				what := fmt.Sprintf("%s %dx%d sort=%q ratings=%v", lang, size[0], size[1], v.sort, v.ratings)
				opts := testOptions(t, lang)
				opts.Sort, opts.RatingFilter = v.sort, v.ratings
				want, wantView := screenOf(t, st, opts, size[0], size[1])
				if want.partial {
					t.Fatalf("%s: partial without an index", what)
				}
				if err := st.SaveListIndex(full); err != nil {
					t.Fatal(err)
				}
				got, gotView := screenOf(t, st, opts, size[0], size[1])
				if !got.partial {
					t.Fatalf("%s: the index was not used", what)
				}
				if gotView != wantView {
					t.Fatalf("%s: the first screen from the index differs from a full load's:\n--- index\n%s\n--- full load\n%s", what, gotView, wantView)
				}
				// the full load arrives: the same screen, the whole data
				next, _ := got.Update(fullLoadCmd(got.st)())
				got = next.(Model)
				if got.partial || got.plainView() != wantView {
					t.Fatalf("%s: after the full load (partial=%v) the screen changed:\n%s", what, got.partial, got.plainView())
				}
				assertSameData(t, what, got, want)
				// a note written since (by the CLI, say): the next start still
				// draws from the index, that ticker read afresh, and the
				// screen is the full load's
				if _, err := st.AddNote(full.Tickers[0].Code, fmt.Sprintf("x %s", what)); err != nil {
					t.Fatal(err)
				}
				got, gotView = screenOf(t, st, opts, size[0], size[1])
				if !got.partial {
					t.Fatalf("%s: a note made the index stale", what)
				}
				next, _ = got.Update(fullLoadCmd(got.st)())
				if after := next.(Model); after.partial || after.plainView() != gotView {
					t.Fatalf("%s: with a note since the index, the first screen differs from a full load's:\n--- index\n%s\n--- full load\n%s", what, gotView, after.plainView())
				}
				// a write beyond one ticker: the next start loads everything again
				sec, err := st.AddSector("Scratch", "")
				if err != nil {
					t.Fatal(err)
				}
				if _, err := st.DeleteSector(sec.ID); err != nil {
					t.Fatal(err)
				}
				if m, _ := screenOf(t, st, opts, size[0], size[1]); m.partial {
					t.Fatalf("%s: a stale index was used", what)
				}
				if full, err = st.Load(); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// Keys typed before the whole store is in are neither lost nor handled
// on partial data: they wait, and run in order once it is.
func TestKeysBeforeTheFullLoadWait(t *testing.T) {
	st := richStore(t)
	full, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveListIndex(full); err != nil {
		t.Fatal(err)
	}
	m, _ := screenOf(t, st, testOptions(t, "en"), 120, 40)
	if !m.partial {
		t.Fatal("the index was not used")
	}
	if cmd := m.Init(); cmd == nil {
		t.Fatal("no full load started")
	}
	for _, k := range []string{"/", "k", "d", "x", "f"} {
		next, cmd := m.Update(keyMsg(k))
		m = next.(Model)
		if cmd != nil {
			t.Fatalf("key %q ran a command on partial data", k)
		}
	}
	if m.view.query != "" || m.stack.top() != nil {
		t.Fatalf("a key was handled before the full load: query %q", m.view.query)
	}
	next, _ := m.Update(fullLoadCmd(m.st)())
	m = next.(Model)
	if m.partial || m.view.query != "kdxf" {
		t.Fatalf("after the full load: partial=%v query=%q, want the search kdxf typed before it", m.partial, m.view.query)
	}
	if tk, ok := m.selected(); !ok || tk.Code.Number != "002230" {
		t.Errorf("kdxf selects %v, want 002230 科大讯飞", tk.Code)
	}

	// q before the full load quits once it is in
	m, _ = screenOf(t, st, testOptions(t, "en"), 120, 40)
	next, _ = m.Update(keyMsg("q"))
	next, cmd := next.(Model).Update(fullLoadCmd(m.st)())
	if !next.(Model).quitting || cmd == nil {
		t.Error("q typed before the full load did not quit after it")
	}
}

// The start saves the list index when the file has none at its
// generation, and not again when it has.
func TestStartSavesTheListIndex(t *testing.T) {
	st := richStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	if g, _ := st.ListIndexGen(); g != 0 {
		t.Fatalf("an index before any start: %d", g)
	}
	saveListIndexCmd(st, m.hs.snap)()
	if g, _ := st.ListIndexGen(); g != m.data.gen {
		t.Fatalf("index at generation %d after the start, the data at %d", g, m.data.gen)
	}
	gen, _ := st.Generation()
	saveListIndexCmd(st, m.hs.snap)()
	if g, _ := st.Generation(); g != gen {
		t.Error("saving the index moved the generation")
	}
	// a write of ours, then quit: the index follows
	m = press(m, "n", "fresh", "ctrl+s")
	saveListIndexAtExit(m.st, m.data.gen)
	if g, _ := st.ListIndexGen(); g != m.data.gen {
		t.Errorf("index at generation %d after quitting, the data at %d", g, m.data.gen)
	}
}

// Run's model has no data until Init's load is in: it draws nothing (no
// empty frame flashes), keeps the size it is given, and then draws what
// New's model draws, with an index or without.
func TestRunLoadsOnStartAndDrawsNewsScreen(t *testing.T) {
	st := richStore(t)
	for _, withIndex := range []bool{false, true} {
		if withIndex {
			full, err := st.Load()
			if err != nil {
				t.Fatal(err)
			}
			if err := st.SaveListIndex(full); err != nil {
				t.Fatal(err)
			}
		}
		opts := testOptions(t, "zh")
		m := newShell(st, opts)
		m.loading, m.partial = true, true
		next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		next, _ = next.Update(keyMsg("j")) // waits for the data
		if v := next.(Model).plainView(); v != "" {
			t.Fatalf("index=%v: before its data Run's model draws\n%s", withIndex, v)
		}
		next, cmd := next.Update(m.Init()())
		got := next.(Model)
		if got.partial != withIndex {
			t.Fatalf("index=%v: partial=%v after the first load", withIndex, got.partial)
		}
		if withIndex {
			next, _ = got.Update(fullLoadCmd(got.st)())
			got = next.(Model)
		} else if cmd == nil {
			t.Fatal("no start commands after the full first load")
		}
		// the j typed while loading moved the cursor once the data was in
		wantModel, _ := screenOf(t, st, opts, 100, 30)
		if wantModel.partial {
			next, _ := wantModel.Update(fullLoadCmd(wantModel.st)())
			wantModel = next.(Model)
		}
		wantModel = press(wantModel, "j")
		if got.plainView() != wantModel.plainView() {
			t.Fatalf("index=%v: Run's screen after j differs from New's:\n%s\n--- New's\n%s", withIndex, got.plainView(), wantModel.plainView())
		}
	}
}
