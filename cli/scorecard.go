package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"zixuan/sectors/market"

	"zixuan/export"
	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/store"
)

// ScorecardCmd prints how every call has done against 沪深300.
type ScorecardCmd struct {
	Report    string `placeholder:"ID" predictor:"report" help:"Only this report's calls (its id, a unique start of it, or its date)."`
	By        string `enum:"report,sector,rating,source," default:"" placeholder:"report|sector|rating|source" help:"Group by report (the table's default), sector, rating or source; json gives every grouping unless this is given."`
	Format    string `short:"f" default:"table" enum:"table,csv,json" help:"Output: table, csv (one row a call) or json."`
	Benchmark string `placeholder:"INDEX" help:"Measure against this index instead of 沪深300 (or the benchmark setting): its code or name (000905 中证500, 000852 中证1000, 399006 创业板指, 000688 科创50). Every index is the price index; sector_benchmarks in the config measure a sector's calls against their own."`
}

// historyTimeout bounds the history and quote requests of one run.
const historyTimeout = 30 * time.Second

// Run fetches what history is missing (unless offline), stores it, and
// prints the scorecard; offline it uses what is stored and says its date.
func (c *ScorecardCmd) Run(a *App) error {
	st, err := a.historyStore()
	if err != nil {
		return err
	}
	snap, err := st.Load()
	if err != nil {
		return err
	}
	calls := sectors.ScorableCalls(snap)
	if c.Report != "" {
		r, err := findReport(snap.Reports, c.Report)
		if err != nil {
			return err
		}
		kept := calls[:0]
		for _, call := range calls {
			if call.Source == r.ID {
				kept = append(kept, call)
			}
		}
		calls = kept
	}
	if len(calls) == 0 {
		return usage("no calls to score: a call is a report's rating or one you gave (zixuan rate, zixuan report add)")
	}
	bench, benchName := sectors.Benchmark, sectors.BenchmarkName
	choice := c.Benchmark
	if choice == "" && a.cfg != nil {
		choice = a.cfg.Benchmark
	}
	if choice != "" {
		if bench, benchName, err = benchmarkOf(choice); err != nil {
			return err
		}
	}
	perSector, err := a.sectorBenchmarks(snap)
	if err != nil {
		return err
	}
	var by []string
	switch {
	case c.By != "":
		by = []string{c.By}
	case c.Format != "json":
		by = []string{sectors.ByReport}
	}
	ask := service.ScorecardAsk{Snapshot: snap, Calls: calls, Benchmark: bench, By: by, History: a.scorecardHistory(st)}
	if len(perSector) > 0 {
		ask.SectorBenchmarks = map[string]market.Code{}
		for id, sb := range perSector {
			ask.SectorBenchmarks[id] = sb.code
		}
	}
	if svc := a.historyService(st); svc.Quotes != nil {
		ask.Quotes = func(codes []market.Code) (map[string]sectors.Quote, error) {
			ctx, cancel := context.WithTimeout(context.Background(), quoteTimeout)
			defer cancel()
			return svc.FetchQuotes(ctx, codes)
		}
	}
	res, err := a.service(st).Scorecard(ask)
	if err != nil {
		return err
	}
	sc, online := res.Scorecard, res.Online
	switch c.Format {
	case "json":
		return writeJSON(a.Out, scorecardJSON(sc, bench, benchName))
	case "csv":
		return writeScorecardCSV(a.Out, sc)
	}
	writeScorecard(a.Out, sc, snap, bench, benchName)
	for _, id := range slices.Sorted(maps.Keys(perSector)) {
		sb := perSector[id]
		fmt.Fprintf(a.Out, "\n%s: against %s (%s)\n", safetext.Line(sb.label), sectors.BenchmarkLabel(sb.name), sb.code.Key())
	}
	missing, benchGap := 0, 0
	for _, s := range sc.Calls {
		switch {
		case errors.Is(s.Err, sectors.ErrBenchmarkDayMissing):
			benchGap++
		case s.Err != nil:
			missing++
		}
	}
	switch {
	case sc.AsOf.IsZero() && benchGap == 0:
		fmt.Fprintln(a.Err, "zixuan: no price history yet: run zixuan scorecard with quotes on to fetch it")
	case !online && !sc.AsOf.IsZero():
		fmt.Fprintf(a.Err, "zixuan: from the stored history, as of %s (quotes off or unreachable)\n", market.ChinaDate(sc.AsOf))
	}
	if benchGap > 0 {
		fmt.Fprintf(a.Err, "zixuan: %d of %d calls unscored: the benchmark's history lacks a session they are measured from or to (asked again at the next fetch)\n", benchGap, len(sc.Calls))
	}
	if missing > 0 && !sc.AsOf.IsZero() {
		fmt.Fprintf(a.Err, "zixuan: %d of %d calls have no price history yet\n", missing, len(sc.Calls))
	}
	return nil
}

