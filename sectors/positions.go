package sectors

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"
	"zixuan/sectors/market"
)

// Positions are built from trades: each buy is a lot (a date, a price, a
// quantity, its fees), and each sell takes shares from the oldest lots
// first (FIFO), realising the difference between what it fetched and
// what those shares cost.

// TradeSide is a buy or a sell.
type TradeSide string

// The sides.
const (
	Bought TradeSide = "buy"
	Sold   TradeSide = "sell"
)

// Trade is one buy or sell.
type Trade struct {
	ID      uint64
	Code    market.Code
	Side    TradeSide
	Date    time.Time // the trading day, midnight China time
	Price   float64
	Qty     int64
	Fee     float64 // yuan, all costs of the trade
	Created time.Time
	// Forced: recorded although it breaks an exchange rule (a statement's
	// line for a transfer in, a corporate action, a rights subscription).
	Forced bool
	// Breaks is the exchange rule the trade breaks, worked out when the
	// trades are replayed (never stored); "" for none.
	Breaks string
}

// Lot is what is left of one buy.
type Lot struct {
	BuyID uint64
	Date  time.Time
	Price float64
	Qty   int64   // shares left (bonus shares included)
	Cost  float64 // what the shares left cost, their share of the fee included
}

// Action is a distribution or rights issue as it reached a holding, on its
// ex-date.
type Action struct {
	ExRights
	Held   int64   // shares held at the record date (the close before the ex-date)
	Shares int64   // bonus shares added (送/转), at no cost
	Cash   float64 // cash dividend credited, yuan, before tax (派)
	// Offered is the rights shares the holding could subscribe (配) at
	// RightsPrice: not taken up unless a buy records it.
	Offered int64
	// Unread: the event could not be applied (its text not read, or its
	// figures implausible off the close before it); the holding may be
	// wrong from here and says so.
	Unread bool
}

// Position is what is held of one ticker.
type Position struct {
	Code      market.Code
	Qty       int64
	Cost      float64   // of the shares held, fees included
	Realised  float64   // P&L of the sells, fees included, and the dividends
	Dividends float64   // the cash dividends of the holding (in Realised)
	FirstBuy  time.Time // the first buy of the shares held (since the last time none were)
	Lots      []Lot     // oldest first, only those with shares left
	Trades    []Trade   // every trade, in order
	Actions   []Action  // every distribution that reached the holding, in order
	// KnownFrom and KnownTo are the days the distributions are known for
	// (the stored history's first bar and the last day it covers); zero
	// when none is stored.
	KnownFrom, KnownTo time.Time

	boughtDay   time.Time // the day of the latest buys (T+1)
	boughtToday int64     // shares bought on boughtDay
}

// Uncertain reports whether a distribution could not be applied.
func (p Position) Uncertain() bool {
	for _, a := range p.Actions {
		if a.Unread {
			return true
		}
	}
	return false
}

// AvgPrice is the cost per share held.
func (p Position) AvgPrice() float64 {
	if p.Qty == 0 {
		return 0
	}
	return p.Cost / float64(p.Qty)
}

// Value is the shares held at last.
func (p Position) Value(last float64) float64 { return float64(p.Qty) * last }

// PnL is the unrealised profit at last, and in percent of the cost.
func (p Position) PnL(last float64) (float64, float64) {
	pnl := p.Value(last) - p.Cost
	if p.Cost <= 0 {
		return pnl, 0
	}
	return pnl, pnl / p.Cost * 100
}

// Errors of trades.
var (
	ErrTradeInput = errors.New("bad trade")
	ErrOversold   = errors.New("selling more than held")
	// ErrTradeRule: a trade the exchanges would not take (a lot, T+1, a
	// closed day); --force records it as a statement's line.
	ErrTradeRule = errors.New("against the exchange's rules")
)

// Bounds of a trade's figures: beyond them a figure is a typo, and one
// near the int64 or float64 limits would wrap or turn infinite in a sum.
const (
	MaxTradeQty   = 10_000_000_000 // shares: more than any holder's stake
	MaxTradePrice = 100_000        // yuan a share: far above any A-share
)

