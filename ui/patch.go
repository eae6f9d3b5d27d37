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
func (m *Model) patchTicker(tk sectors.Ticker, gen uint64) {
	keep, noteID := m.selectedKey(), m.selectedNoteID()
	d := &m.data
	i := d.indexOf(tk.Code)
	switch {
	case i >= 0 && tk.OnList() && samePlace(&d.tickers[i], &tk):
		m.replaceTicker(i, tk) // same place in the order
	case i >= 0:
		m.removeAt(i)
		if tk.OnList() {
			m.insertTicker(tk)
		}
	case tk.OnList():
		m.insertTicker(tk)
	}
	if gen == d.gen+1 {
		d.gen = gen
	}
	m.sync.outdate() // a background load started before this write is older than it
	m.refilter(keep)
	if keep != "" && m.selectedKey() == keep && noteID != 0 {
		m.keepNote(noteID)
	}
}

// samePlace reports whether a full load puts b where a is: the same
// sector, the same user's order and the same groups.
func samePlace(a, b *sectors.Ticker) bool {
	return a.Sector == b.Sector && a.Pinned == b.Pinned && a.Position == b.Position && slices.Equal(a.Groups, b.Groups)
}

// replaceTicker puts tk at index i, where the ticker it replaces was.
func (m *Model) replaceTicker(i int, tk sectors.Ticker) {
	d := &m.data
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
	if i < len(m.qs.cells) {
		m.qs.cells[i] = m.cellFor(&d.tickers[i], m.opts.Now())
	}
	if m.rc != nil && m.rc.key.data == m.dataEpoch && i < len(m.rc.rows) {
		m.rc.rows[i] = [2]cachedLine{} // drawn again from the new ticker
	}
	if m.rc != nil && m.rc.calls.key.code == tk.Code {
		m.rc.calls = callsCache{} // its detail pane's calls too
	}
}

// removeAt takes the ticker at index i out of the loaded data. Every index
// after it shifts, so what is kept by index (sort orders, search hits,
// drawn rows) is dropped and made again on demand.
func (m *Model) removeAt(i int) {
	d := &m.data
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
	if i < len(m.qs.cells) {
		m.qs.cells = slices.Delete(m.qs.cells, i, i+1)
	}
	if rc := m.liveRows(len(d.tickers) + 1); rc != nil {
		rc.rows = slices.Delete(rc.rows, i, i+1)
	}
	m.reindexed()
}

// insertTicker adds tk to the loaded data at the place a full load would
// give it.
func (m *Model) insertTicker(tk sectors.Ticker) {
	d := &m.data
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
	if m.quotesOn() && j <= len(m.qs.cells) {
		m.qs.cells = slices.Insert(m.qs.cells, j, m.cellFor(&d.tickers[j], m.opts.Now()))
	}
	if rc := m.liveRows(len(d.tickers) - 1); rc != nil {
		rc.rows = slices.Insert(rc.rows, j, [2]cachedLine{})
	}
	m.reindexed()
}

// liveRows is the render cache when its drawn rows are those of the data
// as it was with n tickers (they are spliced with the tickers), else nil
// (they are dropped at the next frame anyway).
func (m *Model) liveRows(n int) *renderCache {
	if rc := m.rc; rc != nil && rc.key.data == m.dataEpoch && len(rc.rows) == n {
		return rc
	}
	return nil
}

// reindexed drops what is kept by ticker index after one was inserted or
// removed, and is not spliced with it: the sort orders and search hits
// are made again on demand.
func (m *Model) reindexed() {
	ix := m.data.idx
	ix.permOK = [sortCount]bool{}
	ix.stack = ix.stack[:0]
	ix.mark = nil
}

func firstOr(list []string) string {
	if len(list) > 0 {
		return list[0]
	}
	return ""
}
