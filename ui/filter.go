package ui

import (
	"sort"

	"zixuan/sectors"
	"zixuan/store"
)

// watchData is one loaded snapshot: the tickers on the list and their
// search keys, built once per load.
type watchData struct {
	gen     uint64
	source  sectors.Source
	sectors []store.Sector
	order   map[string]int // sector id → display order
	tickers []store.Ticker // on the list only, in the snapshot's order
	keys    []searchKey    // parallel to tickers
	sortKey []string       // parallel to tickers: full pinyin for name sort
}

func newWatchData(snap *store.Snapshot) watchData {
	d := watchData{gen: snap.Gen, source: snap.Source, sectors: snap.Sectors, order: map[string]int{}}
	for i, s := range snap.Sectors {
		d.order[s.ID] = i
	}
	for _, t := range snap.Tickers {
		if !t.OnList() {
			continue
		}
		d.tickers = append(d.tickers, t)
		var extra []string
		if t.ReportName != "" && t.ReportName != t.Name {
			extra = append(extra, t.ReportName)
		}
		k := newSearchKey(t.Code, t.Name, extra...)
		d.keys = append(d.keys, k)
		sk := ""
		if len(k.full) > 0 {
			sk = k.full[0]
		}
		d.sortKey = append(d.sortKey, sk)
	}
	return d
}

// Sort orders, cycled by s.
const (
	sortSector = iota
	sortCode
	sortName
	sortRating
	sortChanged
	sortCount
)

// viewState is the filter in force and what it lets through.
type viewState struct {
	ratings [7]bool // indexed by sectors.Rating; none set = all
	query   string  // the search text as typed
	sortBy  int

	rows   []int // indexes into watchData.tickers, in display order
	scores []int // match score per ticker while searching (reused)
	counts []int // per tab: All, then each sector
}

// ratingFilterOn reports whether any rating is selected.
func (v *viewState) ratingFilterOn() bool {
	for _, on := range v.ratings {
		if on {
			return true
		}
	}
	return false
}

// apply recomputes rows for the tab (sector id, "" = All) and the counts
// of every tab under the rating filter and search.
func (v *viewState) apply(d *watchData, tab string) {
	q := normalizeQuery(v.query)
	filterRatings := v.ratingFilterOn()
	v.counts = make([]int, len(d.sectors)+1)
	v.rows = v.rows[:0]
	scores := v.scores[:0]
	if q != "" {
		scores = append(scores, make([]int, len(d.tickers))...)
	}
	for i := range d.tickers {
		t := &d.tickers[i]
		if filterRatings && !v.ratings[t.Rating] {
			continue
		}
		s := matchSubstring
		if q != "" {
			if s = d.keys[i].score(q); s == noMatch {
				continue
			}
		}
		v.counts[0]++
		if o, ok := d.order[t.Sector]; ok {
			v.counts[o+1]++
		}
		if tab != "" && t.Sector != tab {
			continue
		}
		v.rows = append(v.rows, i)
		if q != "" {
			scores[i] = s
		}
	}
	v.scores = scores
	less := v.less(d)
	sort.SliceStable(v.rows, func(a, b int) bool {
		i, j := v.rows[a], v.rows[b]
		if q != "" && scores[i] != scores[j] {
			return scores[i] < scores[j]
		}
		return less(i, j)
	})
}

func (v *viewState) less(d *watchData) func(i, j int) bool {
	t := d.tickers
	switch v.sortBy {
	case sortCode:
		return func(i, j int) bool { return t[i].Code.Number < t[j].Code.Number }
	case sortName:
		return func(i, j int) bool { return d.sortKey[i] < d.sortKey[j] }
	case sortRating:
		return func(i, j int) bool { return t[i].Rating.Rank() < t[j].Rating.Rank() }
	case sortChanged:
		return func(i, j int) bool { return t[i].Updated.After(t[j].Updated) }
	}
	return func(i, j int) bool {
		oi, oj := d.order[t[i].Sector], d.order[t[j].Sector]
		if oi != oj {
			return oi < oj
		}
		return i < j
	}
}

// visible returns the tickers of the current view, for export.
func (m *Model) visible() []store.Ticker {
	out := make([]store.Ticker, len(m.view.rows))
	for i, r := range m.view.rows {
		out[i] = m.data.tickers[r]
	}
	return out
}
