package kline

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// A plot is a grid of braille cells, w×h, drawn on in dots: 2w dot columns
// and 4h dot rows, (0, 0) the top left. Candles and bars are one layer,
// each cell carrying the direction of the candle that drew it (its
// colour); lines (the averages, the minute line) are layers beneath it,
// the first one on top. A cell shows the candle's dots when a candle
// touched it, else the dots of every line in it in the colour of the
// topmost one: two colours never share a cell, and a line is never drawn
// over a candle's body, where it would read as part of it.

// brailleBase is the empty braille cell.
const brailleBase = 0x2800

// dotBits[col][row] is the bit of the dot at column col (0, 1) and row row
// (0 top … 3 bottom) of a braille cell.
var dotBits = [2][4]rune{{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}}

type plot struct {
	w, h   int
	candle []rune   // candle dots, per cell (row-major)
	dir    []int8   // the direction of the candle in each cell: 1 up, -1 down, 0 flat
	lines  [][]rune // each line's dots, per cell
}

func newPlot(w, h, lines int) *plot {
	p := &plot{w: w, h: h, candle: make([]rune, w*h), dir: make([]int8, w*h), lines: make([][]rune, lines)}
	for i := range p.lines {
		p.lines[i] = make([]rune, w*h)
	}
	return p
}

// in reports whether the dot (x, y) is on the plot.
func (p *plot) in(x, y int) bool { return x >= 0 && y >= 0 && x < 2*p.w && y < 4*p.h }

// candleDot sets the dot (x, y) of a candle or bar of direction dir.
func (p *plot) candleDot(x, y int, dir int8) {
	if !p.in(x, y) {
		return
	}
	i := (y/4)*p.w + x/2
	p.candle[i] |= dotBits[x%2][y%4]
	p.dir[i] = dir
}

// column sets the dots of column x from row y0 to row y1, both included.
func (p *plot) column(x, y0, y1 int, dir int8) {
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	for y := max(y0, 0); y <= min(y1, 4*p.h-1); y++ {
		p.candleDot(x, y, dir)
	}
}

// lineDot sets the dot (x, y) of line l.
func (p *plot) lineDot(l, x, y int) {
	if p.in(x, y) {
		p.lines[l][(y/4)*p.w+x/2] |= dotBits[x%2][y%4]
	}
}

// segment draws line l from (x0, y0) to (x1, y1), a dot every step.
func (p *plot) segment(l, x0, y0, x1, y1 int) {
	steps := max(abs(x1-x0), abs(y1-y0), 1)
	for k := 0; k <= steps; k++ {
		p.lineDot(l, x0+(x1-x0)*k/steps, y0+(y1-y0)*k/steps)
	}
}

// paint is how the cells are coloured: the candles by direction, each line
// in its own style, and the crosshair's cell columns (cross) in the
// crossed version of their style.
type paint struct {
	up, down, flat lipgloss.Style
	lines          []lipgloss.Style
	cross          func(col int) bool
	crossed        func(lipgloss.Style) lipgloss.Style
	// ends caches each style's opening and closing sequences: a cell run
	// is written between them rather than rendered by lipgloss, which for
	// a few thousand runs a frame costs tens of milliseconds
	ends map[int][2]string
}

// wrap writes run in the style id.
func (pt paint) wrap(b *strings.Builder, id int, run string) {
	e, ok := pt.ends[id]
	if !ok {
		const probe = "\x00"
		r := pt.style(id).Render(probe)
		if i := strings.Index(r, probe); i >= 0 {
			e = [2]string{r[:i], r[i+len(probe):]}
		}
		if pt.ends != nil {
			pt.ends[id] = e
		}
	}
	b.WriteString(e[0])
	b.WriteString(run)
	b.WriteString(e[1])
}

// style is a cell's style by number: 0 none, 1 up, 2 down, 3 flat, 4+l
// line l; crossedBit marks a cell under the crosshair.
const crossedBit = 1 << 8

func (pt paint) style(id int) lipgloss.Style {
	var s lipgloss.Style
	switch base := id &^ crossedBit; {
	case base == 1:
		s = pt.up
	case base == 2:
		s = pt.down
	case base == 3:
		s = pt.flat
	case base >= 4:
		s = pt.lines[base-4]
	default:
		s = lipgloss.NewStyle()
	}
	if id&crossedBit != 0 {
		s = pt.crossed(s)
	}
	return s
}

// row draws row r of the plot, exactly w cells, consecutive cells of one
// style rendered together.
func (p *plot) row(r int, pt paint) string {
	var b strings.Builder
	b.Grow(4 * p.w) // a braille cell is three bytes
	run := make([]rune, 0, p.w)
	runID := 0
	flush := func() {
		if len(run) == 0 {
			return
		}
		if runID == 0 {
			b.WriteString(string(run))
		} else {
			pt.wrap(&b, runID, string(run))
		}
		run = run[:0]
	}
	for c := 0; c < p.w; c++ {
		i := r*p.w + c
		glyph, id := rune(' '), 0
		if p.candle[i] != 0 {
			glyph = brailleBase | p.candle[i]
			switch p.dir[i] {
			case 1:
				id = 1
			case -1:
				id = 2
			default:
				id = 3
			}
		} else {
			var bits rune
			for l := len(p.lines) - 1; l >= 0; l-- {
				if p.lines[l][i] != 0 {
					bits |= p.lines[l][i]
					id = 4 + l
				}
			}
			if bits != 0 {
				glyph = brailleBase | bits
			}
		}
		if pt.cross != nil && pt.cross(c) {
			id |= crossedBit
		}
		if id != runID {
			flush()
			runID = id
		}
		run = append(run, glyph)
	}
	flush()
	return b.String()
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