// FirstSession is the Shanghai exchange's first trading day: no A-share
// trade is older.
var FirstSession = time.Date(1990, 12, 19, 0, 0, 0, 0, market.China)

// BoardLot is the board's lot: 200 shares on STAR (the least a buy may
// be), 100 elsewhere. Funds, the STAR ETFs included, trade in lots of 100
// units (份), as main-board stocks do: the STAR market's own 200-share
// rule is for its stocks (brokers' guides: "最小交易单位为1手，1手通常
// 等于100份基金份额").
func BoardLot(code market.Code) int64 {
	if code.Board() == market.BoardSTAR {
		return 200
	}
	return 100
}

// CheckTrade checks a trade's figures (CheckTradeBounds) and, unless it is
// Forced, the rules a trade meets whatever is held: a buy in the board's
// lots (buyRule) on a session day. The rules that depend on the holding
// (a sell's lots, T+1) are checked when the trades are replayed
// (BuildHoldings sets Trade.Breaks).
func CheckTrade(t Trade, now time.Time) error {
	if err := CheckTradeBounds(t, now); err != nil {
		return err
	}
	if t.Forced {
		return nil
	}
	if r := staticRule(t); r != "" {
		return fmt.Errorf("%w: %s", ErrTradeRule, r)
	}
	return nil
}

// CheckTradeBounds checks what no trade may be, forced or not: a side, a
// stock (not an index), a price above 0 (0 only for a forced line, a
// transfer in at no cost) up to MaxTradePrice, 1 to MaxTradeQty shares, a
// fee from 0 to the trade's amount (at least 100 yuan allowed, for the
// minimum commission on a small trade), a day from FirstSession to today.
func CheckTradeBounds(t Trade, now time.Time) error {
	amount := float64(t.Qty) * t.Price
	switch {
	case t.Side != Bought && t.Side != Sold:
		return fmt.Errorf("%w: neither a buy nor a sell", ErrTradeInput)
	case t.Code.IsIndex():
		return fmt.Errorf("%w: %s is an index, not a stock", ErrTradeInput, t.Code.Key())
	case math.IsNaN(t.Price) || t.Price < 0 || t.Price == 0 && !t.Forced || t.Price > MaxTradePrice:
		return fmt.Errorf("%w: %s is not a price: give a positive price up to %d, such as 12.50", ErrTradeInput, shortNum(t.Price), MaxTradePrice)
	case t.Qty <= 0 || t.Qty > MaxTradeQty:
		return fmt.Errorf("%w: %d is not a quantity: give 1 to %d shares", ErrTradeInput, t.Qty, int64(MaxTradeQty))
	case math.IsNaN(t.Fee) || t.Fee < 0 || t.Fee > max(amount, 100):
		return fmt.Errorf("%w: a fee of %s: a fee is 0 or more and at most the trade's amount (%s)", ErrTradeInput, shortNum(t.Fee), shortNum(max(amount, 100)))
	case t.Date.IsZero():
		return fmt.Errorf("%w: no date", ErrTradeInput)
	case market.ChinaDay(t.Date).Before(FirstSession):
		return fmt.Errorf("%w: %s is before the exchanges opened (%s)", ErrTradeInput, market.ChinaDate(t.Date), market.ChinaDate(FirstSession))
	case market.ChinaDay(t.Date).After(market.ChinaDay(now)):
		return fmt.Errorf("%w: %s is in the future", ErrTradeInput, market.ChinaDate(t.Date))
	}
	return nil
}

