package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// Load reads the whole store in one read transaction: the tickers, their
// rating changes and their notes each in one cursor pass, joined on the
// ticker key (all three buckets are in the same key order).
func (s *Store) Load() (*Snapshot, error) {
	snap := &Snapshot{}
	err := s.view(func(tx *bolt.Tx) error {
		snap.Gen = readGen(tx)
		_ = getJSON(tx.Bucket(bucketMeta), keySource, &snap.Source)
		secs, err := readSectors(tx)
		if err != nil {
			return err
		}
		snap.Sectors = secs
		snap.Tickers = make([]Ticker, 0, tx.Bucket(bucketTickers).Stats().KeyN)
		rc := tx.Bucket(bucketRatings).Cursor()
		rk, rv := rc.First()
		nc := tx.Bucket(bucketNotes).Cursor()
		nk, nv := nc.First()
		return tx.Bucket(bucketTickers).ForEach(func(k, v []byte) error {
			t, err := tickerOf(k, v)
			if err != nil {
				return err
			}
			// children sort under their ticker's key; skip any orphan before it
			for rk != nil && bytes.Compare(rk[:min(len(rk), len(k))], k) < 0 {
				rk, rv = rc.Next()
			}
			for ; rk != nil && len(rk) == len(k)+8 && bytes.HasPrefix(rk, k); rk, rv = rc.Next() {
				r, err := decodeRatingChange(binary.BigEndian.Uint64(rk[len(k):]), rv)
				if err != nil {
					return fmt.Errorf("ticker %s: %w", k, err)
				}
				t.Ratings = append(t.Ratings, r)
			}
			t.Ratings = startAtFirstRating(t.Ratings)
			for nk != nil && bytes.Compare(nk[:min(len(nk), len(k))], k) < 0 {
				nk, nv = nc.Next()
			}
			for ; nk != nil && len(nk) == len(k)+8 && bytes.HasPrefix(nk, k); nk, nv = nc.Next() {
				var n Note
				if err := decodeNote(nv, &n); err != nil {
					return fmt.Errorf("ticker %s: note: %w", k, err)
				}
				t.Notes = append(t.Notes, n)
			}
			reverseNotes(t.Notes)
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

// sortTickers puts the tickers in sector order, then by code. The sector
// order of each ticker is looked up once, not per comparison, and the sort
// moves indexes, not Tickers (which are large).
func sortTickers(snap *Snapshot) {
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
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &ts[idx[i]], &ts[idx[j]]
		if oa, ob := ord[idx[i]], ord[idx[j]]; oa != ob {
			return oa < ob
		}
		if a.Code.Number != b.Code.Number {
			return a.Code.Number < b.Code.Number
		}
		return a.Code.Exchange < b.Code.Exchange
	})
	sorted := make([]Ticker, len(ts))
	for i, k := range idx {
		sorted[i] = ts[k]
	}
	snap.Tickers = sorted
}

// Get reads one ticker, on the watchlist or removed.
func (s *Store) Get(code sectors.Code) (Ticker, error) {
	var t Ticker
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		t, err = readTicker(refOf(tx, code))
		return err
	})
	return t, err
}

func notOnList(code sectors.Code) error {
	what := code.Key()
	if sec, ok := sectors.LookupMaster(code); ok {
		what += " " + sec.Name
	}
	return refuse(ErrNotFound, "%s is not on the watchlist: add it with `zixuan add %s --sector SECTOR`", what, code.Number)
}

// readTicker reads one ticker with its history and notes.
func readTicker(r tref) (Ticker, error) {
	v := r.tx.Bucket(bucketTickers).Get(r.key)
	if v == nil {
		code, _ := sectors.ParseCode(string(r.key))
		return Ticker{}, notOnList(code)
	}
	t, err := tickerOf(r.key, v)
	if err != nil {
		return Ticker{}, err
	}
	if t.Ratings, err = r.ratings(); err != nil {
		return Ticker{}, fmt.Errorf("ticker %s: %w", r.key, err)
	}
	if t.Notes, err = r.notes(); err != nil {
		return Ticker{}, fmt.Errorf("ticker %s: %w", r.key, err)
	}
	return t, nil
}

// tickerOf decodes a ticker's record (key k, value v), without its history
// and notes.
func tickerOf(k, v []byte) (Ticker, error) {
	var rec tickerRecord
	if err := decodeTickerRecord(v, &rec); err != nil {
		return Ticker{}, fmt.Errorf("decode ticker %s: %w", k, err)
	}
	code, err := sectors.ParseCode(rec.Exchange + rec.Code)
	if err != nil {
		return Ticker{}, fmt.Errorf("ticker %s: %w", k, err)
	}
	rating, err := sectors.ParseRating(rec.Rating)
	if err != nil {
		return Ticker{}, fmt.Errorf("ticker %s: %w", k, err)
	}
	t := Ticker{
		Code: code, ReportName: rec.ReportName, CustomName: rec.CustomName,
		Sector: rec.Sector, Rating: rating, RatingAt: rec.RatingAt, RatingSource: rec.RatingSource,
		Added: rec.Added, Removed: rec.Removed, Updated: rec.Updated,
	}
	t.Name = displayName(t)
	return t, nil
}

// displayName picks the name to show: one the user gave, else the current
// name from the securities master (which shows ST warnings and renames),
// else the report's.
func displayName(t Ticker) string {
	if t.CustomName != "" {
		return t.CustomName
	}
	if sec, ok := sectors.LookupMaster(t.Code); ok {
		return sec.Name
	}
	return t.ReportName
}

// editTicker runs fn on a ticker's record inside a write transaction and
// stores the result.
func (s *Store) editTicker(code sectors.Code, fn func(r tref, rec *tickerRecord) error) error {
	return s.update(func(tx *bolt.Tx) error {
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

// AddResult says what AddTicker did.
type AddResult struct {
	Ticker  Ticker
	Revived bool // it had been removed and is back, with its notes and history
}

// AddTicker puts a ticker on the watchlist in a sector. The name comes from
// the securities master; a code the master does not know needs a name. A
// removed ticker comes back with its notes and history (undoing the
// removal); one already on the list is an error.
func (s *Store) AddTicker(code sectors.Code, name, sectorID string, rating sectors.Rating, source string) (AddResult, error) {
	name = strings.TrimSpace(name)
	if _, ok := sectors.LookupMaster(code); !ok && name == "" {
		return AddResult{}, refuse(ErrNotFound, "%s is not in the securities master (July 2026): give its name with --name if it listed since", code.Key())
	}
	if source == "" {
		source = sectors.SourceUser
	}
	var res AddResult
	err := s.update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketSectors).Get([]byte(sectorID)) == nil {
			return refuse(ErrNotFound, "no sector %q: see `zixuan sector list`", sectorID)
		}
		now := s.now()
		if r := refOf(tx, code); r.exists() {
			var rec tickerRecord
			if err := r.info(&rec); err != nil {
				return err
			}
			if rec.Removed.IsZero() {
				return refuse(ErrExists, "%s is already on the watchlist (sector %s)", code.Key(), rec.Sector)
			}
			rec.Removed, rec.Sector, rec.Updated = time.Time{}, sectorID, now
			if name != "" {
				rec.CustomName = name
			}
			res.Revived = true
			return r.putInfo(rec)
		}
		rec := tickerRecord{
			Exchange: string(code.Exchange), Code: code.Number, Sector: sectorID,
			Rating: rating.ID(), RatingAt: now, RatingSource: source, Added: now, Updated: now,
		}
		if sec, ok := sectors.LookupMaster(code); !ok || name != sec.Name {
			rec.CustomName = name
		}
		_, err := newTicker(tx, rec, []RatingChange{{From: sectors.Unrated, To: rating, At: now, Source: source, Reason: ReasonAdded}})
		return err
	})
	if err != nil {
		return AddResult{}, err
	}
	res.Ticker, err = s.Get(code)
	return res, err
}

// newTicker writes a new ticker's record and its first rating changes.
// Seeding, adding and importing all go through it.
func newTicker(tx *bolt.Tx, rec tickerRecord, history []RatingChange) (tref, error) {
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
func startAtFirstRating(history []RatingChange) []RatingChange {
	for len(history) > 0 && history[0].From == history[0].To {
		history = history[1:]
	}
	return history
}

// RemoveTicker takes a ticker off the watchlist. Its notes and history are
// kept, and RestoreTicker (or adding it again) brings it back.
func (s *Store) RemoveTicker(code sectors.Code) error {
	return s.editTicker(code, func(_ tref, rec *tickerRecord) error {
		if !rec.Removed.IsZero() {
			return refuse(ErrNotFound, "%s was already removed: `zixuan add %s --sector SECTOR` brings it back", code.Key(), code.Number)
		}
		rec.Removed = s.now()
		return nil
	})
}

// RestoreTicker undoes a removal. A ticker whose sector was deleted in the
// meantime goes to the first sector.
func (s *Store) RestoreTicker(code sectors.Code) error {
	return s.editTicker(code, func(r tref, rec *tickerRecord) error {
		if rec.Removed.IsZero() {
			return refuse(ErrExists, "%s is on the watchlist, nothing to restore", code.Key())
		}
		rec.Removed = time.Time{}
		if r.tx.Bucket(bucketSectors).Get([]byte(rec.Sector)) == nil {
			secs, err := readSectors(r.tx)
			if err != nil || len(secs) == 0 {
				return refuse(ErrNotFound, "no sector to restore %s into: add one with `zixuan sector add`", code.Key())
			}
			rec.Sector = secs[0].ID
		}
		return nil
	})
}

// LastRemoved is the most recently removed ticker, for undo.
func (s *Store) LastRemoved() (sectors.Code, bool, error) {
	snap, err := s.Load()
	if err != nil {
		return sectors.Code{}, false, err
	}
	var best Ticker
	for _, t := range snap.Tickers {
		if !t.OnList() && t.Removed.After(best.Removed) {
			best = t
		}
	}
	return best.Code, !best.Removed.IsZero(), nil
}

// MoveTicker puts a ticker in another sector. A move to the sector it is
// in already changes nothing (not even its last-change date) and reports
// moved=false.
func (s *Store) MoveTicker(code sectors.Code, sectorID string) (moved bool, err error) {
	err = s.editTicker(code, func(r tref, rec *tickerRecord) error {
		if r.tx.Bucket(bucketSectors).Get([]byte(sectorID)) == nil {
			return refuse(ErrNotFound, "no sector %q: see `zixuan sector list`", sectorID)
		}
		if rec.Sector == sectorID {
			return errUnchanged
		}
		rec.Sector, moved = sectorID, true
		return nil
	})
	return moved, err
}

// SetName sets or clears (empty name) the user's name for a ticker.
func (s *Store) SetName(code sectors.Code, name string) error {
	return s.editTicker(code, func(_ tref, rec *tickerRecord) error {
		rec.CustomName = strings.TrimSpace(name)
		return nil
	})
}

// SetRating changes a ticker's rating and records the change in its
// history with its source ("user", a report id, "import:<file>") and an
// optional reason. Setting the rating it already has records nothing and
// reports changed=false, unless a reason is given (a reaffirmation).
func (s *Store) SetRating(code sectors.Code, to sectors.Rating, source, reason string) (changed bool, err error) {
	if !to.Valid() {
		return false, refuse(ErrNotFound, "invalid rating %d", to)
	}
	if source == "" {
		source = sectors.SourceUser
	}
	reason = strings.TrimSpace(reason)
	err = s.editTicker(code, func(r tref, rec *tickerRecord) error {
		if rec.Rating == to.ID() && reason == "" {
			return errUnchanged
		}
		changed = true
		now := s.now()
		from, _ := sectors.ParseRating(rec.Rating)
		if err := r.appendRatings(RatingChange{From: from, To: to, At: now, Source: source, Reason: reason}); err != nil {
			return err
		}
		rec.Rating, rec.RatingAt, rec.RatingSource = to.ID(), now, source
		return nil
	})
	return changed, err
}

// AddNote adds a timestamped note to a ticker.
func (s *Store) AddNote(code sectors.Code, text string) (Note, error) {
	text = strings.TrimRight(text, " \t\r\n")
	if strings.TrimSpace(text) == "" {
		return Note{}, refuse(ErrNotFound, "the note is empty: write some text")
	}
	var n Note
	err := s.editTicker(code, func(r tref, _ *tickerRecord) error {
		now := s.now()
		n = Note{ID: r.nextNoteID(), Text: text, Created: now, Updated: now}
		return r.putNote(n)
	})
	return n, err
}

// EditNote replaces a note's text, keeping the old text as a revision.
func (s *Store) EditNote(code sectors.Code, id uint64, text string) error {
	text = strings.TrimRight(text, " \t\r\n")
	if strings.TrimSpace(text) == "" {
		return refuse(ErrNotFound, "the note is empty: to remove it, delete it instead")
	}
	return s.editNote(code, id, func(n *Note, now time.Time) {
		if n.Text == text {
			return
		}
		n.Revisions = append(n.Revisions, Revision{Text: n.Text, At: now})
		n.Text, n.Updated = text, now
	})
}

// DeleteNote marks a note deleted; its text stays in the history.
func (s *Store) DeleteNote(code sectors.Code, id uint64) error {
	return s.editNote(code, id, func(n *Note, now time.Time) { n.Deleted = now })
}

func (s *Store) editNote(code sectors.Code, id uint64, fn func(n *Note, now time.Time)) error {
	return s.editTicker(code, func(r tref, _ *tickerRecord) error {
		n, ok, err := r.note(id)
		if err != nil {
			return err
		}
		if !ok {
			return refuse(ErrNotFound, "%s has no note %d: `zixuan show %s` lists its notes", code.Key(), id, code.Number)
		}
		if n.IsDeleted() {
			return refuse(ErrNotFound, "note %d of %s was deleted", id, code.Key())
		}
		fn(&n, s.now())
		return r.putNote(n)
	})
}
