package ui

import (
	"context"
	"maps"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/service"
	"zixuan/store"
)

// Fetching the price history's missing days in the TUI: the history
// part's fetch (history.go reads what is stored).

// histBatchMsg is a batch of the fetch as stored, cut as the load cuts
// (keepCut); next waits for the fetch's next message.
type histBatchMsg struct {
	hist   map[string]store.StoredHistory
	cut    map[string]bool
	closes map[string][]float64
	next   tea.Cmd
}

// fetchPending reports whether this session's fetch of the history is
// still to come or under way: the history was asked for and the k-line
// server is on. The since-call and drawdown alerts wait for it.
func (h *histPart) fetchPending(opts *Options) bool {
	return h.asked && !h.fetched && dailyOf(opts) != nil
}

// fetchHistoryCmd fetches the days missing from each code's history, from
// three weeks before the earliest call (or the sparkline's days) to today,
// and stores them, off the UI goroutine. Each batch stored comes back as
// it is stored (histBatchMsg) and takes the place of what was held of
// it, so that the fetch never holds a second copy of the histories; the
// end of the fetch comes as histFetchedMsg.
func (h *histPart) fetchHistoryCmd(env histEnv) tea.Cmd {
	if dailyOf(env.opts) == nil || h.fetching || h.fetched {
		return nil
	}
	h.fetching = true
	now := env.opts.Now()
	today := market.ChinaDay(now)
	from := today.AddDate(0, 0, -2*sparkDays)
	calls := h.scorable(env.tickers)
	for _, c := range calls {
		if d := service.FirstDay(c.Day); d.Before(from) {
			from = d
		}
	}
	// Each security from its own first day (three weeks before the
	// earliest day anything measures from, or the sparkline's days), not
	// the earliest of all: one rated last month is not fetched for years.
	// 沪深300, which every call is measured against, from the earliest.
	need := h.historyFrom(env, calls)
	for _, p := range env.held { // a holding: its distributions since the first buy
		if d, ok := need[p.Code.Key()]; !ok || p.FirstBuy.Before(d) {
			need[p.Code.Key()] = p.FirstBuy
		}
	}
	codes := h.codes(env.tickers, calls)
	own := map[string]time.Time{}
	benches := map[string]bool{}
	for _, c := range codes {
		if h.isBench(c) {
			benches[c.Key()] = true
			continue
		}
		f := today.AddDate(0, 0, -2*sparkDays)
		if d, ok := need[c.Key()]; ok && service.FirstDay(d).Before(f) {
			f = service.FirstDay(d)
		}
		own[c.Key()] = f
	}
	// what is held, as the store gave it: the fetch asks for the rest.
	// Its spans only: the bars, kept here, are let go as the fetch's
	// batches take their place, not held by the fetch to its end.
	held := make(map[string]store.StoredHistory, len(h.hist))
	for k, s := range h.hist {
		held[k] = store.StoredHistory{PriceHistory: sectors.PriceHistory{Code: s.Code}, Held: s.Held, Fetched: s.Fetched}
	}
	svc, bench, cutAt := newService(env.st, env.opts), h.benchCode(), h.days
	// a batch at a time among the other background jobs (jobs.go)
	req := service.HistoryRequest{Codes: codes, From: from, Own: own, Turn: env.opts.jobs.wait}
	return func() tea.Msg {
		feed := make(chan tea.Msg) // unbuffered: one batch at a time on its way
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), historyTimeout)
			defer cancel()
			batch := histBatchMsg{cut: map[string]bool{}, closes: map[string][]float64{}}
			req.Keep = func(ph sectors.PriceHistory) []sectors.DailyBar {
				return keepCut(benches, cutAt, batch.cut, batch.closes)(ph)
			}
			req.Each = func(stored map[string]store.StoredHistory) {
				batch.hist = stored
				feed <- batch
				batch = histBatchMsg{cut: map[string]bool{}, closes: map[string][]float64{}}
			}
			res := svc.FetchHistory(ctx, req, held)
			out := histFetchedMsg{short: res.Short, online: res.Online, err: res.FetchErr, serr: res.SaveErr}
			if res.Online {
				if l, ok := svc.Latest(ctx, bench); ok {
					out.bench = &l
				}
			}
			feed <- out
		}()
		return nextFetched(feed)()
	}
}

// nextFetched waits for the fetch's next message on feed: a batch stored
// (histBatchMsg, which carries the wait for the one after it) or its end
// (histFetchedMsg).
func nextFetched(feed <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg := <-feed
		if b, ok := msg.(histBatchMsg); ok {
			b.next = nextFetched(feed)
			return b
		}
		return msg
	}
}

// takeIn puts histories as stored after a fetch (cut, and the sparklines'
// closes, as keepCut made them) in place of those held: in a new map when
// the one before was lent to a job off the UI goroutine (the scorecard),
// else in place (a whole market's fetch takes 87 batches in: a copy of
// 5,538 entries for each was most of what its UI allocated).
func (h *histPart) takeIn(hist map[string]store.StoredHistory, cut map[string]bool, closes map[string][]float64) {
	if len(hist) == 0 {
		return
	}
	if h.histLent {
		h.hist, h.histLent = maps.Clone(h.hist), false
	}
	if h.hist == nil {
		h.hist = map[string]store.StoredHistory{}
	}
	if h.cut == nil {
		h.cut = map[string]bool{}
	}
	if h.closes == nil {
		h.closes = map[string][]float64{}
	}
	for k, s := range hist {
		h.hist[k] = s
		h.cut[k], h.closes[k] = cut[k], closes[k]
	}
	if len(hist) > 0 {
		h.fetchGot = true
	}
	if _, ok := hist[h.chartKey]; ok {
		h.chartStale = true // the chart's ticker has new days
	}
}
