package sectors

import (
	"time"
	"zixuan/sectors/market"
)

// RatingReference is the price a ticker's current rating is measured
// from: a price set by hand or imported for its day (unadjusted, used as
// it is), else the unadjusted close of its day (or the last trading day
// before it) in the daily history. Closes fetched forward-adjusted by
// older releases are not used: a later ex-date re-bases them.
func RatingReference(t *Ticker, refs map[string][]RefPrice, h PriceHistory) (Reference, bool) {
	return ReferenceAt(refs[t.Code.Key()], h, t.RatingAt)
}

// ReferenceAt is RatingReference for a rating given at: a ticker's
// hand-set prices (refs, oldest first) first, then its history.
func ReferenceAt(refs []RefPrice, h PriceHistory, at time.Time) (Reference, bool) {
	if p, ok := RefFor(refs, at); ok && !p.Adjusted {
		return Reference{Day: p.Day, Price: p.Close, Basis: Unadjusted}, true
	}
	return referenceFor(h, market.ChinaDay(at))
}

// ReturnSinceRating is the total return of a ticker since its current
// rating, to latest (nil: the history's last close): the one return
// calculation the list, the quote command and the exports show.
func ReturnSinceRating(t *Ticker, refs map[string][]RefPrice, h PriceHistory, latest *Latest) (Reference, Growth, bool) {
	ref, ok := RatingReference(t, refs, h)
	if !ok {
		return Reference{}, Growth{}, false
	}
	g, err := TotalReturn(ref, h, latest, time.Time{})
	return ref, g, err == nil
}
