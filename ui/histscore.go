package ui

import (
	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/service"
	"zixuan/ui/views/scorecard"
)

// The scorecard: the calls it judges, computed off the UI goroutine, and
// what its view (ui/views/scorecard) shows.

// scorable is the calls a scorecard judges, from the last full load with
// the list's tickers as they are now (a rating just given included).
func (h *histPart) scorable(list []sectors.Ticker) []sectors.Scorable {
	snap := h.snap
	if snap == nil {
		return nil
	}
	onList := make(map[market.Code]int, len(list))
	for i := range list {
		onList[list[i].Code] = i
	}
	tickers := make([]*sectors.Ticker, 0, len(snap.Tickers))
	for i := range snap.Tickers {
		t := &snap.Tickers[i]
		if j, ok := onList[t.Code]; ok {
			tickers = append(tickers, &list[j])
		} else if !t.OnList() {
			tickers = append(tickers, t) // a removed ticker's calls are still judged
		}
	}
	inSnap := make(map[market.Code]bool, len(snap.Tickers))
	for i := range snap.Tickers {
		inSnap[snap.Tickers[i].Code] = true
	}
	for i := range list { // added since the load
		if !inSnap[list[i].Code] {
			tickers = append(tickers, &list[i])
		}
	}
	return sectors.ScorableCallsOf(snap.Reports, tickers)
}

// scoreCmd computes the scorecard, every grouping, off the UI goroutine.
func (h *histPart) scoreCmd(env histEnv) tea.Cmd {
	if !h.loaded {
		return nil
	}
	calls := h.scorable(env.tickers)
	// Computed off the UI goroutine, from the histories and the quotes as
	// they are now: maps never changed once lent (takeIn and quotes.go
	// make new ones), so nothing is copied while the job waits for its
	// turn.
	hist := h.hist
	h.histLent = true
	r := service.ScoreRequest{Calls: calls, Quotes: env.quotes, Benchmark: h.benchCode(), SectorBenchmarks: h.sectorBenches}
	if h.snap != nil {
		r.Refs = h.snap.Refs
	}
	if h.bench != nil {
		b := *h.bench
		r.BenchLatest = &b
	}
	h.scoreSeq++
	seq := h.scoreSeq
	return env.opts.jobs.run(func() tea.Msg {
		r.History = make(map[string]sectors.PriceHistory, len(hist))
		for k, s := range hist {
			r.History[k] = s.PriceHistory
		}
		return scoredMsg{sc: service.Score(r), seq: seq}
	})
}

// scoreData is what the scorecard view shows.
func (h *histPart) scoreData(western bool, secs []sectors.Sector) scorecard.Data {
	return scorecard.Data{Scorecard: h.sc, Loaded: h.loaded, Scored: h.scored, Fetching: h.fetching, Offline: !h.online,
		Bench: h.benchName(), Western: western, Sectors: secs, Snap: h.snap}
}
