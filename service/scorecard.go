package service

import (
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// Scorecards are computed here, for `zixuan scorecard` and the TUI's
// scorecard view alike: how every call has done against its benchmark,
// from the daily history and the latest prices. The history is the
// caller's to bring (the TUI holds it loaded; the CLI reads it through a
// HistoryReader, which may fetch what is missing): Score takes the
// histories, Scorecard the reader.

// ScoreRequest is what a scorecard is computed from.
type ScoreRequest struct {
	Calls []sectors.Scorable
	// History is the daily history by Code.Key(): of the calls' stocks
	// (their bars may be cut to what their figures read) and of the
	// benchmarks, whole.
	History map[string]sectors.PriceHistory
	Refs    map[string][]sectors.RefPrice // the reference closes set by hand
	// Quotes are live quotes: a trade of today is a stock's latest price,
	// and the benchmark's when it is among them.
	Quotes map[string]sectors.Quote
	// BenchLatest is the benchmark's latest price when Quotes have none.
	BenchLatest *sectors.Latest
	// Benchmark is the index the calls are measured against (zero:
	// 沪深300); SectorBenchmarks a sector's own, by sector id.
	Benchmark        market.Code
	SectorBenchmarks map[string]market.Code
	// By are the groupings made (sectors.ByReport, …); none: every one.
	By []string
}

// Score computes the scorecard of r.
func Score(r ScoreRequest) sectors.Scorecard {
	bench := r.Benchmark
	if bench == (market.Code{}) {
		bench = sectors.Benchmark
	}
	in := sectors.ScoreInput{History: r.History, Refs: r.Refs}
	in.Latest, _ = sectors.LatestOf(r.Quotes)
	if l, ok := in.Latest[bench.Key()]; ok {
		in.BenchLatest = &l
	} else if r.BenchLatest != nil {
		l := *r.BenchLatest
		in.BenchLatest = &l
	}
	in.Benchmark = in.History[bench.Key()]
	if len(r.SectorBenchmarks) > 0 {
		in.SectorBenchmarks = r.SectorBenchmarks
	}
	return sectors.Score(r.Calls, in, r.By...)
}

// ScorecardAsk is a scorecard asked of the store.
type ScorecardAsk struct {
	// Snapshot is the store's data the calls come from (its reports and
	// reference closes).
	Snapshot *sectors.Snapshot
	// Calls are the calls to score (nil: every scorable call of Snapshot).
	Calls            []sectors.Scorable
	Benchmark        market.Code // zero: 沪深300
	SectorBenchmarks map[string]market.Code
	By               []string
	// History reads the histories (nil: what the store holds). It is
	// asked for the benchmarks whole and, of each stock, the bars its
	// calls' figures read, from the earliest call, with Fetch set.
	History HistoryReader
	// Quotes gives the latest prices (nil: none; the history's last
	// closes then stand).
	Quotes QuoteSource
}

// ScorecardResult is a scorecard and where its prices came from.
type ScorecardResult struct {
	Scorecard sectors.Scorecard
	// Online: the history reader reached the k-line server.
	Online bool
}

// Scorecard scores ask.Calls from the history ask.History reads and the
// quotes ask.Quotes gives. A quote source's error is no error of the
// scorecard's: the history's last closes stand for what it lacks.
func (s *Service) Scorecard(ask ScorecardAsk) (ScorecardResult, error) {
	calls := ask.Calls
	if calls == nil && ask.Snapshot != nil {
		calls = sectors.ScorableCalls(ask.Snapshot)
	}
	bench := ask.Benchmark
	if bench == (market.Code{}) {
		bench = sectors.Benchmark
	}
	codes := []market.Code{bench}
	benches := map[string]bool{bench.Key(): true}
	for _, c := range ask.SectorBenchmarks {
		if !benches[c.Key()] {
			benches[c.Key()] = true
			codes = append(codes, c)
		}
	}
	seen := map[string]bool{}
	var earliest time.Time
	callDays := map[string][]time.Time{}
	for _, call := range calls {
		k := call.Code.Key()
		if !seen[k] && !benches[k] {
			seen[k] = true
			codes = append(codes, call.Code)
		}
		if earliest.IsZero() || call.Day.Before(earliest) {
			earliest = call.Day
		}
		callDays[k] = append(callDays[k], call.Day)
	}
	// of a stock, the bars its calls' figures read; an index's whole
	// history, as every call is measured against it
	keep := func(h sectors.PriceHistory) []sectors.DailyBar {
		if benches[h.Code.Key()] {
			return h.Bars
		}
		return sectors.KeepForScoring(h, callDays[h.Code.Key()])
	}
	read := ask.History
	if read == nil {
		read = s.StoredHistory
	}
	history, online, err := read(HistoryNeed{Codes: codes, From: earliest, Keep: keep, Fetch: true})
	if err != nil {
		return ScorecardResult{}, err
	}
	var quotes map[string]sectors.Quote
	if ask.Quotes != nil {
		quotes, _ = ask.Quotes(codes)
	}
	r := ScoreRequest{Calls: calls, History: history, Quotes: quotes, Benchmark: bench, SectorBenchmarks: ask.SectorBenchmarks, By: ask.By}
	if ask.Snapshot != nil {
		r.Refs = ask.Snapshot.Refs
	}
	return ScorecardResult{Scorecard: Score(r), Online: online}, nil
}
