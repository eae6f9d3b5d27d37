package chart

import (
	"fmt"
	"strings"
	"time"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

// Model is a ticker's chart in the detail pane: its total return since
// its first call, the benchmark beside it rebased to the same day, and a
// marker at each call, rating change and note. It is Width cells wide and
// its plot Height rows high (the summary, markers, dates and legend
// around it take six more).
type Model struct {
	common.Common
	Data
}

// Data is what the chart is drawn from: the ticker (its calls, ratings
// and notes), the last full load (the reports' dates), the ticker's and
// the benchmark's price histories, the benchmark's name and the colours'
// convention.
type Data struct {
	Ticker    *sectors.Ticker
	Snap      *sectors.Snapshot
	History   sectors.PriceHistory
	Bench     sectors.PriceHistory
	BenchName string
	Western   bool
}

// New is the chart of data, drawn in c's size.
func New(c common.Common, data Data) Model { return Model{Common: c, Data: data} }

// Lines is the chart as lines of at most Width cells: nothing when the
// room is too narrow or the history holds too few days.
func (c Model) Lines() []string {
	width := c.Width
	if width < 20 {
		return nil
	}
	first, marks := c.marks()
	if first.IsZero() {
		return nil
	}
	h := c.History
	start := first
	if b, ok := h.BarOnOrBefore(first); ok {
		start = b.Date // the close the call is measured from
	}
	stock := rebased(series(h, start))
	if len(stock) < 2 {
		return nil
	}
	bench := rebased(series(c.Bench, start))
	s, rt := c.Styles, c.T.Reports
	lc := lineChart{width: width, height: max(c.Height, 1), stock: stock, bench: bench, marks: marks, line: s.ChartLine, dim: s.ChartBench, mark: s.ChartMark}
	last := stock[len(stock)-1].v
	sum := fmt.Sprintf(rt.ChartSince, market.ChinaDate(start)) + " " + s.UpDown(c.Western, common.Sign(last)).Render(common.Pct(last, 1))
	if len(bench) > 0 {
		b := bench[len(bench)-1].v
		sum += "  " + c.BenchName + " " + s.UpDown(c.Western, common.Sign(b)).Render(common.Pct(b, 1))
	}
	out := []string{"", s.ColHead.Render(rt.Chart), safetext.Truncate(sum, width)}
	out = append(out, lc.lines()...)
	return append(out, s.Dim.Render(safetext.Truncate(fmt.Sprintf(rt.ChartLegend, c.BenchName), width)))
}

// View is the chart's lines.
func (c Model) View() string { return strings.Join(c.Lines(), "\n") }

// marks are the ticker's calls (the reports' dates), rating changes and
// notes, and the day of the first call or rating.
func (c Model) marks() (first time.Time, marks []chartMark) {
	tk := c.Ticker
	take := func(d time.Time) {
		if first.IsZero() || d.Before(first) {
			first = d
		}
	}
	for _, call := range tk.Calls {
		if c.Snap == nil {
			break
		}
		if r, ok := c.Snap.Report(call.ReportID); ok && !r.Date.IsZero() {
			d := market.ChinaDay(r.Date)
			marks = append(marks, chartMark{d, 'c'})
			if call.Rating != sectors.Unrated {
				take(d)
			}
		}
	}
	for _, h := range tk.Ratings {
		d := market.ChinaDay(h.At)
		marks = append(marks, chartMark{d, 'r'})
		if h.To != sectors.Unrated {
			take(d)
		}
	}
	for _, n := range tk.LiveNotes() {
		marks = append(marks, chartMark{market.ChinaDay(n.Created), 'n'})
	}
	return first, marks
}
