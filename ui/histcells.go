package ui

import (
	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
)

// The list's history columns (excess, sparkline) and the detail pane's
// chart, made from the histories history.go reads.

// needChart reads the selected ticker's whole history for the detail
// pane's chart, which draws every day since its first call, when it is
// not the one read: of the whole market only the bars the list and the
// scorecard read are held (keepDrawn), and of one ticker all of them.
func (m *Model) needChart() tea.Cmd {
	if !m.hs.loaded || m.st == nil {
		return nil
	}
	tk, ok := m.selected()
	if !ok || tk.Code.Key() == m.hs.asking {
		return nil
	}
	key, code, svc := tk.Code.Key(), tk.Code, m.service()
	m.hs.asking = key
	return func() tea.Msg {
		got, err := svc.ReadHistory([]market.Code{code}, nil)
		return chartLoadedMsg{key: key, hist: got[key], err: err}
	}
}

// chartHistory is code's whole history when the chart's read is of it,
// else nothing (until needChart's read arrives). A benchmark is held
// whole.
func (m *Model) chartHistory(code market.Code) sectors.PriceHistory {
	if m.isBench(code) {
		return m.hs.hist[code.Key()].PriceHistory
	}
	if m.hs.chartKey != code.Key() {
		return sectors.PriceHistory{Code: code}
	}
	return m.hs.chart.PriceHistory
}

// withChart is a key's result with the read of the chart's history added
// when the key selected another ticker.
func withChart(next tea.Model, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	m, ok := next.(Model)
	if !ok {
		return next, cmd
	}
	return m, tea.Batch(cmd, m.needChart())
}

// buildHistCells formats the list's history columns of every ticker.
func (m *Model) buildHistCells() {
	m.hs.epoch = nextEpoch()
	if !m.hs.loaded {
		m.hs.cells = nil
		return
	}
	latest := map[string]sectors.ScoredCall{}
	for _, c := range m.hs.sc.Calls {
		if c.Err != nil || c.Rating == sectors.Unrated {
			continue // the column is the latest rated call's
		}
		k := c.Code.Key()
		if old, ok := latest[k]; !ok || !c.Day.Before(old.Day) {
			latest[k] = c
		}
	}
	m.hs.shown = false
	for _, h := range m.hs.hist {
		if len(h.Bars) > 0 {
			m.hs.shown = true
			break
		}
	}
	cells := make(map[string]histCell, len(m.data.tickers))
	for i := range m.data.tickers {
		k := m.data.tickers[i].Code.Key()
		var c histCell
		if s, ok := latest[k]; ok {
			c.excess, c.exDir = pct(s.Result.ExcessPct, 1), sign(s.Result.ExcessPct)
		} else {
			c.excess = "-"
		}
		c.spark = sparkline(m.hs.closes[k], sparkDays/2)
		cells[k] = c
	}
	m.hs.cells = cells
}

// histShown reports whether the list has its history columns: the history
// is loaded and holds bars (worked out with the cells, not per frame).
func (m *Model) histShown() bool { return m.hs.loaded && m.hs.shown }

// lastCloses are the last n closes, adjusted for the distributions among
// them so an ex-date is no fall.
func lastCloses(h sectors.PriceHistory, n int) []float64 {
	if len(h.Bars) == 0 {
		return nil
	}
	from := h.Bars[max(len(h.Bars)-n, 0)].Date
	vs := sectors.TotalReturnSeries(h, from)
	out := make([]float64, len(vs))
	for i, v := range vs {
		out[i] = v.Value
	}
	return out
}
