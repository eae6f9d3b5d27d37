package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"
	"zixuan/sectors/market"

	"zixuan/export"
	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
)

// ListCmd lists the watchlist.
type ListCmd struct {
	Sector  string `short:"s" placeholder:"S" predictor:"sector" help:"Only this sector (id, English or Chinese name)."`
	Rating  string `short:"r" placeholder:"R,..." predictor:"rating" help:"Only these ratings, comma-separated (buy, overweight, neutral, underweight, sell, unrated; Chinese labels work too)."`
	Format  string `short:"f" default:"table" enum:"table,csv,json" help:"Output format: table, csv or json."`
	Removed bool   `help:"List removed tickers instead."`
	Report  string `placeholder:"ID" predictor:"report" help:"Only the tickers this report made a call on (its id, a unique start of it, or its date)."`
	Sort    string `placeholder:"COLUMN[:desc]" help:"Sort by a column: sector, code, name, rating, changed; with quotes on also change_pct (涨跌幅), last, change, return (since the rating), excess, pnl, pnl_pct, volume, amount, turnover, pe, cap. Add :desc to reverse. Pinned tickers stay on top; tickers without a trade today sort last."`
}

// Run prints the tickers that pass the filters.
func (c *ListCmd) Run(a *App) error {
	defer collectLess()()
	var order *sectors.SortOrder
	if strings.TrimSpace(c.Sort) != "" {
		o, err := sectors.ParseSortOrder(c.Sort)
		if err != nil {
			return usageError{err}
		}
		if o.Column.Live() && a.root.Offline {
			return usage("--sort %s needs today's quotes, and quotes are off (--offline): offline, sort by sector, code, name, rating or changed", o.Column)
		}
		order = &o
	}
	snap, f, err := a.loadFilter(filterFlags{Sector: c.Sector, Rating: c.Rating, Report: c.Report, Removed: c.Removed})
	if err != nil {
		return err
	}
	tickers := f.Apply(snap.Tickers)
	var live *liveColumn
	if order != nil {
		if tickers, live, err = a.sortList(snap, tickers, *order); err != nil {
			return err
		}
	}
	switch c.Format {
	case "csv":
		return writeExport(a.Out, export.CSV, tickers, export.Options{Source: snap.Source, Sectors: snap.Sectors})
	case "json":
		return writeExport(a.Out, export.JSON, tickers, export.Options{Source: snap.Source, Sectors: snap.Sectors, Reports: snap.Reports})
	}
	writeList(a.Out, snap, tickers, live)
	return nil
}

// sortList sorts tickers by o with the domain's keys (the TUI's rule),
// fetching what a live column reads; it returns the live column's values
// in the sorted order (nil for a stored column).
func (a *App) sortList(snap *sectors.Snapshot, tickers []sectors.Ticker, o sectors.SortOrder) ([]sectors.Ticker, *liveColumn, error) {
	var facts []sectors.SortFacts
	if o.Column.Live() {
		var err error
		if facts, err = a.sortFacts(snap, tickers, o.Column.Need()); err != nil {
			return nil, nil, err
		}
	}
	sectorOrder := make(map[string]int, len(snap.Sectors))
	for i, s := range snap.Sectors {
		sectorOrder[s.ID] = i
	}
	keys := sectors.SortKeys(tickers, o.Column, func(i int) sectors.SortFacts { return facts[i] }, sectorOrder)
	perm := o.Order(keys)
	sorted := make([]sectors.Ticker, len(tickers))
	sortedKeys := make([]sectors.SortKey, len(tickers))
	for n, i := range perm {
		sorted[n], sortedKeys[n] = tickers[i], keys[i]
	}
	if facts == nil {
		return sorted, nil, nil
	}
	return sorted, &liveColumn{col: o.Column, keys: sortedKeys}, nil
}

// liveColumn is the value a list sorted by a live column was sorted on,
// shown as the table's last column: keys[i] is tickers[i]'s.
type liveColumn struct {
	col  sectors.SortColumn
	keys []sectors.SortKey
}

// cell is row i's value as the table shows it; "-" when not known.
func (l *liveColumn) cell(i int, code market.Code) string {
	k := l.keys[i]
	if !k.Known {
		return "-"
	}
	switch l.col {
	case sectors.SortLast:
		return num(k.Num, code.PriceDecimals())
	case sectors.SortChange:
		return signed(k.Num, code.PriceDecimals())
	case sectors.SortChangePct, sectors.SortReturn, sectors.SortExcess, sectors.SortPnLPct:
		return sectors.FormatPct(k.Num, 2, true) + "%"
	case sectors.SortTurnover:
		return num(k.Num, 2) + "%"
	case sectors.SortPE:
		return num(k.Num, 1)
	case sectors.SortPnL:
		return signed(k.Num, 2)
	}
	return num(k.Num, 0)
}