// shortNum is a figure of a message: in full when it is of a sensible size,
// else in exponent form (1e+308, not 309 digits).
func shortNum(v float64) string {
	if math.Abs(v) >= 1e9 {
		return strconv.FormatFloat(v, 'g', 6, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// staticRule is the rule t breaks whatever is held: a trade on a day the
// exchanges are shut, or a buy not in the board's lots. "" for none.
func staticRule(t Trade) string {
	if !market.IsTradingDay(t.Date) {
		why := "a weekend"
		if h := market.Holiday(t.Date); h != "" {
			why = "an exchange holiday (" + h + ")"
		}
		return fmt.Sprintf("%s is %s: trades are made on session days only", market.ChinaDate(t.Date), why)
	}
	if t.Side == Bought {
		return buyRule(t.Code, t.Qty)
	}
	return ""
}

// The lot rules, as the exchanges' trading rules set them (quoted from
// the rules' sections on the quantity of an order, 申报数量):
//   - SSE and SZSE main boards and ChiNext (上海/深圳证券交易所交易规则): "买入
//     股票…申报数量应当为100股或其整数倍"; "卖出股票…余额不足100股部分，应当
//     一次性申报卖出". A holder of 4,880 sells 4,880, lots, or the odd 80
//     alone or with lots (580), never 60 of the 80.
//   - STAR (上海证券交易所科创板股票交易特别规定): "单笔申报数量应当不小于
//     200股…超过200股的部分，可以以1股为单位递增"; "卖出时，余额不足200股的
//     部分，应当一次性申报卖出".
//   - BSE (北京证券交易所交易规则): an order of at least 100 shares, in
//     steps of one share; a balance under 100 sold in one order.
func buyRule(code market.Code, qty int64) string {
	switch b := code.Board(); b {
	case market.BoardSTAR, market.BoardBSE:
		if least := BoardLot(code); qty < least { // 200 on STAR, 100 on the BSE
			return fmt.Sprintf("a buy on %s is at least %d shares, in steps of 1 (%d is not)", b, least, qty)
		}
	default:
		if qty%100 != 0 {
			return fmt.Sprintf("a buy is whole lots of 100 shares (%d is not)", qty)
		}
	}
	return ""
}

// sellRule is the rule a sell of qty out of held breaks ("" for none).
func sellRule(code market.Code, qty, held int64) string {
	if qty == held {
		return "" // the whole holding always sells
	}
	switch b := code.Board(); b {
	case market.BoardSTAR:
		if qty < 200 {
			return fmt.Sprintf("a sell on STAR is at least 200 shares, or the whole holding (%d of %d)", qty, held)
		}
	case market.BoardBSE:
		if qty < 100 {
			return fmt.Sprintf("a sell on the BSE is at least 100 shares, or the whole holding (%d of %d)", qty, held)
		}
	default:
		if qty%100 != 0 && qty%100 != held%100 {
			if held%100 == 0 {
				return fmt.Sprintf("a sell is whole lots of 100 shares (%d of %d held)", qty, held)
			}
			return fmt.Sprintf("a sell is whole lots of 100 shares, an odd lot only as the whole odd remainder (%d of %d held: the odd %d goes in one sell)", qty, held, held%100)
		}
	}
	return ""
}

// SortTrades orders trades by date, then by id (the order they were
// entered in).
func SortTrades(ts []Trade) {
	sort.SliceStable(ts, func(i, j int) bool {
		if !ts[i].Date.Equal(ts[j].Date) {
			return ts[i].Date.Before(ts[j].Date)
		}
		return ts[i].ID < ts[j].ID
	})
}

// BuildPositions replays trades alone (no distributions) into positions:
// BuildHoldings without histories.
func BuildPositions(trades []Trade) ([]Position, error) {
	return BuildHoldings(trades, nil)
}

// BuildHoldings replays trades (any order) into positions, one a ticker
// that has any trade, ordered by code, with the distributions of each
// ticker's history (by Code.Key(); its Events, Unread and the bars to
// check them against) applied on their ex-dates, before that day's
// trades, the way a broker's statement has them (the holder of record is
// who held at the close before the ex-date):
//
//   - 送/转: bonus shares, at no cost: floor(shares × bonus), spread over the
//     lots (each keeps its cost, so its cost per share falls);
//   - 派: the cash, before tax, is income on the ex-date (the A-share pay
//     date is the ex-date), in Realised and Dividends; 红利税 is not
//     modelled (brokers take it at the sell, by holding period);
//   - 配: offered, not taken up: a subscription is a buy at the rights
//     price that the user records (with --force: it is no board lot);
//   - an event that cannot be read or is implausible is listed, unread, and
//     the position says it is uncertain.
//
// A sell of more than is held at its date is ErrOversold, naming the
// trade. A trade that breaks a rule the exchanges apply (a sell's lots, T+1,
// a closed day, a buy's lots) gets Breaks set; it is not an error here, so
// that trades stored before a rule was checked still replay.
func BuildHoldings(trades []Trade, histories map[string]PriceHistory) ([]Position, error) {
	ts := append([]Trade(nil), trades...)
	SortTrades(ts)
	// each code's trades, in the order sorted: a pass over every trade
	// for each code was 61 million steps at the whole market
	tradesOf := map[string][]Trade{}
	var keys []string
	for _, t := range ts {
		k := t.Code.Key()
		if tradesOf[k] == nil {
			keys = append(keys, k)
		}
		tradesOf[k] = append(tradesOf[k], t)
	}
	sort.Strings(keys)
	out := make([]Position, 0, len(keys))
	for _, k := range keys {
		p := &Position{Code: tradesOf[k][0].Code}
		h := histories[k]
		ev := append(append([]ExRights(nil), h.Events...), h.Unread...)
		isUnread := func(i int) bool { return i >= len(h.Events) }
		order := make([]int, len(ev))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return ev[order[a]].ExDate.Before(ev[order[b]].ExDate) })
		p.KnownFrom, p.KnownTo = h.Range().From, maxTime(h.Through, h.Range().To)
		next := 0
		for _, t := range tradesOf[k] {
			for next < len(order) && !ev[order[next]].ExDate.After(t.Date) {
				p.distribute(ev[order[next]], isUnread(order[next]), h)
				next++
			}
			if err := p.apply(t); err != nil {
				return nil, err
			}
		}
		for ; next < len(order); next++ {
			p.distribute(ev[order[next]], isUnread(order[next]), h)
		}
		out = append(out, *p)
	}
	return out, nil
}

// distribute applies one ex-date to the holding (nothing when none is
// held at the record date).
func (p *Position) distribute(e ExRights, unread bool, h PriceHistory) {
	if p.Qty <= 0 {
		return
	}
	a := Action{ExRights: e, Held: p.Qty}
	if d, _ := ReadDistribution(e.Text); unread && d.Rights > 0 && d.Cash == 0 && d.Bonus == 0 && d.Rights <= MaxBonusPerShare {
		// a rights issue whose price is not known: the return across it is
		// uncertain, but a holding that does not take it up is not changed
		a.RightsPerShare = d.Rights
		a.Offered = int64(math.Floor(float64(a.Held)*d.Rights + 1e-6))
		p.Actions = append(p.Actions, a)
		return
	}
	prev, ok := h.BarBefore(e.ExDate)
	if unread || !ok || !e.Plausible(prev.Close) {
		a.Unread = true
		p.Actions = append(p.Actions, a)
		return
	}
	if e.CashPerShare > 0 { // on the shares of record, to the fen
		a.Cash = math.Round(float64(a.Held)*e.CashPerShare*100) / 100
		p.Realised += a.Cash
		p.Dividends += a.Cash
	}
	if e.BonusPerShare > 0 {
		a.Shares = p.addBonus(e.BonusPerShare)
	}
	if e.RightsPerShare > 0 {
		a.Offered = int64(math.Floor(float64(a.Held)*e.RightsPerShare + 1e-6))
	}
	p.Actions = append(p.Actions, a)
}

// addBonus adds floor(held × bonus) shares at no cost, spread over the
// lots in proportion (each lot's own floor, the shares the floors leave
// going to the lots with the largest fractions, as the registrar spreads
// fractional shares), and returns how many.
func (p *Position) addBonus(bonus float64) int64 {
	total := int64(math.Floor(float64(p.Qty)*bonus + 1e-6))
	if total <= 0 || total > MaxTradeQty*100 {
		return 0
	}
	given := int64(0)
	frac := make([]float64, len(p.Lots))
	for i := range p.Lots {
		exact := float64(p.Lots[i].Qty) * bonus
		n := int64(math.Floor(exact)) // never more than the total's share: the rest follows
		frac[i] = exact - float64(n)
		p.Lots[i].Qty += n
		given += n
	}
	idx := make([]int, len(p.Lots))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return frac[idx[a]] > frac[idx[b]] })
	for j := 0; given < total && len(idx) > 0; j = (j + 1) % len(idx) {
		p.Lots[idx[j]].Qty++
		given++
	}
	p.Qty += total
	return total
}

