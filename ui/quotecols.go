package ui

import (
	"strconv"

	"charm.land/lipgloss/v2"

	"zixuan/sectors"
	"zixuan/ui/common"
)

// The list's columns of the quote beyond the price: 量比, 振幅, the market
// capitalisations, PB and 委比, as the quote server gave them (the parser
// puts them in their units: caps in yuan, the book in shares). Zero is
// "not given" and shows as "-", never as a figure.

func init() {
	q := func(f func(q *sectors.Quote) string) func(c *cellCtx) string {
		return func(c *cellCtx) string {
			if c.q == nil {
				return ""
			}
			return f(c.q)
		}
	}
	fixed := func(v float64, prec int, unit string) string {
		if v == 0 {
			return "-"
		}
		return strconv.FormatFloat(v, 'f', prec, 64) + unit
	}
	registerColumn(columnDef{ID: "volume_ratio", En: "VolRatio", Zh: "量比", Min: 8, Ideal: 8, MinZh: 5, IdealZh: 6, Align: alignRight, Prices: true,
		Cell: q(func(q *sectors.Quote) string { return fixed(q.VolumeRatio, 2, "") })})
	registerColumn(columnDef{ID: "amplitude", En: "Ampl%", Zh: "振幅", Min: 6, Ideal: 7, Align: alignRight, Prices: true,
		Cell: q(func(q *sectors.Quote) string { return fixed(q.Amplitude, 2, "%") })})
	capCell := func(v func(q *sectors.Quote) float64) func(c *cellCtx) string {
		return func(c *cellCtx) string {
			if c.q == nil {
				return ""
			}
			return marketCap(v(c.q), c.t.ZH)
		}
	}
	registerColumn(columnDef{ID: "total_cap", En: "MktCap", Zh: "总市值", Min: 7, Ideal: 8, Align: alignRight, Prices: true,
		Cell: capCell(func(q *sectors.Quote) float64 { return q.TotalCap })})
	registerColumn(columnDef{ID: "float_cap", En: "FloatCap", Zh: "流通市值", Min: 8, Ideal: 8, MinZh: 8, IdealZh: 8, Align: alignRight, Prices: true,
		Cell: capCell(func(q *sectors.Quote) float64 { return q.FloatCap })})
	registerColumn(columnDef{ID: "pb", En: "PB", Zh: "市净率", Min: 5, Ideal: 6, Align: alignRight, Prices: true,
		Cell: q(func(q *sectors.Quote) string { return fixed(q.PB, 2, "") })})
	registerColumn(columnDef{ID: "order_ratio", En: "Bid/Ask%", Zh: "委比", Min: 8, Ideal: 8, MinZh: 7, IdealZh: 7, Align: alignRight, Prices: true,
		Cell: q(func(q *sectors.Quote) string {
			r, ok := q.OrderRatio()
			if !ok {
				return "-"
			}
			return pct(r, 2)
		}),
		Style: func(c *cellCtx, s *common.Styles, upDown func(int) lipgloss.Style) lipgloss.Style {
			if c.q == nil {
				return s.Dim
			}
			r, _ := c.q.OrderRatio()
			return upDown(sign(r))
		}})
}

// marketCap writes a capitalisation in yuan short: 亿 on the Chinese
// screen (18282亿, 35.6亿), T and B on the English one; "-" when unknown.
func marketCap(v float64, zh bool) string {
	switch {
	case v <= 0:
		return "-"
	case zh && v >= 1e11:
		return strconv.FormatFloat(v/1e8, 'f', 0, 64) + "亿"
	case zh:
		return strconv.FormatFloat(v/1e8, 'f', 1, 64) + "亿"
	case v >= 1e12:
		return strconv.FormatFloat(v/1e12, 'f', 2, 64) + "T"
	case v >= 1e9:
		return strconv.FormatFloat(v/1e9, 'f', 1, 64) + "B"
	}
	return strconv.FormatFloat(v/1e6, 'f', 0, 64) + "M"
}
