package ui

import (
	"maps"

	"zixuan/sectors"

	"zixuan/ui/views/today"
)

// todayData is what the day's summary is made of: the active tab's
// tickers and label, a copy of the quotes held (the summary is made off
// the UI goroutine while new quotes come in; nil with quotes off), the
// clock and the colour convention. The store's snapshot is read by the
// summary itself.
func todayData(m *Model) today.Data {
	d := today.Data{Now: m.opts.Now, Western: m.opts.Western, Scope: []sectors.Ticker{}, StaleDays: m.opts.TodayStaleDays}
	tab := m.tabs.activeID()
	for _, tk := range m.data.tickers {
		if tab == "" || tk.InSector(tab) {
			d.Scope = append(d.Scope, tk)
		}
	}
	if i := m.tabs.active; i >= 0 && i < len(m.tabs.labels) {
		d.Tab = m.tabs.labels[i]
	}
	if m.opts.Quotes != nil || m.qs.kept { // offline, the last known quotes (quotekeep.go)
		d.Quotes = maps.Clone(m.qs.quotes)
		if d.Quotes == nil {
			d.Quotes = map[string]sectors.Quote{}
		}
	}
	return d
}
