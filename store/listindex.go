package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"slices"
	"sync"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// The list index is what the TUI's first screen needs of every ticker on
// the list, in one value that reads in about 2.5 ms for the whole
// market, where Load decodes some 22,000 JSON records (ratings and notes
// mostly) in 15-30. It is a cache: derived from the records, never the
// truth, written only by SaveListIndex from a snapshot of the generation it
// is saved at, and read back only while the file is at the generation it
// is good for (list-index/gen, below), so a stale index is never shown. An
// index that does not decode is ignored the same way; the TUI then loads
// everything first, as it always did, and saves a new index.
//
// The value, in list-index-value/list:
//
//	"zixuan list index 2\n"
//	gen         uvarint   the generation it was made at
//	master      uint32    crc32 of the embedded securities master (names come from it)
//	count       uvarint   tickers on the list, in the snapshot's order
//	per ticker:
//	  exchange, number, name, report name, custom name, quote name, sector,
//	  rating source, added by              strings (uvarint length, bytes)
//	  rating                               uvarint (sectors.Rating)
//	  rating at, added, updated            times (see putTime)
//	  pinned                               byte 0/1
//	  position                             uvarint
//	  groups                               uvarint count, strings
//	  calls                                uvarint count; each: report id, code's exchange and number,
//	                                       name, name in report, rating in report, theme (strings),
//	                                       rating (uvarint), flags (uvarint count, strings)
//	  latest note                          byte 0 (none) / 1, then id uvarint, created, updated, text
//
// list-index/gen is the generation the index is good for: the one it was
// made at, carried forward by each write of what it does not hold
// (alerts, trades, price history, reference prices: writeAside), so that
// a cron `alert check` does not cost the next start its index. A write of
// one ticker's own data names it in list-index/dirty instead
// (listpatch.go). Any other write, by this build or an older one, bumps
// the generation past both.
//
// The index's state and the index are in buckets of their own: bbolt
// writes a changed key's whole leaf, and a bucket of a few keys is one
// leaf, so the 8 bytes that every history batch and note carry forward
// beside the index (1.2 MB at the whole market) rewrote the index each
// time. Builds before this one kept all three, and the last known quotes,
// in one bucket, cache: its keys are not read, and the bucket is removed
// when an index is saved (such a build then makes its own again).
//
// The schema does not change: older builds ignore the buckets, and any
// write of theirs makes the index stale.
var (
	bucketListState = []byte("list-index")       // gen, dirty: a few bytes each
	bucketListValue = []byte("list-index-value") // list: the index alone
	bucketOldCache  = []byte("cache")            // before: list, list-gen, list-dirty, quotes
	keyListIndex    = []byte("list")
	keyListIndexGen = []byte("gen") // 8 bytes, big-endian: the generation the index is good for
)

const listIndexMagic = "zixuan list index 2\n"

// masterSum identifies the embedded securities master, whose names the
// index holds: a binary with another master does not use an index made by
// this one.
var masterSum = sync.OnceValue(func() uint32 { return crc32.ChecksumIEEE(market.MasterCSV()) })

// LoadListIndex returns a partial snapshot for the first screen when the
// file holds a list index that serves its current generation (whole, or
// with the tickers written since read afresh: store/listpatch.go): the source,
// sectors, reports and reference prices as Load reads them, and every
// ticker on the list with all its fields but Ratings (none: the history is
// not kept in the index) and Notes (only the latest live note, if any).
// It reports false, with no error, when there is no usable index; the
// caller then loads everything.
func (s *Store) LoadListIndex() (*sectors.Snapshot, bool, error) {
	snap := &sectors.Snapshot{}
	ok := false
	err := s.view(func(tx *bolt.Tx) error {
		gen := readGen(tx)
		dirty, usable := usableListIndex(tx, gen)
		if !usable {
			return nil // stale or none: the caller loads everything
		}
		tickers, err := decodeListIndex(listIndexValue(tx))
		if err != nil {
			return nil // unreadable: the same
		}
		snap.Gen = gen
		_ = getJSON(tx.Bucket(bucketMeta), keySource, &snap.Source)
		if snap.Sectors, err = readSectors(tx); err != nil {
			return err
		}
		if snap.Tickers, usable = freshenDirty(tx, gen, tickers, snap.Sectors, dirty); !usable {
			return nil // a dirty ticker does not read: Load will say why
		}
		if snap.Reports, err = readReports(tx); err != nil {
			return err
		}
		if snap.Refs, err = readRefPrices(tx); err != nil {
			return err
		}
		ok = true
		return nil
	})
	if err != nil || !ok {
		return nil, false, err
	}
	return snap, true, nil
}