// scorecardHistory reads the history a scorecard needs, fetching what is
// missing first when quotes are on.
func (a *App) scorecardHistory(st *store.Store) service.HistoryReader {
	return func(need service.HistoryNeed) (map[string]sectors.PriceHistory, bool, error) {
		return a.loadHistoryKeeping(st, need.Codes, need.From, need.Fetch, need.Keep)
	}
}

// historyStore is the store of a command that may fetch and store price
// history. With quotes on, the check the store makes before its first
// write (every page of the file read, so the whole file is resident while
// it runs) is made now, before the command holds anything, rather than at
// its first batch of history, when it holds the list and the histories
// too: at the whole market that is the difference between the file's
// size and the file's size plus the command's heap.
func (a *App) historyStore() (*store.Store, error) {
	st, err := a.Store()
	if err == nil {
		a.precheckHistory(st)
	}
	return st, err
}

// precheckHistory is historyStore's check, for a command that opened st
// otherwise.
func (a *App) precheckHistory(st *store.Store) {
	if !a.root.Offline {
		st.Precheck()
	}
}

// historyService is the service over st with the quote and k-line
// servers the flags ask for (none with --offline), on the CLI's clock.
func (a *App) historyService(st *store.Store) *service.Service {
	prov, hist := a.QuoteProvider()
	return &service.Service{Store: st, Quotes: prov, History: hist, Now: nowFunc}
}

// loadHistory reads the stored daily history of codes and, with quotes on,
// first fetches the days missing from a few weeks before earliest until
// today and stores them. online says whether the server answered.
func (a *App) loadHistory(st *store.Store, codes []market.Code, earliest time.Time) (history map[string]sectors.PriceHistory, online bool, err error) {
	return a.loadHistoryIf(st, codes, earliest, true)
}

// loadHistoryIf is loadHistory that fetches only when fetch is set.
func (a *App) loadHistoryIf(st *store.Store, codes []market.Code, earliest time.Time, fetch bool) (history map[string]sectors.PriceHistory, online bool, err error) {
	return a.loadHistoryKeeping(st, codes, earliest, fetch, nil)
}

// barKeeper says which bars of a history a command's figures read (nil:
// all of them); see sectors.KeepBarsOn. The rest are never held, so a
// whole market's years cost what a few days of each cost.
type barKeeper = service.Keep

// loadHistoryKeeping is loadHistoryIf holding only the bars keep keeps of
// each history, stored and fetched alike (service.LoadHistory), and
// saying on stderr what the fetch could not do.
func (a *App) loadHistoryKeeping(st *store.Store, codes []market.Code, earliest time.Time, fetch bool, keep barKeeper) (history map[string]sectors.PriceHistory, online bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), historyTimeout)
	defer cancel()
	res, err := a.historyService(st).LoadHistory(ctx, service.HistoryRequest{
		Codes: codes, From: service.FirstDay(earliest), Keep: keep, Fetch: fetch,
	})
	if err != nil {
		return nil, false, err
	}
	history = make(map[string]sectors.PriceHistory, len(res.History))
	for k, h := range res.History {
		history[k] = h.PriceHistory
	}
	if !res.Asked {
		return history, false, nil
	}
	if !res.Online {
		fmt.Fprintf(a.Err, "zixuan: price history: %s\n", quote.Status(res.FetchErr))
		return history, false, nil
	}
	if res.SaveErr != nil {
		fmt.Fprintf(a.Err, "zixuan: price history not stored: %s\n", oneLine(advise(res.SaveErr).Error()))
	}
	if line := res.Incomplete(); line != "" {
		fmt.Fprintf(a.Err, "zixuan: %s\n", line)
	}
	if res.FetchErr != nil {
		fmt.Fprintf(a.Err, "zixuan: price history: %s (for some tickers)\n", quote.Status(res.FetchErr))
	}
	return history, true, nil
}

