package store

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// loadBothWays loads s with the notes decoded on their own goroutine and
// through Load's cursor, and fails unless the two agree.
func loadBothWays(t *testing.T, s *Store) (*sectors.Snapshot, error) {
	t.Helper()
	streamed, serr := s.Load()
	was := streamFromTickers
	streamFromTickers = 1 << 30
	walked, werr := s.Load()
	streamFromTickers = was
	if fmt.Sprint(serr) != fmt.Sprint(werr) {
		t.Fatalf("streamed: %v; through the cursor: %v", serr, werr)
	}
	if !reflect.DeepEqual(streamed, walked) {
		t.Fatal("the notes decoded on a goroutine of their own load differently")
	}
	return streamed, serr
}

// A store large enough for Load to decode its notes on a second goroutine
// loads exactly as through the cursor: every ticker's notes, with orphan
// notes (of no ticker, and of a ticker's key with a longer one) around
// them, and a damaged note met in the same order.
func TestNotesStreamedLoadTheSame(t *testing.T) {
	s := newStore(t)
	r := rand.New(rand.NewPCG(11, 12))
	var items []sectors.ImportItem
	for i, sec := range market.Master()[:900] {
		it := sectors.ImportItem{Line: i + 1, Code: sec.Code, Name: sec.Name, Sector: []string{"ai", "compute", "manufacturing", "quantum"}[i%4], HasRating: true, Rating: sectors.Rating(r.IntN(5) + 1),
			RatingAt: time.Date(2025, 1, 1+i%28, 0, 0, 0, 0, time.UTC), RatingSource: "test"}
		for j := range r.IntN(4) {
			it.Notes = append(it.Notes, sectors.Note{Text: fmt.Sprintf("note %d of %s", j, sec.Code), Created: time.Date(2025, 2, 1+j, 0, 0, 0, 0, time.UTC)})
		}
		items = append(items, it)
	}
	if _, err := s.Import(items, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if streamFromTickers > len(items) {
		t.Fatalf("%d tickers do not reach the goroutine's %d", len(items), streamFromTickers)
	}
	snap, err := loadBothWays(t, s)
	if err != nil {
		t.Fatal(err)
	}
	notes := 0
	for _, tk := range snap.Tickers {
		notes += len(tk.Notes)
	}
	if notes < 900 {
		t.Fatalf("%d notes loaded", notes)
	}
	// orphans: a key before every ticker, between two, after all, and one
	// of a ticker's key with a longer id
	raw, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	keys := [][]byte{[]byte("AA000000"), []byte(items[300].Code.Key() + "X"), []byte("ZZ999999")}
	err = raw.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketNotes)
		for _, k := range keys {
			key := binary.BigEndian.AppendUint64(append([]byte(nil), k...), 7)
			if err := b.Put(key, []byte(`{"id":7,"text":"orphan","created":"2025-01-01T00:00:00Z","updated":"2025-01-01T00:00:00Z"}`)); err != nil {
				return err
			}
		}
		return b.Put(binary.BigEndian.AppendUint64([]byte(items[400].Code.Key()), 1), []byte(`{"id":`))
	})
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loadBothWays(t, s); err == nil {
		t.Fatal("a damaged note loaded")
	}
}
