package store

import (
	"zixuan/sectors"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"
)

// LoadSome is Load of a few tickers: codes (those the store does not hold
// are left out, a removed ticker is read with its Removed), with the
// reports and the reference prices, in one read transaction. The work on
// a handful of tickers (judging their alerts) need not read a whole
// market's notes to do it.
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
			snap.Tickers = append(snap.Tickers, t)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if whole {
		if snap, err = s.Load(); err != nil {
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
