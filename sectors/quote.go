package sectors

import (
	"time"
	"zixuan/sectors/market"
)

// Quote is one security's price at one moment, as the provider reported it.
type Quote struct {
	Code      market.Code
	Name      string  // the provider's short name (GBK decoded)
	Last      float64 // last trade; for a suspended stock, the previous close
	PrevClose float64
	Open      float64
	High      float64
	Low       float64
	Change    float64 // Last - PrevClose
	ChangePct float64 // percent, 1.5 = +1.5 %
	Volume    int64   // shares, whatever unit the provider used
	Amount    float64 // yuan
	Turnover  float64 // percent of the float traded today; 0 when unknown
	PE        float64 // 0 when unknown or loss-making (see LossMaking)
	Time      time.Time
	// Suspended is a real halt (停牌): the provider says so (Sina's status
	// field), or nothing has traded although continuous trading has begun.
	// A stock with no trade yet in the 09:15–09:25 call auction is PreOpen,
	// not suspended.
	Suspended bool
	// Halt is the provider's word for the halt when it gave one ("停牌",
	// "临停1H"); "" otherwise.
	Halt string
	// PreOpen: no trade yet because the session has not opened (the quote
	// is stamped before 09:30 on a trading day). Last is the previous
	// close or the auction's indicative price, not a trade.
	PreOpen bool
	// LossMaking: the provider's PE is negative, i.e. the company lost
	// money; there is no multiple to show (show 亏损 / "loss").
	LossMaking bool
	// The day's figures beyond the price, as the server gave them; 0 when
	// it gave none (Sina gives only the order book) or something out of
	// bounds.
	Amplitude   float64 // 振幅: (high − low) ÷ previous close, percent
	VolumeRatio float64 // 量比: volume per minute today ÷ the last five days' average
	FloatCap    float64 // 流通市值, yuan
	TotalCap    float64 // 总市值, yuan
	PB          float64 // 市净率; 0 when unknown or the equity is negative
	LimitUp     float64 // 涨停价, the day's upper price limit
	LimitDown   float64 // 跌停价, the day's lower price limit
	// Bids and Asks are the order book's five levels (买一..买五,
	// 卖一..卖五), best first; a level with nothing at it is zero.
	Bids, Asks [5]Level
	// ChangeUnknown: the change the provider gave (or the one computed from
	// its prices) is beyond ±100 %, which no A-share move outside a first
	// trading day reaches and a garbled answer easily does. Change and
	// ChangePct are then 0 and must not be shown as numbers.
	ChangeUnknown bool
}

// ForAlerts is the quote as alerts judge it (IsTrade decides whether it
// is a trade at all).
func (q Quote) ForAlerts() AlertQuote {
	return AlertQuote{Last: q.Last, PrevClose: q.PrevClose, ChangePct: q.ChangePct, High: q.High, Time: q.Time,
		PreOpen: q.PreOpen, Suspended: q.Suspended, Halt: q.Halt, ChangeUnknown: q.ChangeUnknown}
}

// AsLatest is the quote as the latest price a return runs to; false when
// it is no trade to measure to (before the open, a halt, a garbled change).
func (q Quote) AsLatest() (Latest, bool) {
	if !(q.Last > 0) || q.Suspended || q.PreOpen || q.ChangeUnknown {
		return Latest{}, false
	}
	return Latest{Day: market.ChinaDay(q.Time), Last: q.Last, PrevClose: q.PrevClose}, true
}

// LatestOf is the quotes (by Code.Key()) as latest prices, and the
// benchmark's among them.
func LatestOf(quotes map[string]Quote) (map[string]Latest, *Latest) {
	out := make(map[string]Latest, len(quotes))
	for k, q := range quotes {
		if l, ok := q.AsLatest(); ok {
			out[k] = l
		}
	}
	if l, ok := out[Benchmark.Key()]; ok {
		return out, &l
	}
	return out, nil
}

// Level is one price level of the order book: a price and the shares bid
// or offered at it.
type Level struct {
	Price  float64
	Shares int64
}

// OrderRatio is 委比, the balance of the five bid and ask levels:
// (shares bid − shares offered) ÷ (their sum), in percent from −100 (all
// offers) to +100 (all bids); ok is false when the book is empty.
func (q Quote) OrderRatio() (pct float64, ok bool) {
	var bid, ask int64
	for i := range q.Bids {
		bid += q.Bids[i].Shares
		ask += q.Asks[i].Shares
	}
	if bid+ask == 0 {
		return 0, false
	}
	return float64(bid-ask) / float64(bid+ask) * 100, true
}

// LimitState is where a quote stands against the day's price limits.
type LimitState int

const (
	NotAtLimit  LimitState = iota
	AtLimitUp              // 涨停: the last trade at the upper limit
	AtLimitDown            // 跌停: at the lower limit
)

