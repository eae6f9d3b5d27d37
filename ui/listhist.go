package ui

import (
	"charm.land/lipgloss/v2"

	"zixuan/sectors"
	"zixuan/ui/common"
)

// The list's two history columns: the excess return of the ticker's
// latest rated call over 沪深300, and a sparkline of its last closes,
// shown once the price history is loaded (history.go).

const (
	excessWidth = 7             // "+123.4%"
	sparkWidth  = sparkDays / 2 // two closes a braille cell
)

func init() {
	registerColumn(columnDef{ID: "excess", Keep: 3, En: "Excess", Zh: "超额", Min: excessWidth, Ideal: excessWidth, Align: alignRight, History: true,
		Cell: func(c *cellCtx) string {
			if c.hc == nil {
				return "-"
			}
			return c.hc.excess
		},
		Style: func(c *cellCtx, s *common.Styles, upDown func(int) lipgloss.Style) lipgloss.Style {
			if c.hc == nil || c.hc.exDir == 0 {
				return s.Dim
			}
			return upDown(c.hc.exDir) // red up by default, --colors western the other way
		}})
	registerColumn(columnDef{ID: "spark", Keep: 9, En: "20 days", Zh: "近20日", Min: sparkWidth, Ideal: sparkWidth, History: true,
		Cell: func(c *cellCtx) string {
			if c.hc == nil {
				return ""
			}
			return c.hc.spark
		},
		Style: func(_ *cellCtx, s *common.Styles, _ func(int) lipgloss.Style) lipgloss.Style { return s.ChartLine }})
}

// cellOf is the history cells of tickers[r], nil without.
func (h *histPart) cellOf(tickers []sectors.Ticker, r int) *histCell {
	if h.cells == nil || r < 0 || r >= len(tickers) {
		return nil
	}
	if c, ok := h.cells[tickers[r].Code.Key()]; ok {
		return &c
	}
	return nil
}
