package chart

import (
	"math"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/sectors"
)

// Charts are drawn in braille (U+2800–U+28FF): every braille character is
// one cell wide in every terminal and locale (the block elements ▁▂▃ are
// East-Asian ambiguous and take two cells in some), and a cell holds a
// 2×4 grid of dots, so a line chart gets twice the columns and four times
// the rows of the cells it takes. Labels are measured with safetext.Width
// like every other line of the UI.

// brailleBase is the empty braille cell.
const brailleBase = 0x2800

// dotBits[col][row] is the bit of the dot at column col (0, 1) and row
// row (0 top … 3 bottom) of a braille cell.
var dotBits = [2][4]rune{{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}}

// Sparkline draws vs in w cells, two values a cell as bars rising from the
// bottom (one to four dots); fewer values are right-aligned, none is blank.
func Sparkline(vs []float64, w int) string {
	if w <= 0 {
		return ""
	}
	if len(vs) > 2*w {
		vs = vs[len(vs)-2*w:]
	}
	if len(vs) < 2 {
		return strings.Repeat(" ", w)
	}
	lo, hi := vs[0], vs[0]
	for _, v := range vs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	level := func(v float64) int {
		if hi-lo < 1e-12 {
			return 2
		}
		return 1 + int(math.Round((v-lo)/(hi-lo)*3))
	}
	cells := make([]rune, w)
	for i := range cells {
		cells[i] = ' '
	}
	// the last value in the right column of the last cell
	pad := 2*w - len(vs)
	for i, v := range vs {
		pos := pad + i
		c, col := pos/2, pos%2
		if cells[c] == ' ' {
			cells[c] = brailleBase
		}
		for r := 0; r < level(v); r++ {
			cells[c] |= dotBits[col][3-r]
		}
	}
	return string(cells)
}

// chartMark is a marker under the chart: a call, a rating change, a note.
type chartMark struct {
	day time.Time
	r   byte // 'c', 'r', 'n'; a call wins over a rating, a rating over a note
}

var markRank = map[byte]int{'c': 3, 'r': 2, 'n': 1}

// lineChart is a chart of two series over the same days, rebased to
// percent changes from their first value: the stock in line, the
// benchmark in bench.
type lineChart struct {
	width, height int // cells, the labels included
	stock, bench  []point
	marks         []chartMark
	line, dim     lipgloss.Style // the stock and the benchmark
	mark          lipgloss.Style
}

// point is one day of a chart's series.
type point struct {
	day time.Time
	v   float64
}

// series is h's total return from the first bar on or after from
// (sectors.TotalReturnSeries): the value of a holding bought at the first
// close, in units of that close, so a 10转4 or a dividend is no fall.
func series(h sectors.PriceHistory, from time.Time) []point {
	vs := sectors.TotalReturnSeries(h, from)
	out := make([]point, len(vs))
	for i, v := range vs {
		out[i] = point{v.Day, v.Value}
	}
	return out
}

// rebased is s as percent changes from its first value.
func rebased(s []point) []point {
	if len(s) == 0 || s[0].v == 0 {
		return nil
	}
	out := make([]point, len(s))
	for i, p := range s {
		out[i] = point{p.day, (p.v/s[0].v - 1) * 100}
	}
	return out
}

// lines draws the chart: height rows of braille with the top and bottom
// of the scale at their right, a row of markers and a row of dates, each
// exactly width cells.
func (c lineChart) lines() []string {
	const label = 7 // " +123%"
	w, h := c.width-label, c.height
	if w < 4 || h < 1 || len(c.stock) < 2 {
		return nil
	}
	from, to := c.stock[0].day, c.stock[len(c.stock)-1].day
	lo, hi := 0.0, 0.0
	for _, s := range [][]point{c.stock, c.bench} {
		for _, p := range s {
			lo, hi = math.Min(lo, p.v), math.Max(hi, p.v)
		}
	}
	if hi-lo < 1 {
		hi, lo = hi+0.5, lo-0.5
	}
	dw, dh := 2*w, 4*h
	x := func(d time.Time) int {
		span := to.Sub(from)
		if span <= 0 {
			return 0
		}
		return min(max(int(math.Round(float64(d.Sub(from))/float64(span)*float64(dw-1))), 0), dw-1)
	}
	y := func(v float64) int {
		return min(max(int(math.Round((hi-v)/(hi-lo)*float64(dh-1))), 0), dh-1)
	}
	var grid [2][][]rune // layer (0 stock, 1 bench) → row → cell
	for l := range grid {
		grid[l] = make([][]rune, h)
		for r := range grid[l] {
			grid[l][r] = make([]rune, w)
		}
	}
	plot := func(l int, s []point) {
		for i, p := range s {
			if p.day.Before(from) || p.day.After(to) {
				continue
			}
			x1, y1 := x(p.day), y(p.v)
			x0, y0 := x1, y1
			if i > 0 {
				x0, y0 = x(s[i-1].day), y(s[i-1].v)
			}
			// a line from the previous point: a dot for every step
			steps := max(abs(x1-x0), abs(y1-y0), 1)
			for k := 0; k <= steps; k++ {
				dx := x0 + (x1-x0)*k/steps
				dy := y0 + (y1-y0)*k/steps
				grid[l][dy/4][dx/2] |= dotBits[dx%2][dy%4]
			}
		}
	}
	plot(1, c.bench)
	plot(0, c.stock)
	scale := func(v float64) string {
		s := strconv.FormatFloat(v, 'f', 0, 64) + "%"
		if v > 0 {
			s = "+" + s
		}
		return safetext.FitLeft(s, label-1)
	}
	out := make([]string, 0, h+2)
	for r := range h {
		var b strings.Builder
		for col := range w {
			s, bm := grid[0][r][col], grid[1][r][col]
			switch {
			case s != 0:
				b.WriteString(c.line.Render(string(brailleBase | s | bm)))
			case bm != 0:
				b.WriteString(c.dim.Render(string(brailleBase | bm)))
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteByte(' ')
		switch r {
		case 0:
			b.WriteString(c.dim.Render(scale(hi)))
		case h - 1:
			b.WriteString(c.dim.Render(scale(lo)))
		default:
			b.WriteString(strings.Repeat(" ", label-1))
		}
		out = append(out, b.String())
	}
	marks := []byte(strings.Repeat(" ", w))
	for _, mk := range c.marks {
		if mk.day.Before(from) || mk.day.After(to) {
			continue
		}
		i := x(mk.day) / 2
		if markRank[mk.r] > markRank[marks[i]] {
			marks[i] = mk.r
		}
	}
	out = append(out, c.mark.Render(string(marks))+strings.Repeat(" ", label))
	d0, d1 := from.Format("2006-01-02"), to.Format("2006-01-02")
	gap := c.width - len(d0) - len(d1)
	if gap >= 1 {
		out = append(out, c.dim.Render(d0+strings.Repeat(" ", gap)+d1))
	} else {
		out = append(out, c.dim.Render(safetext.Fit(d0, c.width)))
	}
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
