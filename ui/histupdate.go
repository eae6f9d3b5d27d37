package ui

import (
	tea "charm.land/bubbletea/v2"

	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/store"
)

// The history part's messages: the histories read and fetched, the
// chart's ticker read whole, the scorecard computed.

type (
	histLoadedMsg struct {
		hist   map[string]store.StoredHistory
		cut    map[string]bool      // the histories keepCut cut
		closes map[string][]float64 // and their sparklines' closes
		err    error
	}
	// histFetchedMsg is the end of the fetch, whose batches came before
	// it (histBatchMsg)
	histFetchedMsg struct {
		short  []quote.Shortfall // the answers that came back short
		online bool              // the server answered
		bench  *sectors.Latest
		err    error // the server's (some may have come back)
		serr   error // storing them
	}
	chartLoadedMsg struct {
		key  string
		hist store.StoredHistory
		err  error
	}
	scoredMsg struct {
		sc  sectors.Scorecard
		seq int
	}
)

// histNews is what a message the history part took asks of the root.
type histNews struct {
	changed   bool   // the history's cells are new: what runs through the history is drawn again
	err       error  // to show on the status line
	note      string // to say there, without an error
	positions bool   // the holdings to read again, with the distributions just stored
	fetched   bool   // this session's fetch of the history is done: the alerts it held back are checked
}

// update takes the history part's messages; handled is false for any
// other.
func (h *histPart) update(msg tea.Msg, env histEnv) (handled bool, cmd tea.Cmd, news histNews) {
	switch msg := msg.(type) {
	case histLoadedMsg:
		h.loaded = true
		if msg.err != nil {
			h.err, news.err = msg.err, msg.err
		}
		if msg.hist != nil {
			h.hist, h.cut, h.closes, h.histLent = msg.hist, msg.cut, msg.closes, false
		}
		h.buildCells(env.tickers)
		news.changed = true
		h.asking = "" // read again: the chart's days may have changed
		return true, tea.Batch(h.scoreCmd(env), h.fetchHistoryCmd(env), h.needChart(env)), news
	case histFetchedMsg:
		h.fetching, h.fetched = false, true
		h.online = msg.online
		h.err = msg.err
		if msg.bench != nil {
			h.bench = msg.bench
		}
		if msg.serr != nil {
			news.err = msg.serr
		} else if len(msg.short) > 0 {
			news.note = env.t.HistoryIncomplete(msg.short) // those days are asked again next time
		}
		h.buildCells(env.tickers)
		news.changed = true
		if h.chartStale {
			h.chartStale, h.asking = false, "" // the chart's ticker has new days
		}
		// the holdings again, with the distributions just stored
		news.positions = len(env.held) > 0 && h.fetchGot
		news.fetched = true
		return true, tea.Batch(h.scoreCmd(env), h.needChart(env)), news
	case histBatchMsg:
		h.takeIn(msg.hist, msg.cut, msg.closes) // as stored after the fetch, cut as the load cuts
		return true, msg.next, news
	case chartLoadedMsg:
		if msg.key != h.asking {
			return true, nil, news // another ticker was selected since
		}
		news.err = msg.err
		h.chart, h.chartKey = msg.hist, msg.key
		return true, nil, news
	case scoredMsg:
		if msg.seq == h.scoreSeq {
			h.sc, h.scored = msg.sc, true
			h.buildCells(env.tickers)
			news.changed = true
		}
		return true, nil, news
	}
	return false, nil, news
}
