package store

import (
	"path/filepath"
	"reflect"
	"testing"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// listIndexStore is the schema-1 test file (notes, edits, deletes,
// re-ratings, a user sector, removals), upgraded, then given a pin, a
// group, a deleted latest note and a removed ticker: every field the index
// carries, set somewhere.
func listIndexStore(t *testing.T) *Store {
	t.Helper()
	path := schema1Copy(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	var on []sectors.Ticker
	for _, tk := range snap.Tickers {
		if tk.OnList() {
			on = append(on, tk)
		}
	}
	if len(on) < 4 {
		t.Fatalf("the test file has %d tickers on the list", len(on))
	}
	if _, err := s.SetPinned(on[0].Code, true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddToGroup(on[1].Code, snap.Sectors[len(snap.Sectors)-1].ID); err != nil {
		t.Fatal(err)
	}
	n, err := s.AddNote(on[2].Code, "to be deleted")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteNote(on[2].Code, n.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveTicker(on[3].Code); err != nil {
		t.Fatal(err)
	}
	return s
}

// partialOf is what the index keeps of a full snapshot's ticker.
func partialOf(tk sectors.Ticker) sectors.Ticker {
	tk.Ratings = nil
	if n, ok := tk.LatestNote(); ok {
		tk.Notes = []sectors.Note{{ID: n.ID, Text: n.Text, Created: n.Created, Updated: n.Updated}}
	} else {
		tk.Notes = nil
	}
	return tk
}

func TestListIndexHoldsWhatTheListShows(t *testing.T) {
	s := listIndexStore(t)
	if _, ok, err := s.LoadListIndex(); err != nil || ok {
		t.Fatalf("a file without an index: LoadListIndex = %v, %v; want no index", ok, err)
	}
	full, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	before := gen(t, s)
	if err := s.SaveListIndex(full); err != nil {
		t.Fatal(err)
	}
	if g := gen(t, s); g != before {
		t.Errorf("saving the index moved the generation %d -> %d: open TUIs would reload for it", before, g)
	}
	if g, err := s.ListIndexGen(); err != nil || g != full.Gen {
		t.Errorf("ListIndexGen = %d, %v; want %d", g, err, full.Gen)
	}
	part, ok, err := s.LoadListIndex()
	if err != nil || !ok {
		t.Fatalf("LoadListIndex after SaveListIndex = %v, %v", ok, err)
	}
	var want []sectors.Ticker
	for _, tk := range full.Tickers {
		if tk.OnList() {
			want = append(want, partialOf(tk))
		}
	}
	if len(part.Tickers) != len(want) || len(want) == len(full.Tickers) {
		t.Fatalf("the index has %d tickers; the list %d (of %d with the removed)", len(part.Tickers), len(want), len(full.Tickers))
	}
	pinned, grouped, deletedLatest := false, false, false
	for i := range want {
		if !reflect.DeepEqual(part.Tickers[i], want[i]) {
			t.Errorf("ticker %d differs:\n got %+v\nwant %+v", i, part.Tickers[i], want[i])
		}
		pinned = pinned || want[i].Pinned
		grouped = grouped || len(want[i].Groups) > 0
		deletedLatest = deletedLatest || len(full.Tickers) > 0 && len(fullTicker(full, want[i].Code).Notes) > 0 && fullTicker(full, want[i].Code).Notes[0].IsDeleted()
	}
	if !pinned || !grouped || !deletedLatest {
		t.Errorf("the test data lacks a pin (%v), a group (%v) or a deleted newest note (%v)", pinned, grouped, deletedLatest)
	}
	if part.Gen != full.Gen || !reflect.DeepEqual(part.Source, full.Source) || !reflect.DeepEqual(part.Sectors, full.Sectors) || !reflect.DeepEqual(part.Reports, full.Reports) || !reflect.DeepEqual(part.Refs, full.Refs) {
		t.Errorf("the source, sectors, reports or reference prices differ from Load's")
	}

	// a write of what it does not hold (an alert, a trade, history, a
	// reference price) keeps it good; so does an alert that fires
	c := want[0].Code
	if _, err := s.AddAlert(sectors.Alert{Code: c, Kind: sectors.AlertAbove, Value: 100}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTrade(sectors.Trade{Code: c, Side: sectors.Bought, Qty: 100, Price: 10, Date: chinaAt("2024-06-03 00:00")}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.LoadListIndex(); !ok {
		t.Fatal("an alert or a trade made the index stale")
	}
	// a write beyond one ticker's own data (a reorder) makes it stale (one
	// ticker's keeps it: listpatch_test.go); a save from the older snapshot
	// then does nothing
	if err := s.Reorder([]market.Code{want[1].Code, want[0].Code}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(want[0].Code, "new"); err != nil { // and a stale one stays stale
		t.Fatal(err)
	}
	if _, ok, _ := s.LoadListIndex(); ok {
		t.Fatal("the index is used after a write made it stale")
	}
	if err := s.SaveListIndex(full); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.LoadListIndex(); ok {
		t.Fatal("a snapshot older than the file was saved as its index")
	}
	fresh, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveListIndex(fresh); err != nil {
		t.Fatal(err)
	}
	part, ok, _ = s.LoadListIndex()
	if !ok || part.Tickers[0].Notes[0].Text != "new" {
		t.Fatalf("the index saved after the write does not hold it: %v %+v", ok, part)
	}
}

func fullTicker(snap *sectors.Snapshot, c market.Code) sectors.Ticker {
	for _, tk := range snap.Tickers {
		if tk.Code == c {
			return tk
		}
	}
	return sectors.Ticker{}
}

// An index value cut anywhere or with any byte changed is refused or
// decodes to tickers, never a panic; doctor's checks do not mind it.
func TestListIndexDamagedIsIgnored(t *testing.T) {
	s := listIndexStore(t)
	full, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	v := encodeListIndex(full)
	for i := 0; i < len(v); i++ {
		if _, err := decodeListIndex(v[:i]); err == nil {
			t.Fatalf("an index cut at %d of %d bytes decoded", i, len(v))
		}
		w := append([]byte(nil), v...)
		w[i] ^= 0xA5
		_, _ = decodeListIndex(w)
	}
	if err := s.SaveListIndex(full); err != nil {
		t.Fatal(err)
	}
	// garbage in its place: ignored by LoadListIndex, and doctor is content
	db, err := bolt.Open(s.path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketListValue).Put(keyListIndex, append([]byte(listIndexMagic), 0xFF, 0xFF))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, ok, err := s.LoadListIndex(); ok || err != nil {
		t.Errorf("a garbage index: LoadListIndex = %v, %v; want no index and no error", ok, err)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("doctor on a file with a garbage index: %v %v", problems, err)
	}
}

func FuzzListIndex(f *testing.F) {
	s, err := Open(filepath.Join(f.TempDir(), "zixuan.db"))
	if err != nil {
		f.Fatal(err)
	}
	snap, err := s.Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(encodeListIndex(snap))
	f.Add([]byte(listIndexMagic))
	f.Fuzz(func(t *testing.T, v []byte) {
		tickers, err := decodeListIndex(v)
		if err == nil {
			for _, tk := range tickers {
				if len(tk.Code.Number) != 6 {
					t.Fatalf("decoded a code %q", tk.Code.Number)
				}
			}
		}
	})
}
