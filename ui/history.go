package ui

import (
	"context"
	"maps"
	"slices"
	"sort"
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
	hist     map[string]store.StoredHistory // by Code.Key(), 沪深300 included; cut to the days needed (keepFrom)
	from     map[string]time.Time           // the days they were cut at (historyFrom)
	cut      map[string]bool                // those that lost bars to the cut
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
		hist map[string]store.StoredHistory
		cut  map[string]bool // the histories keepFrom cut
		err  error
	}
	histFetchedMsg struct {
		got   map[string]sectors.PriceHistory
		short []quote.Shortfall // the answers that came back short
		bench *sectors.Latest
		err   error // the server's (some may have come back)
		serr  error // storing them
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
	st, codes, from := m.st, m.histCodesOf(calls), m.historyFrom(calls)
	m.hs.from = from
	benches := map[string]bool{}
	for _, c := range codes {
		if m.isBench(c) {
			benches[c.Key()] = true
		}
	}
	return func() tea.Msg {
		msg := histLoadedMsg{hist: make(map[string]store.StoredHistory, len(codes)), cut: map[string]bool{}}
		keep := func(k string, bars []sectors.DailyBar) []sectors.DailyBar {
			if benches[k] {
				return bars // calls are measured against it
			}
			kept, cut := keepFrom(bars, from[k])
			if cut {
				msg.cut[k] = true
			}
			return kept
		}
		for start := 0; start < len(codes); start += historyBatch {
			part, err := st.HistoriesKeeping(codes[start:min(start+historyBatch, len(codes))], keep)
			for k, h := range part {
				msg.hist[k] = h
			}
			if err != nil {
				msg.err = err
				return msg
			}
		}
		return msg
	}
}

// historyBatch is how many securities' histories are read at a time.
const historyBatch = 256

