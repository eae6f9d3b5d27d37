package quote

import (
	"context"
	"errors"
	"sync"
	"time"

	"zixuan/sectors"
)

// Need is a reference close to look up: the one for a rating made on Day.
type Need struct {
	Code sectors.Code
	Day  time.Time
}

// MaxNeeds bounds the history requests of one round: a watchlist of the
// whole market must not send thousands of requests at start.
const MaxNeeds = 200

// MissingRefs lists the ratings of tickers that have no stored reference
// close, whose day's session is over at now, each (ticker, day) once,
// current ratings first, at most MaxNeeds. skip, when not nil, leaves out
// needs already tried.
func MissingRefs(tickers []sectors.Ticker, refs map[string][]sectors.RefPrice, now time.Time, skip func(Need) bool) []Need {
	var out []Need
	seen := map[Need]bool{}
	add := func(code sectors.Code, at time.Time) {
		if at.IsZero() || len(out) >= MaxNeeds {
			return
		}
		n := Need{Code: code, Day: sectors.ChinaDay(at)}
		if seen[n] || !Closed(SessionDay(n.Day), now) {
			return
		}
		seen[n] = true
		if _, ok := sectors.RefFor(refs[code.Key()], at); ok {
			return
		}
		if skip != nil && skip(n) {
			return
		}
		out = append(out, n)
	}
	for i := range tickers {
		if tickers[i].OnList() {
			add(tickers[i].Code, tickers[i].RatingAt)
		}
	}
	for i := range tickers {
		if tickers[i].OnList() {
			for _, r := range tickers[i].Ratings {
				add(tickers[i].Code, r.At)
			}
		}
	}
	return out
}

// FetchRefs looks the needs up, four at a time, and returns the closes
// found, ready for store.SetRefPrices, with the first error that was not
// ErrNoHistory. When the server is unreachable it stops early.
func FetchRefs(ctx context.Context, h History, needs []Need) ([]sectors.RefPrice, error) {
	var (
		mu       sync.Mutex
		out      []sectors.RefPrice
		firstErr error
	)
	parallel(ctx, len(needs), func(ctx context.Context, i int) (stop bool) {
		n := needs[i]
		bar, err := h.CloseOn(ctx, n.Code, n.Day)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			if !errors.Is(err, ErrNoHistory) && firstErr == nil {
				firstErr = err
				return errors.Is(err, ErrOffline) || errors.Is(err, ErrRefused)
			}
			return false
		}
		out = append(out, sectors.RefPrice{Code: n.Code, Day: bar.Date, Close: bar.Close, Adjusted: bar.Adjusted, Source: "tencent"})
		return false
	})
	return out, firstErr
}

// AsReference is a stored reference close as the return maths take it. A
// close set by hand or imported is the traded price and used as such; one
// fetched forward-adjusted (the k-line's qfq series) is adjusted as of the
// day it was stored, and sectors.TotalReturn refuses it once an ex-date
// lies between its day and then (a cached qfq close is wrong after every
// later ex-date). Use the unadjusted daily history where there is one.
func AsReference(p sectors.RefPrice) sectors.Reference {
	r := sectors.Reference{Day: sectors.ChinaDay(p.Day), Price: p.Close, Basis: sectors.Unadjusted}
	if p.Adjusted {
		r.Basis, r.AdjustedAsOf = sectors.ForwardAdjusted, p.Set
	}
	return r
}
