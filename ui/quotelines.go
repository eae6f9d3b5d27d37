package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// The quote status line and the detail pane's quote lines.

// status is the quote part of the status line: how old the quotes are,
// stale ones marked, and one calm line when the server is not there.
func (q *quoteState) status(c partCtx) string {
	qt, s, o := c.t.Quotes, c.s, c.o
	if q.kept {
		return q.keptStatus(c)
	}
	if !o.quotesOn() {
		if o.Offline {
			return s.Dim.Render(qt.Off)
		}
		return ""
	}
	now := o.Now()
	var line string
	switch {
	case q.fetched.IsZero() && q.err != nil:
		return s.Error.Render(qt.Status(q.err))
	case q.fetched.IsZero():
		return s.Dim.Render(qt.Loading)
	case !quote.Trading(now):
		line = fmt.Sprintf(qt.Closed, q.quoteTime().In(o.Location).Format("01-02 15:04"))
	default: // by the quotes' own time, not by when they were fetched
		line = fmt.Sprintf(qt.Age, age(max(now.Sub(q.quoteTime()), 0)))
	}
	if q.anyStale() {
		line += " " + qt.Stale
	}
	if q.err != nil {
		return s.Error.Render(line + " " + qt.Status(q.err))
	}
	if q.anyStale() {
		return s.Risk.Render(line)
	}
	return s.Dim.Render(line)
}

// keptStatus says the last known quotes are shown and of when, once:
// with quotes off that they are off, else that live ones are loading or
// why they failed.
func (q *quoteState) keptStatus(c partCtx) string {
	qt, s, o := c.t.Quotes, c.s, c.o
	at := q.quoteTime().In(o.Location)
	layout := "01-02 15:04"
	if at.Year() != o.Now().In(o.Location).Year() {
		layout = "2006-01-02 15:04"
	}
	line := fmt.Sprintf(qt.LastKnown, at.Format(layout))
	switch {
	case !o.quotesOn() && o.Offline:
		return s.Dim.Render(fmt.Sprintf(qt.LastKnownOff, at.Format(layout)))
	case !o.quotesOn():
		return s.Dim.Render(line)
	case q.err != nil:
		return s.Error.Render(line + "  " + qt.Status(q.err))
	}
	return s.Dim.Render(line + "  " + qt.Loading)
}

// quoteTime is the newest quote's own time, else when it was fetched.
func (q *quoteState) quoteTime() time.Time {
	var t time.Time
	for _, v := range q.quotes {
		if v.Time.After(t) {
			t = v.Time
		}
	}
	if t.IsZero() {
		return q.fetched
	}
	return t
}

func (q *quoteState) anyStale() bool {
	for _, c := range q.cells {
		if c.stale {
			return true
		}
	}
	return false
}

func age(d time.Duration) string {
	switch {
	case d < time.Minute:
		return strconv.Itoa(int(d.Seconds())) + "s"
	case d < time.Hour:
		return strconv.Itoa(int(d.Minutes())) + "m"
	}
	return strconv.Itoa(int(d.Hours())) + "h"
}

// withStatus puts the quote status at the right end of the status line
// of width cells (not over a dialog there: the search input, a question).
func (q *quoteState) withStatus(line string, c partCtx, dialog bool, width int) string {
	if dialog {
		return line
	}
	qs := q.status(c)
	if qs == "" {
		return line
	}
	gap := width - safetext.Width(line) - safetext.Width(qs)
	if gap < 2 && q.kept && line != "" && width-safetext.Width(qs)-2 >= 10 {
		// the last known quotes' time is never cut: they must not pass
		// for live ones; the message gives way
		line = safetext.Truncate(line, width-safetext.Width(qs)-2)
		gap = width - safetext.Width(line) - safetext.Width(qs)
	}
	if gap < 2 {
		if line == "" {
			return qs
		}
		return line + "  " + qs
	}
	return line + strings.Repeat(" ", gap) + qs
}