// historyFrom is, for each security, the earliest day whose close
// anything here may measure from: its ratings (the current one and every
// change, of removed tickers too), its calls (the reports' dates), the
// scorecard's calls and its hand-set reference prices. Zero: none.
func (m *Model) historyFrom(calls []sectors.Scorable) map[string]time.Time {
	from := map[string]time.Time{}
	need := func(c market.Code, day time.Time) {
		if day.IsZero() {
			return
		}
		k := c.Key()
		if f, ok := from[k]; !ok || day.Before(f) {
			from[k] = day
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
	return from
}

func (m *Model) hsRefs() map[string][]sectors.RefPrice {
	if m.hs.snap == nil {
		return nil
	}
	return m.hs.snap.Refs
}

// historyCut reports whether a security now needs a day earlier than its
// loaded history was cut at: the history must then be read again.
func (m *Model) historyCut() bool {
	if !m.hs.asked || m.hs.from == nil || len(m.hs.cut) == 0 {
		return false
	}
	for k, day := range m.historyFrom(m.scorable()) {
		if was, ok := m.hs.from[k]; m.hs.cut[k] && (!ok || day.Before(was)) {
			return true
		}
	}
	return false
}

// keepFrom is the part of bars to keep for returns from the day from:
// from the last bar on or before from's trading day (the close a return
// from from, or any later day, is measured from), and the last sparkDays+1
// bars, whichever are more. Every return from a day on or after from is
// then the same as from all the bars: the reference bar, every bar after
// it and so the bar before each later ex-date are kept, the last bar too.
// It reports whether it dropped any bar. (The distributions and the days
// held, which say what to fetch, are not bars: they stay whole.)
func keepFrom(bars []sectors.DailyBar, from time.Time) ([]sectors.DailyBar, bool) {
	keep := len(bars) - (sparkDays + 1)
	if !from.IsZero() {
		target := market.TradingDayOnOrBefore(market.ChinaDay(from))
		i := sort.Search(len(bars), func(i int) bool { return bars[i].Date.After(target) })
		keep = min(keep, i-1)
	}
	if keep <= 0 {
		return bars, false
	}
	return bars[keep:], true
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
	src := m.daily()
	if src == nil || m.hs.fetching || m.hs.fetched {
		return nil
	}
	m.hs.fetching = true
	now := m.opts.Now()
	today := market.ChinaDay(now)
	from := today.AddDate(0, 0, -2*sparkDays)
	calls := m.scorable()
	for _, c := range calls {
		if d := c.Day.AddDate(0, 0, -21); d.Before(from) {
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
	own := func(c market.Code, held sectors.DayRange) time.Time {
		f := today.AddDate(0, 0, -2*sparkDays)
		if d, ok := need[c.Key()]; ok && d.AddDate(0, 0, -21).Before(f) {
			f = market.ChinaDay(d).AddDate(0, 0, -21)
		}
		if !held.Empty() && f.After(held.To) {
			f = held.To.AddDate(0, 0, 1) // no gap after what is held: held spans stay whole
		}
		return f
	}
	codes := m.histCodesOf(calls)
	needs := make([]quote.DailyNeed, len(codes))
	for i, c := range codes {
		held := m.hs.hist[c.Key()].Held
		needs[i] = quote.DailyNeed{Code: c, Held: held}
		if !m.isBench(c) {
			needs[i].From = own(c, held)
			if needs[i].From.Before(from) {
				from = needs[i].From
			}
		}
	}
	want := sectors.DayRange{From: from, To: today}
	st, prov, bench := m.st, m.opts.Quotes, m.benchCode()
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), historyTimeout)
		defer cancel()
		got, err := src.DailyHistory(ctx, needs, want, now)
		out := histFetchedMsg{got: got.Got, err: err, short: got.Short}
		if err != nil && len(got.Got) == 0 {
			return out
		}
		// only what the answers vouch for is held: a day asked for and
		// not received is asked again next time
		updates := map[string]store.HistoryUpdate{}
		for _, n := range needs {
			h, cov, answered := got.Got[n.Code.Key()], got.Covered[n.Code.Key()], got.Answered[n.Code.Key()]
			if len(h.Bars)+len(h.Events)+len(h.Unread) == 0 && len(cov) == 0 && !answered {
				continue
			}
			updates[n.Code.Key()] = store.HistoryUpdate{Fetched: h, Covered: cov, Unanswered: !answered}
		}
		out.serr = st.SaveHistories(updates)
		if prov != nil {
			if q, qerr := prov.Quotes(ctx, []market.Code{bench}); qerr == nil {
				if l, ok := q[bench.Key()].AsLatest(); ok {
					out.bench = &l
				}
			}
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
			m.hs.hist, m.hs.cut = msg.hist, msg.cut
		}
		m.histChanged()
		return m, tea.Batch(m.scoreCmd(), m.fetchHistoryCmd()), true
	case histFetchedMsg:
		m.hs.fetching, m.hs.fetched = false, true
		m.hs.online = msg.err == nil || len(msg.got) > 0
		m.hs.err = msg.err
		if msg.bench != nil {
			m.hs.bench = msg.bench
		}
		if m.hs.hist == nil {
			m.hs.hist = map[string]store.StoredHistory{}
		}
		for k, h := range msg.got {
			s := m.hs.hist[k]
			s.PriceHistory = s.PriceHistory.Merge(h)
			m.hs.hist[k] = s
		}
		if msg.serr != nil {
			m.fail(msg.serr)
		} else if len(msg.short) > 0 {
			m.say("%s", m.t.HistoryIncomplete(msg.short)) // those days are asked again next time
		}
		m.histChanged()
		if len(m.ps.list) > 0 && len(msg.got) > 0 {
			// the holdings again, with the distributions just stored
			return m, tea.Batch(m.scoreCmd(), m.loadPositionsCmd()), true
		}
		return m, m.scoreCmd(), true
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

// buildHistCells formats the list's history columns of every ticker.
func (m *Model) buildHistCells() {
	m.hs.epoch = nextEpoch()
	if !m.hs.loaded {
		m.hs.cells = nil
		return
	}
	latest := map[string]sectors.ScoredCall{}
	for _, c := range m.hs.sc.Calls {
		if c.Err != nil || c.Rating == sectors.Unrated {
			continue // the column is the latest rated call's
		}
		k := c.Code.Key()
		if old, ok := latest[k]; !ok || !c.Day.Before(old.Day) {
			latest[k] = c
		}
	}
	m.hs.shown = false
	for _, h := range m.hs.hist {
		if len(h.Bars) > 0 {
			m.hs.shown = true
			break
		}
	}
	cells := make(map[string]histCell, len(m.data.tickers))
	for i := range m.data.tickers {
		k := m.data.tickers[i].Code.Key()
		var c histCell
		if s, ok := latest[k]; ok {
			c.excess, c.exDir = pct(s.Result.ExcessPct, 1), sign(s.Result.ExcessPct)
		} else {
			c.excess = "-"
		}
		c.spark = sparkline(lastCloses(m.hs.hist[k].PriceHistory, sparkDays), sparkDays/2)
		cells[k] = c
	}
	m.hs.cells = cells
}

// histShown reports whether the list has its history columns: the history
// is loaded and holds bars (worked out with the cells, not per frame).
func (m *Model) histShown() bool { return m.hs.loaded && m.hs.shown }

// lastCloses are the last n closes, adjusted for the distributions among
// them so an ex-date is no fall.
func lastCloses(h sectors.PriceHistory, n int) []float64 {
	if len(h.Bars) == 0 {
		return nil
	}
	from := h.Bars[max(len(h.Bars)-n, 0)].Date
	pts := totalReturnSeries(h, from)
	out := make([]float64, len(pts))
	for i, p := range pts {
		out[i] = p.v
	}
	return out
}

// point is one day of a chart's series.
type point struct {
	day time.Time
	v   float64
}

// totalReturnSeries is h's closes from the first bar on or after from, each
// multiplied by the factors of the ex-dates since then, chained as the
// returns chain them (sectors.TotalReturnSeries): the value of a holding
// bought at the first close, in units of that close, so a 10转4 or a
// dividend is no fall.
func totalReturnSeries(h sectors.PriceHistory, from time.Time) []point {
	vs := sectors.TotalReturnSeries(h, from)
	out := make([]point, len(vs))
	for i, v := range vs {
		out[i] = point{v.Day, v.Value}
	}
	return out
}

// refresher is a dialog that shows the loaded data: it is made again
// from the model when the data, the history or the scorecard change.
type refresher interface {
	refresh(m *Model) common.Dialog
}

// refreshDialogs remakes every open dialog that shows the loaded data.
func (m *Model) refreshDialogs() {
	if len(m.stack) == 0 {
		return
	}
	st := make([]common.Dialog, len(m.stack))
	for i, d := range m.stack {
		if r, ok := d.(refresher); ok {
			d = r.refresh(m)
		}
		st[i] = d
	}
	m.stack = st
}
