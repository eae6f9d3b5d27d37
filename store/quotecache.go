package store

import (
	"encoding/binary"
	"math"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// The last known quotes: what the quote server last said of each code on
// the watchlist and in the header's strip, kept so that with quotes off
// (--offline, or no server answering) the list, the strip, the detail
// pane and `zixuan today` show the last state known, with its time,
// rather than nothing. It is a cache like the list index: derived data,
// written without moving the generation (an open TUI does not reload for
// it), not kept by a read-only file or one that needs an upgrade, and
// ignored when it does not decode. Older builds ignore the bucket.
//
// The value, alone in its bucket (every write of a key rewrites the
// bucket's leaf, list-index's comment says why), in quote-cache/quotes:
//
//	"zixuan quotes 1\n"
//	count       uvarint
//	per quote:
//	  exchange, number, name, halt         strings (uvarint length, bytes)
//	  flags                                byte: 1 suspended, 2 pre-open, 4 loss-making, 8 change unknown
//	  time, fetched                        times (putTime): the server's stamp, when it was fetched
//	  last, prev close, open, high, low, change, change %, amount, turnover, PE,
//	  amplitude, volume ratio, float cap, total cap, PB, limit up, limit down
//	                                       numbers (putNumber)
//	  volume                               varint
//	  bids then asks, five each            number, then shares (varint)
//
// A number is most often a price or a percent with at most three
// decimals: it is written as that many thousandths (a zigzag varint,
// shifted left one bit) when that gives the very same float64 back, else
// as a 1 and its eight bytes. The whole market's 5,538 quotes and the
// strip's take 0.9 MB, a fifth of their JSON (bench/README.md).
var (
	bucketQuoteCache = []byte("quote-cache")
	keyQuotes        = []byte("quotes")
)

const quoteCacheMagic = "zixuan quotes 1\n"

// KeptQuote is a last known quote: the quote as the server gave it (its
// Time is the server's stamp) and when it was fetched.
type KeptQuote struct {
	sectors.Quote
	Fetched time.Time
}

// KeepQuotes stores quotes as the last known ones of their codes. Each
// replaces the kept quote of its code unless that one was fetched later
// (another process's); the codes not in watched (the watchlist, the
// strip) are dropped, so the cache holds one quote per code watched and
// no more. It never moves the generation, and a file that cannot keep it
// (read-only, an older schema) is left as it is without an error.
func (s *Store) KeepQuotes(quotes []KeptQuote, watched []market.Code) error {
	want := make(map[market.Code]bool, len(watched))
	for _, c := range watched {
		want[c] = true
	}
	if !slices.ContainsFunc(quotes, func(q KeptQuote) bool { return want[q.Code] }) {
		return nil // nothing to keep (`quote` of a code not watched): no write
	}
	return s.updateQuiet(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketQuoteCache)
		if err != nil {
			return err
		}
		return b.Put(keyQuotes, mergeQuoteCache(keptQuotesIn(tx), quotes, want))
	})
}

// mergeQuoteCache is the value that keeps quotes over old, the value kept
// before (unreadable: started afresh), for the codes of want only. The
// old records are copied as they are rather than decoded into quotes
// and encoded again: a whole market's keeping then holds the value it
// writes and little more (it held the old quotes, the new and the value:
// some 4 MB, once a minute, beside whatever else the TUI was doing).
func mergeQuoteCache(old []byte, quotes []KeptQuote, want map[market.Code]bool) []byte {
	fresh := make(map[market.Code]int, len(quotes)) // the latest given of each code
	for i, q := range quotes {
		if want[q.Code] {
			if j, ok := fresh[q.Code]; !ok || !q.Fetched.Before(quotes[j].Fetched) {
				fresh[q.Code] = i
			}
		}
	}
	// the old records kept: a code still watched, unless a quote given
	// for it was fetched no earlier
	type span struct{ from, to int }
	var keep []span
	kept := map[market.Code]bool{}
	err := eachKeptQuote(old, func(q *KeptQuote, from, to int) {
		if !want[q.Code] || kept[q.Code] {
			return
		}
		if i, ok := fresh[q.Code]; ok && !quotes[i].Fetched.Before(q.Fetched) {
			return
		}
		kept[q.Code] = true
		keep = append(keep, span{from, to})
	})
	if err != nil {
		keep, kept = nil, map[market.Code]bool{}
	}
	n := len(keep)
	for c := range fresh {
		if !kept[c] {
			n++
		}
	}
	size := len(quoteCacheMagic) + 8 + (n-len(keep))*200 // a new record takes ~160 bytes
	for _, k := range keep {
		size += k.to - k.from
	}
	buf := make([]byte, 0, size)
	buf = append(buf, quoteCacheMagic...)
	buf = binary.AppendUvarint(buf, uint64(n))
	for _, k := range keep {
		buf = append(buf, old[k.from:k.to]...)
	}
	for i := range quotes {
		if c := quotes[i].Code; fresh[c] == i && want[c] && !kept[c] {
			buf = appendKeptQuote(buf, &quotes[i])
		}
	}
	return buf
}

// KeptQuotes are the last known quotes, by Code.Key(); none (and no
// error) when the file keeps none or they do not decode.
func (s *Store) KeptQuotes() (map[string]KeptQuote, error) {
	var out map[string]KeptQuote
	err := s.view(func(tx *bolt.Tx) error {
		kept, err := decodeQuoteCache(keptQuotesIn(tx))
		if err != nil {
			return nil
		}
		out = make(map[string]KeptQuote, len(kept))
		for _, q := range kept {
			out[q.Code.Key()] = q
		}
		return nil
	})
	return out, err
}

