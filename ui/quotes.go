package ui

import (
	"context"
	"maps"
	"time"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/store"
	"zixuan/ui/common"
)

// Quotes in the TUI. Fetching is a tea.Cmd (never inside Update); results
// come back as quotesMsg, errors as a status, never a crash. The price
// cells of every ticker are formatted once when quotes (or the data, or
// the references) change, not per frame per row, so the list draws as
// fast with quotes as without. The quotes are a part of their own
// (quoteState): the root keeps one and routes it its messages
// (Model.route), giving it what it reads of the root in a partCtx.

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
	// limit: the last trade is at the day's 涨停 or 跌停 by the board's
	// rules in force; the last price carries a mark and the price cells
	// are drawn reversed
	limit sectors.LimitState
	// tally is how the row counts in the header's breadth, judged once a
	// round rather than every frame
	tally    sectors.Tally
	retPct   float64 // the return as a number, for sorting (colsort.go)
	retKnown bool
}

// quoteState is the quotes' part: the quotes, the reference closes, the
// price cells drawn from them and the refresh round under way.
type quoteState struct {
	quotes  map[string]sectors.Quote
	refs    map[string][]sectors.RefPrice
	cells   []priceCells // by index in data.tickers
	epoch   uint64       // new with every buildCells
	fetched time.Time    // when the last round returned any quote
	err     error        // the last round's error, shown as a status
	loading bool
	seq     int
	// kept: quotes holds the last known quotes the store kept, not a
	// live answer (quotes off, or none in yet); the status says their
	// time, and the first live answer replaces them (quotekeep.go)
	kept bool
	keep quoteKeeping
}

// partCtx is what the quotes, the alerts and the position columns read of
// the root for one call: built by partCtxOf, never kept.
type partCtx struct {
	o       *Options
	t       *common.Text
	s       *common.Styles
	tickers []sectors.Ticker
	hist    map[string]store.StoredHistory // the daily histories, by Code.Key()
	badge   map[string]bool                // the tickers with a fired alert to show
	alerts  []sectors.Alert
	held    []sectors.Position // the holdings (poscols.go)
	st      *store.Store
}

func partCtxOf(m *Model) partCtx {
	return partCtx{o: &m.opts, t: m.t, s: &m.styles, tickers: m.data.tickers, hist: m.hs.hist, badge: m.al.badge, alerts: m.al.list, held: m.ps.list, st: m.st}
}

// upDown is the style of a rise or a fall: red up and green down by the
// A-share convention, the other way round with --colors western.
func (c partCtx) upDown(dir int) lipgloss.Style { return c.s.UpDown(c.o.Western, dir) }

// quotesOn reports whether a provider was given (not --offline).
func (o *Options) quotesOn() bool { return o.Quotes != nil }

// shown reports whether the list has its price columns: at least one
// quote received, or the last known quotes kept (quotekeep.go), offline
// too. With neither, the list keeps its plain columns (name, board, note,
// date) and the status line says why there are no prices: a column of
// dashes on every row would say nothing and push the notes off the screen.
func (q *quoteState) shown(*Options) bool { return len(q.quotes) > 0 }

// priced reports whether the rows have price cells: quotes on, or the
// last known ones shown.
func (q *quoteState) priced(o *Options) bool { return o.quotesOn() || len(q.quotes) > 0 }

func loadRefsCmd(st *store.Store) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		refs, err := st.RefPrices()
		return refsLoadedMsg{refs: refs, err: err}
	}
}

// fetchCmd fetches quotes for every ticker on the list, and 沪深300's when
// an armed since-call or drawdown alert is judged against it, with the
// header strip's indexes in the same round (the service asks for each
// code once).
func (q *quoteState) fetchCmd(c partCtx) tea.Cmd {
	svc, now := newService(c.st, c.o), c.o.Now
	strip := c.o.stripCodes()
	codes := make([]market.Code, 0, len(c.tickers)+1+len(strip))
	for _, t := range c.tickers {
		codes = append(codes, t.Code)
	}
	codes = append(codes, strip...)
	if service.NeedsBenchmark(c.alerts, now()) {
		codes = append(codes, sectors.Benchmark)
	}
	q.loading = true
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), quotesTimeout)
		defer cancel()
		got, err := svc.FetchQuotes(ctx, codes)
		return quotesMsg{quotes: got, err: err, at: now()}
	}
}

// nextTick schedules the next refresh: every Refresh during trading
// hours; outside them, nothing until the next session opens.
func (q *quoteState) nextTick(o *Options) tea.Cmd {
	if o.Refresh <= 0 {
		return nil
	}
	q.seq++
	seq := q.seq
	now := o.Now()
	d := o.Refresh
	if !quote.Trading(now) {
		d = quote.NextOpen(now).Sub(now)
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return quoteTickMsg{seq: seq} })
}

// What the root asks of the quotes.
type (
	// startQuotesMsg: the whole store is in; read the references and
	// fetch the quotes, or with quotes off check the alerts that need none.
	startQuotesMsg struct{}
	// refreshQuotesMsg is the R key.
	refreshQuotesMsg struct{}
	// fetchQuotesMsg: a ticker was added; its price now, not at the next
	// refresh (Monday, on a weekend), unless a round is under way.
	fetchQuotesMsg struct{}
)

// quotesOut is what a quote message asks of the root besides a command.
type quotesOut struct {
	fail  error  // the references could not be read
	say   string // a line for the status
	round bool   // a refresh round came back, with err
	err   error
	check bool                     // check the alerts against in (nil: quotes off)
	in    map[string]sectors.Quote // the quotes the round brought
	keep  writeOp                  // keep the round's quotes as the last known (quotekeep.go)
}