// sortFacts fetches what a live column reads for tickers, in one round of
// quote requests: today's quotes, and as the column needs the daily
// history since each rating (return), the calls' scorecard (excess) or
// the user's positions (pnl). What cannot be had is left unknown, said on
// stderr, and sorts last.
func (a *App) sortFacts(snap *sectors.Snapshot, tickers []sectors.Ticker, need sectors.SortNeed) ([]sectors.SortFacts, error) {
	st, err := a.historyStore()
	if err != nil {
		return nil, err
	}
	svc := a.historyService(st)
	codes := make([]market.Code, len(tickers))
	for i := range tickers {
		codes[i] = tickers[i].Code
	}
	ctx, cancel := context.WithTimeout(context.Background(), quoteTimeout)
	quotes, qerr := svc.FetchQuotes(ctx, codes)
	cancel()
	if qerr != nil {
		fmt.Fprintf(a.Err, "zixuan: %s: tickers without a quote sort last\n", quote.Status(qerr))
	}
	facts := make([]sectors.SortFacts, len(tickers))
	for i := range tickers {
		if q, ok := quotes[tickers[i].Code.Key()]; ok {
			facts[i].Quote = &q
		}
	}
	switch need {
	case sectors.NeedReturn:
		earliest := nowFunc()
		byKey := map[string]*sectors.Ticker{}
		for i := range tickers {
			earliest = minTime(earliest, tickers[i].RatingAt)
			byKey[tickers[i].Code.Key()] = &tickers[i]
		}
		keep := func(h sectors.PriceHistory) []sectors.DailyBar {
			return sectors.KeepForScoring(h, []time.Time{byKey[h.Code.Key()].RatingAt})
		}
		history, _, err := a.loadHistoryKeeping(st, codes, market.ChinaDay(earliest), true, keep)
		if err != nil {
			return nil, err
		}
		for i := range tickers {
			var latest *sectors.Latest
			if q := facts[i].Quote; q != nil {
				if l, ok := q.AsLatest(); ok {
					latest = &l
				}
			}
			if _, g, ok := sectors.ReturnSinceRating(&tickers[i], snap.Refs, history[tickers[i].Code.Key()], latest); ok && latest != nil {
				v := g.Pct()
				facts[i].Return = &v
			}
		}
	case sectors.NeedExcess:
		ptrs := make([]*sectors.Ticker, len(tickers))
		for i := range tickers {
			ptrs[i] = &tickers[i]
		}
		ask := service.ScorecardAsk{Snapshot: snap, Calls: sectors.ScorableCallsOf(snap.Reports, ptrs), History: a.scorecardHistory(st), By: []string{sectors.ByReport}}
		if a.cfg != nil && a.cfg.Benchmark != "" {
			if ask.Benchmark, _, err = benchmarkOf(a.cfg.Benchmark); err != nil {
				return nil, err
			}
		}
		perSector, err := a.sectorBenchmarks(snap)
		if err != nil {
			return nil, err
		}
		if len(perSector) > 0 {
			ask.SectorBenchmarks = map[string]market.Code{}
			for id, sb := range perSector {
				ask.SectorBenchmarks[id] = sb.code
			}
		}
		ask.Quotes = func(more []market.Code) (map[string]sectors.Quote, error) {
			ctx, cancel := context.WithTimeout(context.Background(), quoteTimeout)
			defer cancel()
			return svc.FetchQuotes(ctx, more)
		}
		res, err := a.service(st).Scorecard(ask)
		if err != nil {
			return nil, err
		}
		// the column is the latest rated call's, as the TUI's
		latestCall := map[string]sectors.ScoredCall{}
		for _, c := range res.Scorecard.Calls {
			if c.Err != nil || c.Rating == sectors.Unrated {
				continue
			}
			if old, ok := latestCall[c.Code.Key()]; !ok || !c.Day.Before(old.Day) {
				latestCall[c.Code.Key()] = c
			}
		}
		for i := range tickers {
			if c, ok := latestCall[tickers[i].Code.Key()]; ok {
				v := c.Result.ExcessPct
				facts[i].Excess = &v
			}
		}
	case sectors.NeedPosition:
		ps, err := st.Positions()
		if err != nil {
			return nil, err
		}
		held := map[string]sectors.Position{}
		for _, p := range ps {
			if p.Qty > 0 {
				held[p.Code.Key()] = p
			}
		}
		for i := range tickers {
			p, ok := held[tickers[i].Code.Key()]
			q := facts[i].Quote
			if !ok || q == nil {
				continue
			}
			if l, trade := q.AsLatest(); trade {
				pnl, pct := p.PnL(l.Last)
				facts[i].PnL, facts[i].PnLPct = &pnl, &pct
			}
		}
	}
	return facts, nil
}

