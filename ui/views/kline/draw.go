package kline

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

// layout is how the view's rows are shared: the plot of the prices, the
// volume under it, and the lines around them that fit.
type layout struct {
	price, volume                int
	legend, marks, dates, footer bool
}

// layoutFor shares h rows: the title and the read-out always, then the
// dates, the marks, the averages' legend and the read-out of the marks
// while the prices keep three rows, and a quarter of the rest for the
// volume when the plot has ten rows or more.
func layoutFor(h int) layout {
	var l layout
	rest := h - 2
	for _, on := range []*bool{&l.dates, &l.marks, &l.legend, &l.footer} {
		if rest-1 >= 3 {
			*on = true
			rest--
		}
	}
	if rest >= 10 {
		l.volume = rest / 4
	}
	l.price = max(rest-l.volume, 1)
	return l
}

// slots is how many candles the plot shows.
func (v Model) slots() int { return max(v.plotWidth()/v.zoom, 1) }

// plotWidth is the plot's width in cells: the view's less the scale at its
// right.
func (v Model) plotWidth() int { return max(v.Width-v.scaleWidth()-1, 1) }

// scaleWidth is the width of the price scale: the widest price shown.
func (v Model) scaleWidth() int {
	w := 6
	for _, c := range v.candles {
		w = max(w, len(price(c.High)))
	}
	return w
}

// View draws the view in exactly Width×Height cells at most.
func (v Model) View() string {
	if v.Width < 10 || v.Height < 3 {
		return ""
	}
	var lines []string
	if v.intraday {
		lines = v.intradayLines()
	} else {
		lines = v.klineLines()
	}
	if len(lines) > v.Height {
		lines = lines[:v.Height]
	}
	return strings.Join(lines, "\n")
}

// fit cuts a line of text to the view's width. The plot's rows are made
// exactly as wide as the view and are not measured again.
func (v Model) fit(s string) string { return safetext.Truncate(s, v.Width) }

// klineLines draws the candles.
func (v Model) klineLines() []string {
	l := layoutFor(v.Height)
	out := []string{v.fit(v.title())}
	if len(v.candles) == 0 {
		return append(out, v.fit(v.Styles.Dim.Render(v.empty())))
	}
	from := max(v.end-v.slots(), 0)
	shown := v.candles[from:v.end]
	lo, hi := math.Inf(1), math.Inf(-1)
	var maxVol int64
	for _, c := range shown {
		lo, hi = math.Min(lo, c.Low), math.Max(hi, c.High)
		maxVol = max(maxVol, c.Volume)
	}
	if hi-lo < hi*1e-4 {
		hi, lo = hi*1.001+0.01, lo*0.999-0.01
	}
	if l.legend {
		out = append(out, v.fit(v.legend()))
	}
	pw, sw := v.plotWidth(), v.scaleWidth()
	pp := newPlot(pw, l.price, len(maWindows))
	y := func(p float64) int {
		return int(math.Round((hi - p) / (hi - lo) * float64(4*l.price-1)))
	}
	for i, c := range shown {
		x0 := 2 * v.zoom * i
		drawCandle(pp, x0, v.zoom, c, y)
		_, wick := candleCols(v.zoom)
		for m := range maWindows {
			a := v.ma[m][from+i]
			if math.IsNaN(a) {
				continue
			}
			xa, ya := x0+wick, y(a)
			if i+1 < len(shown) && !math.IsNaN(v.ma[m][from+i+1]) {
				pp.segment(m, xa, ya, xa+2*v.zoom, y(v.ma[m][from+i+1]))
			} else {
				pp.lineDot(m, xa, ya)
			}
		}
	}
	pt := v.paint(from)
	scale := func(r int) string {
		switch r {
		case 0:
			return price(hi)
		case l.price - 1:
			return price(lo)
		case (l.price - 1) / 2:
			return price((hi + lo) / 2)
		}
		return ""
	}
	for r := range l.price {
		out = append(out, pp.row(r, pt)+" "+v.Styles.Dim.Render(safetext.FitLeft(scale(r), sw)))
	}
	if l.marks {
		out = append(out, v.markRow(shown, pw))
	}
	if l.volume > 0 {
		vp := newPlot(pw, l.volume, 0)
		for i, c := range shown {
			if maxVol <= 0 || c.Volume <= 0 {
				continue
			}
			top := 4*l.volume - 1 - int(math.Round(float64(c.Volume)/float64(maxVol)*float64(4*l.volume-1)))
			body, _ := candleCols(v.zoom)
			for _, col := range body {
				vp.column(2*v.zoom*i+col, top, 4*l.volume-1, int8(candleDir(c)))
			}
		}
		for r := range l.volume {
			label := ""
			if r == 0 {
				label = bigNumber(float64(maxVol)/100, v.T.ZH)
			}
			out = append(out, vp.row(r, pt)+" "+v.Styles.Dim.Render(safetext.FitLeft(label, sw)))
		}
	}
	if l.dates {
		out = append(out, v.dateRow(shown, pw))
	}
	out = append(out, v.fit(v.readout()))
	if l.footer {
		out = append(out, v.fit(v.markText()))
	}
	return out
}