// ListIndexGen is the generation the stored list index is good for
// whole, 0 when there is none (or it is unreadable). An index that serves
// the file's generation only with tickers read afresh (a note since:
// store/listpatch.go) is not whole: saving one makes it so.
func (s *Store) ListIndexGen() (uint64, error) {
	var gen uint64
	err := s.view(func(tx *bolt.Tx) error {
		gen = listIndexGen(tx)
		return nil
	})
	return gen, err
}

// listIndexGen is the generation the index in tx is good for whole, 0
// for none.
func listIndexGen(tx *bolt.Tx) uint64 {
	b := tx.Bucket(bucketListState)
	if b == nil {
		return 0
	}
	if v := b.Get(keyListIndexGen); len(v) == 8 {
		if g, _ := listIndexHeader(listIndexValue(tx)); g != 0 {
			return binary.BigEndian.Uint64(v)
		}
	}
	return 0
}

// dropOldCache removes the bucket builds before this one kept their
// caches in, its last known quotes moved to their own bucket first when
// this build has kept none yet.
func dropOldCache(tx *bolt.Tx) error {
	old := tx.Bucket(bucketOldCache)
	if old == nil {
		return nil
	}
	if v := old.Get(keyQuotes); v != nil && tx.Bucket(bucketQuoteCache) == nil {
		b, err := tx.CreateBucket(bucketQuoteCache)
		if err != nil {
			return err
		}
		if err := b.Put(keyQuotes, bytes.Clone(v)); err != nil { // v is on the pages the delete frees
			return err
		}
	}
	return tx.DeleteBucket(bucketOldCache)
}

// listIndexValue is the stored index, nil when there is none.
func listIndexValue(tx *bolt.Tx) []byte {
	if b := tx.Bucket(bucketListValue); b != nil {
		return b.Get(keyListIndex)
	}
	return nil
}

// carryListIndex keeps a list index that was good for generation before
// good for the one this write made: the write changed nothing it holds.
func carryListIndex(tx *bolt.Tx, before uint64) error {
	b := tx.Bucket(bucketListState)
	if b == nil {
		return nil
	}
	if listIndexGen(tx) == before {
		return b.Put(keyListIndexGen, itob(readGen(tx)))
	}
	if dirty, ok := usableListIndex(tx, before); ok { // with its dirty tickers
		return putDirtyList(b, readGen(tx), dirty)
	}
	return nil
}

// SaveListIndex stores the list index of snap, a full snapshot (Load's),
// if the file is still at snap's generation; otherwise it does nothing
// (someone wrote since, and the index would be stale at once). It does
// not bump the generation: an index changes nothing an open TUI shows.
func (s *Store) SaveListIndex(snap *sectors.Snapshot) error {
	value := encodeListIndex(snap)
	return s.updateQuiet(func(tx *bolt.Tx) error {
		if readGen(tx) != snap.Gen {
			return errUnchanged
		}
		if listIndexGen(tx) == snap.Gen {
			return errUnchanged // saved already
		}
		if err := dropOldCache(tx); err != nil {
			return err
		}
		vb, err := tx.CreateBucketIfNotExists(bucketListValue)
		if err != nil {
			return err
		}
		if err := vb.Put(keyListIndex, value); err != nil {
			return err
		}
		b, err := tx.CreateBucketIfNotExists(bucketListState)
		if err != nil {
			return err
		}
		if err := b.Delete(keyListDirty); err != nil {
			return err
		}
		return b.Put(keyListIndexGen, itob(snap.Gen))
	})
}