// filterFlags are the flags that narrow the watchlist in list and export.
type filterFlags struct {
	Sector, Rating, Report string
	Removed                bool
}

// loadFilter loads one snapshot and reads the flags into the filter the
// list, the export and the TUI share (sectors.Filter): sector AND any of
// the ratings AND the report's calls.
func (a *App) loadFilter(ff filterFlags) (*sectors.Snapshot, sectors.Filter, error) {
	sector, ratings := ff.Sector, ff.Rating
	f := sectors.Filter{Removed: ff.Removed}
	if strings.TrimSpace(ratings) != "" {
		rs, err := sectors.ParseRatings(ratings)
		if err != nil {
			return nil, f, usageError{err}
		}
		f.Ratings = sectors.SetOf(rs...)
	}
	st, err := a.Store()
	if err != nil {
		return nil, f, err
	}
	snap, err := st.Load()
	if err != nil {
		return nil, f, err
	}
	if strings.TrimSpace(sector) != "" {
		sec, err := sectors.FindSector(snap.Sectors, sector)
		if err != nil {
			return nil, f, usageError{err}
		}
		f.Sector = sec.ID
	}
	if strings.TrimSpace(ff.Report) != "" {
		r, err := findReport(snap.Reports, ff.Report)
		if err != nil {
			return nil, f, err
		}
		f.Report = r.ID
	}
	return snap, f, nil
}

// writeList prints the watchlist as an aligned table, with the live
// column it was sorted by last (nil: none).
func writeList(w io.Writer, snap *sectors.Snapshot, tickers []sectors.Ticker, live *liveColumn) {
	names := map[string]string{}
	for _, s := range snap.Sectors {
		names[s.ID] = s.Label(false)
	}
	header := []string{"CODE", "NAME", "BOARD", "SECTOR", "RATING", "SINCE", "NOTES", "LATEST NOTE"}
	var right []int
	if live != nil {
		header = append(header, live.col.Label())
		right = append(right, len(header)-1)
	}
	rows := make([][]string, 0, len(tickers))
	for i, t := range tickers {
		name := safetext.Line(market.MarkedName(t.Name))
		latest := ""
		if n, ok := t.LatestNote(); ok {
			latest = safetext.Truncate(safetext.Line(safetext.FirstLine(n.Text)), 40)
		}
		rows = append(rows, []string{
			t.Code.Key(), name, string(t.Code.Board()), safetext.Line(names[t.Sector]),
			t.Rating.ID() + " " + t.Rating.Chinese(), dateCST(t.RatingAt),
			fmt.Sprint(len(t.LiveNotes())), latest,
		})
		if live != nil {
			rows[i] = append(rows[i], live.cell(i, t.Code))
		}
	}
	writeTable(w, header, rows, append([]int{6}, right...)...)
	if len(rows) == 0 {
		fmt.Fprintln(w, "(no tickers match)")
	}
}

// collectLess turns the collector off for a one-shot command that loads
// the whole snapshot and writes it out, with a soft memory limit
// (collectLimit) where it starts again: nearly everything such a command
// allocates is kept until it exits, so each collection marks the growing
// snapshot again and frees little. At 5,538 tickers the whole process
// allocates about 25 MB, so it never collects: list --format json went
// from 41 to 39.5 ms (GOGC=200, its setting before, had taken ~6 ms off
// the default's 53). A GOGC or GOMEMLIMIT the user set stays. The
// returned func restores the settings.
func collectLess() func() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prevLimit := debug.SetMemoryLimit(collectLimit)
	prev := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(prev)
		debug.SetMemoryLimit(prevLimit)
	}
}

// collectLimit is the heap at which collectLess's command collects after
// all: far above the whole market's, and bounded for a file far larger.
const collectLimit = 256 << 20
