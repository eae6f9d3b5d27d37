package ui

import (
	"context"
	"maps"
	"slices"
	"time"

	"zixuan/sectors/market"
	"zixuan/ui/common"

	tea "charm.land/bubbletea/v2"

	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/store"
)

// Price history in the TUI, a part of its own (histPart): the daily
// bars, the scorecard made of them, the list's history cells and the
// chart's history. The bars are not read when the TUI starts: the first
// view that needs them (the list's excess and sparkline columns, the
// detail pane's chart, the scorecard) asks for them, and they are read
// from the store in a tea.Cmd. With quotes on, the days missing are then
// fetched in another tea.Cmd (only those days), stored there, and merged
// in when they arrive. The scorecard is computed in a tea.Cmd too, from a
// copy of what it needs, never inside Update (histscore.go). The part's
// messages are taken by its update (histupdate.go); what it reads of the
// root comes in a histEnv the root builds for each call (route.go).

// historyTimeout bounds one history refresh.
const historyTimeout = 30 * time.Second

// dailySource is a provider of daily k-lines (quote.Tencent).
type dailySource interface {
	DailyHistory(ctx context.Context, needs []quote.DailyNeed, want sectors.DayRange, now time.Time) (quote.DailyFetch, error)
}

// histPart is the price history and what is made of it. Held by value
// in the root, it is copied with it, its maps shared by the copies as the
// root's always were.
type histPart struct {
	snap *sectors.Snapshot // the last full load: reports, calls of removed tickers, refs
	pick string            // a report just added: the reports view selects it when it is loaded

	// the benchmark calls are measured against (Options.Benchmark, 沪深300
	// when zero), its name, and each sector's own by sector id
	benchmark     market.Code
	benchmarkName string
	sectorBenches map[string]market.Code

	asked    bool // a view needed the history: it is loaded or being loaded
	loaded   bool
	fetching bool
	fetched  bool // the refresh of this session ran (found or not)
	fetchGot bool // it stored something (histfetch.go)
	online   bool // the last refresh reached the server
	err      error
	hist     map[string]store.StoredHistory // by Code.Key(), 沪深300 included; cut to the bars drawn (keepDrawn)
	// histLent: hist was handed to a job off the UI goroutine (the
	// scorecard), which may still read it: the next change makes a new map
	histLent bool
	days     map[string][]time.Time // the days they were cut for (historyDays)
	chart    store.StoredHistory    // the chart's ticker, whole (needChart)
	chartKey string                 // whose history chart is ("": none yet)
	asking   string                 // whose whole history is being read
	// chartStale: the fetch stored new days of the chart's ticker
	chartStale bool
	cut        map[string]bool      // those that lost bars to the cut
	closes     map[string][]float64 // the sparkline's closes, from each whole history
	bench      *sectors.Latest      // 沪深300's quote from the refresh

	sc       sectors.Scorecard
	scored   bool
	scoreSeq int
	cells    map[string]histCell // by ticker key: the list's history columns
	epoch    uint64              // new with every change of cells (render cache)
	shown    bool                // the history holds bars: the list has its columns
}

// newHistPart is the history part before anything is read, measuring
// against the options' benchmarks.
func newHistPart(opts Options) histPart {
	return histPart{benchmark: opts.Benchmark, benchmarkName: opts.BenchmarkName, sectorBenches: opts.SectorBenchmarks}
}

// histEnv is what the history part reads of the root, built by the root
// for each call (Model.histEnv) and only read.
type histEnv struct {
	st       *store.Store
	opts     *Options // the clock, the quote and k-line servers
	t        *common.Text
	tickers  []sectors.Ticker              // the list's, as they are now
	refs     map[string][]sectors.RefPrice // the hand-set reference prices
	quotes   map[string]sectors.Quote
	held     []sectors.Position // the holdings
	selected market.Code        // the list's selection; zero: none
}