// lines is the detail pane's quote section: nothing with quotes off.
func (q *quoteState) lines(tk *sectors.Ticker, width int, c partCtx) []string {
	if !q.shown(c.o) {
		return nil
	}
	s, qt := c.s, c.t.Quotes
	out := []string{"", s.ColHead.Render(qt.Quote)}
	v, ok := q.quotes[tk.Code.Key()]
	if !ok {
		return append(out, s.Dim.Render(safetext.Truncate(qt.NoQuote, width)))
	}
	stale := quote.Stale(v.Time, c.o.Now(), c.o.Refresh)
	head := price(v.Last) + "  " + signedPrice(v.Change) + "  " + pct(v.ChangePct, 2)
	if word := qt.State(v, false); word != "" {
		head = price(v.Last) + "  " + word
	}
	st := c.upDown(sign(v.Change))
	if stale || v.Suspended || v.PreOpen || v.ChangeUnknown {
		st = s.Dim
	}
	stamp := ""
	if !v.Time.IsZero() {
		stamp = v.Time.In(c.o.Location).Format("2006-01-02 15:04:05")
	}
	if stale {
		stamp += " " + qt.Stale
	}
	out = append(out, safetext.Truncate(st.Render(head)+"  "+s.Dim.Render(stamp), width))
	fields := []string{
		qt.Open + " " + price(v.Open), qt.High + " " + price(v.High), qt.Low + " " + price(v.Low), qt.Prev + " " + price(v.PrevClose),
		qt.Vol + " " + bigNumber(float64(v.Volume), c.t.ZH), qt.Amount + " " + bigNumber(v.Amount, c.t.ZH),
	}
	if up, down, ok := v.Limits(); ok {
		fields = append(fields, qt.LimitUp+" "+priceOf(v.Code, up), qt.LimitDown+" "+priceOf(v.Code, down))
	}
	if v.Turnover > 0 {
		fields = append(fields, qt.Turn+" "+strconv.FormatFloat(v.Turnover, 'f', 2, 64)+"%")
	}
	switch {
	case v.LossMaking:
		fields = append(fields, qt.PE+" "+qt.Loss)
	case v.PE > 0:
		fields = append(fields, qt.PE+" "+strconv.FormatFloat(v.PE, 'f', 2, 64))
	}
	line := ""
	for _, f := range fields { // as many per line as fit
		switch {
		case line == "":
			line = f
		case safetext.Width(line)+2+safetext.Width(f) <= width:
			line += "  " + f
		default:
			out = append(out, line)
			line = f
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return append(out, bookLines(v, width, c)...)
}

// bookLines are the five bid and ask levels, a level a line with the
// best first, under 委比; nothing when the server gave no book (an index).
func bookLines(v sectors.Quote, width int, c partCtx) []string {
	r, ok := v.OrderRatio()
	if !ok {
		return nil
	}
	qt, s := c.t.Quotes, c.s
	out := []string{s.Dim.Render(safetext.Truncate(fmt.Sprintf(qt.Book, pct(r, 2)), width))}
	level := func(name string, l sectors.Level) string {
		if l.Price <= 0 {
			return safetext.Fit(name, 20)
		}
		return safetext.Fit(name+" "+priceOf(v.Code, l.Price)+" "+bigNumber(float64(l.Shares), c.t.ZH), 20)
	}
	for i := range v.Bids {
		line := level(fmt.Sprintf(qt.Bid, i+1), v.Bids[i]) + "  " + level(fmt.Sprintf(qt.Ask, i+1), v.Asks[i])
		out = append(out, safetext.Truncate(strings.TrimRight(line, " "), width))
	}
	return out
}

// sinceLine is the return since a rating made at, for the history:
// "since 2024-05-10 close 45.12: +12.3%", or that no reference is known.
func (q *quoteState) sinceLine(tk *sectors.Ticker, at time.Time, c partCtx) string {
	if !q.priced(c.o) {
		return ""
	}
	qt := c.t.Quotes
	h := c.hist[tk.Code.Key()].PriceHistory
	ref, ok := sectors.ReferenceAt(q.refs[tk.Code.Key()], h, at)
	if !ok {
		if !q.shown(c.o) {
			return "" // no price and no reference: nothing worth a line
		}
		return c.s.Dim.Render(qt.Since + c.t.Colon + qt.NoRef)
	}
	s := qt.Ref + " " + price(ref.Price) + c.t.Paren(ref.Day.Format("2006-01-02"))
	g, err := sectors.TotalReturn(ref, h, q.latestOf(tk.Code), time.Time{})
	if err != nil {
		return c.s.Dim.Render(s)
	}
	r := g.Pct()
	return c.s.Dim.Render(s+" "+qt.Since+" ") + c.upDown(sign(r)).Render(pct(r, 1))
}

// bigNumber shortens volumes and amounts (common.BigNumber).
func bigNumber(v float64, zh bool) string { return common.BigNumber(v, zh) }
