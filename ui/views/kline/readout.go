package kline

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

// The lines around the plot: the title, the averages' legend, the
// crosshair's read-out and the marks of its candle.

// title is the ticker, the period, the adjustment and how current the
// bars are.
func (v Model) title() string {
	t, s := v.T.KLine, v.Styles
	tk := v.data.Ticker
	name := tk.Code.Number + " " + common.DisplayName(tk.Name)
	what := t.Periods[v.period]
	if v.intraday {
		what = t.Intraday
		if d := v.data.Minutes; !d.Day.IsZero() {
			what += " " + market.ChinaDate(d.Day)
		}
	} else {
		what += " " + t.Adjusted
	}
	parts := []string{s.Title.Render(name), what}
	switch {
	case v.data.Loading:
		parts = append(parts, s.Dim.Render(t.Loading))
	case v.data.BarsErr != "" && !v.intraday:
		parts = append(parts, s.Error.Render(safetext.Line(v.data.BarsErr)))
	}
	if !v.intraday && len(v.candles) > 0 && (v.data.Offline || v.data.BarsErr != "") {
		parts = append(parts, s.Dim.Render(fmt.Sprintf(t.AsOf, market.ChinaDate(v.candles[len(v.candles)-1].End))))
	}
	return strings.Join(parts, "  ")
}

// empty says why there is no candle.
func (v Model) empty() string {
	t := v.T.KLine
	switch {
	case v.data.Loading:
		return t.Loading
	case v.data.Offline:
		return t.NoBarsOffline
	}
	return t.NoBars
}

// legend is each average's value at the crosshair, in its colour.
func (v Model) legend() string {
	var parts []string
	for i, n := range maWindows {
		val := "-"
		if v.cursor < len(v.ma[i]) {
			if a := v.ma[i][v.cursor]; a == a { // not NaN
				val = exact(a, v.data.Ticker.Code)
			}
		}
		parts = append(parts, v.Styles.MA[i].Render(fmt.Sprintf("MA%d %s", n, val)))
	}
	return strings.Join(parts, "  ")
}

// Readout is the crosshair's candle in words: its day (or days), open,
// high, low, close, change and volume, without colours.
func (v Model) Readout() string { return stripped(v.readout()) }

func (v Model) readout() string {
	if v.cursor >= len(v.candles) {
		return ""
	}
	t := v.T.KLine
	c := v.candles[v.cursor]
	day := market.ChinaDate(c.Start)
	if v.period == sectors.Daily {
		day += " " + t.Weekdays[c.Start.In(market.China).Weekday()]
	} else if !c.End.Equal(c.Start) {
		day += "~" + c.End.In(market.China).Format("01-02")
	}
	field := func(label, val string) string { return v.Styles.Dim.Render(label) + " " + val }
	code := v.data.Ticker.Code
	parts := []string{day,
		field(t.Open, exact(c.Open, code)), field(t.High, exact(c.High, code)), field(t.Low, exact(c.Low, code)), field(t.Close, exact(c.Close, code)),
	}
	if v.cursor > 0 {
		parts = append(parts, v.upDown(sign(c.ChangePct)).Render(common.Pct(c.ChangePct, 2)))
	}
	parts = append(parts, field(t.Volume, bigNumber(float64(c.Volume)/100, v.T.ZH)+t.Lots))
	return strings.Join(parts, " ")
}

// markText is what happened on the crosshair's candle: its calls, rating
// changes and notes, the latest first.
func (v Model) markText() string {
	if v.cursor >= len(v.candles) {
		return ""
	}
	var parts []string
	for _, mk := range v.marks() {
		if candleOf(v.candles, mk.day) == v.cursor {
			parts = append(parts, mk.text)
		}
	}
	if len(parts) == 0 {
		return v.Styles.Dim.Render(v.T.KLine.Legend)
	}
	return v.Styles.ChartMark.Render(strings.Join(parts, "  "))
}

// mark is a call, a rating change or a note on a day.
type mark struct {
	day  time.Time
	kind byte // 'c', 'r', 'n'
	text string
}

var markRank = map[byte]int{'c': 3, 'r': 2, 'n': 1}

// marks are the ticker's calls (the reports' dates), rating changes and
// notes.
func (v Model) marks() []mark {
	tk, t, snap := &v.data.Ticker, v.T.KLine, v.data.Snap
	var out []mark
	for _, call := range tk.Calls {
		if snap == nil {
			break
		}
		if r, ok := snap.Report(call.ReportID); ok && !r.Date.IsZero() {
			out = append(out, mark{market.ChinaDay(r.Date), 'c', t.Call + " " + v.T.Rating(call.Rating) + " " + safetext.Line(r.Broker)})
		}
	}
	for _, h := range tk.Ratings {
		out = append(out, mark{market.ChinaDay(h.At), 'r', t.RatingMark + " " + v.T.Rating(h.From) + "→" + v.T.Rating(h.To)})
	}
	for _, n := range tk.LiveNotes() {
		out = append(out, mark{market.ChinaDay(n.Created), 'n', t.NoteMark + " " + safetext.Truncate(safetext.Line(safetext.FirstLine(n.Text)), 30)})
	}
	return out
}

// stripped is s without its colours.
func stripped(s string) string { return ansi.Strip(s) }
