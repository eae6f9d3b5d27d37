package ui

import (
	"maps"
	"slices"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"

	"zixuan/ui/common"
	"zixuan/ui/views/today"
)

// todayData is what the day's summary is made of: the active tab's
// tickers and label, the loaded tickers and reports, a copy of the quotes
// held (the summary is made off the UI goroutine while new quotes come
// in; nil with quotes off), the clock, the quiet calls' days and the
// colour convention.
func todayData(m *Model) today.Data {
	d := today.Data{Now: m.opts.Now, Western: m.opts.Western, Scope: []sectors.Ticker{}, StaleDays: m.opts.TodayStaleDays}
	tab := m.tabs.activeID()
	for _, tk := range m.data.tickers {
		if tab == "" || tk.InSector(tab) {
			d.Scope = append(d.Scope, tk)
		}
	}
	if m.hs.snap != nil {
		// what is loaded already, rather than the whole store read again
		// at every refresh; copies, as the scope is: the tickers are
		// replaced, never changed in place, by a write's patch
		d.Snap = &sectors.Snapshot{Tickers: slices.Clone(m.data.tickers), Reports: slices.Clone(m.hs.snap.Reports)}
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

// todayRequeried asks the open today view for the summary again, from
// the data as it is now (new quotes came, an alert fired).
func todayRequeried(m *Model) tea.Cmd {
	var cmds []tea.Cmd
	m.stack = m.stack.each(func(d common.Dialog) common.Dialog {
		if v, ok := d.(today.Model); ok {
			v, cmd := v.Requery(todayData(m))
			cmds = append(cmds, cmd)
			return v
		}
		return d
	})
	return tea.Batch(cmds...)
}

// todayLoaded gives a summary made to the today view, wherever it is in
// the stack (the help may be over it); ok is false for any other message.
func todayLoaded(m Model, msg tea.Msg) (Model, tea.Cmd, bool) {
	if _, ok := msg.(today.LoadedMsg); !ok {
		return m, nil, false
	}
	var cmd tea.Cmd
	m.stack = m.stack.each(func(d common.Dialog) common.Dialog {
		if v, ok := d.(today.Model); ok {
			next, c := v.Update(msg)
			cmd = tea.Batch(cmd, c)
			return next
		}
		return d
	})
	return m, cmd, true
}
