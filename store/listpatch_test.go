package store

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"zixuan/sectors/market"

	"zixuan/sectors"

	bolt "go.etcd.io/bbolt"
)

// indexNow is the list index as LoadListIndex reads it, encoded again
// without its header (the generation it was made at), or nil when the file
// has none good for its generation.
func indexNow(t *testing.T, s *Store) []byte {
	t.Helper()
	snap, ok, err := s.LoadListIndex()
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		return nil
	}
	_, rest := listIndexHeader(encodeListIndex(snap))
	return rest
}

// Random writes of one ticker each (notes added, edited, deleted and
// brought back; ratings, with and without a reference price; moves, pins,
// groups, names; removals, restores, additions and revivals): after each,
// the index is good for the file's generation, with those tickers named
// dirty, and reads back as byte for byte the index saved from a full load.
// Other writes in between: a reorder and a new sector leave it stale (it
// is saved again), an alert carries it; now and then the TUI's save makes
// it whole again.
func TestTickerWritesKeepTheListIndex(t *testing.T) {
	s := listIndexStore(t)
	fresh := func() []byte {
		snap, err := s.Load()
		if err != nil {
			t.Fatal(err)
		}
		_, rest := listIndexHeader(encodeListIndex(snap))
		return rest
	}
	save := func() {
		snap, err := s.Load()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveListIndex(snap); err != nil {
			t.Fatal(err)
		}
	}
	save()
	r := rand.New(rand.NewPCG(21, 22))
	master := market.Master()
	patched := 0
	for step := range 400 {
		snap, err := s.Load()
		if err != nil {
			t.Fatal(err)
		}
		var on, off []sectors.Ticker
		for _, tk := range snap.Tickers {
			if tk.OnList() {
				on = append(on, tk)
			} else {
				off = append(off, tk)
			}
		}
		pick := on[r.IntN(len(on))]
		sec := snap.Sectors[r.IntN(len(snap.Sectors))].ID
		genBefore, err := s.Generation()
		if err != nil {
			t.Fatal(err)
		}
		if step%50 == 49 {
			save() // as the TUI does when it finds the list dirty
			if g, _ := s.ListIndexGen(); g != genBefore {
				t.Fatalf("step %d: a saved index is not whole", step)
			}
		}
		var what string
		var werr error
		aside, stale := false, false
		switch k := r.IntN(16); k {
		case 0, 1:
			what = "note"
			_, werr = s.AddNote(pick.Code, fmt.Sprintf("step %d: 订单 %d", step, r.IntN(1000)))
		case 2:
			what = "edit or delete the newest note"
			if n, ok := pick.LatestNote(); ok {
				if r.IntN(2) == 0 {
					werr = s.EditNote(pick.Code, n.ID, fmt.Sprintf("edited at %d", step))
				} else {
					werr = s.DeleteNote(pick.Code, n.ID)
				}
			}
		case 3:
			what = "undelete"
			for _, n := range pick.Notes {
				if n.IsDeleted() {
					werr = s.UndeleteNote(pick.Code, n.ID)
					break
				}
			}
		case 4, 5:
			what = "rate"
			opts := RateOptions{}
			if r.IntN(3) == 0 {
				opts.RefPrice = 10 + float64(r.IntN(1000))/100
			}
			_, werr = s.Rate(pick.Code, sectors.Rating(r.IntN(5)+1), opts)
		case 6:
			what = "move"
			_, _, werr = s.Move(pick.Code, sec)
		case 7:
			what = "pin"
			_, werr = s.SetPinned(pick.Code, !pick.Pinned)
		case 8:
			what = "group"
			if r.IntN(2) == 0 {
				_, _, werr = s.AddToGroup(pick.Code, sec)
			} else {
				_, _, werr = s.RemoveFromGroup(pick.Code, sec)
			}
		case 9:
			what = "name"
			werr = s.SetName(pick.Code, []string{"", "自选一号", "Custom"}[r.IntN(3)])
		case 10:
			what = "remove"
			if len(on) > 3 {
				werr = s.RemoveTicker(pick.Code)
			}
		case 11:
			what = "restore"
			if len(off) > 0 {
				werr = s.RestoreTicker(off[r.IntN(len(off))].Code)
			}
		case 12:
			what = "add or revive"
			code := master[r.IntN(len(master))].Code
			if len(off) > 0 && r.IntN(2) == 0 {
				code = off[r.IntN(len(off))].Code
			}
			_, werr = s.AddOrRestore(code, AddOptions{Sector: sec})
		case 13:
			what, stale = "reorder", true
			werr = s.Reorder([]market.Code{on[len(on)-1].Code, on[0].Code})
		case 14:
			switch user := snap.Sectors[len(snap.Sectors)-1]; {
			case len(snap.Sectors) > 5 && r.IntN(2) == 0:
				what, stale = "delete a sector", true // its groups are dropped from tickers
				_, werr = s.DeleteSector(user.ID)
			case len(snap.Sectors) > 5:
				what, aside = "rename a sector", true
				_, werr = s.RenameSector(user.ID, fmt.Sprintf("Renamed %d", step), "")
			default:
				what, aside = "new sector", true
				_, werr = s.AddSector(fmt.Sprintf("Sector %d", step), "")
			}
		case 15:
			what, aside = "alert", true
			_, werr = s.AddAlert(sectors.Alert{Code: pick.Code, Kind: sectors.AlertAbove, Value: 100 + float64(step)})
		}
		if werr != nil {
			var se *Error
			if !errors.As(werr, &se) {
				t.Fatalf("step %d (%s): %v", step, what, werr) // a refusal is fine, a failed write is not
			}
			continue // refused (not in that group, already there…): nothing written
		}
		gen, err := s.Generation()
		if err != nil {
			t.Fatal(err)
		}
		got := indexNow(t, s)
		if stale && gen != genBefore {
			if got != nil {
				t.Fatalf("step %d (%s): the index is kept through a write of more than one ticker", step, what)
			}
			save()
			continue
		}
		if got == nil {
			t.Fatalf("step %d (%s): no list index good for the file's generation", step, what)
		}
		if !bytes.Equal(got, fresh()) {
			t.Fatalf("step %d (%s on %s): the index reads back unlike one saved from a full load", step, what, pick.Code)
		}
		if !aside && !stale && gen != genBefore {
			patched++
		}
	}
	if patched < 100 {
		t.Fatalf("only %d of 400 steps patched the index", patched)
	}
}