// candleCols are the dot columns of a candle zoom cells wide: its body's
// and its wick's. One cell: the body both columns, the wick the left one;
// wider, the body all columns but the last (a gap) and the wick its
// middle one.
func candleCols(zoom int) (body []int, wick int) {
	if zoom <= 1 {
		return []int{0, 1}, 0
	}
	for c := 0; c < 2*zoom-1; c++ {
		body = append(body, c)
	}
	return body, zoom - 1
}

// drawCandle draws c at dot column x0, zoom cells wide, its prices at the
// dot rows y gives. Wide enough (two cells or more), a rise is hollow as
// the terminals draw it (空心阳线): its body's outline, the wick above and
// below it only, which also tells a rise from a fall without colours.
func drawCandle(pp *plot, x0, zoom int, c sectors.Candle, y func(float64) int) {
	body, wick := candleCols(zoom)
	d := int8(candleDir(c))
	top, bottom := y(math.Max(c.Open, c.Close)), y(math.Min(c.Open, c.Close))
	if zoom < 2 || d <= 0 || bottom-top < 2 {
		for _, col := range body {
			pp.column(x0+col, top, bottom, d)
		}
		pp.column(x0+wick, y(c.High), y(c.Low), d)
		return
	}
	for i, col := range body {
		if i == 0 || i == len(body)-1 {
			pp.column(x0+col, top, bottom, d)
			continue
		}
		pp.candleDot(x0+col, top, d)
		pp.candleDot(x0+col, bottom, d)
	}
	pp.column(x0+wick, y(c.High), top, d)
	pp.column(x0+wick, bottom, y(c.Low), d)
}

// candleDir is a candle's colour: up when it closed above its open, down
// below it; a doji (开盘=收盘) by its change from the previous close.
func candleDir(c sectors.Candle) int {
	switch {
	case c.Close > c.Open:
		return 1
	case c.Close < c.Open:
		return -1
	}
	return sign(c.ChangePct)
}

// paint is the plot's colours, the crosshair on candle cursor (the
// candles shown start at from).
func (v Model) paint(from int) paint {
	s := v.Styles
	cur := v.cursor - from
	return paint{up: v.upDown(1), down: v.upDown(-1), flat: v.upDown(0), lines: []lipgloss.Style{s.MA[0], s.MA[1], s.MA[2], s.MA[3]},
		cross:   func(col int) bool { return col/v.zoom == cur },
		crossed: func(st lipgloss.Style) lipgloss.Style { return st.Inherit(s.Cross) }, ends: map[int][2]string{}}
}

// markRow is the row under the candles: c under a candle of a day with a
// call, r with a rating change, n with a note (a call over a rating, a
// rating over a note).
func (v Model) markRow(shown []sectors.Candle, w int) string {
	row := []byte(strings.Repeat(" ", w))
	for _, mk := range v.marks() {
		if i := candleOf(shown, mk.day); i >= 0 {
			col := i * v.zoom
			if col < w && markRank[mk.kind] > markRank[row[col]] {
				row[col] = mk.kind
			}
		}
	}
	return v.Styles.ChartMark.Render(string(row))
}

// candleOf is the candle of candles a day's mark goes under: the one
// holding the first session on or after the day (a note written on a
// Sunday goes under Monday's); -1 when none does.
func candleOf(candles []sectors.Candle, day time.Time) int {
	day = market.ChinaDay(day)
	for n := 0; n < 31 && !market.IsTradingDay(day); n++ {
		day = day.AddDate(0, 0, 1)
	}
	i := sort.Search(len(candles), func(i int) bool { return !candles[i].End.Before(day) })
	if i == len(candles) || day.Before(candles[i].Start) {
		return -1
	}
	return i
}

// dateRow is the first and the last day shown, and the crosshair's under
// it where it fits between them.
func (v Model) dateRow(shown []sectors.Candle, w int) string {
	if len(shown) == 0 {
		return ""
	}
	first, last := market.ChinaDate(shown[0].Start), market.ChinaDate(shown[len(shown)-1].End)
	row := []byte(strings.Repeat(" ", w))
	copy(row, first)
	if len(last) <= w {
		copy(row[w-len(last):], last)
	}
	if v.cursor < len(v.candles) {
		cur := market.ChinaDate(v.candles[v.cursor].Start)
		at := (v.cursor-(v.end-len(shown)))*v.zoom - len(cur)/2
		at = min(max(at, 0), w-len(cur))
		if at > len(first) && at+len(cur) < w-len(last) {
			copy(row[at:], cur)
		}
	}
	return v.Styles.Dim.Render(string(row))
}

// price is a price on the chart's scale: two decimals.
func price(p float64) string { return strconv.FormatFloat(p, 'f', 2, 64) }

// exact is a price as the read-outs show it, in the decimals the code
// trades in (two for stocks, three for funds quoted in tenths of a fen):
// an average price is rounded to them as a terminal's 均价 is, and a
// fund's 24.310 keeps its third decimal.
func exact(p float64, code market.Code) string {
	return strconv.FormatFloat(p, 'f', code.PriceDecimals(), 64)
}

// bigNumber shortens a volume as the rest of the screen does
// (common.BigNumber), with thousands as k on the English one.
func bigNumber(v float64, zh bool) string {
	if !zh && v >= 1e4 && v < 1e6 {
		return strconv.FormatFloat(v/1e3, 'f', 1, 64) + "k"
	}
	return common.BigNumber(v, zh)
}

func sign(v float64) int { return common.Sign(v) }
