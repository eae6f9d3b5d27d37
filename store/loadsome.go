package store

import (
	"zixuan/sectors"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"
)

// LoadSome is Load of a few tickers, brief: codes (those the store does
// not hold are left out, a removed ticker is read with its Removed), each
// with its record and calls but of its notes only the latest live one and
// none of its rating changes, with the reports and the reference prices,
// in one read transaction. That is what judging alerts reads: the work on
// a handful of tickers need not read a whole market's notes to do it, and
// on a whole market it does not hold them (9 MB at 5,538 tickers with
// three notes each).
func (s *Store) LoadSome(codes []market.Code) (*sectors.Snapshot, error) {
	snap := &sectors.Snapshot{}
	whole := false
	err := s.view(func(tx *bolt.Tx) (err error) {
		// Most of the store wanted: Load's one pass over every ticker
		// costs less than a look-up of each.
		if 2*len(codes) >= tx.Bucket(bucketTickers).Stats().KeyN {
			whole = true
			return nil
		}
		snap.Gen = readGen(tx)
		if snap.Refs, err = readRefPrices(tx); err != nil {
			return err
		}
		if snap.Reports, err = readReports(tx); err != nil {
			return err
		}
		seen := make(map[string]bool, len(codes))
		for _, c := range codes {
			r := refOf(tx, c)
			if seen[c.Key()] || !r.exists() {
				continue
			}
			seen[c.Key()] = true
			t, err := readTicker(r)
			if err != nil {
				return err
			}
			snap.Tickers = append(snap.Tickers, brief(t))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if whole {
		if snap, err = s.load(true); err != nil {
			return nil, err
		}
		want := make(map[string]bool, len(codes))
		for _, c := range codes {
			want[c.Key()] = true
		}
		kept := snap.Tickers[:0]
		for _, t := range snap.Tickers {
			if want[t.Code.Key()] {
				kept = append(kept, t)
			}
		}
		snap.Tickers = kept
	}
	return snap, nil
}

// brief is t as LoadSome gives it: no rating changes, and of its notes
// the latest live one only.
func brief(t sectors.Ticker) sectors.Ticker {
	t.Ratings = nil
	if n, ok := t.LatestNote(); ok {
		t.Notes = []sectors.Note{n}
	} else {
		t.Notes = nil
	}
	return t
}
