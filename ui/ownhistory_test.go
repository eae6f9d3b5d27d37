package ui

import (
	"testing"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
)

// The price history this process stores (a batch at a time while the
// TUI fetches) changes nothing a load holds: the TUI takes its generation
// without reloading the whole store. A write by another process, or one
// of ours that a load holds, still reloads.
func TestOwnHistoryWritesDoNotReload(t *testing.T) {
	st, path := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	day := time.Date(2026, 2, 27, 0, 0, 0, 0, time.UTC)
	batch := map[string]store.HistoryUpdate{tk.Code.Key(): {Fetched: sectors.PriceHistory{Code: tk.Code,
		Bars: []sectors.DailyBar{{Date: day, Open: 10, High: 11, Low: 9, Close: 10.5}}}}}
	for range 3 { // three batches, as a fetch stores them
		if err := st.SaveHistoriesAt(batch, fixedNow); err != nil {
			t.Fatal(err)
		}
	}
	gen, _ := st.Generation()
	next, cmd := m.Update(pollMsg{gen: gen})
	if cmd != nil {
		t.Fatal("the TUI reloads the whole store for the history it stored itself")
	}
	if m = next.(Model); m.data.gen != gen {
		t.Errorf("the data is at generation %d after its own history writes, want %d", m.data.gen, gen)
	}

	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.SaveHistoriesAt(batch, fixedNow); err != nil {
		t.Fatal(err)
	}
	gen, _ = st.Generation()
	if _, cmd := m.Update(pollMsg{gen: gen}); cmd == nil {
		t.Error("another process's write does not reload")
	}

	// this process's writes that a load holds: reference closes, a note
	for name, write := range map[string]func() error{
		"reference closes": func() error {
			return st.SetRefPrices([]sectors.RefPrice{{Code: tk.Code, Day: time.Date(2026, 2, 27, 0, 0, 0, 0, market.China), Close: 10, Source: "user"}})
		},
		"a note": func() error { _, err := st.AddNote(tk.Code, "written here, not through the TUI"); return err },
	} {
		m := newTestModel(t, st, "en", 120, 40)
		if err := write(); err != nil {
			t.Fatal(err)
		}
		gen, _ := st.Generation()
		if _, cmd := m.Update(pollMsg{gen: gen}); cmd == nil {
			t.Errorf("%s written by this process does not reload", name)
		}
	}
}
