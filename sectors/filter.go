package sectors

import "slices"

// RatingSet is a set of ratings, as the rating filter holds them: the
// TUI's 1…6 keys toggle members, `--rating buy,增持` names them. The empty
// set lets every rating through.
type RatingSet uint8

// With returns the set with r added.
func (s RatingSet) With(r Rating) RatingSet { return s | 1<<uint(r) }

// Toggle returns the set with r added, or removed if it was there.
func (s RatingSet) Toggle(r Rating) RatingSet { return s ^ 1<<uint(r) }

// Has reports whether r is in the set.
func (s RatingSet) Has(r Rating) bool { return s&(1<<uint(r)) != 0 }

// Empty reports whether no rating is selected.
func (s RatingSet) Empty() bool { return s == 0 }

// Lets reports whether the filter lets r through: the empty set lets all.
func (s RatingSet) Lets(r Rating) bool { return s == 0 || s.Has(r) }

// Members lists the set in the scale's display order.
func (s RatingSet) Members() []Rating {
	var out []Rating
	for _, r := range Ratings {
		if s.Has(r) {
			out = append(out, r)
		}
	}
	return out
}

// SetOf makes a set of ratings.
func SetOf(rs ...Rating) RatingSet {
	var s RatingSet
	for _, r := range rs {
		s = s.With(r)
	}
	return s
}

// Filter is what narrows the watchlist, in the CLI's list and export and
// the TUI alike: a sector AND any of a set of ratings AND a report's
// calls, over the tickers on the list or the removed ones.
type Filter struct {
	Sector  string    // a sector id; "" is every sector
	Ratings RatingSet // empty lets every rating through
	Removed bool      // the removed tickers instead of those on the list
	Report  string    // a report id: only the tickers it made a call on; "" is any
}

// Keeps reports whether t passes the filter.
func (f Filter) Keeps(t *Ticker) bool {
	if t.OnList() == f.Removed || f.Sector != "" && !t.InSector(f.Sector) || !f.Ratings.Lets(t.Rating) {
		return false
	}
	if f.Report != "" {
		_, ok := t.CallFrom(f.Report)
		return ok
	}
	return true
}

// Apply returns the tickers that pass, in their order; for one sector in
// the sector's order, its group members among its own (CompareInSector).
func (f Filter) Apply(tickers []Ticker) []Ticker {
	// Counted first: Tickers are large, and growing the result by append
	// copied the whole market about twice over.
	n := 0
	for i := range tickers {
		if f.Keeps(&tickers[i]) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Ticker, 0, n)
	grouped := false
	for i := range tickers {
		if f.Keeps(&tickers[i]) {
			out = append(out, tickers[i])
			grouped = grouped || f.Sector != "" && tickers[i].Sector != f.Sector
		}
	}
	if grouped {
		slices.SortStableFunc(out, func(a, b Ticker) int { return CompareInSector(&a, &b) })
	}
	return out
}
