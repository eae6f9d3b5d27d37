package sectors

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"
	"zixuan/sectors/market"
)

// How a call has done. Every return here is a total return from
// unadjusted prices: the price ratio, times the factor (ExRights.Factor)
// of every ex-date in between, which is what a holder who reinvested the
// cash and kept the bonus shares has. This stays right across ex-dates
// without refetching anything: a forward-adjusted (前复权) close, by
// contrast, is re-based by every later ex-date, and a cached one goes
// wrong (1.4× too high after a 10转4).

// RefBasis says what kind of price a reference is.
type RefBasis int

const (
	// Unadjusted is the price as traded on its day: the k-line's plain
	// "day" series, or a price set by hand (--ref-price, prices import),
	// which are always as traded and used as such.
	Unadjusted RefBasis = iota
	// ForwardAdjusted is a 前复权 close as the series stood on AdjustedAsOf.
	// It equals the traded price only when no ex-date lies between its day
	// and AdjustedAsOf; otherwise it cannot be used (ErrAdjustedReference).
	ForwardAdjusted
)

func (b RefBasis) String() string {
	if b == ForwardAdjusted {
		return "forward-adjusted"
	}
	return "unadjusted"
}

// Reference is the price a call's return is measured from.
type Reference struct {
	Day          time.Time // the trading day whose close it is
	Price        float64
	Basis        RefBasis
	AdjustedAsOf time.Time // for ForwardAdjusted: when the series was fetched
	// Suspended: the stock did not trade on the call's day (a session
	// day), and Day is its last trade before.
	Suspended bool
}

// Latest is the newest price, usually the live quote: Last on Day, with
// the quote's PrevClose, which on an ex-date is the exchange's ex-rights
// reference price, not the previous day's close.
type Latest struct {
	Day       time.Time
	Last      float64
	PrevClose float64
}

// Errors of the return maths.
var (
	// ErrNoReference: no close on or before the call's day in the history.
	ErrNoReference = errors.New("no reference close")
	// ErrAdjustedReference: a forward-adjusted reference with an ex-date
	// after it (or of unknown date): it is not the traded price.
	ErrAdjustedReference = errors.New("forward-adjusted reference across an ex-date")
	// ErrHistoryBehind: the history stops before the latest price's
	// previous trading day and what happened in between is not known.
	ErrHistoryBehind = errors.New("daily history behind the latest price")
	// ErrNoPrice: nothing to measure to.
	ErrNoPrice = errors.New("no price after the reference")
)

// Growth is a total return as a multiple: 1.25 is +25 %.
type Growth struct {
	From, To  time.Time // the reference day and the day of the last price used
	Multiple  float64
	Uncertain bool // an unread distribution lies in the window
}

// Pct is the growth in percent.
func (g Growth) Pct() float64 { return (g.Multiple - 1) * 100 }

// ReferenceFor is the reference of a call made on callDay from the history:
// the unadjusted close of that day, or of the last trading day before it
// when the market was shut (a weekend, a holiday) or the stock did not
// trade.
func ReferenceFor(h PriceHistory, callDay time.Time) (Reference, error) {
	ref, ok := referenceFor(h, callDay)
	if !ok {
		return Reference{}, fmt.Errorf("%w for %s on %s", ErrNoReference, h.Code, market.ChinaDate(callDay))
	}
	return ref, nil
}

// referenceFor is ReferenceFor without the error's words, for the list,
// which asks it of every ticker at every quote refresh.
func referenceFor(h PriceHistory, callDay time.Time) (Reference, bool) {
	if len(h.Bars) == 0 {
		return Reference{}, false
	}
	target := market.TradingDayOnOrBefore(callDay)
	b, ok := h.BarOnOrBefore(target)
	// a history that stops before the day has not got that close yet (a
	// call made today, before the k-line holds today's bar), unless the
	// days up to it are known and the stock did not trade on them (a call
	// made during a suspension: its last close stands)
	if !ok || b.Close <= 0 || h.Range().To.Before(target) && h.Through.Before(target) {
		return Reference{}, false
	}
	return Reference{Day: b.Date, Price: b.Close, Basis: Unadjusted, Suspended: b.Date.Before(target)}, true
}

