package store

import (
	"slices"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// The user's order (置顶 and manual positions), groups (a ticker shown in
// more sectors than its home one) and bringing a deleted note back. Each
// operation is one write transaction.

// SetPinned pins a ticker to the top of its sectors, or unpins it;
// changed is false when it was so already (nothing is written).
func (s *Store) SetPinned(code market.Code, pinned bool) (changed bool, err error) {
	err = s.editTicker(code, func(_ tref, rec *tickerRecord) error {
		if rec.Pinned == pinned {
			return errUnchanged
		}
		rec.Pinned, changed = pinned, true
		return nil
	})
	return changed, err
}

// Reorder gives the tickers the positions 1, 2, … in the order given, in
// one transaction; tickers not named keep theirs. The order is not a
// change of the tickers: their last-change dates stay. It is how the TUI moves a
// ticker up or down in a sector: it passes the sector's tickers in their
// new order.
func (s *Store) Reorder(codes []market.Code) error {
	return s.update(func(tx *bolt.Tx) error {
		changed := false
		for i, code := range codes {
			r := refOf(tx, code)
			if !r.exists() {
				return notOnList(code)
			}
			var rec tickerRecord
			if err := r.info(&rec); err != nil {
				return err
			}
			if rec.Position == uint64(i+1) {
				continue
			}
			rec.Position, changed = uint64(i+1), true
			if err := r.putInfo(rec); err != nil {
				return err
			}
		}
		if !changed {
			return errUnchanged
		}
		return nil
	})
}

// AddToGroup shows a ticker in one more sector (named by id or either
// name) besides its home sector; added is false when it is there already.
func (s *Store) AddToGroup(code market.Code, sector string) (sec sectors.Sector, added bool, err error) {
	err = s.editTicker(code, func(r tref, rec *tickerRecord) error {
		var err error
		if sec, err = findSectorIn(r.tx, sector); err != nil {
			return err
		}
		if rec.Sector == sec.ID || slices.Contains(rec.Groups, sec.ID) {
			return errUnchanged
		}
		rec.Groups, added = append(rec.Groups, sec.ID), true
		return nil
	})
	return sec, added, err
}

// RemoveFromGroup takes a ticker out of one of its sectors and keeps it in
// the others. Taken out of its home sector, the first of its groups
// becomes its home; a ticker in one sector only is refused (OnlySector:
// remove it from the watchlist instead). removed is false when it was not
// in that sector.
func (s *Store) RemoveFromGroup(code market.Code, sector string) (sec sectors.Sector, removed bool, err error) {
	err = s.editTicker(code, func(r tref, rec *tickerRecord) error {
		var err error
		if sec, err = findSectorIn(r.tx, sector); err != nil {
			return err
		}
		switch {
		case slices.Contains(rec.Groups, sec.ID):
			rec.Groups = slices.DeleteFunc(slices.Clone(rec.Groups), func(g string) bool { return g == sec.ID })
		case rec.Sector == sec.ID && len(rec.Groups) > 0:
			rec.Sector, rec.Groups = rec.Groups[0], slices.Clone(rec.Groups[1:])
		case rec.Sector == sec.ID:
			e := refusal(ErrInvalid, OnlySector, code)
			e.ID = sec.ID
			return e
		default:
			return errUnchanged
		}
		if len(rec.Groups) == 0 {
			rec.Groups = nil
		}
		removed = true
		return nil
	})
	return sec, removed, err
}

// UndeleteNote brings a deleted note back, with its text and revisions.
func (s *Store) UndeleteNote(code market.Code, id uint64) error {
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
		if !n.IsDeleted() {
			e := refusal(ErrInvalid, NoteNotDeleted, code)
			e.Count = int(id)
			return e
		}
		n.Deleted = time.Time{}
		return r.putNote(n)
	})
}

// dropGroup takes the sector id out of every ticker's groups (a sector
// being deleted), inside tx.
func dropGroup(tx *bolt.Tx, id string) error {
	b := tx.Bucket(bucketTickers)
	var keys [][]byte
	var recs []tickerRecord
	err := b.ForEach(func(k, v []byte) error {
		var rec tickerRecord
		if err := decodeTickerRecord(v, &rec); err != nil {
			return err
		}
		if slices.Contains(rec.Groups, id) {
			rec.Groups = slices.DeleteFunc(rec.Groups, func(g string) bool { return g == id })
			if len(rec.Groups) == 0 {
				rec.Groups = nil
			}
			keys, recs = append(keys, slices.Clone(k)), append(recs, rec)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, k := range keys {
		if err := putJSON(b, k, recs[i]); err != nil {
			return err
		}
	}
	return nil
}
