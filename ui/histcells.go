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
func (h *histPart) needChart(env histEnv) tea.Cmd {
	if !h.loaded || env.st == nil || env.selected == (market.Code{}) {
		return nil
	}
	code := env.selected
	key := code.Key()
	if key == h.asking {
		return nil
	}
	svc := newService(env.st, env.opts)
	h.asking = key
	return func() tea.Msg {
		got, err := svc.ReadHistory([]market.Code{code}, nil)
		return chartLoadedMsg{key: key, hist: got[key], err: err}
	}
}

// chartHistory is code's whole history when the chart's read is of it,
// else nothing (until needChart's read arrives). A benchmark is held
// whole.
func (h *histPart) chartHistory(code market.Code) sectors.PriceHistory {
	if h.isBench(code) {
		return h.hist[code.Key()].PriceHistory
	}
	if h.chartKey != code.Key() {
		return sectors.PriceHistory{Code: code}
	}
	return h.chart.PriceHistory
}

// withChart is an update's result with the read of the chart's history
// added when it selected another ticker, whatever moved the selection: a
// key, a pasted code, a write's result, a reload.
func withChart(next tea.Model, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	m, ok := next.(Model)
	if !ok {
		return next, cmd
	}
	chart := m.hs.needChart(histEnvOf(&m))
	if chart == nil {
		return next, cmd
	}
	return m, tea.Batch(cmd, chart)
}

// buildCells formats the list's history columns of every ticker.
func (h *histPart) buildCells(tickers []sectors.Ticker) {
	h.epoch = nextEpoch()
	if !h.loaded {
		h.cells = nil
		return
	}
	latest := map[string]sectors.ScoredCall{}
	for _, c := range h.sc.Calls {
		if c.Err != nil || c.Rating == sectors.Unrated {
			continue // the column is the latest rated call's
		}
		k := c.Code.Key()
		if old, ok := latest[k]; !ok || !c.Day.Before(old.Day) {
			latest[k] = c
		}
	}
	h.shown = false
	for _, s := range h.hist {
		if len(s.Bars) > 0 {
			h.shown = true
			break
		}
	}
	cells := make(map[string]histCell, len(tickers))
	for i := range tickers {
		k := tickers[i].Code.Key()
		var c histCell
		if s, ok := latest[k]; ok {
			c.excess, c.exDir = pct(s.Result.ExcessPct, 1), sign(s.Result.ExcessPct)
			c.exPct, c.exKnown = s.Result.ExcessPct, true
		} else {
			c.excess = "-"
		}
		c.spark = sparkline(h.closes[k], sparkDays/2)
		cells[k] = c
	}
	h.cells = cells
}

// hasColumns reports whether the list has its history columns: the
// history is loaded and holds bars (worked out with the cells, not per
// frame).
func (h *histPart) hasColumns() bool { return h.loaded && h.shown }

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