// histCell is one ticker's history columns, ready to draw.
type histCell struct {
	excess  string // the latest rated call's excess over 沪深300
	exDir   int
	spark   string  // braille sparkline of the last closes
	exPct   float64 // the excess as a number, for sorting (colsort.go)
	exKnown bool
}

// sparkDays is how many closes the list's sparkline shows.
const sparkDays = 20

// benchCode is the benchmark (Options.Benchmark, 沪深300 by default).
func (h *histPart) benchCode() market.Code {
	if h.benchmark != (market.Code{}) {
		return h.benchmark
	}
	return sectors.Benchmark
}

// benchName is the benchmark's name.
func (h *histPart) benchName() string {
	if h.benchmark != (market.Code{}) && h.benchmarkName != "" {
		return h.benchmarkName
	}
	if h.benchmark != (market.Code{}) {
		return h.benchmark.Key()
	}
	return sectors.BenchmarkName
}

// isBench reports whether c is an index calls are measured against: the
// benchmark or a sector's own.
func (h *histPart) isBench(c market.Code) bool {
	if c == h.benchCode() {
		return true
	}
	for _, b := range h.sectorBenches {
		if b == c {
			return true
		}
	}
	return false
}

// codes are the securities the history is kept for: the benchmarks, the
// list, and the tickers of every scorable call.
func (h *histPart) codes(tickers []sectors.Ticker, calls []sectors.Scorable) []market.Code {
	bench := h.benchCode()
	seen := map[string]bool{bench.Key(): true}
	out := []market.Code{bench}
	add := func(c market.Code) {
		if !seen[c.Key()] {
			seen[c.Key()] = true
			out = append(out, c)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(h.sectorBenches)) {
		add(h.sectorBenches[id])
	}
	for i := range tickers {
		add(tickers[i].Code)
	}
	for _, c := range calls {
		add(c.Code)
	}
	return out
}

// needHistory starts loading the history the first time a view needs it.
// It is read a batch of securities at a time, each history cut to the
// days anything here reads (historyFrom, keepFrom), so that a whole
// market's two years are never in memory at once.
func (h *histPart) needHistory(env histEnv) tea.Cmd {
	if h.asked || env.st == nil {
		return nil
	}
	h.asked = true
	calls := h.scorable(env.tickers)
	codes, days := h.codes(env.tickers, calls), h.historyDays(env, calls)
	h.days = days
	benches := map[string]bool{}
	for _, c := range codes {
		if h.isBench(c) {
			benches[c.Key()] = true
		}
	}
	svc := newService(env.st, env.opts)
	return env.opts.jobs.run(func() tea.Msg {
		msg := histLoadedMsg{cut: map[string]bool{}, closes: map[string][]float64{}}
		msg.hist, msg.err = svc.ReadHistory(codes, keepCut(benches, days, msg.cut, msg.closes))
		return msg
	})
}

// keepCut is the TUI's cut of each history read (a benchmark whole, as
// calls are measured against it; a stock's keepDrawn of the days it is
// measured from), noting in cut the histories that lost bars to it and
// in closes each one's sparkline closes (lastCloses of the whole
// history: the last days are not kept for it).
func keepCut(benches map[string]bool, days map[string][]time.Time, cut map[string]bool, closes map[string][]float64) service.Keep {
	return func(h sectors.PriceHistory) []sectors.DailyBar {
		k := h.Code.Key()
		if c := lastCloses(h, sparkDays); len(c) > 0 {
			closes[k] = c
		}
		if benches[k] {
			return h.Bars
		}
		kept := keepDrawn(h, days[k])
		if len(kept) < len(h.Bars) {
			cut[k] = true
		}
		return kept
	}
}

// keepDrawn is, of a stock's history, the bars the list's return and
// excess columns, the detail pane's lines and the scorecard read: for a
// return measured from any of days, sectors.KeepForScoring (the bar on or
// before each day and each horizon, the close before each ex-date, the
// first and the last bar). The sparkline's closes are taken whole before
// the cut (keepCut); the chart reads its one ticker whole (needChart).
func keepDrawn(h sectors.PriceHistory, days []time.Time) []sectors.DailyBar {
	return sectors.KeepForScoring(h, days)
}

// newService is the shared work over the TUI's store, quote and k-line
// servers and clock.
func newService(st *store.Store, opts *Options) *service.Service {
	svc := &service.Service{Store: st, Quotes: opts.Quotes, Now: opts.Now}
	if d := dailyOf(opts); d != nil {
		svc.History = d
	}
	return svc
}

// dailyOf is the k-line source when quotes are on.
func dailyOf(opts *Options) dailySource {
	if opts.Quotes == nil {
		return nil
	}
	if d, ok := opts.History.(dailySource); ok {
		return d
	}
	if d, ok := opts.Quotes.(dailySource); ok {
		return d
	}
	return nil
}

// historyFrom is, for each security, the earliest of historyDays.
func (h *histPart) historyFrom(env histEnv, calls []sectors.Scorable) map[string]time.Time {
	from := map[string]time.Time{}
	for k, days := range h.historyDays(env, calls) {
		from[k] = slices.MinFunc(days, func(a, b time.Time) int { return a.Compare(b) })
	}
	return from
}

// historyDays is, for each security, every day whose close anything here
// may measure from: its ratings (the current one and every change, of
// removed tickers too), its calls (the reports' dates), the scorecard's
// calls and its hand-set reference prices. A security without any is
// absent.
func (h *histPart) historyDays(env histEnv, calls []sectors.Scorable) map[string][]time.Time {
	days := map[string][]time.Time{}
	need := func(c market.Code, day time.Time) {
		if day.IsZero() {
			return
		}
		// a day once: the same day comes from the rating, its change, the
		// report's call and the scorecard's, of the list and the snapshot
		list := days[c.Key()]
		if slices.ContainsFunc(list, day.Equal) {
			return
		}
		days[c.Key()] = append(list, day)
	}
	ticker := func(t *sectors.Ticker) {
		need(t.Code, t.RatingAt)
		for _, r := range t.Ratings {
			need(t.Code, r.At)
		}
		if h.snap != nil {
			for _, c := range t.Calls {
				if r, ok := h.snap.Report(c.ReportID); ok {
					need(t.Code, r.Date)
				}
			}
		}
	}
	for i := range env.tickers {
		ticker(&env.tickers[i])
	}
	var snapRefs map[string][]sectors.RefPrice
	if h.snap != nil {
		for i := range h.snap.Tickers {
			ticker(&h.snap.Tickers[i])
		}
		snapRefs = h.snap.Refs
	}
	for _, c := range calls {
		need(c.Code, c.Day)
	}
	for _, refs := range []map[string][]sectors.RefPrice{env.refs, snapRefs} {
		for _, list := range refs {
			for _, r := range list {
				need(r.Code, r.Day)
			}
		}
	}
	return days
}

// historyCut reports whether a security whose history was cut now
// needs a day it was not cut for, before its last bar (a report of an
// earlier date, an import of older ratings): the histories must then be
// read again. A day on or after the last bar (a rating given today) is
// measured from the last bar, which every cut keeps.
func (h *histPart) historyCut(env histEnv) bool {
	if !h.asked || h.days == nil || len(h.cut) == 0 {
		return false
	}
	for k, days := range h.historyDays(env, h.scorable(env.tickers)) {
		bars := h.hist[k].Bars
		if !h.cut[k] || len(bars) == 0 {
			continue
		}
		last := market.ChinaDay(bars[len(bars)-1].Date)
		for _, d := range days {
			d = market.ChinaDay(d)
			if d.Before(last) && !slices.ContainsFunc(h.days[k], func(r time.Time) bool { return market.ChinaDay(r).Equal(d) }) {
				return true
			}
		}
	}
	return false
}