// TotalReturn is the total return from ref to the latest price: the last
// bar of h on or before until (zero: no limit), then latest when it is
// newer than that bar (nil: bars only).
func TotalReturn(ref Reference, h PriceHistory, latest *Latest, until time.Time) (Growth, error) {
	if ref.Price <= 0 || ref.Day.IsZero() {
		return Growth{}, ErrNoReference
	}
	d0 := market.ChinaDay(ref.Day)
	if ref.Basis == ForwardAdjusted {
		if ref.AdjustedAsOf.IsZero() || eventBetween(h, d0, market.ChinaDay(ref.AdjustedAsOf).AddDate(0, 0, 1)) {
			return Growth{}, fmt.Errorf("%w: %s close of %s", ErrAdjustedReference, h.Code, market.ChinaDate(d0))
		}
	}
	end := h.Range().To
	if !until.IsZero() && (end.IsZero() || market.ChinaDay(until).Before(end)) {
		end = market.ChinaDay(until)
	}
	g := Growth{From: d0, To: d0, Multiple: 1}
	last, haveBar := h.BarOnOrBefore(end)
	if haveBar && !last.Date.Before(d0) {
		// price ratio to the last bar, times the factor of each ex-date
		f, unsure := h.exFactor(d0, ref.Price, last.Date)
		g.Multiple = last.Close / ref.Price * f
		g.To = last.Date
		g.Uncertain = unsure
	} else {
		// nothing on or after the reference day: the reference itself
		haveBar = false
		last = DailyBar{Date: d0, Close: ref.Price}
	}
	g.Uncertain = g.Uncertain || unreadBetween(h, d0, g.To)

	useLatest := latest != nil && latest.Last > 0 && market.ChinaDay(latest.Day).After(last.Date) &&
		(until.IsZero() || !market.ChinaDay(latest.Day).After(market.ChinaDay(until)))
	if !useLatest {
		if !haveBar {
			return g, ErrNoPrice
		}
		return g, finite(g)
	}
	day := market.ChinaDay(latest.Day)
	// From the last bar to the latest price. When the bar is the previous
	// trading day's, the quote's own previous close is the right base,
	// ex-date or not: on an ex-date it is the ex-rights reference price, so
	// Last/PrevClose is the day's move and the bar's close over PrevClose
	// the day's factor; the two multiply to Last/PrevClose. That is right
	// the moment the ex-date shows, before any k-line lists the
	// distribution.
	// no session missing between the last close known and the quote's
	// day: a reference set on a weekend or holiday (rated on a Saturday
	// with the price the user gave) is as good as the last session's
	noneMissing := !last.Date.Before(market.PrevTradingDay(day))
	switch {
	case haveBar && noneMissing && latest.PrevClose > 0:
		g.Multiple *= latest.Last / latest.PrevClose
	case eventBetween(h, last.Date, day.AddDate(0, 0, 1)) ||
		!noneMissing && latest.PrevClose > 0 && math.Abs(latest.PrevClose/last.Close-1) > 0.0005:
		// days missing, and in them a distribution or a move the bars do
		// not hold (a halted stock's quote keeps its last close: that is
		// fine and falls through)
		return g, fmt.Errorf("%w: %s bars end %s, price of %s", ErrHistoryBehind, h.Code, market.ChinaDate(last.Date), market.ChinaDate(day))
	default:
		g.Multiple *= latest.Last / last.Close
	}
	g.To = day
	return g, finite(g)
}

// ErrImplausible: a return that is no number (an infinite or negative
// multiple) is refused rather than shown.
var ErrImplausible = errors.New("return out of bounds")

func finite(g Growth) error {
	if math.IsNaN(g.Multiple) || math.IsInf(g.Multiple, 0) || !(g.Multiple > 0) {
		return ErrImplausible
	}
	return nil
}

