package ui

import (
	"zixuan/sectors"

	"zixuan/ui/common"
	"zixuan/ui/views/chart"
)

// The history part's side of the chart (ui/views/chart): the detail
// pane's chart of a ticker and the list's sparklines.

// chartLines is the detail pane's chart of tk (ui/views/chart), drawn in
// c.Width cells, taller on a screen of c.Height 30 rows or more. Nothing
// until the history is loaded.
func (h *histPart) chartLines(c common.Common, tk *sectors.Ticker, western bool) []string {
	if !h.loaded {
		return nil
	}
	hist := h.chartHistory(tk.Code)
	rows := 3
	if c.Height >= 30 {
		rows = 4
	}
	c.Height = rows
	return chart.New(c, chart.Data{Ticker: tk, Snap: h.snap, History: hist, Bench: h.hist[h.benchCode().Key()].PriceHistory,
		BenchName: h.benchName(), Western: western}).Lines()
}

// sparkline draws vs in w cells (chart.Sparkline).
func sparkline(vs []float64, w int) string { return chart.Sparkline(vs, w) }
