package ui

import (
	"slices"

	"zixuan/sectors/market"

	"zixuan/sectors"
)

// Incremental updates. A write of the TUI's own changes one
// ticker; instead of loading the whole store again, the ticker is read
// back on its own and put into the loaded data where a full load would
// have put it: its row, its search key, the filter index, its price cells
// and its cached row drawings. The full reload stays for changes made by
// other processes (the generation poll).

// indexOf is the ticker's index in d.tickers, -1 when it is not on the list.
func (d *watchData) indexOf(code market.Code) int {
	for i := range d.tickers {
		if d.tickers[i].Code == code {
			return i
		}
	}
	return -1
}

// sectorRank is the sort rank of a sector id as the store sorts its
// snapshot: the sector's Order, 0 for an unknown id.
func (d *watchData) sectorRank(id string) int {
	if i, ok := d.order[id]; ok {
		return d.sectors[i].Order
	}
	return 0
}

// before reports whether a sorts before b in a snapshot: sector order,
// then code, as store.Load sorts.
func (d *watchData) before(a, b *sectors.Ticker) bool {
	if ra, rb := d.sectorRank(a.Sector), d.sectorRank(b.Sector); ra != rb {
		return ra < rb
	}
	if c := sectors.CompareOrder(a, b); c != 0 {
		return c < 0
	}
	if a.Code.Number != b.Code.Number {
		return a.Code.Number < b.Code.Number
	}
	return a.Code.Exchange < b.Code.Exchange
}

// searchKeyOf is a ticker's search key, as newWatchData builds it.
func searchKeyOf(t *sectors.Ticker) searchKey {
	if t.ReportName != "" && t.ReportName != t.Name {
		return newSearchKey(t.Code, t.Name, t.ReportName)
	}
	return newSearchKey(t.Code, t.Name)
}

// patchTicker installs tk, just read back from the store at generation
// gen after a write of ours, keeping the selection. When gen is the one
// right after the data's, no other process wrote in between and the data
// is now exactly what a full load at gen would give: it takes gen, so the
// poll does not reload. Otherwise the poll will (another process wrote).
// Beside the data, its price cells and its drawn rows are spliced.
func (m *Model) patchTicker(tk sectors.Ticker, gen uint64) {
	was, _ := m.selected()
	keep, noteID := m.selectedKey(), m.det.noteID(&was)
	d := &m.data
	now := m.opts.Now()
	remove := func(i int) {
		d.removeAt(i)
		if i < len(m.qs.cells) {
			m.qs.cells = slices.Delete(m.qs.cells, i, i+1)
		}
		m.rc.rowRemoved(m.dataEpoch, i, len(d.tickers)+1)
	}
	insert := func() {
		j := d.insert(tk)
		if m.qs.priced(&m.opts) && j <= len(m.qs.cells) {
			m.qs.cells = slices.Insert(m.qs.cells, j, m.qs.cellFor(&d.tickers[j], partCtxOf(m), now))
		}
		m.rc.rowInserted(m.dataEpoch, j, len(d.tickers)-1)
	}
	i := d.indexOf(tk.Code)
	switch {
	case i >= 0 && tk.OnList() && samePlace(&d.tickers[i], &tk):
		d.replace(i, tk) // same place in the order
		if i < len(m.qs.cells) {
			m.qs.cells[i] = m.qs.cellFor(&d.tickers[i], partCtxOf(m), now)
		}
		m.rc.rowChanged(m.dataEpoch, i, tk.Code)
	case i >= 0:
		remove(i)
		if tk.OnList() {
			insert()
		}
	case tk.OnList():
		insert()
	}
	if gen == d.gen+1 {
		d.gen = gen
	}
	m.sync.outdate() // a background load started before this write is older than it
	m.refilter(keep)
	if tk, ok := m.selected(); ok && tk.Code.Key() == keep && noteID != 0 {
		m.det.keepNote(&tk, noteID)
	}
}

// samePlace reports whether a full load puts b where a is: the same
// sector, the same user's order and the same groups.
func samePlace(a, b *sectors.Ticker) bool {
	return a.Sector == b.Sector && a.Pinned == b.Pinned && a.Position == b.Position && slices.Equal(a.Groups, b.Groups)
}

