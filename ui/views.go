package ui

import (
	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
	"zixuan/ui/views/positions"
	"zixuan/ui/views/reports"
	"zixuan/ui/views/scorecard"
)

// The views over the body (ui/views/*): what each is made from, and each
// made again when the loaded data, the history or the scorecard change.

// refreshView makes a view that shows the loaded data again from it;
// other dialogs stay as they are.
func (m *Model) refreshView(d common.Dialog) common.Dialog {
	switch v := d.(type) {
	case reports.Model:
		return v.Refresh(m.reportsData())
	case scorecard.Model:
		return v.Refresh(m.hs.scoreData(m.opts.Western, m.data.sectors))
	}
	return d
}

// reportsData is what the reports view shows.
func (m *Model) reportsData() reports.Data {
	data := &m.data
	return reports.Data{Snap: m.hs.snap, Pick: m.hs.pick, Current: func(c market.Code) *sectors.Ticker {
		if j := data.indexOf(c); j >= 0 {
			return &data.tickers[j]
		}
		return nil
	}}
}

// positionsData is what the positions view prices the positions with and
// groups them by.
func (m *Model) positionsData() positions.Data {
	d := positions.Data{Quotes: map[string]sectors.Quote{}, Sectors: map[string]string{}, Names: map[string]string{}}
	now := m.opts.Now()
	for k, q := range m.qs.quotes { // the list's rule: no P&L from a quote that is no trade, or stale (poscols.go)
		if _, ok := heldPrice(&q, quote.Stale(q.Time, now, m.opts.Refresh)); ok {
			d.Quotes[k] = q
		}
	}
	for _, s := range m.data.sectors {
		d.Order = append(d.Order, m.t.SectorLabel(s))
	}
	for _, tk := range m.data.tickers {
		d.Names[tk.Code.Key()] = tk.Name
		if tk.OnList() {
			d.Sectors[tk.Code.Key()] = sectorLabel(m.data.sectors, m.t, tk.Sector)
		}
	}
	return d
}
