package ui

import (
	"slices"
	"strings"

	"zixuan/sectors"
)

// The filter's index: sort orders and the incremental search.

// filterIndex is what filtering needs of each ticker, looked up once per
// load rather than per keystroke, the sort orders (computed on first use),
// and the search results of the query being typed and of its prefixes.
type filterIndex struct {
	sector  []int32          // display order of the ticker's sector, -1 if none
	groups  [][]int32        // display orders of its other sectors (groups); nil when no ticker has any
	rating  []sectors.Rating // the ticker's rating
	perm    [sortCount][]int32
	permOK  [sortCount]bool // perm[s] computed; nil then means the snapshot's own order
	col     colOrderCache   // the column sort (colsort.go)
	stack   []searchHits    // stack[i+1].q extends stack[i].q
	mark    []uint8         // per ticker score while ranking (reused)
	buckets [noMatch][]int  // rows per score while ranking (reused)
}

// searchHits are the tickers a normalized query matches, in the tickers'
// order, with their scores. A query's hits are among those of any prefix of
// it (each kind of match survives dropping characters from the query's
// end), so typing one more character scores only the previous hits, and a
// backspace pops back to them.
type searchHits struct {
	q     string
	hits  []int32
	score []uint8
}

// maxSearchStack bounds the remembered prefixes (the query holds 40 runes).
const maxSearchStack = 64

// groupOrders is the display orders of every ticker's groups, nil when
// no ticker is in a group (the filter then skips them at no cost).
func groupOrders(d *watchData) [][]int32 {
	var out [][]int32
	for i := range d.tickers {
		gs := d.tickers[i].Groups
		if len(gs) == 0 {
			continue
		}
		if out == nil {
			out = make([][]int32, len(d.tickers))
		}
		for _, g := range gs {
			if o, ok := d.order[g]; ok {
				out[i] = append(out[i], int32(o))
			}
		}
	}
	return out
}

// index returns d's filter index, building it for a watchData made
// without newWatchData.
func (d *watchData) index() *filterIndex {
	if d.idx == nil || len(d.idx.sector) != len(d.tickers) {
		ix := &filterIndex{sector: make([]int32, len(d.tickers)), rating: make([]sectors.Rating, len(d.tickers))}
		for i, t := range d.tickers {
			o, ok := d.order[t.Sector]
			if !ok {
				o = -1
			}
			ix.sector[i], ix.rating[i] = int32(o), t.Rating
		}
		ix.groups = groupOrders(d)
		d.idx = ix
	}
	return d.idx
}

// order returns the tickers' indexes in sort order by, ties in the
// snapshot's order, computed once per load; nil means the snapshot's own
// order (the sector sort of a snapshot the store sorted already).
func (ix *filterIndex) order(d *watchData, by int) []int32 {
	if by < 0 || by >= sortCount {
		by = sortSector
	}
	if ix.permOK[by] {
		return ix.perm[by]
	}
	less := (&viewState{sortBy: by}).less(d)
	perm := make([]int32, len(d.tickers))
	for i := range perm {
		perm[i] = int32(i)
	}
	sorted := true
	for i := 1; i < len(perm) && sorted; i++ {
		sorted = !less(i, i-1)
	}
	if sorted {
		perm = nil
	} else {
		slices.SortStableFunc(perm, func(a, b int32) int {
			switch {
			case less(int(a), int(b)):
				return -1
			case less(int(b), int(a)):
				return 1
			}
			return 0
		})
	}
	ix.perm[by], ix.permOK[by] = perm, true
	return perm
}

// search returns the hits of the normalized, non-empty query q, scoring
// only the hits of the longest remembered prefix of q.
func (ix *filterIndex) search(keys []searchKey, q string) *searchHits {
	for len(ix.stack) > 0 {
		top := &ix.stack[len(ix.stack)-1]
		if top.q == q {
			return top
		}
		if strings.HasPrefix(q, top.q) {
			break
		}
		ix.stack = ix.stack[:len(ix.stack)-1]
	}
	if len(ix.stack) >= maxSearchStack {
		ix.stack = ix.stack[:0]
	}
	var from []int32
	all := len(ix.stack) == 0
	if !all {
		from = ix.stack[len(ix.stack)-1].hits
	}
	if len(ix.stack) < cap(ix.stack) {
		ix.stack = ix.stack[:len(ix.stack)+1]
	} else {
		ix.stack = append(ix.stack, searchHits{})
	}
	h := &ix.stack[len(ix.stack)-1]
	h.q, h.hits, h.score = q, h.hits[:0], h.score[:0] // reuse a popped entry's arrays
	useHay := strings.IndexByte(q, 0) < 0
	if all {
		for i := range keys {
			if s := keys[i].ScoreHay(q, useHay); s != noMatch {
				h.hits = append(h.hits, int32(i))
				h.score = append(h.score, uint8(s))
			}
		}
	} else {
		for _, i := range from {
			if s := keys[i].ScoreHay(q, useHay); s != noMatch {
				h.hits = append(h.hits, i)
				h.score = append(h.score, uint8(s))
			}
		}
	}
	return h
}