// exFactor is the product of the factors (ExRights.Factor) of h's
// distributions with an ex-date in (from, to], each taken off the price
// the distribution comes off: the last close before its ex-date, or, when
// the stock has not traded since the previous ex-date (several ex-dates in
// one suspension), that ex-date's reference price, which is what the
// exchange quotes as the previous close on resumption; fromClose before
// any. unsure is set when an event could not be applied (not Plausible
// off its price): it counts as 1 and the return is flagged.
func (h PriceHistory) exFactor(from time.Time, fromClose float64, to time.Time) (f float64, unsure bool) {
	f = 1
	base, baseDay := fromClose, market.ChinaDay(from)
	for _, e := range h.Events {
		if !e.ExDate.After(from) || e.ExDate.After(to) {
			continue
		}
		if b, ok := h.BarBefore(e.ExDate); ok && b.Date.After(baseDay) {
			base, baseDay = b.Close, b.Date
		}
		if !e.Plausible(base) {
			unsure = true
			continue
		}
		f *= e.Factor(base)
		// a bar on this ex-date or later is a trade after it
		base, baseDay = e.ReferencePrice(base), e.ExDate.AddDate(0, 0, -1)
	}
	return f, unsure
}

// DayValue is one day of a series.
type DayValue struct {
	Day   time.Time
	Value float64
}

// TotalReturnSeries is h's closes from the first bar on or after from,
// each multiplied by the factors of the ex-dates since that bar, chained
// as TotalReturn chains them: the value of a holding bought at the first
// close, in units of that close, so that an ex-date is no fall.
func TotalReturnSeries(h PriceHistory, from time.Time) []DayValue {
	var out []DayValue
	from = market.ChinaDay(from)
	factor, base := 1.0, 0.0
	ev := 0
	for _, b := range h.Bars {
		for ev < len(h.Events) && !h.Events[ev].ExDate.After(b.Date) {
			if e := h.Events[ev]; len(out) > 0 && e.ExDate.After(out[len(out)-1].Day) && e.Plausible(base) {
				factor *= e.Factor(base)
				base = e.ReferencePrice(base)
			}
			ev++
		}
		if b.Close <= 0 {
			continue
		}
		base = b.Close
		if b.Date.Before(from) {
			continue
		}
		out = append(out, DayValue{b.Date, b.Close * factor})
	}
	return out
}

// eventBetween reports whether an ex-date (read or not) lies in (from, to).
func eventBetween(h PriceHistory, from, to time.Time) bool {
	for _, list := range [][]ExRights{h.Events, h.Unread} {
		for _, e := range list {
			if e.ExDate.After(from) && e.ExDate.Before(to) {
				return true
			}
		}
	}
	return false
}

func unreadBetween(h PriceHistory, from, to time.Time) bool {
	for _, e := range h.Unread {
		if e.ExDate.After(from) && !e.ExDate.After(to) {
			return true
		}
	}
	return false
}

// Horizons are the months after a call at which it is judged again.
var Horizons = []int{1, 3, 6, 12}

// HorizonReturn is a call's result a number of months after it.
type HorizonReturn struct {
	Months       int
	Day          time.Time // the trading day whose close is used
	ReturnPct    float64
	BenchmarkPct float64
	ExcessPct    float64
}

// CallReturn is how one call has done against the benchmark.
type CallReturn struct {
	Ref          Reference
	AsOf         time.Time // the day of the last price used
	ReturnPct    float64
	BenchmarkPct float64
	// BenchmarkAsOf is the day of the benchmark's last price: AsOf, unless
	// the benchmark had no price that day (no live quote given for it).
	BenchmarkAsOf time.Time
	// ExcessPct is ReturnPct − BenchmarkPct, in percentage points: what
	// a broker's relative rating (买入: beat 沪深300 by 10 % or more) is
	// about.
	ExcessPct float64
	Horizons  []HorizonReturn // those reached, in Horizons order
	Uncertain bool            // an unread distribution lies in the window
	// Suspended: the stock has not traded since AsOf although the days to
	// BenchmarkAsOf are known: its return stands at its last trade while
	// the benchmark runs on (a holder cannot sell).
	Suspended bool
}

