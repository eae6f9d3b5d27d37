package service

import (
	"errors"
	"strings"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// Trades: the buys and sells the CLI (zixuan position add/sell/rm) and
// the TUI (the positions view) record, checked by the same rules and
// refused with the same words. The front ends parse what was typed and
// add their own advice; what a trade may be is decided here and in the
// domain (sectors.CheckTrade, the store's replay).

// TradeRefusal is a trade refused before the store is asked: its figures
// (Rule false) or an exchange rule it breaks whatever is held (Rule true:
// a statement's line that breaks it is recorded forced). Its text names
// no command or flag; the front end adds how to force one.
type TradeRefusal struct {
	Rule bool
	Text string
}

func (r *TradeRefusal) Error() string { return r.Text }

// NewTrade is the buy or sell of qty shares of code at price with fee on
// day (zero: today by the service's clock, China time), checked
// (sectors.CheckTrade): a *TradeRefusal when it cannot be recorded.
func (s *Service) NewTrade(code market.Code, side sectors.TradeSide, qty int64, price, fee float64, day time.Time, forced bool) (sectors.Trade, error) {
	now := s.now()
	t := sectors.Trade{Code: code, Side: side, Qty: qty, Price: price, Fee: fee, Date: market.ChinaDay(now), Forced: forced}
	if !day.IsZero() {
		t.Date = market.ChinaDay(day)
	}
	if err := sectors.CheckTrade(t, now); err != nil {
		if errors.Is(err, sectors.ErrTradeRule) {
			return t, &TradeRefusal{Rule: true, Text: strings.TrimPrefix(err.Error(), sectors.ErrTradeRule.Error()+": ")}
		}
		return t, &TradeRefusal{Text: strings.TrimPrefix(err.Error(), sectors.ErrTradeInput.Error()+": ")}
	}
	return t, nil
}

// TradeRecorded is a trade as stored, with what it left.
type TradeRecorded struct {
	Trade sectors.Trade // with its id
	Held  int64         // the shares of its ticker held after it
	// Breaks is the exchange rule a forced trade breaks ("" for none).
	Breaks string
}

// RecordTrade stores t (checked by NewTrade) and says what is held after
// it. The store refuses a sell of more than is held on its day, and a
// trade that breaks a rule of the holding (a sell's lots, T+1) or makes a
// stored one break it, unless forced.
func (s *Service) RecordTrade(t sectors.Trade) (TradeRecorded, error) {
	t, err := s.Store.AddTrade(t)
	if err != nil {
		return TradeRecorded{Trade: t}, err
	}
	out := TradeRecorded{Trade: t}
	ps, err := s.Store.Positions()
	if err != nil {
		return out, nil // stored: what is held is shown at the next read
	}
	for _, p := range ps {
		if p.Code != t.Code {
			continue
		}
		out.Held = p.Qty
		for _, tr := range p.Trades {
			if tr.ID == t.ID {
				out.Breaks = tr.Breaks
			}
		}
	}
	return out, nil
}

// RemoveTrade deletes trade id, unless that leaves a later sell selling
// more than is held; it returns the trade deleted.
func (s *Service) RemoveTrade(id uint64) (sectors.Trade, error) {
	return s.Store.RemoveTrade(id)
}