func encodeListIndex(snap *sectors.Snapshot) []byte {
	buf := make([]byte, 0, 64+len(snap.Tickers)*160)
	buf = append(buf, listIndexMagic...)
	buf = binary.AppendUvarint(buf, snap.Gen)
	buf = binary.BigEndian.AppendUint32(buf, masterSum())
	n := 0
	for i := range snap.Tickers {
		if snap.Tickers[i].OnList() {
			n++
		}
	}
	buf = binary.AppendUvarint(buf, uint64(n))
	for i := range snap.Tickers {
		t := &snap.Tickers[i]
		if !t.OnList() {
			continue
		}
		buf = putStr(buf, string(t.Code.Exchange), t.Code.Number, t.Name, t.ReportName, t.CustomName,
			t.QuoteName, t.Sector, t.RatingSource, t.AddedBy)
		buf = binary.AppendUvarint(buf, uint64(t.Rating))
		buf = putTime(buf, t.RatingAt)
		buf = putTime(buf, t.Added)
		buf = putTime(buf, t.Updated)
		buf = append(buf, boolByte(t.Pinned))
		buf = binary.AppendUvarint(buf, t.Position)
		buf = binary.AppendUvarint(buf, uint64(len(t.Groups)))
		buf = putStr(buf, t.Groups...)
		buf = binary.AppendUvarint(buf, uint64(len(t.Calls)))
		for _, c := range t.Calls {
			buf = putStr(buf, c.ReportID, string(c.Code.Exchange), c.Code.Number, c.Name, c.NameInReport,
				c.RatingInReport, c.Theme)
			buf = binary.AppendUvarint(buf, uint64(c.Rating))
			buf = binary.AppendUvarint(buf, uint64(len(c.Flags)))
			for _, f := range c.Flags {
				buf = putStr(buf, string(f))
			}
		}
		if n, ok := t.LatestNote(); ok {
			buf = append(buf, 1)
			buf = binary.AppendUvarint(buf, n.ID)
			buf = putTime(buf, n.Created)
			buf = putTime(buf, n.Updated)
			buf = putStr(buf, n.Text)
		} else {
			buf = append(buf, 0)
		}
	}
	return buf
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

func putStr(buf []byte, ss ...string) []byte {
	for _, s := range ss {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	return buf
}

// putTime writes a time as zixuan stores it (UTC, as Load returns it): a
// byte 0 for the zero time, else 1, then the Unix seconds (varint) and
// nanoseconds (uvarint).
func putTime(buf []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(buf, 0)
	}
	buf = append(buf, 1)
	buf = binary.AppendVarint(buf, t.Unix())
	return binary.AppendUvarint(buf, uint64(t.Nanosecond()))
}

var errListIndex = errors.New("list index unreadable")

// listIndexHeader returns the generation an index was made at and the rest
// of it, or 0 when v is not an index this build made.
func listIndexHeader(v []byte) (uint64, []byte) {
	if len(v) < len(listIndexMagic) || string(v[:len(listIndexMagic)]) != listIndexMagic {
		return 0, nil
	}
	v = v[len(listIndexMagic):]
	gen, n := binary.Uvarint(v)
	if n <= 0 || len(v) < n+4 {
		return 0, nil
	}
	if binary.BigEndian.Uint32(v[n:]) != masterSum() {
		return 0, nil // names from another master
	}
	return gen, v[n+4:]
}

// decodeListIndex decodes an index. Anything off (another master, a short
// or malformed value) is an error, never a panic: the value is read from
// the file's pages like any record.
func decodeListIndex(v []byte) ([]sectors.Ticker, error) {
	g, rest := listIndexHeader(v)
	if g == 0 {
		return nil, errListIndex
	}
	// One string holds every text of the index: each field is a substring
	// of it, so decoding allocates no string (and the collector scans none).
	// The value must be copied out of the file's pages anyway.
	d := indexDecoder{b: rest, s: string(rest), interned: map[string]string{}}
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) { // every ticker takes bytes
		return nil, errListIndex
	}
	tickers := make([]sectors.Ticker, n)
	var notes []sectors.Note // one array for every ticker's latest note
	for i := range tickers {
		t := &tickers[i]
		t.Code = d.code()
		t.Name, t.ReportName, t.CustomName, t.QuoteName = d.str(), d.str(), d.str(), d.str()
		t.Sector, t.RatingSource, t.AddedBy = d.shared(), d.shared(), d.shared()
		t.Rating = d.rating()
		t.RatingAt, t.Added, t.Updated = d.time(), d.time(), d.time()
		t.Pinned = d.byte() == 1
		t.Position = d.uvarint()
		if k := d.count(); k > 0 {
			t.Groups = make([]string, k)
			for j := range t.Groups {
				t.Groups[j] = d.shared()
			}
		}
		if k := d.count(); k > 0 {
			t.Calls = make([]sectors.Call, k)
			for j := range t.Calls {
				c := &t.Calls[j]
				c.ReportID = d.shared()
				c.Code = d.code()
				c.Name, c.NameInReport = d.str(), d.str()
				c.RatingInReport, c.Theme = d.shared(), d.shared()
				c.Rating = d.rating()
				if f := d.count(); f > 0 {
					c.Flags = make([]sectors.CallFlag, f)
					for x := range c.Flags {
						c.Flags[x] = sectors.CallFlag(d.shared())
					}
				}
			}
		}
		switch d.byte() {
		case 0:
		case 1:
			if len(notes) == cap(notes) {
				notes = make([]sectors.Note, 0, min(int(n)-i, 1024))
			}
			notes = append(notes, sectors.Note{ID: d.uvarint(), Created: d.time(), Updated: d.time(), Text: d.str()})
			t.Notes = notes[len(notes)-1 : len(notes) : len(notes)]
		default:
			d.fail()
		}
		if d.err != nil {
			return nil, d.err
		}
	}
	if len(d.b) != 0 {
		return nil, errListIndex
	}
	return tickers, nil
}

