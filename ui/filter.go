package ui

import (
	"slices"
	"strings"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
)

// watchData is one loaded snapshot: the tickers on the list and their
// search keys, built once per load.
type watchData struct {
	gen     uint64
	source  sectors.Source
	sectors []sectors.Sector
	order   map[string]int   // sector id → display order
	tickers []sectors.Ticker // on the list only, in the snapshot's order
	keys    []searchKey      // parallel to tickers, made on the first search (searchKeys) or in the background (keysCmd)
	keysGen uint64           // bumped by every patch that changes what keys are made from
	fuzzy   []searchKey      // keys with fuzzy sounds folded, built on first use
	sortKey []string         // parallel to tickers: name syllables for the name sort, built on first use
	idx     *filterIndex     // what apply needs per ticker, and its search cache
}

func newWatchData(snap *sectors.Snapshot) watchData { return makeWatchData(snap, false) }

// makeWatchData is newWatchData; with take, and every ticker of snap on
// the list, it takes snap's tickers instead of copying them, and snap is
// left without any (a snapshot used for nothing else: the list index's).
func makeWatchData(snap *sectors.Snapshot, take bool) watchData {
	d := watchData{gen: snap.Gen, source: snap.Source, sectors: snap.Sectors, order: make(map[string]int, len(snap.Sectors))}
	for i, s := range snap.Sectors {
		d.order[s.ID] = i
	}
	n := 0
	for i := range snap.Tickers {
		if snap.Tickers[i].OnList() {
			n++
		}
	}
	take = take && n == len(snap.Tickers)
	if take {
		d.tickers = snap.Tickers
	} else {
		d.tickers = make([]sectors.Ticker, 0, n)
	}
	ix := &filterIndex{sector: make([]int32, 0, n), rating: make([]sectors.Rating, 0, n)}
	for j := range snap.Tickers {
		t := &snap.Tickers[j]
		if !t.OnList() {
			continue
		}
		if !take {
			d.tickers = append(d.tickers, *t)
		}
		o, ok := d.order[t.Sector]
		if !ok {
			o = -1
		}
		ix.sector = append(ix.sector, int32(o))
		ix.rating = append(ix.rating, t.Rating)
	}
	ix.groups = groupOrders(&d)
	d.idx = ix
	if take {
		snap.Tickers = nil
	}
	return d
}

// searchKeys returns the tickers' search keys, made on the first search
// rather than at every load: they need the pinyin of every name, which the
// first screen does not (and a small list that never searches never reads
// the pinyin tables). A large list has them made in the background after
// its load instead (keysCmd), so that its first search is as quick as the
// next.
func (d *watchData) searchKeys() []searchKey {
	if d.keys == nil && len(d.tickers) > 0 {
		d.keys = makeKeys(keySourcesOf(d.tickers))
	}
	return d.keys
}

// keySource is what a ticker's search key is made from.
type keySource struct {
	code                         market.Code
	name, reportName, customName string
}

func keySourcesOf(tickers []sectors.Ticker) []keySource {
	out := make([]keySource, len(tickers))
	for i := range tickers {
		t := &tickers[i]
		out[i] = keySource{t.Code, t.Name, t.ReportName, t.CustomName}
	}
	return out
}

func makeKeys(src []keySource) []searchKey {
	keys := make([]searchKey, len(src))
	for i, s := range src {
		keys[i] = makeSearchKey(s.code, s.name, s.reportName, s.customName) // as cli/resolve.go does
	}
	fillHays(keys)
	return keys
}

// bigList is the size from which the search keys are made in the
// background after a load: about 3 ms at 1,000 tickers' worth.
const bigList = 1000

// keysMadeMsg is the search keys keysCmd made for the data of epoch, at
// keysGen gen.
type keysMadeMsg struct {
	epoch, gen uint64
	keys       []searchKey
}

// keysCmd makes a large list's search keys off the UI goroutine, from a
// copy of the names; nil for a small list or keys already made.
// epoch is the data's (Model.dataEpoch).
func (d *watchData) keysCmd(epoch uint64) tea.Cmd {
	if len(d.tickers) < bigList || d.keys != nil {
		return nil
	}
	src, gen := keySourcesOf(d.tickers), d.keysGen
	return func() tea.Msg { return keysMadeMsg{epoch: epoch, gen: gen, keys: makeKeys(src)} }
}

// takeKeys installs keys made in the background, unless the data changed
// since they were started (they are then made on the next search).
func (d *watchData) takeKeys(msg keysMadeMsg, epoch uint64) {
	if msg.epoch == epoch && msg.gen == d.keysGen && d.keys == nil && len(msg.keys) == len(d.tickers) {
		d.keys = msg.keys
	}
}

// Sort orders, cycled by s.
const (
	sortSector = iota
	sortCode
	sortName
	sortNameReverse
	sortRating
	sortChanged
	sortCount
)

// viewState is the filter in force and what it lets through.
type viewState struct {
	// filter is the rating set and the report filter, the rule the CLI's
	// list and export apply too; the tab stands for its sector.
	filter sectors.Filter
	query  string // the search text as typed
	fuzzy  bool   // match pinyin with fuzzy sounds (z=zh, c=ch, s=sh, n=l)
	sortBy int
	// col, when set, is the column sort picked with < > and I
	// (colsort.go), in place of sortBy; facts are what its live
	// columns read, set by the root before each apply
	col   sectors.SortOrder
	facts liveFacts

	rows   []int // indexes into watchData.tickers, in display order
	counts []int // per tab: All, then each sector
}

// ratingFilterOn reports whether any rating is selected.
func (v *viewState) ratingFilterOn() bool { return !v.filter.Ratings.Empty() }

