package service

import (
	"time"

	"zixuan/quote"
	"zixuan/sectors/market"
	"zixuan/store"
)

// Service does the shared work over one open database. Quotes and History
// may be nil when the front end runs offline: the work that needs them
// then says so instead of fetching.
type Service struct {
	Store   *store.Store
	Quotes  quote.Provider
	History quote.History
	// Now is the clock every decision reads (trading day, staleness, how
	// far back a history must reach); tests set it.
	Now func() time.Time
	// KeepWatched, when set, are the codes watched (WatchedCodes):
	// FetchQuotes then keeps what it fetched of them as the last known
	// quotes (KeepQuotes), for the commands run offline later.
	KeepWatched []market.Code
}

// now is the service's clock, the system's when none is set.
func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}
