package store

import (
	"math"
	"slices"
	"strings"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// The domain operations below are each one write transaction: what a user
// confirms as one change lands whole or not at all, even when it touches
// several records (a ticker brought back and re-rated, a rating and its
// reference price).

// AddOptions steer AddOrRestore.
type AddOptions struct {
	// Name is the short name for a code the securities master does not
	// know, or the user's own name for one it does.
	Name string
	// QuoteName is the quote server's name of a code the master does not
	// list (a fund, an index): kept apart from the user's own name, and
	// shown when the user gave none.
	QuoteName string
	// Sector is the sector to put the ticker in: its id or either name.
	Sector string
	// Rating is the rating a new ticker starts with (nil: unrated). A
	// ticker brought back keeps its rating unless Rerate is set.
	Rating *sectors.Rating
	Rerate bool
	// Source is who adds it: sectors.SourceUser unless said.
	Source string

	newSector *newSectorNames // a sector to create and add to (AddToNewSector)
}

// AddResult says what AddOrRestore did.
type AddResult struct {
	Ticker  sectors.Ticker // as stored after the change
	Sector  sectors.Sector
	Revived bool // it had been removed and is back, with its notes and history
	Rerated bool // a ticker brought back got the rating asked for
}

// AddOrRestore puts a ticker on the watchlist in a sector. The name comes
// from the securities master; a code the master does not know needs a name
// (the user's or the quote server's), unless it is a known index or a
// removed ticker that has one.
// A removed ticker comes back with its notes and history (undoing the
// removal) and, with Rerate, the rating asked for; one already on the list
// is refused.
func (s *Store) AddOrRestore(code market.Code, opts AddOptions) (AddResult, error) {
	name := strings.TrimSpace(opts.Name)
	quoteName := strings.TrimSpace(opts.QuoteName)
	_, inMaster := market.LookupMaster(code)
	_, knownIndex := market.Indexes[code.Key()]
	source := opts.Source
	if source == "" {
		source = sectors.SourceUser
	}
	rating := sectors.Unrated
	if opts.Rating != nil {
		rating = *opts.Rating
		if !rating.Valid() {
			return AddResult{}, &Error{Kind: ErrInvalid, Reason: BadRating, Code: code, Count: int(rating)}
		}
	}
	var res AddResult
	err := s.updateTicker(code, func(tx *bolt.Tx) error {
		res = AddResult{}
		now := s.now()
		sec, err := opts.sectorIn(tx, now)
		if err != nil {
			return err
		}
		res.Sector = sec
		r := refOf(tx, code)
		if r.exists() {
			var rec tickerRecord
			if err := r.info(&rec); err != nil {
				return err
			}
			if rec.Removed.IsZero() {
				e := refusal(ErrExists, AlreadyOnList, code)
				e.ID = rec.Sector
				return e
			}
			rec.Removed, rec.Sector, rec.Updated = time.Time{}, sec.ID, now
			if name != "" {
				rec.CustomName = name
			}
			if quoteName != "" && !inMaster {
				rec.QuoteName = quoteName
			}
			res.Revived = true
			if opts.Rerate && rec.Rating != rating.ID() {
				from, _ := sectors.ParseRating(rec.Rating)
				if err := r.appendRatings(sectors.RatingChange{From: from, To: rating, At: now, Source: source}); err != nil {
					return err
				}
				rec.Rating, rec.RatingAt, rec.RatingSource = rating.ID(), now, source
				res.Rerated = true
			}
			if err := r.putInfo(rec); err != nil {
				return err
			}
		} else {
			if !inMaster && !knownIndex && name == "" && quoteName == "" {
				return refusal(ErrInvalid, NotInMaster, code)
			}
			rec := tickerRecord{
				Exchange: string(code.Exchange), Code: code.Number, Sector: sec.ID,
				Rating: rating.ID(), RatingAt: now, RatingSource: source, Added: now, Updated: now,
			}
			if m, ok := market.LookupMaster(code); !ok || name != m.Name {
				rec.CustomName = name
			}
			if !inMaster {
				rec.QuoteName = quoteName
			}
			if r, err = newTicker(tx, rec, []sectors.RatingChange{{From: sectors.Unrated, To: rating, At: now, Source: source, Reason: sectors.ReasonAdded}}); err != nil {
				return err
			}
		}
		res.Ticker, err = readTicker(r)
		return err
	})
	if err != nil {
		return AddResult{}, err
	}
	return res, nil
}

// RateOptions steer Rate.
type RateOptions struct {
	Source string // who rates: sectors.SourceUser unless said
	Reason string // why; with the rating unchanged, a reason records a reaffirmation
	// RefPrice, when not zero, is the close the rating's return is
	// measured from, stored for the day of the rating in force after the
	// change (today's when it changed, else the day of the rating it
	// confirms). It is an unadjusted price, set by hand.
	RefPrice float64
}

// RateResult says what Rate did.
type RateResult struct {
	Changed bool      // a history entry was written
	RefDay  time.Time // the day the reference price was stored for, when one was given
	Ticker  sectors.Ticker
}

// Rate changes a ticker's rating and records the change in its history
// with its source and reason, and stores the reference price given, all in
// one transaction. Setting the rating it already has records nothing
// unless a reason is given (a reaffirmation).
func (s *Store) Rate(code market.Code, to sectors.Rating, opts RateOptions) (RateResult, error) {
	if !to.Valid() {
		return RateResult{}, &Error{Kind: ErrInvalid, Reason: BadRating, Code: code, Count: int(to)}
	}
	if p := opts.RefPrice; p != 0 && (!(p > 0) || math.IsInf(p, 0) || p > maxPrice) {
		e := refusal(ErrInvalid, BadPrice, code)
		e.Detail = code.Key() + ": " + formatPrice(p)
		return RateResult{}, e
	}
	source := opts.Source
	if source == "" {
		source = sectors.SourceUser
	}
	reason := strings.TrimSpace(opts.Reason)
	var res RateResult
	err := s.updateTicker(code, func(tx *bolt.Tx) error {
		res = RateResult{}
		r := refOf(tx, code)
		if !r.exists() {
			return notOnList(code)
		}
		var rec tickerRecord
		if err := r.info(&rec); err != nil {
			return err
		}
		now := s.now()
		if rec.Rating != to.ID() || reason != "" {
			from, _ := sectors.ParseRating(rec.Rating)
			if err := r.appendRatings(sectors.RatingChange{From: from, To: to, At: now, Source: source, Reason: reason}); err != nil {
				return err
			}
			rec.Rating, rec.RatingAt, rec.RatingSource = to.ID(), now, source
			rec.Updated = now
			if err := r.putInfo(rec); err != nil {
				return err
			}
			res.Changed = true
		}
		if opts.RefPrice != 0 {
			res.RefDay = market.ChinaDay(rec.RatingAt)
			if err := putRefPrices(tx, now, []sectors.RefPrice{{Code: code, Day: res.RefDay, Close: opts.RefPrice, Source: sectors.SourceUser}}); err != nil {
				return err
			}
		} else if !res.Changed {
			return errUnchanged // the same rating, no reason, no price: nothing to write
		}
		var err error
		res.Ticker, err = readTicker(r)
		return err
	})
	if err != nil {
		return RateResult{}, err
	}
	if !res.Changed && opts.RefPrice == 0 {
		res.Ticker, err = s.Get(code) // the transaction that read it was rolled back
	}
	return res, err
}

// SetRating is Rate without a reference price, as the TUI's picker uses it.
func (s *Store) SetRating(code market.Code, to sectors.Rating, source, reason string) (changed bool, err error) {
	res, err := s.Rate(code, to, RateOptions{Source: source, Reason: reason})
	return res.Changed, err
}

// Move puts a ticker in another sector, named by id or either name, and
// returns that sector. A move to the sector it is in already changes
// nothing (not even its last-change date) and reports moved=false.
func (s *Store) Move(code market.Code, sector string) (sec sectors.Sector, moved bool, err error) {
	err = s.editTicker(code, func(r tref, rec *tickerRecord) error {
		var err error
		if sec, err = findSectorIn(r.tx, sector); err != nil {
			return err
		}
		if rec.Sector == sec.ID {
			return errUnchanged
		}
		rec.Sector, moved = sec.ID, true
		if slices.Contains(rec.Groups, sec.ID) { // its home now, not also a group
			rec.Groups = slices.DeleteFunc(slices.Clone(rec.Groups), func(g string) bool { return g == sec.ID })
			if len(rec.Groups) == 0 {
				rec.Groups = nil
			}
		}
		return nil
	})
	return sec, moved, err
}

// RestoreLast brings back the most recently removed ticker and returns its
// code; with nothing removed it is refused as ErrNotFound.
func (s *Store) RestoreLast() (market.Code, error) {
	var code market.Code
	err := s.update(func(tx *bolt.Tx) error {
		var last time.Time
		var found bool
		err := tx.Bucket(bucketTickers).ForEach(func(k, v []byte) error {
			var rec tickerRecord
			if err := decodeTickerRecord(v, &rec); err != nil {
				return err
			}
			if !rec.Removed.IsZero() && rec.Removed.After(last) {
				c, err := market.ParseCode(string(k))
				if err != nil {
					return err
				}
				code, last, found = c, rec.Removed, true
			}
			return nil
		})
		if err != nil {
			return err
		}
		if !found {
			return &Error{Kind: ErrNotFound, Reason: NothingRemoved}
		}
		return restoreIn(refOf(tx, code), s.now())
	})
	return code, err
}

// Detail is one ticker with what it takes to show it: the sectors and the
// reports its calls come from.
type Detail struct {
	Ticker  sectors.Ticker
	Sectors []sectors.Sector
	Reports []sectors.ReportEntry
}

// Detail reads one ticker, the sectors and the reports, from one snapshot.
func (s *Store) Detail(code market.Code) (Detail, error) {
	var d Detail
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if d.Ticker, err = readTicker(refOf(tx, code)); err != nil {
			return err
		}
		if d.Sectors, err = readSectors(tx); err != nil {
			return err
		}
		d.Reports, err = readReports(tx)
		return err
	})
	return d, err
}

// findSectorIn resolves a sector id or name against the sectors tx holds.
func findSectorIn(tx *bolt.Tx, input string) (sectors.Sector, error) {
	list, err := readSectors(tx)
	if err != nil {
		return sectors.Sector{}, err
	}
	sec, err := sectors.FindSector(list, input)
	if err != nil {
		return sectors.Sector{}, noSector(input, list)
	}
	return sec, nil
}

// sectorIn is the sector opts add to: the one named, or the one created.
func (opts AddOptions) sectorIn(tx *bolt.Tx, now time.Time) (sectors.Sector, error) {
	if opts.newSector != nil {
		return opts.newSector.createIn(tx, now)
	}
	return findSectorIn(tx, opts.Sector)
}

// AddTicker is AddOrRestore of a ticker that starts with rating, in the
// sector with that id or name; a ticker brought back keeps its own rating.
func (s *Store) AddTicker(code market.Code, name, sector string, rating sectors.Rating, source string) (AddResult, error) {
	return s.AddOrRestore(code, AddOptions{Name: name, Sector: sector, Rating: &rating, Source: source})
}
