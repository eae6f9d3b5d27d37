package ui

import (
	"time"

	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
	alertsview "zixuan/ui/views/alerts"
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
		return v.Refresh(reportsData(m.hs.snap, m.hs.pick, &m.data))
	case scorecard.Model:
		return v.Refresh(m.hs.scoreData(m.opts.Western, m.data.sectors))
	case positions.Model:
		return v.Refresh(positionsData(m.qs.quotes, m.opts.Now(), m.opts.Refresh, &m.data, m.t))
	case alertsview.Model:
		return v.Refresh(alertsViewData(&m.al, &m.data, v.Selected, &m.opts))
	}
	return d
}

// reportsData is what the reports view shows: the reports of snap, the
// one to pick (just added), the tickers as loaded.
func reportsData(snap *sectors.Snapshot, pick string, data *watchData) reports.Data {
	return reports.Data{Snap: snap, Pick: pick, Current: func(c market.Code) *sectors.Ticker {
		if j := data.indexOf(c); j >= 0 {
			return &data.tickers[j]
		}
		return nil
	}}
}

// positionsData is what the positions view prices the positions with and
// groups them by: the quotes the list prices holdings with, as of now,
// and the data's sectors.
func positionsData(quotes map[string]sectors.Quote, now time.Time, refresh time.Duration, data *watchData, t *common.Text) positions.Data {
	d := positions.Data{Quotes: map[string]sectors.Quote{}, Sectors: map[string]string{}, Names: map[string]string{}}
	for k, q := range quotes { // the list's rule: no P&L from a quote that is no trade, or stale (poscols.go)
		if _, ok := heldPrice(&q, quote.Stale(q.Time, now, refresh)); ok {
			d.Quotes[k] = q
		}
	}
	for _, s := range data.sectors {
		d.Order = append(d.Order, t.SectorLabel(s))
	}
	for _, tk := range data.tickers {
		d.Names[tk.Code.Key()] = tk.Name
		if tk.OnList() {
			d.Sectors[tk.Code.Key()] = sectorLabel(data.sectors, t, tk.Sector)
		}
	}
	return d
}
