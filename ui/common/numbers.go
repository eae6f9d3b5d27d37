package common

import (
	"strconv"
	"zixuan/sectors"

	"charm.land/lipgloss/v2"
)

// Price is a price or an amount with two decimals.
func Price(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// SignedPrice is Price with a + before a gain.
func SignedPrice(v float64) string {
	if v > 0 {
		return "+" + Price(v)
	}
	return Price(v)
}

// Pct is a percentage with prec decimals, a + before a rise, and never a
// negative zero (a mean of −0.02 is 0.0%, not -0.0%).
func Pct(v float64, prec int) string { return sectors.FormatPct(v, prec, true) + "%" }

// Sign is 1 for a rise, -1 for a fall, 0 for what rounds to nothing.
func Sign(v float64) int {
	switch {
	case v > 0.0000001:
		return 1
	case v < -0.0000001:
		return -1
	}
	return 0
}

// UpDown is the style of a rise or a fall: red up and green down by the
// A-share convention, the other way round with western colours.
func (s *Styles) UpDown(western bool, dir int) lipgloss.Style {
	switch {
	case dir > 0 && western, dir < 0 && !western:
		return s.Down
	case dir != 0:
		return s.Up
	}
	return s.Row
}

// BigNumber shortens volumes and amounts: 万 and 亿 on the Chinese screen,
// M and B on the English one.
func BigNumber(v float64, zh bool) string {
	switch {
	case zh && v >= 1e8:
		return strconv.FormatFloat(v/1e8, 'f', 2, 64) + "亿"
	case zh && v >= 1e4:
		return strconv.FormatFloat(v/1e4, 'f', 2, 64) + "万"
	case !zh && v >= 1e9:
		return strconv.FormatFloat(v/1e9, 'f', 2, 64) + "B"
	case !zh && v >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', 2, 64) + "M"
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}