// update takes the quotes' messages; handled is false for any other.
func (q *quoteState) update(msg tea.Msg, c partCtx) (cmd tea.Cmd, out quotesOut, handled bool) {
	switch msg := msg.(type) {
	case quotesMsg:
		q.loading = false
		q.err = msg.err
		if len(msg.quotes) > 0 {
			if q.quotes == nil || msg.err == nil || q.kept { // a live answer replaces the last known quotes whole
				q.kept = false
				q.quotes = msg.quotes
			} else { // partial: keep the older quotes of the codes that failed
				// in a new map: a round's map is never changed once in, so
				// the writer may keep it while later rounds come
				merged := maps.Clone(q.quotes)
				maps.Copy(merged, msg.quotes)
				q.quotes = merged
			}
			q.fetched = msg.at
		}
		q.buildCells(c)
		return q.nextTick(c.o), quotesOut{round: true, err: msg.err, check: true, in: msg.quotes, keep: q.keepRound(msg, c)}, true
	case keptQuotesMsg:
		q.takeKept(msg, c)
		return nil, out, true
	case quoteTickMsg:
		if msg.seq != q.seq || q.loading {
			return nil, out, true
		}
		return q.fetchCmd(c), out, true
	case refsLoadedMsg:
		if msg.err != nil {
			return nil, quotesOut{fail: msg.err}, true
		}
		q.refs = msg.refs
		q.buildCells(c)
		return nil, out, true
	case startQuotesMsg:
		if !c.o.quotesOn() {
			return tea.Batch(loadKeptCmd(c.st), loadRefsCmd(c.st)), quotesOut{check: true}, true
		}
		return tea.Batch(loadKeptCmd(c.st), loadRefsCmd(c.st), q.fetchCmd(c)), out, true
	case fetchQuotesMsg:
		if !c.o.quotesOn() || q.loading {
			return nil, out, true
		}
		return q.fetchCmd(c), out, true
	case refreshQuotesMsg:
		w := c.t.Watch
		switch {
		case !c.o.quotesOn() && c.o.Offline:
			return nil, quotesOut{say: w.RefreshOffline}, true
		case !c.o.quotesOn():
			return nil, quotesOut{say: w.RefreshNoQuotes}, true
		case q.loading:
			return nil, quotesOut{say: w.RefreshBusy}, true
		}
		q.seq++ // the pending timer is superseded
		return q.fetchCmd(c), quotesOut{say: w.Refreshing}, true
	}
	return nil, out, false
}

// refreshed is the status once R's round is back, from status, the one
// shown: nothing more to say when it worked (the status line shows the
// quotes' age), when it failed that there is no connection and when the
// next try is. changed is false when the status belongs to another
// action by now.
func refreshed(status string, err error, t *common.Text, refresh time.Duration) (next string, isErr, changed bool) {
	if status != t.Watch.Refreshing {
		return status, false, false
	}
	switch {
	case err == nil:
		return "", false, true
	case refresh > 0:
		return sprintf(t.Watch.RefreshRetry, age(refresh)), true, true
	}
	return t.Quotes.Status(err), true, true
}

// buildCells formats the price columns of every ticker.
func (q *quoteState) buildCells(c partCtx) {
	if !q.priced(c.o) {
		q.cells = nil
		return
	}
	q.epoch = nextEpoch()
	now := c.o.Now()
	cells := q.cells[:0]
	for i := range c.tickers {
		cells = append(cells, q.cellFor(&c.tickers[i], c, now))
	}
	q.cells = cells
}

// cellFor formats one ticker's price columns at the time now.
func (q *quoteState) cellFor(tk *sectors.Ticker, c partCtx, now time.Time) priceCells {
	qt := c.t.Quotes
	pc := priceCells{alert: c.badge[tk.Code.Key()]}
	v, ok := q.quotes[tk.Code.Key()]
	if ok {
		pc.stale = quote.Stale(v.Time, now, c.o.Refresh)
		pc.last = price(v.Last)
		if pc.stale {
			pc.last = "~" + pc.last
		}
		pc.pct = pct(v.ChangePct, 2)
		pc.dir = sign(v.Change)
		if word := qt.State(v, true); word != "" {
			pc.pct, pc.dir = word, 0
		}
		pc.dim = pc.stale || v.Suspended || v.PreOpen || v.ChangeUnknown
		pc.tally = sectors.TallyOf(v, true)
		if !pc.dim {
			if pc.limit = pc.tally.Limit(); pc.limit != sectors.NotAtLimit {
				pc.last += qt.LimitMark
			}
		}
	} else {
		pc.last, pc.pct, pc.dim = "-", "", true
	}
	// the return since the rating: the one calculation of sectors, from the
	// daily history once it is loaded (across every ex-date), or a price
	// set by hand
	h := c.hist[tk.Code.Key()].PriceHistory
	if _, g, found := sectors.ReturnSinceRating(tk, q.refs, h, q.latestOf(tk.Code)); found {
		pc.ret, pc.retDir = pct(g.Pct(), 1), sign(g.Pct())
		pc.retPct, pc.retKnown = g.Pct(), true
		if g.Uncertain { // a distribution in the window not read: as the scorecard marks it
			pc.ret += "?"
		}
	} else if _, hasRef := sectors.RatingReference(tk, q.refs, h); !hasRef {
		pc.ret = qt.NoRef
	}
	return pc
}

// latestOf is a ticker's quote as the latest price a return runs to; nil
// when there is no quote that is a trade.
func (q *quoteState) latestOf(code market.Code) *sectors.Latest {
	if l, ok := q.quotes[code.Key()].AsLatest(); ok {
		return &l
	}
	return nil
}
