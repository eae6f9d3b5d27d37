package ui

import (
	"reflect"
	"slices"
	"testing"
)

// After each write of its own the TUI patches one ticker into its data
// instead of loading the store again: what it then holds must be what a
// full load would give, row for row, search key for search key, and the
// generation poll must see nothing to reload.
func TestOwnWritesPatchLikeAFullLoad(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m.data.searchKeys() // made now, so that every patch below must keep them right
	steps := []struct {
		what string
		keys []string
	}{
		{"note", []string{"n", "first thoughts", "ctrl+s"}},
		{"edit note", []string{"enter", "e", " and more", "ctrl+s", "esc"}},
		{"rate", []string{"j", "r", "5", "enter"}},
		{"rate with a reason", []string{"r", "tab", "because", "enter"}},
		{"move", []string{"m", "j", "enter"}},
		{"move back", []string{"m", "k", "enter"}},
		{"delete note", []string{"g", "enter", "d", "y", "esc"}},
		{"remove", []string{"G", "x", "y"}},
		{"undo", []string{"u"}},
		{"remove on a tab", []string{"tab", "j", "x", "y"}},
		{"add", []string{"a", "gzmt", "enter"}},
		{"pin", []string{"j", "p"}},
		{"order down", []string{"j", "J"}},
		{"order up", []string{"K"}},
		{"unpin", []string{"g", "p"}},
		{"also in a sector", []string{"+", "enter"}},
		{"out of this sector", []string{"-"}},
		{"search, then rate", []string{"/", "kdxf", "enter", "r", "1", "enter"}},
		{"sorted by rating, then rate", []string{"esc", "s", "s", "s", "j", "r", "6", "enter"}},
	}
	for _, s := range steps {
		m = press(m, s.keys...)
		if m.statusErr {
			t.Fatalf("%s: %s", s.what, m.status)
		}
		fresh := newTestModel(t, st, "en", 120, 40)
		fresh.view.filter, fresh.view.query, fresh.view.sortBy = m.view.filter, m.view.query, m.view.sortBy
		fresh.tabs.active = m.tabs.active
		fresh.refilter("")
		assertSameData(t, s.what, m, fresh)
		gen, err := st.Generation()
		if err != nil {
			t.Fatal(err)
		}
		if m.data.gen != gen {
			t.Errorf("%s: the data is at generation %d, the store at %d: the poll would reload the store for our own write", s.what, m.data.gen, gen)
		}
		if _, cmd := m.Update(genMsg{gen: gen}); cmd != nil {
			t.Errorf("%s: the poll after our own write starts a reload", s.what)
		}
	}
}

func assertSameData(t *testing.T, what string, got, want Model) {
	t.Helper()
	numbers := func(m Model) []string {
		var out []string
		for _, tk := range m.data.tickers {
			out = append(out, tk.Code.Key())
		}
		return out
	}
	if g, w := numbers(got), numbers(want); !slices.Equal(g, w) {
		t.Fatalf("%s: tickers in another order than a full load:\n got %v\nwant %v", what, g, w)
	}
	for i := range want.data.tickers {
		if !reflect.DeepEqual(got.data.tickers[i], want.data.tickers[i]) {
			t.Errorf("%s: ticker %s differs from a full load:\n got %+v\nwant %+v", what, want.data.tickers[i].Code, got.data.tickers[i], want.data.tickers[i])
		}
		if !reflect.DeepEqual(got.data.searchKeys()[i], want.data.searchKeys()[i]) || got.data.nameSortKeys()[i] != want.data.nameSortKeys()[i] {
			t.Errorf("%s: search key of %s differs from a full load", what, want.data.tickers[i].Code)
		}
	}
	gi, wi := got.data.index(), want.data.index()
	if !slices.Equal(gi.sector, wi.sector) || !slices.Equal(gi.rating, wi.rating) {
		t.Errorf("%s: filter index differs from a full load", what)
	}
	if !slices.Equal(codes(got), codes(want)) || !slices.Equal(got.view.counts, want.view.counts) {
		t.Errorf("%s: rows or counts differ from a full load:\n got %v %v\nwant %v %v", what, codes(got), got.view.counts, codes(want), want.view.counts)
	}
	if g, w := got.plainView(), want.withSelection(got).plainView(); g != w {
		t.Errorf("%s: the screen differs from a full load's\n--- patched\n%s\n--- loaded\n%s", what, g, w)
	}
}

// withSelection puts m's cursor, detail state and status where from has them.
func (m Model) withSelection(from Model) Model {
	m.list = from.list
	m.det = from.det
	m.status, m.statusErr = from.status, from.statusErr
	return m
}
