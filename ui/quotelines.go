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

// quoteStatus is the quote part of the status line: how old the quotes
// are, stale ones marked, and one calm line when the server is not there.
func (m *Model) quoteStatus() string {
	qt := m.t.Quotes
	if !m.quotesOn() {
		if m.opts.Offline {
			return m.styles.Dim.Render(qt.Off)
		}
		return ""
	}
	now := m.opts.Now()
	var s string
	switch {
	case m.qs.fetched.IsZero() && m.qs.err != nil:
		return m.styles.Error.Render(qt.Status(m.qs.err))
	case m.qs.fetched.IsZero():
		return m.styles.Dim.Render(qt.Loading)
	case !quote.Trading(now):
		s = fmt.Sprintf(qt.Closed, m.quoteTime().In(m.opts.Location).Format("01-02 15:04"))
	default: // by the quotes' own time, not by when they were fetched
		s = fmt.Sprintf(qt.Age, age(max(now.Sub(m.quoteTime()), 0)))
	}
	if m.anyStale() {
		s += " " + qt.Stale
	}
	if m.qs.err != nil {
		return m.styles.Error.Render(s + " " + qt.Status(m.qs.err))
	}
	if m.anyStale() {
		return m.styles.Risk.Render(s)
	}
	return m.styles.Dim.Render(s)
}

// quoteTime is the newest quote's own time, else when it was fetched.
func (m *Model) quoteTime() time.Time {
	var t time.Time
	for _, q := range m.qs.quotes {
		if q.Time.After(t) {
			t = q.Time
		}
	}
	if t.IsZero() {
		return m.qs.fetched
	}
	return t
}

func (m *Model) anyStale() bool {
	for _, c := range m.qs.cells {
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

func (m *Model) qt() *common.QuoteText { return m.t.Quotes }

// withQuoteStatus puts the quote status at the right end of the status
// line (not while it holds the search input or a question).
func (m *Model) withQuoteStatus(line string) string {
	if m.stack.status() != nil {
		return line
	}
	q := m.quoteStatus()
	if q == "" {
		return line
	}
	gap := m.width - safetext.Width(line) - safetext.Width(q)
	if gap < 2 {
		if line == "" {
			return q
		}
		return line + "  " + q
	}
	return line + strings.Repeat(" ", gap) + q
}

// quoteLines is the detail pane's quote section: nothing with quotes off.
func (m *Model) quoteLines(tk *sectors.Ticker, width int) []string {
	if !m.pricesShown() {
		return nil
	}
	s, qt := &m.styles, m.t.Quotes
	out := []string{"", s.ColHead.Render(qt.Quote)}
	q, ok := m.qs.quotes[tk.Code.Key()]
	if !ok {
		return append(out, s.Dim.Render(safetext.Truncate(qt.NoQuote, width)))
	}
	stale := quote.Stale(q.Time, m.opts.Now(), m.opts.Refresh)
	head := price(q.Last) + "  " + signedPrice(q.Change) + "  " + pct(q.ChangePct, 2)
	if word := qt.State(q, false); word != "" {
		head = price(q.Last) + "  " + word
	}
	st := m.upDown(sign(q.Change))
	if stale || q.Suspended || q.PreOpen || q.ChangeUnknown {
		st = s.Dim
	}
	stamp := ""
	if !q.Time.IsZero() {
		stamp = q.Time.In(m.opts.Location).Format("2006-01-02 15:04:05")
	}
	if stale {
		stamp += " " + qt.Stale
	}
	out = append(out, safetext.Truncate(st.Render(head)+"  "+s.Dim.Render(stamp), width))
	fields := []string{
		qt.Open + " " + price(q.Open), qt.High + " " + price(q.High), qt.Low + " " + price(q.Low), qt.Prev + " " + price(q.PrevClose),
		qt.Vol + " " + bigNumber(float64(q.Volume), m.t.ZH), qt.Amount + " " + bigNumber(q.Amount, m.t.ZH),
	}
	if q.Turnover > 0 {
		fields = append(fields, qt.Turn+" "+strconv.FormatFloat(q.Turnover, 'f', 2, 64)+"%")
	}
	switch {
	case q.LossMaking:
		fields = append(fields, qt.PE+" "+qt.Loss)
	case q.PE > 0:
		fields = append(fields, qt.PE+" "+strconv.FormatFloat(q.PE, 'f', 2, 64))
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
	return out
}

// sinceLine is the return since a rating made at, for the history:
// "since 2024-05-10 close 45.12: +12.3%", or that no reference is known.
func (m *Model) sinceLine(tk *sectors.Ticker, at time.Time) string {
	if !m.quotesOn() {
		return ""
	}
	qt := m.t.Quotes
	h := m.hs.hist[tk.Code.Key()].PriceHistory
	ref, ok := sectors.ReferenceAt(m.qs.refs[tk.Code.Key()], h, at)
	if !ok {
		if !m.pricesShown() {
			return "" // no price and no reference: nothing worth a line
		}
		return m.styles.Dim.Render(qt.Since + m.t.Colon + qt.NoRef)
	}
	s := qt.Ref + " " + price(ref.Price) + m.t.Paren(ref.Day.Format("2006-01-02"))
	g, err := sectors.TotalReturn(ref, h, m.latestOf(tk.Code), time.Time{})
	if err != nil {
		return m.styles.Dim.Render(s)
	}
	r := g.Pct()
	return m.styles.Dim.Render(s+" "+qt.Since+" ") + m.upDown(sign(r)).Render(pct(r, 1))
}

// bigNumber shortens volumes and amounts: 万 and 亿 on the Chinese
// screen, M and B on the English one.
func bigNumber(v float64, zh bool) string {
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
