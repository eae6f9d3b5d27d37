package sectors

import (
	"math"
	"time"

	"zixuan/sectors/market"
)

// Period is how much market time one candle covers.
type Period int

// The periods a chart offers, as the terminals' 日线/周线/月线.
const (
	Daily Period = iota
	Weekly
	Monthly
)

// Candle is one period's prices and volume.
type Candle struct {
	Start, End time.Time // the first and last trading day in it
	Open       float64
	High       float64
	Low        float64
	Close      float64
	Volume     int64 // shares
	// ChangePct is the change from the previous candle's close, percent;
	// 0 for the first.
	ChangePct float64
}

// Candles are h's bars as candles of period p, oldest first. Adjusted
// gives forward-adjusted prices (前复权, as the terminals chart by
// default): every bar before an ex-date is scaled by the ratio of that
// ex-date's reference price to the close before it, so a distribution
// is no drop on the chart and the last candle's prices are the traded
// ones. A distribution whose terms cannot be applied (not Plausible off
// its close) scales nothing. Volume is never adjusted.
func Candles(h PriceHistory, p Period, adjusted bool) []Candle {
	if len(h.Bars) == 0 {
		return nil
	}
	scale := make([]float64, len(h.Bars))
	factor := 1.0
	ev := len(h.Events) - 1
	for i := len(h.Bars) - 1; i >= 0; i-- {
		scale[i] = factor
		if !adjusted || i == 0 {
			continue
		}
		// events with an ex-date after bar i-1 and on or before bar i
		// scale bar i-1 and everything before it
		for ev >= 0 && h.Events[ev].ExDate.After(h.Bars[i].Date) {
			ev--
		}
		for ev >= 0 && h.Events[ev].ExDate.After(h.Bars[i-1].Date) {
			if prev := h.Bars[i-1].Close; h.Events[ev].Plausible(prev) && prev > 0 {
				factor *= h.Events[ev].ReferencePrice(prev) / prev
			}
			ev--
		}
	}
	var out []Candle
	for i, b := range h.Bars {
		f := scale[i]
		day := market.ChinaDay(b.Date)
		if n := len(out); n > 0 && samePeriod(out[n-1].Start, day, p) {
			c := &out[n-1]
			c.End = day
			c.High = math.Max(c.High, b.High*f)
			c.Low = math.Min(c.Low, b.Low*f)
			c.Close = b.Close * f
			c.Volume += b.Volume
			continue
		}
		out = append(out, Candle{Start: day, End: day, Open: b.Open * f, High: b.High * f, Low: b.Low * f, Close: b.Close * f, Volume: b.Volume})
	}
	for i := 1; i < len(out); i++ {
		if prev := out[i-1].Close; prev > 0 {
			out[i].ChangePct = (out[i].Close/prev - 1) * 100
		}
	}
	return out
}

// samePeriod reports whether two trading days fall in one candle of p: a
// week runs Monday to Sunday, a month is the calendar month.
func samePeriod(a, b time.Time, p Period) bool {
	switch p {
	case Weekly:
		ya, wa := a.ISOWeek()
		yb, wb := b.ISOWeek()
		return ya == yb && wa == wb
	case Monthly:
		return a.Year() == b.Year() && a.Month() == b.Month()
	}
	return a.Equal(b)
}

// MovingAverage is the n-candle simple moving average of the closes (MA5,
// MA10, …), aligned with the candles: NaN where fewer than n candles are
// behind it.
func MovingAverage(candles []Candle, n int) []float64 {
	out := make([]float64, len(candles))
	sum := 0.0
	for i, c := range candles {
		sum += c.Close
		if i >= n {
			sum -= candles[i-n].Close
		}
		if i+1 < n || n <= 0 {
			out[i] = math.NaN()
			continue
		}
		out[i] = sum / float64(n)
	}
	return out
}
