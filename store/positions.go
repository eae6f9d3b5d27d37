package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// Positions are kept as the trades that make them, keyed by id (8 bytes,
// big-endian, from the bucket's sequence):
//
//	trades/<id>   tradeRecord
//
// A position is never stored: it is replayed from the trades (FIFO), so
// removing a trade cannot leave a position that disagrees with them.

var bucketTrades = []byte("trades")

type tradeRecord struct {
	Code    string    `json:"code"`
	Side    string    `json:"side"` // buy, sell
	Date    string    `json:"date"` // a China date
	Price   float64   `json:"price"`
	Qty     int64     `json:"qty"`
	Fee     float64   `json:"fee,omitempty"`
	Created time.Time `json:"created"`
	// Forced: recorded with --force although it breaks an exchange rule.
	// An optional field: records without it read as before.
	Forced bool `json:"forced,omitempty"`
}

func tradeToRecord(t sectors.Trade) tradeRecord {
	return tradeRecord{Code: t.Code.Key(), Side: string(t.Side), Date: market.ChinaDate(t.Date), Price: t.Price, Qty: t.Qty, Fee: t.Fee, Created: t.Created, Forced: t.Forced}
}

func (r tradeRecord) trade(id uint64) (sectors.Trade, error) {
	code, err := market.ParseCode(r.Code)
	if err != nil {
		return sectors.Trade{}, err
	}
	day, err := time.ParseInLocation(time.DateOnly, r.Date, market.China)
	if err != nil {
		return sectors.Trade{}, err
	}
	return sectors.Trade{ID: id, Code: code, Side: sectors.TradeSide(r.Side), Date: day, Price: r.Price, Qty: r.Qty, Fee: r.Fee, Created: r.Created, Forced: r.Forced}, nil
}

func readTrades(tx *bolt.Tx) ([]sectors.Trade, error) {
	var out []sectors.Trade
	b := tx.Bucket(bucketTrades)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		if len(k) != 8 || v == nil {
			return nil
		}
		var rec tradeRecord
		if err := getJSON(b, k, &rec); err != nil {
			return err
		}
		t, err := rec.trade(btoi(k))
		if err != nil {
			return nil
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// Trades returns every buy and sell, by id.
func (s *Store) Trades() ([]sectors.Trade, error) {
	var out []sectors.Trade
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readTrades(tx)
		return err
	})
	return out, err
}

