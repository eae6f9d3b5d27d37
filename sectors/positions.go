package sectors

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"
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
	Code    Code
	Side    TradeSide
	Date    time.Time // the trading day, midnight China time
	Price   float64
	Qty     int64
	Fee     float64 // yuan, all costs of the trade
	Created time.Time
}

// Lot is what is left of one buy.
type Lot struct {
	BuyID uint64
	Date  time.Time
	Price float64
	Qty   int64   // shares left
	Cost  float64 // what the shares left cost, their share of the fee included
}

// Position is what is held of one ticker.
type Position struct {
	Code     Code
	Qty      int64
	Cost     float64   // of the shares held, fees included
	Realised float64   // P&L of the sells, fees included
	FirstBuy time.Time // the first buy of the shares held (since the last time none were)
	Lots     []Lot     // oldest first, only those with shares left
	Trades   []Trade   // every trade, in order
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
)

// BoardLot is the board's lot: 200 shares on STAR (the least a buy may
// be), 100 elsewhere.
func BoardLot(code Code) int64 {
	if code.Board() == BoardSTAR {
		return 200
	}
	return 100
}

// CheckTrade checks a trade's input. A buy is whole lots of 100 on the
// main boards and ChiNext; on STAR at least 200 shares, and on the BSE at
// least 100, in steps of one share above (the exchanges' rules). A sell
// may be any number of shares (an odd lot left by a bonus issue goes in
// one sell).
func CheckTrade(t Trade, now time.Time) error {
	switch {
	case t.Side != Bought && t.Side != Sold:
		return fmt.Errorf("%w: neither a buy nor a sell", ErrTradeInput)
	case t.Code.IsIndex():
		return fmt.Errorf("%w: %s is an index, not a stock", ErrTradeInput, t.Code.Key())
	case !(t.Price > 0) || math.IsInf(t.Price, 0) || t.Price > 1e7:
		return fmt.Errorf("%w: %s is not a price: give a positive price such as 12.50", ErrTradeInput, fmtNum(t.Price))
	case t.Qty <= 0:
		return fmt.Errorf("%w: %d is not a quantity: give a positive number of shares", ErrTradeInput, t.Qty)
	case t.Fee < 0 || math.IsNaN(t.Fee) || math.IsInf(t.Fee, 0):
		return fmt.Errorf("%w: a fee is 0 or more", ErrTradeInput)
	case t.Date.IsZero():
		return fmt.Errorf("%w: no date", ErrTradeInput)
	case ChinaDay(t.Date).After(ChinaDay(now)):
		return fmt.Errorf("%w: %s is in the future", ErrTradeInput, ChinaDate(t.Date))
	}
	if t.Side == Bought {
		lot := BoardLot(t.Code)
		switch b := t.Code.Board(); {
		case b == BoardSTAR || b == BoardBSE:
			if t.Qty < lot {
				return fmt.Errorf("%w: a buy on %s is at least %d shares", ErrTradeInput, b, lot)
			}
		case t.Qty%lot != 0:
			return fmt.Errorf("%w: a buy is whole lots of %d shares (%d is not)", ErrTradeInput, lot, t.Qty)
		}
	}
	return nil
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

// BuildPositions replays trades (any order) into positions, one a ticker
// that has any trade, ordered by code. A sell of more than is held at its
// date is ErrOversold, naming the trade.
func BuildPositions(trades []Trade) ([]Position, error) {
	ts := append([]Trade(nil), trades...)
	SortTrades(ts)
	by := map[string]*Position{}
	var keys []string
	for _, t := range ts {
		p := by[t.Code.Key()]
		if p == nil {
			p = &Position{Code: t.Code}
			by[t.Code.Key()] = p
			keys = append(keys, t.Code.Key())
		}
		if err := p.apply(t); err != nil {
			return nil, err
		}
	}
	sort.Strings(keys)
	out := make([]Position, 0, len(keys))
	for _, k := range keys {
		out = append(out, *by[k])
	}
	return out, nil
}

func (p *Position) apply(t Trade) error {
	p.Trades = append(p.Trades, t)
	if t.Side == Bought {
		if p.Qty == 0 {
			p.FirstBuy = t.Date // the first buy of the holding (after a full sell, a new one)
		}
		cost := float64(t.Qty)*t.Price + t.Fee
		p.Lots = append(p.Lots, Lot{BuyID: t.ID, Date: t.Date, Price: t.Price, Qty: t.Qty, Cost: cost})
		p.Qty += t.Qty
		p.Cost += cost
		return nil
	}
	if t.Qty > p.Qty {
		return fmt.Errorf("%w: %s sells %d shares on %s but holds %d", ErrOversold, t.Code.Key(), t.Qty, ChinaDate(t.Date), p.Qty)
	}
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
