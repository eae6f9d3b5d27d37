package ui

import (
	"context"
	"time"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/service"
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
	svc, now := newService(m.st, &m.opts), m.opts.Now
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
		q, err := svc.FetchQuotes(ctx, cs)
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

// upDown is the style of a rise or a fall: red up and green down by the
// A-share convention, the other way round with --colors western.
func (m *Model) upDown(dir int) lipgloss.Style {
	return m.styles.UpDown(m.opts.Western, dir)
}