type scorecardOut struct {
	AsOf      string          `json:"as_of"`
	Benchmark benchmarkOut    `json:"benchmark"`
	Calls     []scoredCallOut `json:"calls"`
	Groups    []groupOut      `json:"groups"`
}

type benchmarkOut struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Kind string `json:"kind"` // "price index": dividends left out
}

type scoredCallOut struct {
	Key          string   `json:"key"`
	Code         string   `json:"code"`
	Name         string   `json:"name"`
	Source       string   `json:"source"`
	Rating       string   `json:"rating"`
	Date         string   `json:"date"`
	RefDate      string   `json:"ref_date,omitempty"`
	RefClose     *float64 `json:"ref_close"`
	Last         *float64 `json:"last"`
	ReturnPct    *float64 `json:"return_pct"`
	BenchmarkPct *float64 `json:"benchmark_return_pct"`
	ExcessPct    *float64 `json:"excess_pct"`
	Horizons     []struct {
		Months    int     `json:"months"`
		ExcessPct float64 `json:"excess_pct"`
	} `json:"horizons,omitempty"`
	Uncertain bool `json:"uncertain,omitempty"`
	// Suspended: the stock has not traded since Last's day; its return
	// stands at its last trade while the benchmark runs to the day known.
	Suspended bool    `json:"suspended,omitempty"`
	Missing   string  `json:"missing,omitempty"` // why it has no result yet
	Target    float64 `json:"target,omitempty"`  // the report's target price
	// Benchmark is the index this call is measured against when it is not
	// the scorecard's (a sector's own, from the config)
	Benchmark string `json:"benchmark,omitempty"`
	AsOf      string `json:"as_of,omitempty"` // the day of the last price used
	// BenchmarkAsOf is the day of the benchmark's last price, when it is
	// not as_of (a live price of the stock, none of the index)
	BenchmarkAsOf string `json:"benchmark_as_of,omitempty"`
}

type groupOut struct {
	By      string  `json:"by"`
	Key     string  `json:"key"`
	Count   int     `json:"count"`
	Rated   int     `json:"rated"`
	Unrated int     `json:"unrated"`
	Judged  int     `json:"judged"` // the calls the hit rate is of
	Beat    int     `json:"right"`  // judged right in the call's direction
	HitRate float64 `json:"hit_rate_pct"`
	// of the excess in each call's direction; null when no call has one
	MeanExcess *float64 `json:"mean_excess_pct"`
	Median     *float64 `json:"median_excess_pct"`
	Best       string   `json:"best,omitempty"`
	Worst      string   `json:"worst,omitempty"`
}

// round2 rounds half away from zero to the fen; never wraps (a value
// beyond int64 stays itself).
func round2(v float64) float64 { return math.Round(v*100) / 100 }

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// ptr is v rounded, or nil (null, "") for a value that is no number:
// nothing prints Inf or NaN.
func ptr(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	r := round2(v)
	return &r
}

func scorecardJSON(sc sectors.Scorecard, bench market.Code, benchName string) scorecardOut {
	out := scorecardOut{Benchmark: benchmarkOut{Code: bench.Key(), Name: benchName, Kind: sectors.BenchmarkKind}, Calls: []scoredCallOut{}, Groups: []groupOut{}}
	if !sc.AsOf.IsZero() {
		out.AsOf = market.ChinaDate(sc.AsOf)
	}
	for _, s := range sc.Calls {
		c := scoredCallOut{Key: s.Key, Code: s.Code.Key(), Name: s.Name, Source: s.Source, Rating: s.Rating.ID(), Date: market.ChinaDate(s.Day), Target: s.Target}
		if s.Benchmark != (market.Code{}) {
			c.Benchmark = s.Benchmark.Key()
		}
		if s.Err != nil {
			c.Missing = s.Err.Error()
		} else {
			r := s.Result
			c.RefDate = market.ChinaDate(r.Ref.Day)
			c.RefClose, c.Last = &r.Ref.Price, &s.Last
			c.ReturnPct, c.BenchmarkPct, c.ExcessPct = ptr(r.ReturnPct), ptr(r.BenchmarkPct), ptr(r.ExcessPct)
			c.Uncertain, c.Suspended = r.Uncertain, r.Suspended
			c.AsOf = market.ChinaDate(r.AsOf)
			if !r.BenchmarkAsOf.IsZero() && !market.ChinaDay(r.BenchmarkAsOf).Equal(market.ChinaDay(r.AsOf)) {
				c.BenchmarkAsOf = market.ChinaDate(r.BenchmarkAsOf)
			}
			for _, h := range r.Horizons {
				c.Horizons = append(c.Horizons, struct {
					Months    int     `json:"months"`
					ExcessPct float64 `json:"excess_pct"`
				}{h.Months, round2(h.ExcessPct)})
			}
		}
		out.Calls = append(out.Calls, c)
	}
	for _, g := range sc.Groups {
		o := groupOut{By: g.By, Key: g.Key, Count: g.Count, Rated: g.Rated, Unrated: g.Unrated, Judged: g.Judged, Beat: g.Beat, HitRate: round2(g.HitRatePct)}
		if g.Directed > 0 {
			o.MeanExcess, o.Median, o.Best, o.Worst = ptr(g.MeanExcessPct), ptr(g.MedianExcessPct), g.Best.Key, g.Worst.Key
		}
		out.Groups = append(out.Groups, o)
	}
	return out
}

