package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// Load reads the whole store in one read transaction: the tickers, their
// rating changes and their notes each in one cursor pass, joined on the
// ticker key (all three buckets are in the same key order).
func (s *Store) Load() (*sectors.Snapshot, error) { return s.load(false) }

// load is Load; brief leaves out what LoadSome's tickers leave out (the
// rating changes, every note but the latest live one).
func (s *Store) load(brief bool) (*sectors.Snapshot, error) {
	snap := &sectors.Snapshot{}
	err := s.view(func(tx *bolt.Tx) (err error) {
		// every ticker, rating and note is read: their pages let go as
		// the read passes them (tens of MB of the file at the whole market)
		defer releasePagesWhile(tx)()
		snap.Gen = readGen(tx)
		_ = getJSON(tx.Bucket(bucketMeta), keySource, &snap.Source)
		secs, err := readSectors(tx)
		if err != nil {
			return err
		}
		snap.Sectors = secs
		if snap.Refs, err = readRefPrices(tx); err != nil {
			return err
		}
		if snap.Reports, err = readReports(tx); err != nil {
			return err
		}
		var cc *bolt.Cursor
		var ck, cv []byte
		if b := tx.Bucket(bucketCalls); b != nil {
			cc = b.Cursor()
			ck, cv = cc.First()
		}
		snap.Tickers = make([]sectors.Ticker, 0, tx.Bucket(bucketTickers).Stats().KeyN)
		// A ticker's ratings and notes go into shared chunks (arena) rather
		// than a slice grown for each: three appends made three
		// allocations a ticker. Each ticker's part is capped at its
		// length, so an append to it copies instead of writing over the
		// next ticker's.
		var ratingBuf []sectors.RatingChange
		var noteBuf, latestBuf []sectors.Note
		chunk := min(arenaChunk, 4*cap(snap.Tickers)+16) // small files, small chunks
		rc := tx.Bucket(bucketRatings).Cursor()
		rk, rv := rc.First()
		if brief {
			rk = nil // no rating changes read
		}
		notes := readNotes(tx, cap(snap.Tickers))
		defer func() {
			if serr := notes.stop(); err == nil {
				err = serr
			}
		}()
		return tx.Bucket(bucketTickers).ForEach(func(k, v []byte) error {
			t, err := tickerOf(k, v)
			if err != nil {
				return err
			}
			// children sort under their ticker's key; skip any orphan before it
			for rk != nil && bytes.Compare(rk[:min(len(rk), len(k))], k) < 0 {
				rk, rv = rc.Next()
			}
			ratingBuf = roomFor(ratingBuf, chunk)
			start := len(ratingBuf)
			for ; rk != nil && len(rk) == len(k)+8 && bytes.HasPrefix(rk, k); rk, rv = rc.Next() {
				r, err := decodeRatingChange(binary.BigEndian.Uint64(rk[len(k):]), rv)
				if err != nil {
					return fmt.Errorf("ticker %s: %w", k, err)
				}
				ratingBuf = append(ratingBuf, r)
			}
			t.Ratings = startAtFirstRating(part(ratingBuf, start))
			for n := notes.peek(); n != nil && bytes.Compare(n.key[:min(len(n.key), len(k))], k) < 0; n = notes.peek() {
				notes.next()
			}
			noteBuf = roomFor(noteBuf, chunk)
			start = len(noteBuf)
			for n := notes.peek(); n != nil && len(n.key) == len(k)+8 && bytes.HasPrefix(n.key, k); n = notes.peek() {
				if n.err != nil {
					return fmt.Errorf("ticker %s: note: %w", k, n.err)
				}
				noteBuf = append(noteBuf, n.note)
				notes.next()
			}
			t.Notes = part(noteBuf, start)
			reverseNotes(t.Notes)
			if brief { // the latest kept apart, the rest's room used again
				t.Notes = nil
				for _, n := range noteBuf[start:] {
					if !n.IsDeleted() {
						latestBuf = append(roomFor(latestBuf, chunk), n)
						t.Notes = part(latestBuf, len(latestBuf)-1)
						break
					}
				}
				noteBuf = noteBuf[:start]
			}
			for ck != nil && bytes.Compare(ck[:min(len(ck), len(k))], k) < 0 {
				ck, cv = cc.Next()
			}
			for ; ck != nil && len(ck) > len(k) && ck[len(k)] == '/' && bytes.HasPrefix(ck, k); ck, cv = cc.Next() {
				c, err := decodeCall(ck, cv)
				if err != nil {
					return err
				}
				t.Calls = append(t.Calls, c)
			}
			snap.Tickers = append(snap.Tickers, t)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sortTickers(snap)
	return snap, nil
}

// arenaChunk is the most entries a chunk of Load's arena holds.
const arenaChunk = 1024

// roomFor starts a new chunk when buf has little room left (a ticker with
// more entries than that room still fits: append moves it to a larger
// array, and the earlier tickers keep theirs).
func roomFor[T any](buf []T, chunk int) []T {
	if cap(buf)-len(buf) < 16 {
		return make([]T, 0, chunk)
	}
	return buf
}

// part is buf[start:], capped at its length; nil when empty, as a ticker
// without entries always had.
func part[T any](buf []T, start int) []T {
	if len(buf) == start {
		return nil
	}
	return buf[start:len(buf):len(buf)]
}

// sortTickers puts the tickers in sector order, then by code. The sector
// order of each ticker is looked up once, not per comparison, and the sort
// moves indexes, not Tickers (which are large).
func sortTickers(snap *sectors.Snapshot) {
	order := make(map[string]int, len(snap.Sectors))
	for _, sec := range snap.Sectors {
		order[sec.ID] = sec.Order
	}
	ts := snap.Tickers
	ord := make([]int, len(ts))
	idx := make([]int, len(ts))
	for i := range ts {
		ord[i] = order[ts[i].Sector]
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		if oa, ob := ord[i], ord[j]; oa != ob {
			return cmp.Compare(oa, ob)
		}
		a, b := &ts[i], &ts[j]
		if c := sectors.CompareOrder(a, b); c != 0 {
			return c
		}
		if a.Code.Number != b.Code.Number {
			return strings.Compare(a.Code.Number, b.Code.Number)
		}
		return cmp.Compare(a.Code.Exchange, b.Code.Exchange)
	})
	// Apply the permutation in place, cycle by cycle: Tickers are large,
	// and a sorted copy was another whole-market allocation.
	for i := range idx {
		if idx[i] == i || idx[i] < 0 {
			continue
		}
		tmp := ts[i]
		j := i
		for {
			k := idx[j]
			idx[j] = -1
			if k == i {
				ts[j] = tmp
				break
			}
			ts[j] = ts[k]
			j = k
		}
	}
}

// Get reads one ticker, on the watchlist or removed.
func (s *Store) Get(code market.Code) (sectors.Ticker, error) {
	var t sectors.Ticker
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		t, err = readTicker(refOf(tx, code))
		return err
	})
	return t, err
}

// readTicker reads one ticker with its history and notes.
func readTicker(r tref) (sectors.Ticker, error) {
	v := r.tx.Bucket(bucketTickers).Get(r.key)
	if v == nil {
		code, _ := market.ParseCode(string(r.key))
		return sectors.Ticker{}, notOnList(code)
	}
	t, err := tickerOf(r.key, v)
	if err != nil {
		return sectors.Ticker{}, err
	}
	if t.Ratings, err = r.ratings(); err != nil {
		return sectors.Ticker{}, fmt.Errorf("ticker %s: %w", r.key, err)
	}
	if t.Notes, err = r.notes(); err != nil {
		return sectors.Ticker{}, fmt.Errorf("ticker %s: %w", r.key, err)
	}
	if t.Calls, err = r.calls(); err != nil {
		return sectors.Ticker{}, fmt.Errorf("ticker %s: %w", r.key, err)
	}
	return t, nil
}

// tickerOf decodes a ticker's record (key k, value v), without its history
// and notes.
func tickerOf(k, v []byte) (sectors.Ticker, error) {
	var rec tickerRecord
	if err := decodeTickerRecord(v, &rec); err != nil {
		return sectors.Ticker{}, fmt.Errorf("decode ticker %s: %w", k, err)
	}
	code, err := market.ParseCode(rec.Exchange + rec.Code)
	if err != nil {
		return sectors.Ticker{}, fmt.Errorf("ticker %s: %w", k, err)
	}
	rating, err := sectors.ParseRating(rec.Rating)
	if err != nil {
		return sectors.Ticker{}, fmt.Errorf("ticker %s: %w", k, err)
	}
	t := sectors.Ticker{
		Code: code, ReportName: rec.ReportName, CustomName: rec.CustomName, QuoteName: rec.QuoteName,
		Sector: rec.Sector, Rating: rating, RatingAt: rec.RatingAt, RatingSource: rec.RatingSource,
		Added: rec.Added, Removed: rec.Removed, Updated: rec.Updated, AddedBy: rec.AddedBy,
		Pinned: rec.Pinned, Position: rec.Position, Groups: rec.Groups,
	}
	t.Name = displayName(t)
	return t, nil
}

// displayName picks the name to show: one the user gave, else the current
// name from the securities master (which shows ST warnings and renames),
// else the quote server's (a fund's, an index's), else a known index's,
// else the report's.
func displayName(t sectors.Ticker) string {
	if t.CustomName != "" {
		return t.CustomName
	}
	if name, ok := market.MasterName(t.Code); ok {
		return name
	}
	if t.QuoteName != "" {
		return t.QuoteName
	}
	if name, ok := market.Indexes[t.Code.Key()]; ok {
		return name
	}
	return t.ReportName
}

// editTicker runs fn on a ticker's record inside a write transaction and
// stores the result.
func (s *Store) editTicker(code market.Code, fn func(r tref, rec *tickerRecord) error) error {
	return s.updateTicker(code, func(tx *bolt.Tx) error {
		r := refOf(tx, code)
		if !r.exists() {
			return notOnList(code)
		}
		var rec tickerRecord
		if err := r.info(&rec); err != nil {
			return err
		}
		if err := fn(r, &rec); err != nil {
			return err // errUnchanged too: nothing is written
		}
		rec.Updated = s.now()
		return r.putInfo(rec)
	})
}

// errUnchanged, returned by an update's function, says the edit changes
// nothing: the transaction is rolled back, so neither the record's
// last-change date nor the file's generation moves, and update returns nil.
var errUnchanged = errors.New("unchanged")

// newTicker writes a new ticker's record and its first rating changes.
// Seeding, adding and importing all go through it.
func newTicker(tx *bolt.Tx, rec tickerRecord, history []sectors.RatingChange) (tref, error) {
	r := tref{tx: tx, key: []byte(rec.Exchange + rec.Code)}
	if r.exists() {
		return r, fmt.Errorf("ticker %s exists", r.key)
	}
	if err := r.putInfo(rec); err != nil {
		return r, err
	}
	return r, r.appendRatings(startAtFirstRating(history)...)
}

// startAtFirstRating drops the entries from a rating to itself that would
// open a history (an unrated report or added ticker's "Unrated → Unrated"):
// a ticker's history starts at its first rating. Files written before
// this have such entries; they are hidden when read.
func startAtFirstRating(history []sectors.RatingChange) []sectors.RatingChange {
	for len(history) > 0 && history[0].From == history[0].To {
		history = history[1:]
	}
	return history
}

// RemoveTicker takes a ticker off the watchlist. Its notes and history are
// kept, and RestoreTicker (or adding it again) brings it back.
func (s *Store) RemoveTicker(code market.Code) error {
	return s.editTicker(code, func(_ tref, rec *tickerRecord) error {
		if !rec.Removed.IsZero() {
			return refusal(ErrNotFound, AlreadyRemoved, code)
		}
		rec.Removed = s.now()
		return nil
	})
}

// RestoreTicker undoes a removal. A ticker whose sector was deleted in the
// meantime goes to the first sector.
func (s *Store) RestoreTicker(code market.Code) error {
	return s.updateTicker(code, func(tx *bolt.Tx) error { return restoreIn(refOf(tx, code), s.now()) })
}

func restoreIn(r tref, now time.Time) error {
	code, _ := market.ParseCode(string(r.key))
	if !r.exists() {
		return notOnList(code)
	}
	var rec tickerRecord
	if err := r.info(&rec); err != nil {
		return err
	}
	if rec.Removed.IsZero() {
		e := refusal(ErrExists, AlreadyOnList, code)
		e.ID = rec.Sector
		return e
	}
	rec.Removed = time.Time{}
	if r.tx.Bucket(bucketSectors).Get([]byte(rec.Sector)) == nil {
		secs, err := readSectors(r.tx)
		if err != nil || len(secs) == 0 {
			return refusal(ErrNotFound, NoSectorLeft, code)
		}
		rec.Sector = secs[0].ID
	}
	rec.Updated = now
	return r.putInfo(rec)
}

// SetName sets or clears (empty name) the user's name for a ticker.
func (s *Store) SetName(code market.Code, name string) error {
	return s.editTicker(code, func(_ tref, rec *tickerRecord) error {
		rec.CustomName = strings.TrimSpace(name)
		return nil
	})
}

// AddNote adds a timestamped note to a ticker.
func (s *Store) AddNote(code market.Code, text string) (sectors.Note, error) {
	text = strings.TrimRight(text, " \t\r\n")
	if strings.TrimSpace(text) == "" {
		return sectors.Note{}, refusal(ErrInvalid, EmptyNote, code)
	}
	var n sectors.Note
	err := s.editTicker(code, func(r tref, _ *tickerRecord) error {
		now := s.now()
		n = sectors.Note{ID: r.nextNoteID(), Text: text, Created: now, Updated: now}
		return r.putNote(n)
	})
	return n, err
}

// EditNote replaces a note's text, keeping the old text as a revision.
func (s *Store) EditNote(code market.Code, id uint64, text string) error {
	text = strings.TrimRight(text, " \t\r\n")
	if strings.TrimSpace(text) == "" {
		return refusal(ErrInvalid, EmptyEdit, code)
	}
	return s.editNote(code, id, func(n *sectors.Note, now time.Time) {
		if n.Text == text {
			return
		}
		n.Revisions = append(n.Revisions, sectors.Revision{Text: n.Text, At: now})
		n.Text, n.Updated = text, now
	})
}

// DeleteNote marks a note deleted; its text stays in the history.
func (s *Store) DeleteNote(code market.Code, id uint64) error {
	return s.editNote(code, id, func(n *sectors.Note, now time.Time) { n.Deleted = now })
}

func (s *Store) editNote(code market.Code, id uint64, fn func(n *sectors.Note, now time.Time)) error {
	return s.editTicker(code, func(r tref, _ *tickerRecord) error {
		n, ok, err := r.note(id)
		if err != nil {
			return err
		}
		if !ok {
			e := refusal(ErrNotFound, NoSuchNote, code)
			e.Count = int(id)
			return e
		}
		if n.IsDeleted() {
			e := refusal(ErrNotFound, NoteDeleted, code)
			e.Count = int(id)
			return e
		}
		fn(&n, s.now())
		return r.putNote(n)
	})
}
