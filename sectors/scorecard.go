package sectors

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"zixuan/sectors/market"
)

// Benchmark is 沪深300 (CSI 300), the index broker ratings are defined
// against: 买入 means beating it by 10 % or more over the next year.
var Benchmark = market.Code{Exchange: market.SH, Number: "000300"}

// BenchmarkName is the benchmark's short name.
const BenchmarkName = "沪深300"

// BenchmarkKind says what the benchmark's series is: the price index,
// which leaves out the dividends its stocks pay (some 2.6 points a year
// for 沪深300), against the stock side's total returns. Every benchmark
// here comes from the quote server's k-line, whose indexes are the price
// indexes, and is named so. 沪深300's total-return index (沪深300全收益,
// H00300) is published by 中证指数有限公司, whose site answers a daily
// series by index code (csindex.com.cn/csindex-home/perf/index-perf, the
// endpoint akshare's stock_zh_index_hist_csindex reads); it is not
// fetched here.
const BenchmarkKind = "price index"

// BenchmarkLabel names a benchmark with its kind: "沪深300 price index".
func BenchmarkLabel(name string) string { return name + " " + BenchmarkKind }

// Scorable is one call to be scored: a stock, a rating, the day it was
// made and who made it.
type Scorable struct {
	Key    string // unique: SH688111@report-2024-05-12@2024-05-12
	Code   market.Code
	Name   string
	Source string // a report id, "user", "import:<file>"
	Report bool   // Source is a report
	Rating Rating
	Day    time.Time // the day of the call, midnight China time
	Sector string    // the ticker's sector id
	Theme  string    // the report's theme, for a report's call
	Target float64   // the report's target price for the stock; 0 when none
}

// ScorableCalls lists what a scorecard judges: every stock a report
// recommends, rated or not (an unrated one is a pick: Rating Unrated; a
// mention under 受益标的 is no recommendation and is left out), and every
// rating the user or an import gave; removed tickers' calls included (a
// call is judged whatever became of the ticker). A report's own rating
// changes are its calls, so they are not counted twice.
func ScorableCalls(snap *Snapshot) []Scorable {
	tickers := make([]*Ticker, len(snap.Tickers))
	for i := range snap.Tickers {
		tickers[i] = &snap.Tickers[i]
	}
	return ScorableCallsOf(snap.Reports, tickers)
}