// indexDecoder reads the index's fields in turn; the first problem sticks,
// and every later read returns a zero value.
type indexDecoder struct {
	b        []byte // what is left to read
	s        string // the whole of what b started as, for str
	err      error
	interned map[string]string // sectors, ratings, sources, report ids: a few values repeated thousands of times
}

func (d *indexDecoder) fail() {
	d.err, d.b = errListIndex, nil
}

func (d *indexDecoder) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *indexDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count is a length that must fit in what is left (each element takes a
// byte at least).
func (d *indexDecoder) count() int {
	v := d.uvarint()
	if v > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *indexDecoder) bytes() []byte {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

func (d *indexDecoder) str() string {
	b := d.bytes()
	if len(b) == 0 {
		return ""
	}
	end := len(d.s) - len(d.b) // b ends where what is left begins
	return d.s[end-len(b) : end]
}

// shared is str for a value repeated across tickers: one string per
// distinct value.
func (d *indexDecoder) shared() string {
	b := d.bytes()
	if len(b) == 0 {
		return ""
	}
	if s, ok := d.interned[string(b)]; ok {
		return s
	}
	end := len(d.s) - len(d.b)
	s := d.s[end-len(b) : end]
	if len(d.interned) < 4096 {
		d.interned[s] = s
	}
	return s
}

func (d *indexDecoder) rating() sectors.Rating {
	r := sectors.Rating(d.uvarint())
	if !slices.Contains(sectors.Ratings, r) {
		d.fail()
	}
	return r
}

func (d *indexDecoder) code() market.Code {
	ex := market.Exchange(d.shared())
	number := d.bytes()
	switch {
	case d.err != nil:
		return market.Code{}
	case len(number) != 6 || (ex != market.SH && ex != market.SZ && ex != market.BJ):
		d.fail()
		return market.Code{}
	}
	end := len(d.s) - len(d.b)
	return market.Code{Exchange: ex, Number: d.s[end-6 : end]}
}

func (d *indexDecoder) time() time.Time {
	switch d.byte() {
	case 0:
		return time.Time{}
	case 1:
	default:
		d.fail()
		return time.Time{}
	}
	sec, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return time.Time{}
	}
	d.b = d.b[n:]
	nsec := d.uvarint()
	if nsec >= 1e9 || sec > math.MaxInt64/2 || sec < math.MinInt64/2 {
		d.fail()
		return time.Time{}
	}
	return time.Unix(sec, int64(nsec)).UTC()
}
