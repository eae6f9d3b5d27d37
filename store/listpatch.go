package store

import (
	"bytes"
	"encoding/binary"
	"slices"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// A write of one ticker's own data (a note, a rating, a move, a removal:
// writeTicker) keeps a list index that was good before it good after it by
// naming the ticker in list-index/dirty: LoadListIndex reads those tickers
// afresh from their records and puts them in their place. The write pays
// for a few bytes; the start after it for a few tickers read. The next
// SaveListIndex (the TUI saves one when the index is not whole) makes the
// index whole again and clears the list. Past maxDirty tickers the index
// is left to go stale instead: a start then loads everything first.
//
// list-index/gen keeps its meaning, the generation the index is good for
// whole, so that a build that knows nothing of the dirty list (it reads
// only gen) never uses an index with tickers changed since.
//
// list-index/dirty: the generation the index is good for with these
// tickers read afresh (8 bytes, big-endian), a uvarint count, then each
// ticker's key as a string (uvarint length, bytes), in the order first
// written.
var keyListDirty = []byte("dirty")

// maxDirty is the most tickers the dirty list names.
const maxDirty = 256

// usableListIndex says whether the index in tx can serve generation gen,
// and with which tickers to read afresh (none when it is whole at gen).
func usableListIndex(tx *bolt.Tx, gen uint64) (dirty [][]byte, ok bool) {
	if listIndexGen(tx) == gen {
		return nil, true
	}
	b := tx.Bucket(bucketListState)
	if b == nil {
		return nil, false
	}
	at, keys, ok := dirtyList(b.Get(keyListDirty))
	if !ok || at != gen {
		return nil, false
	}
	if g, _ := listIndexHeader(listIndexValue(tx)); g == 0 {
		return nil, false
	}
	return keys, true
}

// markListIndex keeps a list index that served generation before serving
// the one this transaction makes, for a write that changed the ticker key
// and nothing else the index holds: key joins the dirty list. An index
// that did not serve before stays as it was: stale.
func markListIndex(tx *bolt.Tx, before uint64, key []byte) error {
	b := tx.Bucket(bucketListState)
	if b == nil {
		return nil
	}
	dirty, ok := usableListIndex(tx, before)
	if !ok {
		return nil
	}
	if !slices.ContainsFunc(dirty, func(k []byte) bool { return bytes.Equal(k, key) }) {
		if len(dirty) >= maxDirty {
			return nil
		}
		dirty = append(dirty, key)
	}
	return putDirtyList(b, readGen(tx), dirty)
}

func putDirtyList(b *bolt.Bucket, gen uint64, keys [][]byte) error {
	v := binary.AppendUvarint(itob(gen), uint64(len(keys)))
	for _, k := range keys {
		v = putStr(v, string(k))
	}
	return b.Put(keyListDirty, v)
}

// dirtyList decodes list-index/dirty; false when it is absent or does not
// decode. The keys point into v.
func dirtyList(v []byte) (gen uint64, keys [][]byte, ok bool) {
	if len(v) < 8 {
		return 0, nil, false
	}
	gen, v = binary.BigEndian.Uint64(v), v[8:]
	n, i := binary.Uvarint(v)
	if i <= 0 || n > maxDirty {
		return 0, nil, false
	}
	v = v[i:]
	keys = make([][]byte, 0, n)
	for range n {
		l, i := binary.Uvarint(v)
		if i <= 0 || l > uint64(len(v)-i) {
			return 0, nil, false
		}
		keys, v = append(keys, v[i:i+int(l)]), v[i+int(l):]
	}
	return gen, keys, len(v) == 0
}

// freshenDirty puts the dirty tickers of an index into tickers (decoded
// from it), each as the index would hold it now, and sorts the list as Load
// does. It reports false when one of them does not read: the index is
// then not used.
func freshenDirty(tx *bolt.Tx, gen uint64, tickers []sectors.Ticker, secs []sectors.Sector, dirty [][]byte) ([]sectors.Ticker, bool) {
	if len(dirty) == 0 {
		return tickers, true
	}
	codes := make(map[market.Code]bool, len(dirty))
	var fresh []sectors.Ticker
	for _, key := range dirty {
		code, err := market.ParseCode(string(key))
		if err != nil {
			return nil, false
		}
		codes[code] = true
		if tx.Bucket(bucketTickers).Get(key) == nil {
			continue // gone
		}
		t, err := readTicker(tref{tx: tx, key: key})
		if err != nil {
			return nil, false
		}
		if t.OnList() {
			fresh = append(fresh, t)
		}
	}
	// each as the index holds it: through its own encoding
	one, err := decodeListIndex(encodeListIndex(&sectors.Snapshot{Gen: gen, Tickers: fresh}))
	if err != nil {
		return nil, false
	}
	tickers = slices.DeleteFunc(tickers, func(t sectors.Ticker) bool { return codes[t.Code] })
	snap := &sectors.Snapshot{Sectors: secs, Tickers: append(tickers, one...)}
	sortTickers(snap)
	return snap.Tickers, true
}