func pct(v float64) string { return sectors.FormatPct(v, 2, false) }

func writeScorecardCSV(w io.Writer, sc sectors.Scorecard) error {
	cw := export.NewCSVWriter(w)
	cw.Write([]string{"key", "code", "name", "source", "rating", "date", "ref_date", "ref_close", "last", "return_pct", "benchmark_return_pct", "excess_pct", "target"})
	for _, s := range sc.Calls {
		row := []string{s.Key, s.Code.Key(), s.Name, s.Source, s.Rating.ID(), market.ChinaDate(s.Day), "", "", "", "", "", "", ""}
		if s.Target > 0 {
			row[12] = strconv.FormatFloat(s.Target, 'f', -1, 64)
		}
		if s.Err == nil {
			r := s.Result
			row[6], row[7], row[8] = market.ChinaDate(r.Ref.Day), strconv.FormatFloat(r.Ref.Price, 'f', -1, 64), strconv.FormatFloat(s.Last, 'f', -1, 64)
			row[9], row[10], row[11] = pct(r.ReturnPct), pct(r.BenchmarkPct), pct(r.ExcessPct)
		}
		cw.Write(row)
	}
	return cw.Flush()
}

func writeScorecard(w io.Writer, sc sectors.Scorecard, snap *sectors.Snapshot, bench market.Code, benchName string) {
	asOf := "no prices yet"
	if !sc.AsOf.IsZero() {
		asOf = "as of " + market.ChinaDate(sc.AsOf)
	}
	fmt.Fprintf(w, "scorecard against %s (%s), %s\n", sectors.BenchmarkLabel(benchName), bench.Key(), asOf)
	fmt.Fprintf(w, "right: buy/overweight beat it, sell/underweight trail it (by more than %.3f points), neutral within ±%g; unrated picks are left out of HIT; means are of the excess in the call's direction\n\n", sectors.TiePct, sectors.NeutralBandPct)
	label := func(by, key string) string {
		switch by {
		case sectors.BySector:
			if sec, err := sectors.FindSector(snap.Sectors, key); err == nil {
				return safetext.Line(sec.Label(false))
			}
		case sectors.ByReport:
			if r, ok := snap.Report(key); ok && !r.Date.IsZero() {
				return key + " " + safetext.Truncate(safetext.Line(r.Title), 24)
			}
		}
		return safetext.Line(key)
	}
	var rows [][]string
	for _, g := range sc.Groups {
		hit, mean, median := "-", "-", "-"
		if g.Judged > 0 {
			hit = pct(g.HitRatePct) + "%"
		}
		if g.Directed > 0 {
			mean, median = pct(g.MeanExcessPct), pct(g.MedianExcessPct)
		}
		rows = append(rows, []string{label(g.By, g.Key), fmt.Sprint(g.Rated), fmt.Sprint(g.Unrated), fmt.Sprint(g.Beat), hit,
			mean, median, callCode(g.Best.Key), callCode(g.Worst.Key)})
	}
	if len(rows) > 0 {
		by := "GROUP"
		if len(sc.Groups) > 0 {
			by = sc.Groups[0].By
		}
		writeTable(w, []string{upper(by), "RATED", "UNRATED", "RIGHT", "HIT", "MEAN XS", "MEDIAN XS", "BEST", "WORST"}, rows, 1, 2, 3, 4, 5, 6)
		fmt.Fprintln(w)
	}
	scored := append([]sectors.ScoredCall(nil), sc.Calls...)
	sort.SliceStable(scored, func(i, j int) bool {
		if (scored[i].Err == nil) != (scored[j].Err == nil) {
			return scored[i].Err == nil
		}
		return scored[i].Result.ExcessPct > scored[j].Result.ExcessPct
	})
	rows = rows[:0]
	for _, s := range scored {
		name := safetext.Line(s.Name)
		row := []string{s.Code.Key(), name, s.Rating.ID(), market.ChinaDate(s.Day), safetext.Line(s.Source), "", "", "", "", "", ""}
		if s.Target > 0 {
			row[10] = price2(s.Target)
		}
		if s.Err == nil {
			r := s.Result
			row[5] = market.ChinaDate(r.Ref.Day) + " " + strconv.FormatFloat(r.Ref.Price, 'f', 2, 64)
			row[6] = strconv.FormatFloat(s.Last, 'f', 2, 64)
			if r.Suspended { // its last trade's price: no trade since
				row[6] += " halted"
			}
			row[7], row[8], row[9] = pct(r.ReturnPct), pct(r.BenchmarkPct), pct(r.ExcessPct)
			if r.Uncertain {
				row[9] += " ?"
			}
		} else {
			row[5] = unscoredWhy(s)
		}
		rows = append(rows, row)
	}
	writeTable(w, []string{"CODE", "NAME", "CALL", "DATE", "SOURCE", "REF", "LAST", "RETURN", upper(bench.Key()), "EXCESS", "TARGET"}, rows, 6, 7, 8, 9, 10)
}

