package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/ui/common"
)

// Quotes in the TUI. Fetching is a tea.Cmd (never inside Update); results
// come back as quotesMsg, errors as a status, never a crash. The price
// cells of every ticker are formatted once when quotes (or the data, or
// the references) change, not per frame per row, so the list draws as
// fast with quotes as without.

// quotesTimeout bounds one refresh round; references get longer.
const (
	quotesTimeout = 20 * time.Second
	refsTimeout   = 60 * time.Second
)

type (
	// quotesMsg carries a refresh round's result.
	quotesMsg struct {
		quotes map[string]sectors.Quote
		err    error
		at     time.Time
	}
	// quoteTickMsg is the refresh timer; seq drops timers superseded by R.
	quoteTickMsg struct{ seq int }
	// refsLoadedMsg carries the reference closes read from the store.
	refsLoadedMsg struct {
		refs map[string][]sectors.RefPrice
		err  error
	}
)

// priceCells are one ticker's price columns, ready to draw.
type priceCells struct {
	last, pct, ret string // plain text, already fitted to their columns
	dir, retDir    int    // -1 down, 0 flat or unknown, 1 up
	stale, dim     bool
	alert          bool // a fired alert: a badge on the row (alerts.go)
}

// quoteState is the root model's quote data.
type quoteState struct {
	quotes  map[string]sectors.Quote
	refs    map[string][]sectors.RefPrice
	cells   []priceCells // by index in data.tickers
	epoch   uint64       // new with every buildCells
	fetched time.Time    // when the last round returned any quote
	err     error        // the last round's error, shown as a status
	loading bool
	seq     int
}

// quotesOn reports whether a provider was given (not --offline).
func (m *Model) quotesOn() bool { return m.opts.Quotes != nil }

// pricesShown reports whether the list has its price columns: quotes on
// and at least one quote received. Offline, or while no quote server has
// answered, the list keeps its plain columns (name, board, note, date) and
// the status line says why there are no prices: a column of dashes on
// every row would say nothing and push the notes off the screen.
func (m *Model) pricesShown() bool { return m.quotesOn() && len(m.qs.quotes) > 0 }

// quoteInit is the commands Init adds: read the references, fetch quotes
// (whose arrival checks the alerts); with quotes off, check the alerts
// that need no quote.
func (m Model) quoteInit() tea.Cmd {
	if !m.quotesOn() {
		return m.checkAlertsCmd(nil)
	}
	return tea.Batch(m.loadRefsCmd(), m.fetchQuotesCmd())
}

func (m Model) loadRefsCmd() tea.Cmd {
	st := m.st
	return func() tea.Msg {
		refs, err := st.RefPrices()
		return refsLoadedMsg{refs: refs, err: err}
	}
}

// fetchQuotesCmd fetches quotes for every ticker on the list.
func (m *Model) fetchQuotesCmd() tea.Cmd {
	prov, now := m.opts.Quotes, m.opts.Now
	codes := make([]sectors.Ticker, 0, len(m.data.tickers))
	codes = append(codes, m.data.tickers...)
	// a since-call or drawdown alert is judged against 沪深300's quote
	bench := service.NeedsBenchmark(m.al.list, now())
	m.qs.loading = true
	return func() tea.Msg {
		cs := make([]market.Code, 0, len(codes)+1)
		for _, t := range codes {
			cs = append(cs, t.Code)
		}
		if bench {
			cs = append(cs, sectors.Benchmark)
		}
		ctx, cancel := context.WithTimeout(context.Background(), quotesTimeout)
		defer cancel()
		q, err := prov.Quotes(ctx, cs)
		return quotesMsg{quotes: q, err: err, at: now()}
	}
}

// nextTick schedules the next refresh: every Refresh during trading
// hours; outside them, nothing until the next session opens.
func (m *Model) nextTick() tea.Cmd {
	if m.opts.Refresh <= 0 {
		return nil
	}
	m.qs.seq++
	seq := m.qs.seq
	now := m.opts.Now()
	d := m.opts.Refresh
	if !quote.Trading(now) {
		d = quote.NextOpen(now).Sub(now)
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return quoteTickMsg{seq: seq} })
}