// replace puts tk at index i, where the ticker it replaces was.
func (d *watchData) replace(i int, tk sectors.Ticker) {
	ix := d.index()
	old := d.tickers[i]
	d.tickers[i] = tk
	if old.Name != tk.Name || old.ReportName != tk.ReportName {
		if d.keys != nil {
			d.keys[i] = searchKeyOf(&tk)
		}
		d.keysGen++
		d.sortKey, d.fuzzy = nil, nil // both rebuilt from the names on first use
		ix.stack = ix.stack[:0]       // remembered hits scored the old name
		ix.permOK[sortName] = false
	}
	if old.Rating != tk.Rating {
		ix.permOK[sortRating] = false
	}
	if !old.Updated.Equal(tk.Updated) {
		ix.permOK[sortChanged] = false
	}
	ix.rating[i] = tk.Rating
	ix.col.ok = false
}

// removeAt takes the ticker at index i out of the data. Every index after
// it shifts, so what is kept by index (sort orders, search hits) is
// dropped and made again on demand.
func (d *watchData) removeAt(i int) {
	ix := d.index()
	d.tickers = slices.Delete(d.tickers, i, i+1)
	if d.keys != nil {
		d.keys = slices.Delete(d.keys, i, i+1)
	}
	d.keysGen++
	d.sortKey, d.fuzzy = nil, nil
	ix.sector = slices.Delete(ix.sector, i, i+1)
	ix.rating = slices.Delete(ix.rating, i, i+1)
	ix.groups = groupOrders(d)
	d.reindexed()
}

// insert adds tk to the data at the place a full load would give it, and
// returns that index.
func (d *watchData) insert(tk sectors.Ticker) int {
	ix := d.index()
	j, _ := slices.BinarySearchFunc(d.tickers, tk, func(e, t sectors.Ticker) int {
		if d.before(&e, &t) {
			return -1
		}
		return 1
	})
	o, ok := d.order[tk.Sector]
	if !ok {
		o = -1
	}
	d.tickers = slices.Insert(d.tickers, j, tk)
	if d.keys != nil {
		d.keys = slices.Insert(d.keys, j, searchKeyOf(&tk))
	}
	d.keysGen++
	d.sortKey, d.fuzzy = nil, nil
	ix.sector = slices.Insert(ix.sector, j, int32(o))
	ix.rating = slices.Insert(ix.rating, j, tk.Rating)
	ix.groups = groupOrders(d)
	d.reindexed()
	return j
}

// reindexed drops what is kept by ticker index after one was inserted or
// removed, and is not spliced with it: the sort orders and search hits
// are made again on demand.
func (d *watchData) reindexed() {
	ix := d.idx
	ix.permOK = [sortCount]bool{}
	ix.col.ok = false
	ix.stack = ix.stack[:0]
	ix.mark = nil
}

// The drawn rows follow the tickers they were drawn from, while they are
// those of the data of the given epoch; otherwise they are dropped at the
// next frame anyway.

// rowChanged forgets the drawing of row i, and of the detail pane's calls
// when they are code's: both are drawn again from the new ticker.
func (rc *renderCache) rowChanged(epoch uint64, i int, code market.Code) {
	if rc == nil {
		return
	}
	if rc.key.data == epoch && i < len(rc.rows) {
		rc.rows[i] = [2]cachedLine{}
	}
	if rc.calls.key.code == code {
		rc.calls = callsCache{}
	}
}

// rowRemoved takes row i out of rows drawn from n tickers.
func (rc *renderCache) rowRemoved(epoch uint64, i, n int) {
	if rc != nil && rc.key.data == epoch && len(rc.rows) == n {
		rc.rows = slices.Delete(rc.rows, i, i+1)
	}
}

// rowInserted makes room for row j in rows drawn from n tickers.
func (rc *renderCache) rowInserted(epoch uint64, j, n int) {
	if rc != nil && rc.key.data == epoch && len(rc.rows) == n {
		rc.rows = slices.Insert(rc.rows, j, [2]cachedLine{})
	}
}

func firstOr(list []string) string {
	if len(list) > 0 {
		return list[0]
	}
	return ""
}