// A ticker's write names it dirty: the index then serves the file but is
// not whole (ListIndexGen is not the file's generation, so the TUI saves
// it again), and a save clears the list. Past maxDirty tickers the index
// goes stale instead.
func TestDirtyTickersAreBounded(t *testing.T) {
	s, snap := indexedThenNoted(t)
	if g, _ := s.ListIndexGen(); g == mustGeneration(t, s) {
		t.Fatalf("an index with a dirty ticker called whole at %d", g)
	}
	if indexNow(t, s) == nil {
		t.Fatal("an index with a dirty ticker not used")
	}
	full, _ := s.Load()
	if err := s.SaveListIndex(full); err != nil {
		t.Fatal(err)
	}
	if g, _ := s.ListIndexGen(); g != full.Gen {
		t.Fatalf("a saved index is good for %d, the file is at %d", g, full.Gen)
	}
	var items []sectors.ImportItem
	for i, sec := range market.Master()[:maxDirty+1] {
		items = append(items, sectors.ImportItem{Line: i + 1, Code: sec.Code, Name: sec.Name, Sector: full.Sectors[0].ID})
	}
	if _, err := s.Import(items, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	snap, _ = s.Load()
	if err := s.SaveListIndex(snap); err != nil {
		t.Fatal(err)
	}
	for i, it := range items {
		if _, err := s.AddNote(it.Code, "note"); err != nil {
			t.Fatal(err)
		}
		if got := indexNow(t, s); (got != nil) != (i < maxDirty) {
			t.Fatalf("after %d tickers' notes, the index is used: %v", i+1, got != nil)
		}
	}
}

func mustGeneration(t *testing.T, s *Store) uint64 {
	t.Helper()
	g, err := s.Generation()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// A build that knows nothing of the dirty list reads only cache/list-gen:
// after a ticker's write it must find the index stale, never good.
func TestOlderBuildsSeeADirtyIndexStale(t *testing.T) {
	s, snap := indexedThenNoted(t)
	c := snap.Tickers[0].Code
	if _, err := s.AddAlert(sectors.Alert{Code: c, Kind: sectors.AlertAbove, Value: 100}); err != nil { // carried
		t.Fatal(err)
	}
	if indexNow(t, s) == nil {
		t.Fatal("the index does not serve after a note and an alert")
	}
	db, err := s.open(true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		if g := listIndexGen(tx); g == readGen(tx) {
			t.Errorf("list-index/gen says the index is whole at %d after a note", g)
		}
		return nil
	})
}

// indexedThenNoted is listIndexStore with a whole list index saved, then a
// note on its first ticker: the index serves with that ticker dirty.
func indexedThenNoted(t *testing.T) (*Store, *sectors.Snapshot) {
	t.Helper()
	s := listIndexStore(t)
	snap, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveListIndex(snap); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(snap.Tickers[0].Code, "a note"); err != nil {
		t.Fatal(err)
	}
	return s, snap
}