// Positions replays the trades into positions, ordered by code, with the
// distributions of the stored histories applied (sectors.BuildHoldings).
//
// The distributions are read positionsBatch tickers a read transaction,
// after the trades': each transaction's pages of the file are let go when
// it ends, so a whole market's holdings never have every stored history's
// pages resident at once. (A history stored between two batches is a
// later fetch of the same market data: the holdings read it or the one
// before, each whole.)
func (s *Store) Positions() ([]sectors.Position, error) {
	now := s.now()
	trades, err := s.Trades()
	if err != nil {
		return nil, err
	}
	// one trade of each ticker: distributionsIn reads a ticker once
	var firsts []sectors.Trade
	seen := map[string]bool{}
	for _, t := range trades {
		if !seen[t.Code.Key()] {
			seen[t.Code.Key()] = true
			firsts = append(firsts, t)
		}
	}
	dist := make(map[string]sectors.PriceHistory, len(firsts))
	for start := 0; start < len(firsts); start += positionsBatch {
		part := firsts[start:min(start+positionsBatch, len(firsts))]
		err := s.view(func(tx *bolt.Tx) error {
			maps.Copy(dist, distributionsIn(tx, part, now))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return sectors.BuildHoldings(trades, dist)
}

// positionsBatch is how many tickers' distributions Positions reads in
// one transaction.
const positionsBatch = 256

// holdings replays trades with the distributions of the histories stored
// for their tickers (those dated after now left out: announced, not yet
// effective).
func holdings(tx *bolt.Tx, trades []sectors.Trade, now time.Time) ([]sectors.Position, error) {
	return sectors.BuildHoldings(trades, distributionsIn(tx, trades, now))
}

// distributionsIn reads the stored histories of the tickers traded; one
// that does not decode is left out (doctor reports it), so positions still
// show.
func distributionsIn(tx *bolt.Tx, trades []sectors.Trade, now time.Time) map[string]sectors.PriceHistory {
	b := tx.Bucket(bucketHistory)
	if b == nil {
		return nil
	}
	today := market.ChinaDay(now)
	out := map[string]sectors.PriceHistory{}
	var scratch []sectors.DailyBar // one buffer decodes them all
	pages := countPages(tx)
	defer pages.done()
	for _, t := range trades {
		k := t.Code.Key()
		if _, done := out[k]; done {
			continue
		}
		out[k] = sectors.PriceHistory{}
		v := b.Get([]byte(k))
		if v == nil {
			continue
		}
		h, err := decodeHistoryInto(t.Code, v, scratch)
		pages.read()
		if err != nil {
			continue
		}
		// a holding reads of the bars their span and the close before
		// each ex-date: only those are kept of years of days
		all := h.Bars
		h.Bars = slices.Clone(sectors.KeepForScoring(h.PriceHistory, nil))
		if cap(all) > cap(scratch) {
			scratch = all[:0]
		}
		cut := func(list []sectors.ExRights) []sectors.ExRights {
			var kept []sectors.ExRights
			for _, e := range list {
				if !e.ExDate.After(today) {
					kept = append(kept, e)
				}
			}
			return kept
		}
		h.Events, h.Unread = cut(h.Events), cut(h.Unread)
		out[k] = h.PriceHistory
	}
	return out
}

// tradeRefusal turns the domain's refusal into the store's.
func tradeRefusal(code market.Code, err error) error {
	switch {
	case errors.Is(err, sectors.ErrOversold):
		return &Error{Kind: ErrInvalid, Reason: Oversold, Code: code, Detail: detail(err, sectors.ErrOversold)}
	case errors.Is(err, sectors.ErrTradeInput):
		return &Error{Kind: ErrInvalid, Reason: BadTrade, Code: code, Detail: detail(err, sectors.ErrTradeInput)}
	case errors.Is(err, sectors.ErrTradeRule):
		return ruleRefusal(code, detail(err, sectors.ErrTradeRule))
	}
	return err
}

// ruleRefusal is a trade the exchanges would not take: it wraps
// sectors.ErrTradeRule, for the front end to say how a statement's line
// that breaks the rule is recorded (forced).
func ruleRefusal(code market.Code, rule string) error {
	return &Error{Kind: ErrInvalid, Reason: BadTrade, Code: code, Detail: rule, Err: sectors.ErrTradeRule}
}

// newBreak is the rule that adding trade newID makes a trade break: the
// new one (unless forced), or one stored before that kept the rules and
// that the new one upsets (a backdated buy can make a later sell's lots
// wrong); "" for none. Without before (stored trades that do not replay)
// only the new trade is judged.
func newBreak(before, after []sectors.Position, newID uint64) (market.Code, string) {
	was := map[uint64]bool{}
	for _, p := range before {
		for _, t := range p.Trades {
			was[t.ID] = t.Breaks != ""
		}
	}
	for _, p := range after {
		for _, t := range p.Trades {
			upset := before != nil && !was[t.ID]
			switch {
			case t.Breaks == "" || t.Forced:
			case t.ID == newID:
				return t.Code, t.Breaks
			case upset:
				return t.Code, fmt.Sprintf("with it, %s %d's %s of %s would break a rule: %s", t.Code.Key(), t.ID, t.Side, market.ChinaDate(t.Date), t.Breaks)
			}
		}
	}
	return market.Code{}, ""
}

// AddTrade checks and stores a buy or a sell and returns it with its id.
// A ticker needs to be on the watchlist or in the securities master; a
// sell of more than is held on its date is refused.
func (s *Store) AddTrade(t sectors.Trade) (sectors.Trade, error) {
	now := s.now()
	if t.Created.IsZero() {
		t.Created = now
	}
	if t.Date.IsZero() {
		t.Date = market.ChinaDay(now)
	}
	t.Date = market.ChinaDay(t.Date)
	if err := sectors.CheckTrade(t, now); err != nil {
		return t, tradeRefusal(t.Code, err)
	}
	err := s.updateAside(func(tx *bolt.Tx) error {
		if _, ok := market.LookupMaster(t.Code); !ok && !refOf(tx, t.Code).exists() {
			return notOnList(t.Code) // unknown to the master: the watchlist is where a name is given
		}
		have, err := readTrades(tx)
		if err != nil {
			return err
		}
		b, err := tx.CreateBucketIfNotExists(bucketTrades)
		if err != nil {
			return err
		}
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		t.ID = id
		before, err := holdings(tx, have, now)
		if err != nil {
			before = nil // stored trades that do not replay: judge the new one alone
		}
		after, err := holdings(tx, append(have, t), now)
		if err != nil {
			return tradeRefusal(t.Code, err)
		}
		if code, rule := newBreak(before, after, t.ID); rule != "" {
			return ruleRefusal(code, rule)
		}
		return putJSON(b, itob(id), tradeToRecord(t))
	})
	return t, err
}

// RemoveTrade deletes trade id, unless that leaves a later sell selling
// more than is held.
func (s *Store) RemoveTrade(id uint64) (sectors.Trade, error) {
	var gone sectors.Trade
	err := s.updateAside(func(tx *bolt.Tx) error {
		have, err := readTrades(tx)
		if err != nil {
			return err
		}
		kept := have[:0:0]
		found := false
		for _, t := range have {
			if t.ID == id {
				gone, found = t, true
				continue
			}
			kept = append(kept, t)
		}
		if !found {
			return &Error{Kind: ErrNotFound, Reason: NoSuchTrade, Count: int(min(id, 1<<31-1))}
		}
		if _, err := holdings(tx, kept, s.now()); err != nil {
			return tradeRefusal(gone.Code, err)
		}
		return tx.Bucket(bucketTrades).Delete(itob(id))
	})
	return gone, err
}

// ImportTrades adds trades from a file under new ids; one the store holds
// already (same ticker, side, date, price, quantity, fee and creation
// time) is left as it is. The whole set must replay (no oversell), or
// nothing is added. It returns how many were added.
func (s *Store) ImportTrades(list []sectors.Trade) (int, error) {
	if len(list) == 0 {
		return 0, nil
	}
	now := s.now()
	added := 0
	err := s.updateAside(func(tx *bolt.Tx) error {
		var err error
		if added, err = importTradesTx(tx, list, now); err != nil {
			return err
		}
		if added == 0 {
			return errUnchanged
		}
		return nil
	})
	return added, err
}

// importTradesTx is ImportTrades inside tx, for an import that writes
// tickers, alerts and trades in one transaction.
func importTradesTx(tx *bolt.Tx, list []sectors.Trade, now time.Time) (int, error) {
	if len(list) == 0 {
		return 0, nil
	}
	have, err := readTrades(tx)
	if err != nil {
		return 0, err
	}
	seen := map[string]bool{}
	for _, t := range have {
		seen[tradeKey(t)] = true
	}
	b, err := tx.CreateBucketIfNotExists(bucketTrades)
	if err != nil {
		return 0, err
	}
	all := have
	added := 0
	for _, t := range list {
		if seen[tradeKey(t)] {
			continue
		}
		// a file's trades are the user's own record: their figures are
		// checked, and a rule one breaks is shown, not refused
		if err := sectors.CheckTradeBounds(t, now); err != nil {
			return 0, tradeRefusal(t.Code, err)
		}
		id, err := b.NextSequence()
		if err != nil {
			return 0, err
		}
		t.ID = id
		seen[tradeKey(t)] = true
		all = append(all, t)
		if err := putJSON(b, itob(id), tradeToRecord(t)); err != nil {
			return 0, err
		}
		added++
	}
	if added == 0 {
		return 0, nil
	}
	if _, err := holdings(tx, all, now); err != nil {
		return 0, tradeRefusal(market.Code{}, err)
	}
	return added, nil
}

func tradeKey(t sectors.Trade) string {
	return t.Code.Key() + "|" + string(t.Side) + "|" + market.ChinaDate(t.Date) + "|" + formatPrice(t.Price) + "|" +
		formatPrice(float64(t.Qty)) + "|" + formatPrice(t.Fee) + "|" + t.Created.UTC().Format(time.RFC3339Nano)
}

// checkAlertsAndTrades is doctor's check of the alerts and trades: every
// record decodes, and the trades replay without a sell of more than held.
func checkAlertsAndTrades(tx *bolt.Tx, add func(string, ...any)) {
	if b := tx.Bucket(bucketAlerts); b != nil {
		_ = b.ForEach(func(k, v []byte) error {
			var rec alertRecord
			switch {
			case v == nil || len(k) != 8:
				add("alerts/%x: not a record of this layout", k)
			case json.Unmarshal(v, &rec) != nil:
				add("alerts/%d: does not decode", btoi(k))
			default:
				if _, err := rec.alert(btoi(k)); err != nil {
					add("alerts/%d: %v", btoi(k), err)
				}
			}
			return nil
		})
	}
	b := tx.Bucket(bucketTrades)
	if b == nil {
		return
	}
	var trades []sectors.Trade
	_ = b.ForEach(func(k, v []byte) error {
		var rec tradeRecord
		switch {
		case v == nil || len(k) != 8:
			add("trades/%x: not a record of this layout", k)
		case json.Unmarshal(v, &rec) != nil:
			add("trades/%d: does not decode", btoi(k))
		default:
			t, err := rec.trade(btoi(k))
			if err != nil {
				add("trades/%d: %v", btoi(k), err)
				return nil
			}
			trades = append(trades, t)
		}
		return nil
	})
	if _, err := holdings(tx, trades, time.Now()); err != nil {
		add("trades: %v", err)
	}
}
