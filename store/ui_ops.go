package store

import (
	bolt "go.etcd.io/bbolt"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// GetWithGen reads one ticker (on the watchlist or removed) and the
// generation counter in one read transaction. A TUI that has just written
// the ticker patches it into its loaded data with this read and, when the
// generation is one past the one its data was loaded at (its own write was
// the only one since), takes that generation as its own: the poll then
// does not reload the whole store for a change it already shows.
func (s *Store) GetWithGen(code market.Code) (sectors.Ticker, uint64, error) {
	var t sectors.Ticker
	var gen uint64
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if t, err = readTicker(refOf(tx, code)); err != nil {
			return err
		}
		gen = readGen(tx)
		return nil
	})
	return t, gen, err
}
