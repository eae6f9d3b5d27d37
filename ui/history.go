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

// Price history in the TUI. The daily bars are not read when the
// TUI starts: the first view that needs them (the list's excess and
// sparkline columns, the detail pane's chart, the scorecard) asks for them,
// and they are read from the store in a tea.Cmd. With quotes on, the days
// missing are then fetched in another tea.Cmd (only those days), stored
// there, and merged in when they arrive. The scorecard is computed in a
// tea.Cmd too, from a copy of what it needs, never inside Update.

// historyTimeout bounds one history refresh.
const historyTimeout = 30 * time.Second

// dailySource is a provider of daily k-lines (quote.Tencent).
type dailySource interface {
	DailyHistory(ctx context.Context, needs []quote.DailyNeed, want sectors.DayRange, now time.Time) (quote.DailyFetch, error)
}

// histState is the root model's price history and what is made of it.
type histState struct {
	snap *sectors.Snapshot // the last full load: reports, calls of removed tickers, refs
	pick string            // a report just added: the reports view selects it when it is loaded

	asked    bool // a view needed the history: it is loaded or being loaded
	loaded   bool
	fetching bool
	fetched  bool // the refresh of this session ran (found or not)
	online   bool // the last refresh reached the server
	err      error
	hist     map[string]store.StoredHistory // by Code.Key(), 沪深300 included; cut to the bars drawn (keepDrawn)
	days     map[string][]time.Time         // the days they were cut for (historyDays)
	chart    store.StoredHistory            // the chart's ticker, whole (needChart)
	chartKey string                         // whose history chart is ("": none yet)
	asking   string                         // whose whole history is being read
	cut      map[string]bool                // those that lost bars to the cut
	closes   map[string][]float64           // the sparkline's closes, from each whole history
	bench    *sectors.Latest                // 沪深300's quote from the refresh

	sc       sectors.Scorecard
	scored   bool
	scoreSeq int
	cells    map[string]histCell // by ticker key: the list's history columns
	epoch    uint64              // new with every change of cells (render cache)
	shown    bool                // the history holds bars: the list has its columns
}

// histCell is one ticker's history columns, ready to draw.
type histCell struct {
	excess string // the latest rated call's excess over 沪深300
	exDir  int
	spark  string // braille sparkline of the last closes
}