// updateQuotes handles the quote messages; ok is false for any other.
func (m Model) updateQuotes(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case quotesMsg:
		m.qs.loading = false
		m.qs.err = msg.err
		if len(msg.quotes) > 0 {
			if m.qs.quotes == nil || msg.err == nil {
				m.qs.quotes = msg.quotes
			} else { // partial: keep the older quotes of the codes that failed
				for k, q := range msg.quotes {
					m.qs.quotes[k] = q
				}
			}
			m.qs.fetched = msg.at
		}
		m.buildCells()
		m.refreshed(msg.err)
		return m, tea.Batch(m.nextTick(), m.checkAlertsCmd(msg.quotes)), true
	case quoteTickMsg:
		if msg.seq != m.qs.seq || m.qs.loading {
			return m, nil, true
		}
		return m, m.fetchQuotesCmd(), true
	case refsLoadedMsg:
		if msg.err != nil {
			m.fail(msg.err)
			return m, nil, true
		}
		m.qs.refs = msg.refs
		m.buildCells()
		return m, nil, true
	}
	return m, nil, false
}

// refreshNow is the R key.
func (m Model) refreshNow() (tea.Model, tea.Cmd) {
	if !m.quotesOn() {
		m.say("%s", m.refreshOff())
		return m, nil
	}
	if m.qs.loading {
		m.say("%s", m.t.Watch.RefreshBusy)
		return m, nil
	}
	m.qs.seq++ // the pending timer is superseded
	m.say("%s", m.t.Watch.Refreshing)
	return m, m.fetchQuotesCmd()
}

// buildCells formats the price columns of every ticker.
func (m *Model) buildCells() {
	if !m.quotesOn() {
		m.qs.cells = nil
		return
	}
	m.qs.epoch = nextEpoch()
	now := m.opts.Now()
	cells := m.qs.cells[:0]
	for i := range m.data.tickers {
		cells = append(cells, m.cellFor(&m.data.tickers[i], now))
	}
	m.qs.cells = cells
}

// cellFor formats one ticker's price columns at the time now.
func (m *Model) cellFor(tk *sectors.Ticker, now time.Time) priceCells {
	qt := m.t.Quotes
	c := priceCells{alert: m.al.badge[tk.Code.Key()]}
	q, ok := m.qs.quotes[tk.Code.Key()]
	if ok {
		c.stale = quote.Stale(q.Time, now, m.opts.Refresh)
		c.last = price(q.Last)
		if c.stale {
			c.last = "~" + c.last
		}
		c.pct = pct(q.ChangePct, 2)
		c.dir = sign(q.Change)
		if word := qt.State(q, true); word != "" {
			c.pct, c.dir = word, 0
		}
		c.dim = c.stale || q.Suspended || q.PreOpen || q.ChangeUnknown
	} else {
		c.last, c.pct, c.dim = "-", "", true
	}
	// the return since the rating: the one calculation of sectors, from the
	// daily history once it is loaded (across every ex-date), or a price
	// set by hand
	h := m.hs.hist[tk.Code.Key()].PriceHistory
	if _, g, found := sectors.ReturnSinceRating(tk, m.qs.refs, h, m.latestOf(tk.Code)); found {
		c.ret, c.retDir = pct(g.Pct(), 1), sign(g.Pct())
		if g.Uncertain { // a distribution in the window not read: as the scorecard marks it
			c.ret += "?"
		}
	} else if _, hasRef := sectors.RatingReference(tk, m.qs.refs, h); !hasRef {
		c.ret = qt.NoRef
	}
	return c
}

// latestOf is a ticker's quote as the latest price a return runs to; nil
// when there is no quote that is a trade.
func (m *Model) latestOf(code market.Code) *sectors.Latest {
	if l, ok := m.qs.quotes[code.Key()].AsLatest(); ok {
		return &l
	}
	return nil
}

func price(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func pct(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64) + "%"
	if v > 0 {
		s = "+" + s
	}
	return s
}

func sign(v float64) int {
	switch {
	case v > 0.0000001:
		return 1
	case v < -0.0000001:
		return -1
	}
	return 0
}

// upDown is the style of a rise or a fall: red up and green down by the
// A-share convention, the other way round with --colors western.
func (m *Model) upDown(dir int) lipgloss.Style {
	switch {
	case dir > 0 && m.opts.Western, dir < 0 && !m.opts.Western:
		return m.styles.Down
	case dir != 0:
		return m.styles.Up
	}
	return m.styles.Row
}

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
	if m.statusDialog() != nil {
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

func signedPrice(v float64) string {
	if v > 0 {
		return "+" + price(v)
	}
	return price(v)
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
