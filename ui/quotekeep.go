package ui

import (
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/service"
	"zixuan/store"

	tea "charm.land/bubbletea/v2"
)

// The last known quotes. A live round's quotes are kept in the store's
// cache (store/quotecache.go) at most once a minute, by the writer's
// goroutine in order with the user's writes (a second open of the file
// in this process would wait for the writer's lock), and once more when
// the program ends if a round came since; the store does not move the
// generation for them, so no TUI reloads. At the next start they are read
// at once and shown in the list, the strip and the detail pane, their
// time in the status line, until the first live answer replaces them —
// and with quotes off (--offline) they are all there is. They are never
// judged by the alerts: only a live round is.

// keepEvery is how often a live round's quotes are kept at most.
const keepEvery = time.Minute

// quoteKeeping is when the quotes were last kept, and the live round not
// kept yet (kept when the program ends).
type quoteKeeping struct {
	at      time.Time                // when a round was last given to the writer
	round   map[string]sectors.Quote // the latest round, when not kept yet
	fetched time.Time                // when it came
}

// keptQuotesMsg carries the last known quotes read from the store.
type keptQuotesMsg struct{ quotes map[string]sectors.Quote }

// loadKeptCmd reads the last known quotes; a store that fails to give
// them gives none (the status says nothing of a cache).
func loadKeptCmd(st *store.Store) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		lk, err := (&service.Service{Store: st}).LastKnownQuotes(nil)
		if err != nil {
			return keptQuotesMsg{}
		}
		return keptQuotesMsg{quotes: lk.Quotes}
	}
}

// takeKept shows the last known quotes while no live answer is in.
func (q *quoteState) takeKept(msg keptQuotesMsg, c partCtx) {
	if len(msg.quotes) == 0 || len(q.quotes) > 0 {
		return // a live answer came first: it is newer
	}
	q.quotes, q.kept = msg.quotes, true
	q.buildCells(c)
}

// keepRound is the write that keeps a live round's quotes, when the last
// was a minute ago or more; nil otherwise (the round is then kept when
// the program ends, unless a later one is kept first). The writer reads
// the round's map on its goroutine: no round's map is changed once in
// (a partial round merges into a new one: quotes.go).
func (q *quoteState) keepRound(msg quotesMsg, c partCtx) writeOp {
	if len(msg.quotes) == 0 || c.st == nil {
		return nil
	}
	q.keep.round, q.keep.fetched = msg.quotes, msg.at
	if !q.keep.at.IsZero() && msg.at.Sub(q.keep.at) < keepEvery {
		return nil
	}
	q.keep.at, q.keep.round = msg.at, nil
	round, at := msg.quotes, msg.at
	watched := service.WatchedCodes(c.tickers, c.held, c.o.stripCodes())
	return func(st *store.Store) (market.Code, string, error) {
		_ = st.KeepQuotes(keptOf(round, at), watched) // a cache: never an error to the user
		return market.Code{}, "", nil
	}
}

// keepAtExit keeps the last live round not kept yet: runProgram calls it
// once the program has ended and every write is in.
func (q *quoteState) keepAtExit(c partCtx) {
	if q.keep.round == nil || c.st == nil {
		return
	}
	_ = c.st.KeepQuotes(keptOf(q.keep.round, q.keep.fetched), service.WatchedCodes(c.tickers, c.held, c.o.stripCodes()))
	q.keep.round = nil
}

func keptOf(quotes map[string]sectors.Quote, fetched time.Time) []store.KeptQuote {
	out := make([]store.KeptQuote, 0, len(quotes))
	for _, v := range quotes {
		out = append(out, store.KeptQuote{Quote: v, Fetched: fetched})
	}
	return out
}