type (
	histLoadedMsg struct {
		hist   map[string]store.StoredHistory
		cut    map[string]bool      // the histories keepCut cut
		closes map[string][]float64 // and their sparklines' closes
		err    error
	}
	histFetchedMsg struct {
		hist   map[string]store.StoredHistory // those the fetch brought something for, as stored, cut
		cut    map[string]bool                // of those, the ones the cut took bars from
		closes map[string][]float64           // and their sparklines' closes
		short  []quote.Shortfall              // the answers that came back short
		online bool                           // the server answered
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

// sparkDays is how many closes the list's sparkline shows.
const sparkDays = 20

// histCodes are the securities the history is kept for: the list, the
// tickers of every scorable call, and 沪深300.
func (m *Model) histCodes() []market.Code { return m.histCodesOf(m.scorable()) }

// benchCode is the benchmark (Options.Benchmark, 沪深300 by default).
func (m *Model) benchCode() market.Code {
	if m.opts.Benchmark != (market.Code{}) {
		return m.opts.Benchmark
	}
	return sectors.Benchmark
}

// benchName is the benchmark's name.
func (m *Model) benchName() string {
	if m.opts.Benchmark != (market.Code{}) && m.opts.BenchmarkName != "" {
		return m.opts.BenchmarkName
	}
	if m.opts.Benchmark != (market.Code{}) {
		return m.opts.Benchmark.Key()
	}
	return sectors.BenchmarkName
}

// isBench reports whether c is an index calls are measured against: the
// benchmark or a sector's own.
func (m *Model) isBench(c market.Code) bool {
	if c == m.benchCode() {
		return true
	}
	for _, b := range m.opts.SectorBenchmarks {
		if b == c {
			return true
		}
	}
	return false
}

// histCodesOf is histCodes with the scorable calls already worked out.
func (m *Model) histCodesOf(calls []sectors.Scorable) []market.Code {
	bench := m.benchCode()
	seen := map[string]bool{bench.Key(): true}
	out := []market.Code{bench}
	add := func(c market.Code) {
		if !seen[c.Key()] {
			seen[c.Key()] = true
			out = append(out, c)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(m.opts.SectorBenchmarks)) {
		add(m.opts.SectorBenchmarks[id])
	}
	for i := range m.data.tickers {
		add(m.data.tickers[i].Code)
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
func (m *Model) needHistory() tea.Cmd {
	if m.hs.asked || m.st == nil {
		return nil
	}
	m.hs.asked = true
	calls := m.scorable()
	codes, days := m.histCodesOf(calls), m.historyDays(calls)
	m.hs.days = days
	benches := map[string]bool{}
	for _, c := range codes {
		if m.isBench(c) {
			benches[c.Key()] = true
		}
	}
	svc := m.service()
	return func() tea.Msg {
		msg := histLoadedMsg{cut: map[string]bool{}, closes: map[string][]float64{}}
		msg.hist, msg.err = svc.ReadHistory(codes, keepCut(benches, days, msg.cut, msg.closes))
		return msg
	}
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

// service is the shared work over the TUI's store, quote and k-line
// servers and clock.
func (m *Model) service() *service.Service {
	svc := &service.Service{Store: m.st, Quotes: m.opts.Quotes, Now: m.opts.Now}
	if d := m.daily(); d != nil {
		svc.History = d
	}
	return svc
}

// historyFrom is, for each security, the earliest of historyDays.
func (m *Model) historyFrom(calls []sectors.Scorable) map[string]time.Time {
	from := map[string]time.Time{}
	for k, days := range m.historyDays(calls) {
		from[k] = slices.MinFunc(days, func(a, b time.Time) int { return a.Compare(b) })
	}
	return from
}

// historyDays is, for each security, every day whose close anything here
// may measure from: its ratings (the current one and every change, of
// removed tickers too), its calls (the reports' dates), the scorecard's
// calls and its hand-set reference prices. A security without any is
// absent.
func (m *Model) historyDays(calls []sectors.Scorable) map[string][]time.Time {
	days := map[string][]time.Time{}
	need := func(c market.Code, day time.Time) {
		if !day.IsZero() {
			days[c.Key()] = append(days[c.Key()], day)
		}
	}
	ticker := func(t *sectors.Ticker) {
		need(t.Code, t.RatingAt)
		for _, r := range t.Ratings {
			need(t.Code, r.At)
		}
		if m.hs.snap != nil {
			for _, c := range t.Calls {
				if r, ok := m.hs.snap.Report(c.ReportID); ok {
					need(t.Code, r.Date)
				}
			}
		}
	}
	for i := range m.data.tickers {
		ticker(&m.data.tickers[i])
	}
	if m.hs.snap != nil {
		for i := range m.hs.snap.Tickers {
			ticker(&m.hs.snap.Tickers[i])
		}
	}
	for _, c := range calls {
		need(c.Code, c.Day)
	}
	for _, refs := range []map[string][]sectors.RefPrice{m.qs.refs, m.hsRefs()} {
		for _, list := range refs {
			for _, r := range list {
				need(r.Code, r.Day)
			}
		}
	}
	return days
}

func (m *Model) hsRefs() map[string][]sectors.RefPrice {
	if m.hs.snap == nil {
		return nil
	}
	return m.hs.snap.Refs
}

// historyCut reports whether a security whose history was cut now
// needs a day it was not cut for, before its last bar (a report of an
// earlier date, an import of older ratings): the histories must then be
// read again. A day on or after the last bar (a rating given today) is
// measured from the last bar, which every cut keeps.
func (m *Model) historyCut() bool {
	if !m.hs.asked || m.hs.days == nil || len(m.hs.cut) == 0 {
		return false
	}
	for k, days := range m.historyDays(m.scorable()) {
		bars := m.hs.hist[k].Bars
		if !m.hs.cut[k] || len(bars) == 0 {
			continue
		}
		last := market.ChinaDay(bars[len(bars)-1].Date)
		for _, d := range days {
			d = market.ChinaDay(d)
			if d.Before(last) && !slices.ContainsFunc(m.hs.days[k], func(r time.Time) bool { return market.ChinaDay(r).Equal(d) }) {
				return true
			}
		}
	}
	return false
}

// daily is the k-line source when quotes are on.
func (m *Model) daily() dailySource {
	if !m.quotesOn() {
		return nil
	}
	if d, ok := m.opts.History.(dailySource); ok {
		return d
	}
	if d, ok := m.opts.Quotes.(dailySource); ok {
		return d
	}
	return nil
}

// fetchHistoryCmd fetches the days missing from each code's history, from
// three weeks before the earliest call (or the sparkline's days) to today,
// and stores them, off the UI goroutine.
func (m *Model) fetchHistoryCmd() tea.Cmd {
	if m.daily() == nil || m.hs.fetching || m.hs.fetched {
		return nil
	}
	m.hs.fetching = true
	now := m.opts.Now()
	today := market.ChinaDay(now)
	from := today.AddDate(0, 0, -2*sparkDays)
	calls := m.scorable()
	for _, c := range calls {
		if d := service.FirstDay(c.Day); d.Before(from) {
			from = d
		}
	}
	// Each security from its own first day (three weeks before the
	// earliest day anything measures from, or the sparkline's days), not
	// the earliest of all: one rated last month is not fetched for years.
	// 沪深300, which every call is measured against, from the earliest.
	need := m.historyFrom(calls)
	for _, p := range m.ps.list { // a holding: its distributions since the first buy
		if d, ok := need[p.Code.Key()]; !ok || p.FirstBuy.Before(d) {
			need[p.Code.Key()] = p.FirstBuy
		}
	}
	codes := m.histCodesOf(calls)
	own := map[string]time.Time{}
	benches := map[string]bool{}
	for _, c := range codes {
		if m.isBench(c) {
			benches[c.Key()] = true
			continue
		}
		f := today.AddDate(0, 0, -2*sparkDays)
		if d, ok := need[c.Key()]; ok && service.FirstDay(d).Before(f) {
			f = service.FirstDay(d)
		}
		own[c.Key()] = f
	}
	// what is held, as the store gave it: the fetch asks for the rest
	held := maps.Clone(m.hs.hist)
	svc, bench, cutAt := m.service(), m.benchCode(), m.hs.days
	req := service.HistoryRequest{Codes: codes, From: from, Own: own}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), historyTimeout)
		defer cancel()
		out := histFetchedMsg{cut: map[string]bool{}, closes: map[string][]float64{}}
		req.Keep = keepCut(benches, cutAt, out.cut, out.closes)
		res := svc.FetchHistory(ctx, req, held)
		out.hist, out.short, out.online, out.err, out.serr = res.History, res.Short, res.Online, res.FetchErr, res.SaveErr
		if !res.Online {
			return out
		}
		if l, ok := svc.Latest(ctx, bench); ok {
			out.bench = &l
		}
		return out
	}
}

// updateHistory handles the history messages; ok is false for any other.
func (m Model) updateHistory(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case histLoadedMsg:
		m.hs.loaded = true
		if msg.err != nil {
			m.hs.err = msg.err
			m.fail(msg.err)
		}
		if msg.hist != nil {
			m.hs.hist, m.hs.cut, m.hs.closes = msg.hist, msg.cut, msg.closes
		}
		m.histChanged()
		m.hs.asking = "" // read again: the chart's days may have changed
		return m, tea.Batch(m.scoreCmd(), m.fetchHistoryCmd(), m.needChart()), true
	case histFetchedMsg:
		m.hs.fetching, m.hs.fetched = false, true
		m.hs.online = msg.online
		m.hs.err = msg.err
		if msg.bench != nil {
			m.hs.bench = msg.bench
		}
		if m.hs.hist == nil {
			m.hs.hist = map[string]store.StoredHistory{}
		}
		if m.hs.cut == nil {
			m.hs.cut = map[string]bool{}
		}
		if m.hs.closes == nil {
			m.hs.closes = map[string][]float64{}
		}
		for k, h := range msg.hist {
			m.hs.hist[k] = h // as stored after the fetch, cut as the load cuts
			m.hs.cut[k], m.hs.closes[k] = msg.cut[k], msg.closes[k]
		}
		if msg.serr != nil {
			m.fail(msg.serr)
		} else if len(msg.short) > 0 {
			m.say("%s", m.t.HistoryIncomplete(msg.short)) // those days are asked again next time
		}
		m.histChanged()
		if _, ok := msg.hist[m.hs.chartKey]; ok {
			m.hs.asking = "" // the chart's ticker has new days
		}
		if len(m.ps.list) > 0 && len(msg.hist) > 0 {
			// the holdings again, with the distributions just stored
			return m, tea.Batch(m.scoreCmd(), m.loadPositionsCmd(), m.needChart()), true
		}
		return m, tea.Batch(m.scoreCmd(), m.needChart()), true
	case chartLoadedMsg:
		if msg.key != m.hs.asking {
			return m, nil, true // another ticker was selected since
		}
		if msg.err != nil {
			m.fail(msg.err)
		}
		m.hs.chart, m.hs.chartKey = msg.hist, msg.key
		return m, nil, true
	case scoredMsg:
		if msg.seq == m.hs.scoreSeq {
			m.hs.sc, m.hs.scored = msg.sc, true
			m.histChanged()
		}
		return m, nil, true
	}
	return m, nil, false
}

// histChanged redraws what the history makes: the list's cells and the
// open views.
func (m *Model) histChanged() {
	m.buildHistCells()
	m.buildCells() // the return since each rating runs through the history
	m.buildCells() // the return since each rating runs through the history
	m.refreshDialogs()
}

// scorable is the calls a scorecard judges, from the last full load with
// the list's tickers as they are now (a rating just given included).
func (m *Model) scorable() []sectors.Scorable {
	snap := m.hs.snap
	if snap == nil {
		return nil
	}
	onList := make(map[market.Code]int, len(m.data.tickers))
	for i := range m.data.tickers {
		onList[m.data.tickers[i].Code] = i
	}
	tickers := make([]*sectors.Ticker, 0, len(snap.Tickers))
	for i := range snap.Tickers {
		t := &snap.Tickers[i]
		if j, ok := onList[t.Code]; ok {
			tickers = append(tickers, &m.data.tickers[j])
		} else if !t.OnList() {
			tickers = append(tickers, t) // a removed ticker's calls are still judged
		}
	}
	inSnap := make(map[market.Code]bool, len(snap.Tickers))
	for i := range snap.Tickers {
		inSnap[snap.Tickers[i].Code] = true
	}
	for i := range m.data.tickers { // added since the load
		if !inSnap[m.data.tickers[i].Code] {
			tickers = append(tickers, &m.data.tickers[i])
		}
	}
	return sectors.ScorableCallsOf(snap.Reports, tickers)
}

// scoreCmd computes the scorecard, every grouping, off the UI goroutine.
func (m *Model) scoreCmd() tea.Cmd {
	if !m.hs.loaded {
		return nil
	}
	calls := m.scorable()
	// copies: the scorecard is computed off the UI goroutine
	r := service.ScoreRequest{Calls: calls, History: make(map[string]sectors.PriceHistory, len(m.hs.hist)), Quotes: make(map[string]sectors.Quote, len(m.qs.quotes)),
		Benchmark: m.benchCode(), SectorBenchmarks: m.opts.SectorBenchmarks}
	for k, h := range m.hs.hist {
		r.History[k] = h.PriceHistory
	}
	for k, q := range m.qs.quotes {
		r.Quotes[k] = q
	}
	if m.hs.snap != nil {
		r.Refs = m.hs.snap.Refs
	}
	if m.hs.bench != nil {
		b := *m.hs.bench
		r.BenchLatest = &b
	}
	m.hs.scoreSeq++
	seq := m.hs.scoreSeq
	return func() tea.Msg {
		return scoredMsg{sc: service.Score(r), seq: seq}
	}
}

// refreshDialogs remakes every open dialog that shows the loaded data.
func (m *Model) refreshDialogs() {
	if len(m.stack) == 0 {
		return
	}
	st := make([]common.Dialog, len(m.stack))
	for i, d := range m.stack {
		st[i] = m.refreshView(d) // views.go
	}
	m.stack = st
}