// ScoreCall measures a call made on callDay from ref (nil: the close of
// that day, or of the last trading day before it, from stock) to the
// latest price, and the benchmark over the same window (same reference
// day, same end day: the benchmark's close on the stock's reference day,
// and its latest price or its close on the stock's last day).
func ScoreCall(callDay time.Time, ref *Reference, stock PriceHistory, stockLatest *Latest, bench PriceHistory, benchLatest *Latest) (CallReturn, error) {
	var r Reference
	if ref != nil {
		r = *ref
	} else {
		var err error
		if r, err = ReferenceFor(stock, callDay); err != nil {
			return CallReturn{}, err
		}
	}
	g, err := TotalReturn(r, stock, stockLatest, time.Time{})
	if err != nil {
		return CallReturn{}, err
	}
	// The benchmark from the call's day: a call made while the stock was
	// suspended is measured from its last close (nothing changed since),
	// but the market's move counts from the day the call was made.
	benchDay := r.Day
	if ref == nil && r.Suspended {
		benchDay = market.TradingDayOnOrBefore(callDay)
	}
	benchRef, err := ReferenceFor(bench, benchDay)
	if err != nil {
		return CallReturn{}, fmt.Errorf("benchmark: %w", err)
	}
	end := g.To
	suspended := false
	if stock.Range().To.Equal(g.To) && !market.NextTradingDay(g.To).After(market.ChinaDay(stock.Through)) {
		// no trade since the last bar, through days known: the benchmark
		// runs to the last day known, the stock's price stays
		end, suspended = market.ChinaDay(stock.Through), true
	}
	var bl *Latest
	if benchLatest != nil && market.ChinaDay(benchLatest.Day).Equal(end) {
		bl = benchLatest
	}
	bg, err := TotalReturn(benchRef, bench, bl, end)
	if err != nil {
		return CallReturn{}, fmt.Errorf("benchmark: %w", err)
	}
	out := CallReturn{Ref: r, AsOf: g.To, ReturnPct: g.Pct(), BenchmarkPct: bg.Pct(), BenchmarkAsOf: bg.To, Uncertain: g.Uncertain, Suspended: suspended}
	out.ExcessPct = out.ReturnPct - out.BenchmarkPct

	// Horizons from closed bars only: a horizon is reached when the
	// stock's history holds the trading day on or before the date that
	// many months after the call.
	for _, m := range Horizons {
		target := market.TradingDayOnOrBefore(AddMonths(market.ChinaDay(callDay), m))
		if h := stock.Range(); h.Empty() || h.To.Before(target) && stock.Through.Before(target) || !target.After(r.Day) {
			continue
		}
		sg, err := TotalReturn(r, stock, nil, target)
		if err != nil {
			continue
		}
		bgh, err := TotalReturn(benchRef, bench, nil, target)
		if err != nil {
			continue
		}
		out.Horizons = append(out.Horizons, HorizonReturn{Months: m, Day: sg.To,
			ReturnPct: sg.Pct(), BenchmarkPct: bgh.Pct(), ExcessPct: sg.Pct() - bgh.Pct()})
	}
	return out, nil
}

// AddMonths is day plus n calendar months, kept within the month it lands
// in: 01-31 plus one month is 02-28 (or 02-29), not 03-03.
func AddMonths(day time.Time, n int) time.Time {
	y, m, d := day.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, day.Location())
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, day.Location())
}

// Scored is one call in a group: its key (for naming the best and the
// worst) and its excess return over the benchmark.
type Scored struct {
	Key       string
	ExcessPct float64
}

// GroupStats sums up a group of calls.
type GroupStats struct {
	Count           int
	Beat            int     // calls with an excess return above zero
	HitRatePct      float64 // Beat / Count, in percent
	MeanExcessPct   float64
	MedianExcessPct float64
	Best, Worst     Scored // the highest and lowest excess (the first on a tie)
}

// Summarize computes a group's statistics; the zero GroupStats for none.
func Summarize(calls []Scored) GroupStats {
	var s GroupStats
	if len(calls) == 0 {
		return s
	}
	s.Count = len(calls)
	s.Best, s.Worst = calls[0], calls[0]
	xs := make([]float64, 0, len(calls))
	sum := 0.0
	for _, c := range calls {
		if c.ExcessPct > 0 {
			s.Beat++
		}
		if c.ExcessPct > s.Best.ExcessPct {
			s.Best = c
		}
		if c.ExcessPct < s.Worst.ExcessPct {
			s.Worst = c
		}
		sum += c.ExcessPct
		xs = append(xs, c.ExcessPct)
	}
	s.HitRatePct = float64(s.Beat) / float64(s.Count) * 100
	s.MeanExcessPct = sum / float64(s.Count)
	sort.Float64s(xs)
	if n := len(xs); n%2 == 1 {
		s.MedianExcessPct = xs[n/2]
	} else {
		s.MedianExcessPct = (xs[n/2-1] + xs[n/2]) / 2
	}
	return s
}