// sectorBenchmark is a sector's own benchmark from the config.
type sectorBenchmark struct {
	code        market.Code
	name, label string
}

// sectorBenchmarks reads the sector_benchmarks setting against the
// watchlist's sectors, by sector id.
func (a *App) sectorBenchmarks(snap *sectors.Snapshot) (map[string]sectorBenchmark, error) {
	if a.cfg == nil || len(a.cfg.SectorBenchmarks) == 0 {
		return nil, nil
	}
	out := map[string]sectorBenchmark{}
	for key, idx := range a.cfg.SectorBenchmarks {
		sec, err := sectors.FindSector(snap.Sectors, key)
		if err != nil {
			return nil, fmt.Errorf("config file %s: key sector_benchmarks: %s: %w", a.cfg.Path, key, err)
		}
		code, name, err := benchmarkOf(idx)
		if err != nil {
			return nil, fmt.Errorf("config file %s: key sector_benchmarks: %s: %w", a.cfg.Path, key, err)
		}
		out[sec.ID] = sectorBenchmark{code: code, name: name, label: sec.Label(false)}
	}
	return out, nil
}

// benchmarkOf reads --benchmark: an index's code or its name (中证500).
func benchmarkOf(s string) (market.Code, string, error) {
	keys := make([]string, 0, len(market.Indexes))
	for k := range market.Indexes {
		keys = append(keys, k)
	}
	sort.Strings(keys) // SH000300 before SZ399300, both named 沪深300
	for _, k := range keys {
		if name := market.Indexes[k]; strings.TrimSpace(s) == name {
			return market.MustParseCode(k), name, nil
		}
	}
	c, err := market.ParseBenchmark(s)
	if err != nil {
		return c, "", usage("--benchmark: %s", err.Error())
	}
	if name, ok := market.Indexes[c.Key()]; ok {
		return c, name, nil
	}
	return c, c.Key(), nil
}

// unscoredWhy says in a few words why a call has no result.
func unscoredWhy(s sectors.ScoredCall) string {
	switch {
	case errors.Is(s.Err, sectors.ErrBenchmarkDayMissing):
		_, day, _ := strings.Cut(s.Err.Error(), " on ")
		day, _, _ = strings.Cut(day, " ")
		return "benchmark lacks " + day
	case errors.Is(s.Err, sectors.ErrNoBenchmarkHistory):
		return "no benchmark history yet"
	case errors.Is(s.Err, sectors.ErrStartsAfterCall):
		_, day, _ := strings.Cut(s.Err.Error(), "starts ")
		day, _, _ = strings.Cut(day, ",")
		return "history from " + day
	}
	return "no history yet"
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

// callCode is the ticker of a scored call's key (SH688111@source@date):
// the table names the best and the worst by it; json keeps the whole key.
func callCode(key string) string {
	code, _, _ := strings.Cut(key, "@")
	return code
}