// keptQuotesIn is the stored value of the last known quotes, or those a
// build before the bucket kept (in cache, until an index is saved); nil
// when there are none.
func keptQuotesIn(tx *bolt.Tx) []byte {
	if b := tx.Bucket(bucketQuoteCache); b != nil {
		if v := b.Get(keyQuotes); v != nil {
			return v
		}
	}
	if b := tx.Bucket(bucketOldCache); b != nil {
		return b.Get(keyQuotes)
	}
	return nil
}

const (
	quoteSuspended = 1 << iota
	quotePreOpen
	quoteLossMaking
	quoteChangeUnknown
)

func encodeQuoteCache(quotes []KeptQuote) []byte {
	buf := make([]byte, 0, len(quoteCacheMagic)+8+len(quotes)*180)
	buf = append(buf, quoteCacheMagic...)
	buf = binary.AppendUvarint(buf, uint64(len(quotes)))
	for i := range quotes {
		buf = appendKeptQuote(buf, &quotes[i])
	}
	return buf
}

// appendKeptQuote is buf with q's record after it.
func appendKeptQuote(buf []byte, q *KeptQuote) []byte {
	buf = putStr(buf, string(q.Code.Exchange), q.Code.Number, q.Name, q.Halt)
	var flags byte
	for bit, on := range []bool{q.Suspended, q.PreOpen, q.LossMaking, q.ChangeUnknown} {
		if on {
			flags |= 1 << bit
		}
	}
	buf = append(buf, flags)
	buf = putTime(buf, q.Time)
	buf = putTime(buf, q.Fetched)
	for _, v := range [...]float64{q.Last, q.PrevClose, q.Open, q.High, q.Low, q.Change, q.ChangePct, q.Amount,
		q.Turnover, q.PE, q.Amplitude, q.VolumeRatio, q.FloatCap, q.TotalCap, q.PB, q.LimitUp, q.LimitDown} {
		buf = putNumber(buf, v)
	}
	buf = binary.AppendVarint(buf, q.Volume)
	for _, side := range [...]*[5]sectors.Level{&q.Bids, &q.Asks} {
		for _, l := range side {
			buf = putNumber(buf, l.Price)
			buf = binary.AppendVarint(buf, l.Shares)
		}
	}
	return buf
}

// putNumber writes v as thousandths when they hold it exactly (see the
// layout above), else as its bits.
func putNumber(buf []byte, v float64) []byte {
	if k := math.Round(v * 1000); math.Abs(k) < 1<<52 && k/1000 == v && !(v == 0 && math.Signbit(v)) {
		n := int64(k)
		return binary.AppendUvarint(buf, uint64(n<<1^n>>63)<<1)
	}
	buf = append(buf, 1)
	return binary.LittleEndian.AppendUint64(buf, math.Float64bits(v))
}

func (d *indexDecoder) number() float64 {
	h := d.uvarint()
	switch {
	case d.err != nil:
		return 0
	case h == 1:
		if len(d.b) < 8 {
			d.fail()
			return 0
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
		d.b = d.b[8:]
		return v
	case h&1 == 1:
		d.fail()
		return 0
	}
	z := h >> 1
	return float64(int64(z>>1)^-int64(z&1)) / 1000
}

func (d *indexDecoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// decodeQuoteCache reads the kept quotes; anything off is an error, never
// a panic (the value comes from the file's pages like any record).
func decodeQuoteCache(v []byte) ([]KeptQuote, error) {
	var out []KeptQuote
	err := eachKeptQuote(v, func(q *KeptQuote, _, _ int) {
		if out == nil {
			out = make([]KeptQuote, 0, 64)
		}
		out = append(out, *q)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachKeptQuote calls fn with each quote of the value v in turn, and
// where its record is in v (from, to); q is fn's to read, not to keep
// (the next record is read into it). An error says v does not decode
// whole: fn may have seen some of its quotes.
func eachKeptQuote(v []byte, fn func(q *KeptQuote, from, to int)) error {
	if len(v) < len(quoteCacheMagic) || string(v[:len(quoteCacheMagic)]) != quoteCacheMagic {
		return errListIndex
	}
	rest := v[len(quoteCacheMagic):]
	d := indexDecoder{b: rest, s: string(rest), interned: map[string]string{}}
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		return errListIndex
	}
	var q KeptQuote
	for range n {
		from := len(v) - len(d.b)
		q = KeptQuote{}
		q.Code = d.code()
		q.Name, q.Halt = d.str(), d.shared()
		flags := d.byte()
		q.Suspended, q.PreOpen = flags&quoteSuspended != 0, flags&quotePreOpen != 0
		q.LossMaking, q.ChangeUnknown = flags&quoteLossMaking != 0, flags&quoteChangeUnknown != 0
		q.Time, q.Fetched = inChina(d.time()), inChina(d.time())
		for _, p := range [...]*float64{&q.Last, &q.PrevClose, &q.Open, &q.High, &q.Low, &q.Change, &q.ChangePct, &q.Amount,
			&q.Turnover, &q.PE, &q.Amplitude, &q.VolumeRatio, &q.FloatCap, &q.TotalCap, &q.PB, &q.LimitUp, &q.LimitDown} {
			*p = d.number()
		}
		q.Volume = d.varint()
		for _, side := range [...]*[5]sectors.Level{&q.Bids, &q.Asks} {
			for j := range side {
				side[j].Price = d.number()
				side[j].Shares = d.varint()
			}
		}
		if d.err != nil {
			return d.err
		}
		fn(&q, from, len(v)-len(d.b))
	}
	if len(d.b) != 0 {
		return errListIndex
	}
	return nil
}

// inChina is t on the market's clock, as the quote servers' stamps are
// read; the zero time stays zero.
func inChina(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(market.China)
}
