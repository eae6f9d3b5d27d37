package ui

import (
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
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
		return v.Refresh(m.scoreData())
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

// scoreData is what the scorecard shows.
func (m *Model) scoreData() scorecard.Data {
	return scorecard.Data{Scorecard: m.hs.sc, Loaded: m.hs.loaded, Scored: m.hs.scored, Fetching: m.hs.fetching, Offline: !m.hs.online,
		Bench: m.benchName(), Western: m.opts.Western, Sectors: m.data.sectors, Snap: m.hs.snap}
}
