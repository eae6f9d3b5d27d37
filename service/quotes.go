package service

import (
	"context"
	"errors"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
)

// ErrQuotesOff: the service has no quote source (the front end runs
// offline).
var ErrQuotesOff = errors.New("quotes are off (--offline)")

// FetchQuotes fetches the latest quotes of codes (each asked once, in the order
// first given), by Code.Key(). On a partial failure it returns what came
// back with the error; codes the server does not know are absent.
func (s *Service) FetchQuotes(ctx context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	if s.Quotes == nil {
		return nil, ErrQuotesOff
	}
	seen := make(map[market.Code]bool, len(codes))
	unique := make([]market.Code, 0, len(codes))
	for _, c := range codes {
		if !seen[c] {
			seen[c] = true
			unique = append(unique, c)
		}
	}
	if len(unique) == 0 {
		return map[string]sectors.Quote{}, nil
	}
	got, err := s.Quotes.Quotes(ctx, unique)
	if s.KeepWatched != nil && len(got) > 0 {
		_ = s.KeepQuotes(got, s.now(), s.KeepWatched) // a cache: its failure is nobody's concern here
	}
	return got, err
}

// Latest is the latest price of code as the returns read it (false: no
// quote, or one without a price).
func (s *Service) Latest(ctx context.Context, code market.Code) (sectors.Latest, bool) {
	q, err := s.FetchQuotes(ctx, []market.Code{code})
	if err != nil && len(q) == 0 {
		return sectors.Latest{}, false
	}
	return q[code.Key()].AsLatest()
}

// WatchedCodes are the codes whose quotes are worth keeping as the last
// known ones: the tickers on the list, the positions (on the list or
// not: the day's P&L needs them), the strip's indexes and the benchmark.
// Every front end keeping quotes names the same set, so that none drops
// what another keeps for its own use.
func WatchedCodes(tickers []sectors.Ticker, held []sectors.Position, strip []market.Code) []market.Code {
	out := make([]market.Code, 0, len(tickers)+len(held)+len(strip)+1)
	for i := range tickers {
		if tickers[i].OnList() {
			out = append(out, tickers[i].Code)
		}
	}
	for i := range held {
		out = append(out, held[i].Code)
	}
	out = append(out, strip...)
	return append(out, sectors.Benchmark)
}

// KeepQuotes keeps quotes, fetched at fetched, as the last known quotes
// of the codes watched (store.KeepQuotes: one per code, the codes no
// longer watched dropped). It is a cache: a failure is returned for the
// caller to drop, never to show.
func (s *Service) KeepQuotes(quotes map[string]sectors.Quote, fetched time.Time, watched []market.Code) error {
	if s.Store == nil || len(quotes) == 0 {
		return nil
	}
	kept := make([]store.KeptQuote, 0, len(quotes))
	for _, q := range quotes {
		kept = append(kept, store.KeptQuote{Quote: q, Fetched: fetched})
	}
	return s.Store.KeepQuotes(kept, watched)
}

// LastKnown are the last known quotes of some codes, kept by an earlier
// fetch, and their time.
type LastKnown struct {
	Quotes  map[string]sectors.Quote // by Code.Key()
	Fetched map[string]time.Time     // when each was fetched
	// At is the newest of the quotes' own stamps (when none has one, the
	// newest fetch): the time to say they are of.
	At time.Time
}

// LastKnownQuotes are the last known quotes of codes (each kept one when
// codes is nil); none when nothing is kept. Only the store failing is an
// error.
func (s *Service) LastKnownQuotes(codes []market.Code) (LastKnown, error) {
	lk := LastKnown{Quotes: map[string]sectors.Quote{}, Fetched: map[string]time.Time{}}
	if s.Store == nil {
		return lk, nil
	}
	kept, err := s.Store.KeptQuotes()
	if err != nil {
		return lk, err
	}
	var newestFetch time.Time
	take := func(k store.KeptQuote) {
		key := k.Code.Key()
		lk.Quotes[key], lk.Fetched[key] = k.Quote, k.Fetched
		if k.Time.After(lk.At) {
			lk.At = k.Time
		}
		if k.Fetched.After(newestFetch) {
			newestFetch = k.Fetched
		}
	}
	if codes == nil {
		for _, k := range kept {
			take(k)
		}
	}
	for _, c := range codes {
		if k, ok := kept[c.Key()]; ok {
			take(k)
		}
	}
	if lk.At.IsZero() {
		lk.At = newestFetch
	}
	return lk, nil
}