// Limits are the day's limit-up and limit-down prices of a quote: the
// board's rules in force on the quote's day decide whether the stock has
// limits at all (LimitPct: none for a new listing's first sessions or an
// index); the prices are the server's when it gives them (the exchange
// sets them), else computed from the previous close. ok is false without
// limits.
func (q Quote) Limits() (up, down float64, ok bool) {
	day := q.Time
	if day.IsZero() {
		return 0, 0, false
	}
	up, down, ok = LimitPrices(q.Code, q.Name, q.PrevClose, day)
	// the exchange's limits bracket the previous close; a pair that does
	// not (another security's, a garbled line) is not this quote's
	server := q.LimitUp > 0 && q.LimitDown > 0 && q.LimitDown < q.LimitUp &&
		(q.PrevClose <= 0 || q.LimitDown < q.PrevClose && q.PrevClose < q.LimitUp)
	// a fund whose code does not tell its limit (a Shenzhen ETF may track
	// ChiNext, at 20 %) has the one the server gives; an index has none
	if !ok && !(server && q.Code.IsFund()) {
		return 0, 0, false
	}
	if server {
		up, down = q.LimitUp, q.LimitDown
	}
	return up, down, true
}

// Limit says whether the last trade is at the day's limit-up or
// limit-down price. A quote that is no trade (suspended, before the open)
// is at no limit.
func (q Quote) Limit() LimitState {
	if q.Suspended || q.PreOpen || q.Last <= 0 {
		return NotAtLimit
	}
	up, down, ok := q.Limits()
	switch {
	case !ok:
		return NotAtLimit
	case q.Last >= up-0.0005:
		return AtLimitUp
	case q.Last <= down+0.0005:
		return AtLimitDown
	}
	return NotAtLimit
}

// Breadth is how a set of securities moved today: how many rose, stayed
// flat or fell, and how many stand at their limits. Quotes that are no
// trade today (suspended, before the open, or an unknown change) are
// counted apart, never as flat.
type Breadth struct {
	Up, Flat, Down     int
	LimitUp, LimitDown int
	NoTrade            int
}

// Tally is how one quote counts in a Breadth: its move and the limit it
// is at, small enough to keep beside every row of a watchlist so that a
// tab's breadth is a sum rather than a rule applied again per frame.
type Tally uint8

const (
	TallyNoTrade Tally = iota // suspended, before the open, unknown, no quote
	TallyUp
	TallyFlat
	TallyDown

	tallyMove      Tally = 3
	TallyLimitUp   Tally = 1 << 2 // or'ed with TallyUp and the like
	TallyLimitDown Tally = 2 << 2
)

// TallyOf is how q counts; ok false (no quote) is TallyNoTrade.
func TallyOf(q Quote, ok bool) Tally {
	if !ok || q.Suspended || q.PreOpen || q.ChangeUnknown || q.Last <= 0 {
		return TallyNoTrade
	}
	t := TallyFlat
	switch {
	case q.Change > 0:
		t = TallyUp
	case q.Change < 0:
		t = TallyDown
	}
	switch q.Limit() {
	case AtLimitUp:
		t |= TallyLimitUp
	case AtLimitDown:
		t |= TallyLimitDown
	}
	return t
}

// Limit is the limit the tally is at.
func (t Tally) Limit() LimitState {
	switch {
	case t&TallyLimitUp != 0:
		return AtLimitUp
	case t&TallyLimitDown != 0:
		return AtLimitDown
	}
	return NotAtLimit
}

// Add counts one quote's tally.
func (b *Breadth) Add(t Tally) {
	switch t & tallyMove {
	case TallyUp:
		b.Up++
	case TallyFlat:
		b.Flat++
	case TallyDown:
		b.Down++
	default:
		b.NoTrade++
	}
	switch t.Limit() {
	case AtLimitUp:
		b.LimitUp++
	case AtLimitDown:
		b.LimitDown++
	}
}

// BreadthOf counts the quotes of codes (a tab's tickers); codes without a
// quote count as NoTrade.
func BreadthOf(codes []market.Code, quotes map[string]Quote) Breadth {
	var b Breadth
	for _, c := range codes {
		q, ok := quotes[c.Key()]
		b.Add(TallyOf(q, ok))
	}
	return b
}

// StripIndexes are the indexes the header's strip shows unless configured
// otherwise: 上证指数, 深证成指, 创业板指, 沪深300, 科创50.
var StripIndexes = []market.Code{
	{Exchange: market.SH, Number: "000001"},
	{Exchange: market.SZ, Number: "399001"},
	{Exchange: market.SZ, Number: "399006"},
	{Exchange: market.SH, Number: "000300"},
	{Exchange: market.SH, Number: "000688"},
}