func (p *Position) apply(t Trade) error {
	t.Breaks = staticRule(t)
	if !market.ChinaDay(t.Date).Equal(p.boughtDay) {
		p.boughtDay, p.boughtToday = market.ChinaDay(t.Date), 0
	}
	if t.Side == Bought {
		if p.Qty == 0 {
			p.FirstBuy = t.Date // the first buy of the holding (after a full sell, a new one)
		}
		cost := float64(t.Qty)*t.Price + t.Fee
		p.Lots = append(p.Lots, Lot{BuyID: t.ID, Date: t.Date, Price: t.Price, Qty: t.Qty, Cost: cost})
		p.Qty += t.Qty
		p.Cost += cost
		p.boughtToday += t.Qty
		p.Trades = append(p.Trades, t)
		return nil
	}
	if t.Qty > p.Qty {
		unknown := ""
		if p.KnownTo.Before(market.ChinaDay(t.Date)) {
			// bonus shares of an ex-date not yet in the stored history may be
			// what the sell counts on
			unknown = " (no distribution known: its daily history is not stored)"
			if !p.KnownTo.IsZero() {
				unknown = fmt.Sprintf(" (no distribution known after %s: its daily history is not stored further)", market.ChinaDate(p.KnownTo))
			}
		}
		return fmt.Errorf("%w: %s sells %d shares on %s but holds %d%s", ErrOversold, t.Code.Key(), t.Qty, market.ChinaDate(t.Date), p.Qty, unknown)
	}
	if t.Breaks == "" {
		// T+1: shares bought today sell from the next session. Not for a
		// fund: cross-border, bond, gold and money-market ETFs trade T+0,
		// and a code does not say which a fund is (510900, H股ETF, is
		// T+0 beside 510300, T+1), so zixuan does not hold a fund's
		// same-day sale against the user.
		if free := p.Qty - p.boughtToday; t.Qty > free && !t.Code.IsFund() {
			t.Breaks = fmt.Sprintf("T+1: %d of the %d shares held were bought on %s and sell from the next session", p.boughtToday, p.Qty, market.ChinaDate(t.Date))
		} else {
			t.Breaks = sellRule(t.Code, t.Qty, p.Qty)
		}
	}
	p.Trades = append(p.Trades, t)
	left := t.Qty
	var cost float64
	for left > 0 {
		l := &p.Lots[0]
		take := min(left, l.Qty)
		part := l.Cost * float64(take) / float64(l.Qty)
		cost += part
		l.Qty -= take
		l.Cost -= part
		left -= take
		if l.Qty == 0 {
			p.Lots = p.Lots[1:]
		}
	}
	p.Qty -= t.Qty
	p.boughtToday = min(p.boughtToday, p.Qty)
	p.Cost -= cost
	if p.Qty == 0 {
		p.Cost = 0 // no rounding dust on a closed position
	}
	p.Realised += float64(t.Qty)*t.Price - t.Fee - cost
	return nil
}

// PositionTotal sums positions at their last prices (by Code.Key(); a
// ticker without one counts at cost, and Priced says how many had one).
type PositionTotal struct {
	Cost, Value, PnL, PnLPct, Realised float64
	Priced, Count                      int
}

// TotalPositions sums ps; last holds the prices known.
func TotalPositions(ps []Position, last map[string]float64) PositionTotal {
	var t PositionTotal
	pricedCost := 0.0
	for _, p := range ps {
		t.Realised += p.Realised
		if p.Qty == 0 {
			continue
		}
		t.Count++
		t.Cost += p.Cost
		if l, ok := last[p.Code.Key()]; ok && l > 0 {
			t.Priced++
			t.Value += p.Value(l)
			pricedCost += p.Cost
		}
	}
	t.PnL = t.Value - pricedCost
	if pricedCost > 0 {
		t.PnLPct = t.PnL / pricedCost * 100
	}
	return t
}
