package ui

import (
	"zixuan/sectors"

	"zixuan/ui/common"
	"zixuan/ui/views/chart"
)

// The root's side of the chart (ui/views/chart): the detail pane's chart
// of a ticker and the list's sparklines.

// chartLines is the detail pane's chart of tk (ui/views/chart). Nothing
// until the history is loaded.
func (m *Model) chartLines(tk *sectors.Ticker, width int) []string {
	if !m.hs.loaded {
		return nil
	}
	h := m.chartHistory(tk.Code)
	rows := 3
	if m.height >= 30 {
		rows = 4
	}
	c := common.Common{Width: width, Height: rows, Keys: m.keys, Styles: &m.styles, T: m.t, Store: m.st}
	return chart.New(c, chart.Data{Ticker: tk, Snap: m.hs.snap, History: h, Bench: m.hs.hist[m.benchCode().Key()].PriceHistory,
		BenchName: m.benchName(), Western: m.opts.Western}).Lines()
}

// sparkline draws vs in w cells (chart.Sparkline).
func sparkline(vs []float64, w int) string { return chart.Sparkline(vs, w) }
