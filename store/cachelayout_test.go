package store

import (
	"testing"
	"time"
	"unsafe"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// valueAt is where the value of key in bucket starts in the file (its
// offset in the memory map), 0 when there is none. bbolt never writes a
// page in place: a value whose leaf a commit wrote has moved.
func valueAt(t *testing.T, s *Store, bucket, key []byte) uintptr {
	t.Helper()
	var at uintptr
	if err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucket); b != nil {
			if v := b.Get(key); len(v) > 0 {
				at = uintptr(unsafe.Pointer(&v[0])) - tx.DB().Info().Data
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return at
}

// The writes that carry the list index forward (a history batch, a note)
// and the quotes kept once a minute write a few bytes: neither the index
// (1.2 MB at the whole market) nor the kept quotes (0.9 MB) is written
// again with them.
func TestCarriedIndexAndKeptQuotesAreNotRewritten(t *testing.T) {
	s := listIndexStore(t)
	full, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveListIndex(full); err != nil {
		t.Fatal(err)
	}
	fetched := time.Date(2026, 12, 4, 7, 0, 0, 0, time.UTC)
	qs := marketQuotes(40, fetched, fetched)
	if err := s.KeepQuotes(qs, codesOf(qs)); err != nil {
		t.Fatal(err)
	}
	index := valueAt(t, s, bucketListValue, keyListIndex)
	quotes := valueAt(t, s, bucketQuoteCache, keyQuotes)
	if index == 0 || quotes == 0 {
		t.Fatalf("index at %d, quotes at %d: want both stored", index, quotes)
	}
	on := full.Tickers[0].Code
	for _, tk := range full.Tickers {
		if tk.OnList() {
			on = tk.Code
			break
		}
	}
	bars := []sectors.DailyBar{{Date: time.Date(2026, 12, 3, 16, 0, 0, 0, time.UTC), Open: 10, Close: 10.5, High: 11, Low: 9.9, Volume: 100}}
	if err := s.SaveHistories(map[string]HistoryUpdate{on.Key(): {Fetched: sectors.PriceHistory{Code: on, Bars: bars}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(on, "carried by the dirty list"); err != nil {
		t.Fatal(err)
	}
	if got := valueAt(t, s, bucketListValue, keyListIndex); got != index {
		t.Errorf("the index moved from %d to %d: a write that carries it wrote it again", index, got)
	}
	if got := valueAt(t, s, bucketQuoteCache, keyQuotes); got != quotes {
		t.Errorf("the kept quotes moved from %d to %d: a write beside them wrote them again", quotes, got)
	}
	if _, ok, err := s.LoadListIndex(); !ok || err != nil {
		t.Fatalf("LoadListIndex after the note = %v, %v; want the index with the ticker read afresh", ok, err)
	}
	if err := s.KeepQuotes(qs[:1], codesOf(qs)); err != nil {
		t.Fatal(err)
	}
	if got := valueAt(t, s, bucketListValue, keyListIndex); got != index {
		t.Errorf("the index moved from %d to %d when quotes were kept", index, got)
	}
}

// A file of the build before: the index, its generation and the kept
// quotes in one bucket, cache. Its quotes are still read; its index is
// not used (an older build may have made it at a generation this one
// does not know), and the bucket is gone once this build saves its own,
// its quotes kept in their bucket.
func TestOldCacheBucket(t *testing.T) {
	s := listIndexStore(t)
	full, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	fetched := time.Date(2026, 12, 4, 7, 0, 0, 0, time.UTC)
	qs := marketQuotes(10, fetched, fetched)
	db, err := bolt.Open(s.path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(bucketOldCache)
		if err != nil {
			return err
		}
		if err := b.Put(keyListIndex, encodeListIndex(full)); err != nil {
			return err
		}
		if err := b.Put([]byte("list-gen"), itob(full.Gen)); err != nil {
			return err
		}
		return b.Put(keyQuotes, encodeQuoteCache(qs))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if kept, err := s.KeptQuotes(); err != nil || len(kept) != len(qs) {
		t.Errorf("the old bucket's quotes: %d, %v; want %d", len(kept), err, len(qs))
	}
	if _, ok, err := s.LoadListIndex(); ok || err != nil {
		t.Errorf("the old bucket's index: LoadListIndex = %v, %v; want none used", ok, err)
	}
	if err := s.SaveListIndex(full); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.LoadListIndex(); !ok || err != nil {
		t.Errorf("after a save: LoadListIndex = %v, %v; want the index", ok, err)
	}
	if err := s.view(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketOldCache) != nil {
			t.Error("the old cache bucket is still there after an index was saved")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if kept, err := s.KeptQuotes(); err != nil || len(kept) != len(qs) {
		t.Errorf("the old bucket's quotes after it was removed: %d, %v; want %d", len(kept), err, len(qs))
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("doctor after the move: %v, %v", problems, err)
	}
}