// ScorableCallsOf is ScorableCalls of these tickers, with the reports
// their calls come from: a caller that holds the tickers elsewhere (the
// TUI, patched since its load) need not copy them into a Snapshot.
func ScorableCallsOf(reportList []ReportEntry, tickers []*Ticker) []Scorable {
	reports := make(map[string]ReportEntry, len(reportList))
	for _, r := range reportList {
		reports[r.ID] = r
	}
	n := 0
	for _, t := range tickers {
		n += len(t.Calls) + len(t.Ratings)
	}
	out := make([]Scorable, 0, n)
	for _, t := range tickers {
		for _, c := range t.Calls {
			r, ok := reports[c.ReportID]
			if !ok || c.Has(FlagMention) || r.Date.IsZero() {
				continue
			}
			out = append(out, Scorable{Code: t.Code, Name: t.Name, Source: r.ID, Report: true, Rating: c.Rating,
				Day: market.ChinaDay(r.Date), Sector: t.Sector, Theme: c.Theme, Target: c.Target})
		}
		for _, h := range t.Ratings {
			// a report's rating is its call (or went with the report), and
			// a rating brought back by removing a report is nobody's call
			if _, fromReport := reports[h.Source]; fromReport || h.Source == ReportSourceID || h.To == Unrated ||
				h.Reason == ReasonReport || strings.HasPrefix(h.Reason, ReasonReportRemoved) {
				continue
			}
			out = append(out, Scorable{Code: t.Code, Name: t.Name, Source: h.Source, Rating: h.To, Day: market.ChinaDay(h.At), Sector: t.Sector})
		}
	}
	for i := range out {
		out[i].Key = out[i].Code.Key() + "@" + out[i].Source + "@" + market.ChinaDate(out[i].Day)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Day.Equal(out[j].Day) {
			return out[i].Day.Before(out[j].Day)
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// ErrNoBenchmarkHistory: 沪深300's daily history is not there yet, so no
// call can be judged against it.
var ErrNoBenchmarkHistory = errors.New("no history of the benchmark yet")

// ErrBenchmarkDayMissing: the benchmark's history lacks the close of a
// session a call is measured from or to (an index closes every session,
// so the source lost it). The call is not measured from the day before:
// it is unscored until the day is fetched again.
var ErrBenchmarkDayMissing = errors.New("the benchmark's close is missing")

// ErrStartsAfterCall: the stock's history begins after the call's day,
// so there is no close to measure from (a listing since the call, or
// days the source has not given).
var ErrStartsAfterCall = errors.New("no close on the call's day")

// How a call is judged right. A buy or overweight call is right when its
// stock beats the benchmark, a sell or underweight call when it trails
// it, each by more than TiePct; a neutral call when the excess is within
// ±NeutralBandPct (the brokers' own definition of 中性: within 5 % of
// 沪深300). An unrated pick has no rating to be right about: it is left out
// of the hit rate, and measured as a long (a report recommends it).
const (
	NeutralBandPct = 5.0
	// TiePct: an excess closer to zero than this (what prints as 0.00) is
	// neither a beat nor a trail. Comparisons are made on the unrounded
	// values.
	TiePct = 0.005
)

// Direction is the way a rating bets against the benchmark: +1 for buy,
// overweight and an unrated pick, −1 for sell and underweight, 0 for
// neutral.
func Direction(r Rating) int {
	switch r {
	case Buy, Overweight, Unrated:
		return 1
	case Sell, Underweight:
		return -1
	}
	return 0
}

// Verdict judges a call's excess: judged is false for an unrated pick.
func Verdict(r Rating, excessPct float64) (right, judged bool) {
	switch r {
	case Buy, Overweight:
		return excessPct > TiePct, true
	case Sell, Underweight:
		return excessPct < -TiePct, true
	case Neutral:
		return math.Abs(excessPct) <= NeutralBandPct, true
	}
	return false, false
}

// ScoredCall is a call with its result, or why there is none yet.
type ScoredCall struct {
	Scorable
	// Benchmark is the index the call was measured against when it is not
	// the scorecard's (a sector's own); zero otherwise.
	Benchmark market.Code
	Result    CallReturn
	Last      float64 // the price measured to
	Err       error   // nil when scored
}

// ScoreGroup is one group of a scorecard. Its GroupStats are of the
// excess in each call's direction (Direction: a sell call's excess counts
// negated; neutral calls are left out of the mean, median, best and
// worst): Count is every scored call, Beat the calls judged right
// (Verdict), HitRatePct Beat ÷ Judged.
type ScoreGroup struct {
	By, Key string
	GroupStats
	Judged  int // calls with a verdict: all but unrated picks
	Rated   int // calls with a rating
	Unrated int // unrated picks
	// Directed is how many calls the mean and median are of: those with
	// a direction (all but neutral). Zero: they are not defined.
	Directed int
}

// Scorecard is how a set of calls has done against the benchmark.
type Scorecard struct {
	AsOf   time.Time // the day of the newest price used
	Calls  []ScoredCall
	Groups []ScoreGroup
}

// The groupings of a scorecard.
const (
	ByReport = "report"
	BySector = "sector"
	ByRating = "rating"
	BySource = "source"
)

// Groupings are the ways a scorecard groups its calls.
var Groupings = []string{ByReport, BySector, ByRating, BySource}

// ScoreInput is what scoring needs besides the calls: the histories by
// Code.Key(), the benchmark's, the latest quotes (nil when offline), and
// hand-set reference prices (unadjusted, used as they are).
type ScoreInput struct {
	History     map[string]PriceHistory
	Benchmark   PriceHistory
	Latest      map[string]Latest
	BenchLatest *Latest
	Refs        map[string][]RefPrice
	// SectorBenchmarks measures the calls of a sector (by sector id)
	// against another index than Benchmark: its history is History's and
	// its latest price Latest's, by the index's Code.Key().
	SectorBenchmarks map[string]market.Code
}

// Score judges every call against the benchmark and groups the results by
// each of by (all groupings when empty).
func Score(calls []Scorable, in ScoreInput, by ...string) Scorecard {
	var sc Scorecard
	if len(in.Benchmark.Bars) == 0 && len(in.SectorBenchmarks) == 0 {
		// Nothing can be judged without the benchmark's history: say so
		// for every call at once, not call by call (a whole market's
		// calls, at a TUI's start, before any history is fetched).
		sc.Calls = make([]ScoredCall, len(calls))
		for i, c := range calls {
			sc.Calls[i] = ScoredCall{Scorable: c, Err: ErrNoBenchmarkHistory}
		}
		return sc
	}
	sc.Calls = make([]ScoredCall, 0, len(calls))
	for _, c := range calls {
		s := ScoredCall{Scorable: c}
		var ref *Reference
		if p, ok := RefFor(in.Refs[c.Code.Key()], c.Day); ok && p.Source == SourceUser && !p.Adjusted {
			ref = &Reference{Day: p.Day, Price: p.Close, Basis: Unadjusted}
		}
		var latest *Latest
		if l, ok := in.Latest[c.Code.Key()]; ok {
			latest = &l
		}
		h := in.History[c.Code.Key()]
		bench, benchLatest := in.Benchmark, in.BenchLatest
		if code, ok := in.SectorBenchmarks[c.Sector]; ok {
			s.Benchmark, bench, benchLatest = code, in.History[code.Key()], nil
			if l, ok := in.Latest[code.Key()]; ok {
				benchLatest = &l
			}
		}
		if len(bench.Bars) == 0 {
			s.Err = ErrNoBenchmarkHistory
			sc.Calls = append(sc.Calls, s)
			continue
		}
		s.Result, s.Err = ScoreCall(c.Day, ref, h, latest, bench, benchLatest)
		if errors.Is(s.Err, ErrNoReference) && len(h.Bars) > 0 && h.Bars[0].Date.After(market.ChinaDay(c.Day)) {
			s.Err = fmt.Errorf("%w: its history starts %s, after the call (listed since, or those days not fetched)", ErrStartsAfterCall, market.ChinaDate(h.Bars[0].Date))
		}
		if s.Err == nil {
			s.Err = benchmarkDays(c, s.Result, h, bench)
		}
		if s.Err == nil {
			s.Last = lastPrice(h, latest, s.Result.AsOf)
			if s.Result.AsOf.After(sc.AsOf) {
				sc.AsOf = s.Result.AsOf
			}
		}
		sc.Calls = append(sc.Calls, s)
	}
	if len(by) == 0 {
		by = Groupings
	}
	for _, g := range by {
		sc.Groups = append(sc.Groups, group(sc.Calls, g)...)
	}
	return sc
}

// benchmarkDays checks that the benchmark has its own close on the
// sessions a call is measured from and to, rather than the last one
// before (which a history missing a day would give): an index closes every
// session. It is measured from the stock's reference day, or the call's
// day for a call made while the stock was suspended; to the stock's last
// day, or the last day known for a stock still suspended. The end is
// checked when it is a close (a live price's day may be the benchmark's
// live quote, or none).
func benchmarkDays(c Scorable, r CallReturn, stock, bench PriceHistory) error {
	from := market.TradingDayOnOrBefore(r.Ref.Day)
	if r.Ref.Suspended {
		from = market.TradingDayOnOrBefore(c.Day)
	}
	if b, ok := bench.BarOnOrBefore(from); !ok || !b.Date.Equal(from) {
		return fmt.Errorf("%w on %s (asked again at the next fetch)", ErrBenchmarkDayMissing, market.ChinaDate(from))
	}
	end := market.ChinaDay(r.AsOf)
	if r.Suspended {
		end = market.TradingDayOnOrBefore(stock.Through)
	}
	if sb, ok := stock.BarOnOrBefore(r.AsOf); ok && (r.Suspended || sb.Date.Equal(market.ChinaDay(r.AsOf))) && !market.ChinaDay(r.BenchmarkAsOf).Equal(end) {
		return fmt.Errorf("%w on %s (asked again at the next fetch)", ErrBenchmarkDayMissing, market.ChinaDate(end))
	}
	if r.Suspended {
		if b, ok := bench.BarOnOrBefore(end); !ok || !b.Date.Equal(end) {
			return fmt.Errorf("%w on %s (asked again at the next fetch)", ErrBenchmarkDayMissing, market.ChinaDate(end))
		}
	}
	return nil
}

func lastPrice(h PriceHistory, latest *Latest, asOf time.Time) float64 {
	if latest != nil && market.ChinaDay(latest.Day).Equal(asOf) {
		return latest.Last
	}
	if b, ok := h.BarOnOrBefore(asOf); ok {
		return b.Close
	}
	return 0
}

// group sums the scored calls up by one grouping, groups in the order
// their first call comes (oldest first).
func group(calls []ScoredCall, by string) []ScoreGroup {
	var keys []string
	members := map[string][]int{} // indexes into calls: a ScoredCall is large to copy
	for i := range calls {
		c := &calls[i]
		if c.Err != nil {
			continue
		}
		var k string
		switch by {
		case ByReport:
			if !c.Report {
				continue
			}
			k = c.Source
		case BySector:
			k = c.Sector
		case ByRating:
			k = c.Rating.ID()
		case BySource:
			k = c.Source
			if strings.HasPrefix(k, "import:") {
				k = "import"
			}
		default:
			return nil
		}
		if _, ok := members[k]; !ok {
			keys = append(keys, k)
		}
		members[k] = append(members[k], i)
	}
	if by == ByRating {
		sort.SliceStable(keys, func(i, j int) bool { return rankOf(keys[i]) < rankOf(keys[j]) })
	}
	out := make([]ScoreGroup, 0, len(keys))
	for _, k := range keys {
		out = append(out, summarizeCalls(by, k, calls, members[k]))
	}
	return out
}

// summarizeCalls is one group's statistics, in each call's direction.
func summarizeCalls(by, key string, all []ScoredCall, members []int) ScoreGroup {
	g := ScoreGroup{By: by, Key: key}
	directed := make([]Scored, 0, len(members))
	right := 0
	for _, i := range members {
		c := &all[i]
		x := c.Result.ExcessPct
		if c.Rating == Unrated {
			g.Unrated++
		} else {
			g.Rated++
		}
		if ok, judged := Verdict(c.Rating, x); judged {
			g.Judged++
			if ok {
				right++
			}
		}
		if d := Direction(c.Rating); d != 0 {
			directed = append(directed, Scored{Key: c.Key, ExcessPct: float64(d) * x})
		}
	}
	g.GroupStats = Summarize(directed)
	g.Directed = len(directed)
	g.Count = len(members)
	g.Beat = right
	g.HitRatePct = 0
	if g.Judged > 0 {
		g.HitRatePct = float64(right) / float64(g.Judged) * 100
	}
	return g
}

func rankOf(id string) int {
	r, _ := ParseRating(id)
	return r.Rank()
}
