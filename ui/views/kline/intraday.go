package kline

import (
	"fmt"
	"math"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// The minute line (分时): the session's 241 minutes across the plot
// (09:30–11:30 and 13:00–15:00, the lunch break left out as the terminals
// do), the price and the average price against the previous close, the
// scale symmetric about it, and each minute's volume beneath.

// sessionMinutes is how many minutes a session has on the axis: 09:30
// to 11:30 and 13:01 to 15:00.
const sessionMinutes = 241

// slotOf is where a minute's time falls on the axis (0 … 240); false out
// of the session.
func slotOf(t time.Time) (int, bool) {
	m := t.Hour()*60 + t.Minute()
	switch {
	case m <= 9*60+30:
		return 0, m >= 9*60+25
	case m <= 11*60+30:
		return m - (9*60 + 30), true
	case m <= 13*60:
		return 120, true // the break: with the morning's last
	case m <= 15*60:
		return m - 13*60 + 120, true
	}
	return 0, false
}

func (v Model) intradayLines() []string {
	l := layoutFor(v.Height)
	// no marks nor their read-out on the minute line: their rows go to
	// the prices
	for _, on := range []*bool{&l.marks, &l.footer} {
		if *on {
			*on = false
			l.price++
		}
	}
	out := []string{v.fit(v.title())}
	d := v.data.Minutes
	if len(d.Minutes) == 0 {
		msg := v.T.KLine.NoMinutes
		switch {
		case v.data.Offline:
			msg = v.T.KLine.MinutesOffline
		case v.data.MinutesErr != "":
			msg = safetext.Line(v.data.MinutesErr)
		}
		return append(out, v.fit(v.Styles.Dim.Render(msg)))
	}
	base := d.PrevClose
	if base <= 0 {
		base = d.Minutes[0].Price
	}
	span := 0.0
	var maxVol int64
	for _, m := range d.Minutes {
		span = math.Max(span, math.Abs(m.Price-base))
		if m.Average > 0 {
			span = math.Max(span, math.Abs(m.Average-base))
		}
		maxVol = max(maxVol, m.Shares)
	}
	span = math.Max(span, base*0.001)
	hi, lo := base+span, base-span
	if l.legend {
		out = append(out, v.fit(v.intradayLegend()))
	}
	sw := v.scaleWidth()
	pw := max(v.Width-sw-1, 1)
	pp := newPlot(pw, l.price, 2)
	x := func(slot int) int { return slot * (2*pw - 1) / (sessionMinutes - 1) }
	y := func(p float64) int { return int(math.Round((hi - p) / (hi - lo) * float64(4*l.price-1))) }
	cur := v.minute
	if cur < 0 || cur >= len(d.Minutes) {
		cur = len(d.Minutes) - 1
	}
	curCol := -1
	prev := [2]struct{ x, y int }{{-1, 0}, {-1, 0}}
	for i, m := range d.Minutes {
		slot, ok := slotOf(m.Time)
		if !ok {
			continue
		}
		xs := x(slot)
		if i == cur {
			curCol = xs / 2
		}
		for line, p := range []float64{m.Price, m.Average} {
			if p <= 0 {
				continue
			}
			ys := y(p)
			if prev[line].x >= 0 {
				pp.segment(line, prev[line].x, prev[line].y, xs, ys)
			} else {
				pp.lineDot(line, xs, ys)
			}
			prev[line].x, prev[line].y = xs, ys
		}
	}
	s := v.Styles
	pt := paint{up: v.upDown(1), down: v.upDown(-1), flat: v.upDown(0), lines: []lipgloss.Style{s.ChartLine, s.MA[1]},
		cross:   func(col int) bool { return col == curCol },
		crossed: func(st lipgloss.Style) lipgloss.Style { return st.Inherit(s.Cross) }, ends: map[int][2]string{}}
	for r := range l.price {
		label := ""
		switch r {
		case 0:
			label = price(hi)
		case l.price - 1:
			label = price(lo)
		case (l.price - 1) / 2:
			label = price(base)
		}
		out = append(out, pp.row(r, pt)+" "+s.Dim.Render(safetext.FitLeft(label, sw)))
	}
	if l.volume > 0 && maxVol > 0 {
		vp := newPlot(pw, l.volume, 0)
		last := base
		for _, m := range d.Minutes {
			slot, ok := slotOf(m.Time)
			if !ok {
				continue
			}
			top := 4*l.volume - 1 - int(math.Round(float64(m.Shares)/float64(maxVol)*float64(4*l.volume-1)))
			if m.Shares > 0 {
				vp.column(x(slot), top, 4*l.volume-1, int8(sign(m.Price-last)))
			}
			last = m.Price
		}
		for r := range l.volume {
			label := ""
			if r == 0 {
				label = bigNumber(float64(maxVol)/100, v.T.ZH)
			}
			out = append(out, vp.row(r, pt)+" "+s.Dim.Render(safetext.FitLeft(label, sw)))
		}
	}
	if l.dates {
		row := []byte(strings.Repeat(" ", pw))
		for _, tick := range []struct {
			slot int
			s    string
		}{{0, "09:30"}, {120, "11:30/13:00"}, {240, "15:00"}} {
			at := min(max(x(tick.slot)/2-len(tick.s)/2, 0), pw-len(tick.s))
			if at >= 0 {
				copy(row[at:], tick.s)
			}
		}
		out = append(out, s.Dim.Render(string(row)))
	}
	out = append(out, v.fit(v.minuteReadout(d, cur, base)))
	return out
}

// intradayLegend names the two lines in their colours.
func (v Model) intradayLegend() string {
	t, s := v.T.KLine, v.Styles
	return s.ChartLine.Render(t.Price) + "  " + s.MA[1].Render(t.Average)
}

// MinuteReadout is the crosshair's minute in words, without colours.
func (v Model) MinuteReadout() string {
	d := v.data.Minutes
	if len(d.Minutes) == 0 {
		return ""
	}
	cur := v.minute
	if cur < 0 || cur >= len(d.Minutes) {
		cur = len(d.Minutes) - 1
	}
	base := d.PrevClose
	if base <= 0 {
		base = d.Minutes[0].Price
	}
	return stripped(v.minuteReadout(d, cur, base))
}

func (v Model) minuteReadout(d sectors.Intraday, cur int, base float64) string {
	t := v.T.KLine
	m := d.Minutes[cur]
	chg := (m.Price/base - 1) * 100
	field := func(label, val string) string { return v.Styles.Dim.Render(label) + " " + val }
	parts := []string{m.Time.Format("15:04"), field(t.Price, exact(m.Price, v.data.Ticker.Code)), v.upDown(sign(chg)).Render(common.Pct(chg, 2))}
	if m.Average > 0 {
		parts = append(parts, field(t.Average, exact(m.Average, v.data.Ticker.Code)))
	}
	parts = append(parts, field(t.Volume, bigNumber(float64(m.Shares)/100, v.T.ZH)+t.Lots))
	if !v.data.MinutesAt.IsZero() {
		parts = append(parts, v.Styles.Dim.Render(fmt.Sprintf(t.AsOf, v.data.MinutesAt.Format("15:04:05"))))
	}
	return strings.Join(parts, " ")
}