// apply recomputes rows for the tab (sector id, "" = All) and the counts
// of every tab under the rating filter and search. Rows are ordered by
// search score, then by the sort order, then by the snapshot's order.
func (v *viewState) apply(d *watchData, tab string) {
	ix := d.index()
	q := normalizeQuery(v.query)
	filterRatings := v.ratingFilterOn()
	v.counts = make([]int, len(d.sectors)+1)
	v.rows = v.rows[:0]
	tabOrd, tabByName := int32(-1), false
	if tab != "" {
		if o, ok := d.order[tab]; ok {
			tabOrd = int32(o)
		} else {
			tabByName = true // not a loaded sector: compare ids
		}
	}
	// keep counts the ticker and says whether it is on the tab.
	keep := func(i int) bool {
		if filterRatings && !v.filter.Ratings.Lets(ix.rating[i]) {
			return false
		}
		if v.filter.Report != "" && !fromReport(&d.tickers[i], v.filter.Report) {
			return false
		}
		v.counts[0]++
		o := ix.sector[i]
		if o >= 0 {
			v.counts[o+1]++
		}
		in := false // in the tab's sector as a group
		if ix.groups != nil {
			for _, g := range ix.groups[i] {
				v.counts[g+1]++
				in = in || g == tabOrd
			}
		}
		switch {
		case tab == "":
			return true
		case tabByName:
			return d.tickers[i].InSector(tab)
		}
		return o == tabOrd || in
	}
	if tab != "" && ix.groups != nil && v.col.Column == "" && v.sortBy == sortSector && q == "" {
		// group members from other sectors take their place in the tab's order
		defer func() {
			slices.SortStableFunc(v.rows, func(a, b int) int { return tabOrder(&d.tickers[a], &d.tickers[b]) })
		}()
	}
	var perm []int32
	if v.col.Column != "" || v.sortBy != sortSector {
		// every sort but the list's own by the domain's rule (colsort.go)
		perm = ix.colOrder(d, v.sortOrder(), v.facts)
	} else {
		perm = ix.order(d, v.sortBy)
	}
	if q == "" {
		if perm == nil {
			for i := range d.tickers {
				if keep(i) {
					v.rows = append(v.rows, i)
				}
			}
			return
		}
		for _, i := range perm {
			if keep(int(i)) {
				v.rows = append(v.rows, int(i))
			}
		}
		return
	}
	keys := d.searchKeys()
	if v.fuzzy {
		if d.fuzzy == nil {
			d.fuzzy = market.FuzzyKeys(keys)
		}
		keys, q = d.fuzzy, market.FuzzyQuery(v.query)
	}
	h := ix.search(keys, q)
	for s := range ix.buckets {
		ix.buckets[s] = ix.buckets[s][:0]
	}
	if perm == nil { // the hits are in display order already
		for j, i := range h.hits {
			if keep(int(i)) {
				s := h.score[j]
				ix.buckets[s] = append(ix.buckets[s], int(i))
			}
		}
	} else { // walk the sort order, taking the hits
		if ix.mark == nil {
			ix.mark = make([]uint8, len(d.tickers))
		}
		for i := range ix.mark {
			ix.mark[i] = uint8(noMatch)
		}
		for j, i := range h.hits {
			ix.mark[i] = h.score[j]
		}
		for _, i := range perm {
			if s := ix.mark[i]; s != uint8(noMatch) && keep(int(i)) {
				ix.buckets[s] = append(ix.buckets[s], int(i))
			}
		}
	}
	for _, b := range ix.buckets {
		v.rows = append(v.rows, b...)
	}
}

func (v *viewState) less(d *watchData) func(i, j int) bool {
	t := d.tickers
	switch v.sortBy {
	case sortCode:
		return func(i, j int) bool { return t[i].Code.Number < t[j].Code.Number }
	case sortName:
		k := d.nameSortKeys()
		return func(i, j int) bool { return k[i] < k[j] }
	case sortNameReverse:
		k := d.nameSortKeys()
		return func(i, j int) bool { return k[i] > k[j] }
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

// rowOf is the visible row of the ticker with key k, -1 when it is not
// shown (or k is "").
func (v *viewState) rowOf(d *watchData, k string) int {
	if k == "" {
		return -1
	}
	for i, r := range v.rows {
		// Key is exchange then number: compared in place, not made
		// (a search of 5,538 rows at every refresh of a live sort)
		c := &d.tickers[r].Code
		if len(k) == len(c.Exchange)+len(c.Number) && k[:len(c.Exchange)] == string(c.Exchange) && k[len(c.Exchange):] == c.Number {
			return i
		}
	}
	return -1
}

// tickers are those of the current view, in its order, for export.
func (v *viewState) tickers(d *watchData) []sectors.Ticker {
	out := make([]sectors.Ticker, len(v.rows))
	for i, r := range v.rows {
		out[i] = d.tickers[r]
	}
	return out
}

// nameSortKeys are the tickers' names as their syllables in the common
// reading, each ended by a byte below every letter, so that names sort in
// dictionary order of syllables: 深 shen before 盛 sheng, whatever
// follows (joined strings would put shengyi before shenzhen).
func (d *watchData) nameSortKeys() []string {
	if len(d.sortKey) == len(d.tickers) {
		return d.sortKey
	}
	d.sortKey = make([]string, len(d.tickers))
	var b strings.Builder
	for i := range d.tickers {
		b.Reset()
		for _, s := range market.NameSyllables(d.tickers[i].Name) {
			b.WriteString(s)
			b.WriteByte(1)
		}
		d.sortKey[i] = b.String()
	}
	return d.sortKey
}
