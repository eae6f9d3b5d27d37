package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// Daily price history (schema 2): one value per security, the unadjusted
// bars and the distributions the k-line carries, and the span of days
// held (Held): days an answer vouched for, which the next fetch does not
// ask again. A day asked for and not received is never held:
//
//	history/<SH688111>   historyRecord, binary (see encodeHistory)
//
// Two years of bars for the whole market is about 2.7 million bars, so
// they are packed: days and prices as deltas in varints, prices in 1/1000
// yuan (a close is quoted to the fen, an index to the hundredth). A
// typical bar takes 10–14 bytes against some 90 as JSON, and the TUI's
// start never reads this bucket.

var bucketHistory = []byte("history")

// StoredHistory is a security's history as kept.
type StoredHistory struct {
	sectors.PriceHistory
	Held    sectors.DayRange // the days received so far (see vouched)
	Fetched time.Time        // when the server last answered every request for it
}

const historyFormat = 1

// historyEpoch is day 0 of the encoding: before any A-share listed.
var historyEpoch = time.Date(1990, 1, 1, 0, 0, 0, 0, market.China)

func dayNumber(t time.Time) uint64 {
	if t.IsZero() {
		return 0
	}
	return uint64(market.ChinaDay(t).Sub(historyEpoch).Hours()/24+0.5) + 1
}

func dayOf(n uint64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	// China keeps no daylight saving, so a day is always 24 hours: adding
	// them is exact, and far cheaper than AddDate's calendar arithmetic
	// for the millions of bars a whole market's history holds.
	return historyEpoch.Add(time.Duration(n-1) * 24 * time.Hour)
}

func milli(p float64) int64 { return int64(math.Round(p * 1000)) }

// events ride along as JSON: a handful per security.
type eventRecord struct {
	ExDate string  `json:"d"`
	Cash   float64 `json:"c,omitempty"`
	Bonus  float64 `json:"b,omitempty"`
	Rights float64 `json:"r,omitempty"`  // 配: shares offered per share
	RPrice float64 `json:"rp,omitempty"` // at this price
	Text   string  `json:"t,omitempty"`
}

func encodeHistory(h StoredHistory) ([]byte, error) {
	b := make([]byte, 0, 64+len(h.Bars)*16) // a bar takes 8 to 16 bytes: no growing
	b = append(b, historyFormat)
	b = binary.AppendUvarint(b, dayNumber(h.Held.From))
	b = binary.AppendUvarint(b, dayNumber(h.Held.To))
	b = binary.AppendVarint(b, h.Fetched.Unix())
	b = binary.AppendUvarint(b, uint64(len(h.Bars)))
	prevDay, prevClose := uint64(0), int64(0)
	for _, bar := range h.Bars {
		d := dayNumber(bar.Date)
		if d <= prevDay {
			return nil, fmt.Errorf("history of %s: bars out of order at %s", h.Code.Key(), market.ChinaDate(bar.Date))
		}
		b = binary.AppendUvarint(b, d-prevDay)
		c := milli(bar.Close)
		b = binary.AppendVarint(b, c-prevClose)
		b = binary.AppendVarint(b, milli(bar.Open)-c)
		b = binary.AppendVarint(b, milli(bar.High)-c)
		b = binary.AppendVarint(b, milli(bar.Low)-c)
		b = binary.AppendUvarint(b, uint64(max(bar.Volume, 0)))
		prevDay, prevClose = d, c
	}
	ev := func(list []sectors.ExRights) []eventRecord {
		out := make([]eventRecord, len(list))
		for i, e := range list {
			out[i] = eventRecord{ExDate: market.ChinaDate(e.ExDate), Cash: e.CashPerShare, Bonus: e.BonusPerShare,
				Rights: e.RightsPerShare, RPrice: e.RightsPrice, Text: e.Text}
		}
		return out
	}
	if len(h.Events)+len(h.Unread) == 0 {
		return append(b, noEvents...), nil // most histories
	}
	tail, err := json.Marshal([2][]eventRecord{ev(h.Events), ev(h.Unread)})
	if err != nil {
		return nil, err
	}
	return append(b, tail...), nil
}

var errHistoryRecord = errors.New("history record does not decode")

// noEvents is the events' part of a history without distributions, as
// json.Marshal writes it: most histories', read and written without it.
var noEvents = []byte("[[],[]]")

func decodeHistory(code market.Code, data []byte) (StoredHistory, error) {
	return decodeHistoryInto(code, data, nil)
}

// decodeHistoryInto is decodeHistory with the bars decoded into scratch's
// array when it is large enough (the caller then copies what it keeps).
func decodeHistoryInto(code market.Code, data []byte, scratch []sectors.DailyBar) (StoredHistory, error) {
	h := StoredHistory{PriceHistory: sectors.PriceHistory{Code: code}}
	if len(data) == 0 || data[0] != historyFormat {
		return h, errHistoryRecord
	}
	i := 1
	uv := func() uint64 {
		if i >= len(data) {
			i = len(data) + 1
			return 0
		}
		v, n := binary.Uvarint(data[i:])
		if n <= 0 {
			i = len(data) + 1
			return 0
		}
		i += n
		return v
	}
	sv := func() int64 {
		if i >= len(data) {
			i = len(data) + 1
			return 0
		}
		v, n := binary.Varint(data[i:])
		if n <= 0 {
			i = len(data) + 1
			return 0
		}
		i += n
		return v
	}
	h.Held = sectors.DayRange{From: dayOf(uv()), To: dayOf(uv())}
	h.Fetched = time.Unix(sv(), 0).UTC()
	n := uv()
	if n > uint64(len(data)) { // every bar takes at least six bytes
		return h, errHistoryRecord
	}
	if uint64(cap(scratch)) >= n {
		h.Bars = scratch[:0]
	} else {
		h.Bars = make([]sectors.DailyBar, 0, n)
	}
	day, close := uint64(0), int64(0)
	for range n {
		day += uv()
		close += sv()
		open, high, low := close+sv(), close+sv(), close+sv()
		vol := uv()
		if i > len(data) {
			return h, errHistoryRecord
		}
		h.Bars = append(h.Bars, sectors.DailyBar{Date: dayOf(day), Close: float64(close) / 1000,
			Open: float64(open) / 1000, High: float64(high) / 1000, Low: float64(low) / 1000, Volume: int64(min(vol, math.MaxInt64))})
	}
	var ev [2][]eventRecord
	if i > len(data) {
		return h, errHistoryRecord
	}
	if !bytes.Equal(data[i:], noEvents) {
		if err := json.Unmarshal(data[i:], &ev); err != nil {
			return h, errHistoryRecord
		}
	}
	back := func(list []eventRecord) []sectors.ExRights {
		var out []sectors.ExRights
		for _, e := range list {
			d, err := time.ParseInLocation(time.DateOnly, e.ExDate, market.China)
			if err != nil {
				continue
			}
			out = append(out, sectors.ExRights{ExDate: d, CashPerShare: e.Cash, BonusPerShare: e.Bonus,
				RightsPerShare: e.Rights, RightsPrice: e.RPrice, Text: e.Text})
		}
		return out
	}
	h.Events, h.Unread = back(ev[0]), back(ev[1])
	h.Held = vouched(h)
	// the days asked for and answered: those held, and for a stock whose
	// bars stop before the last session closed when every request for it
	// was last answered, the sessions it did not trade (a suspension; or
	// days the server lost, which are asked again all the same)
	h.Through = h.Held.To
	if last := lastClosedAt(h.Fetched); !h.Held.Empty() && last.After(h.Through) {
		h.Through = last
	}
	return h, nil
}

// lastClosedAt is the last session over at t (zero for a zero t): the
// exchanges close at 15:00 China time.
func lastClosedAt(t time.Time) time.Time {
	if t.IsZero() || t.Unix() <= 0 {
		return time.Time{}
	}
	c := t.In(market.China)
	d := market.ChinaDay(c)
	if market.IsTradingDay(d) && c.Hour() >= 15 {
		return d
	}
	return market.PrevTradingDay(d)
}

// vouched is the part of h's held span its bars vouch for: none of it
// before the first bar or after the last but days without a session, and
// for an index (which closes every session) nothing from a session it
// lacks. Records written before the held span meant this (when it was
// the span asked for, received or not) are read right by it: their days
// not received are asked again.
func vouched(h StoredHistory) sectors.DayRange {
	held := h.Held
	if held.Empty() || len(h.Bars) == 0 {
		return sectors.DayRange{}
	}
	first, last := h.Bars[0].Date, h.Bars[len(h.Bars)-1].Date
	if !market.PrevTradingDay(first).Before(market.ChinaDay(held.From)) {
		held.From = first // a session before the first bar was never received
	}
	if !market.NextTradingDay(last).After(market.ChinaDay(held.To)) {
		held.To = last
	}
	if h.Code.IsIndex() {
		if d, ok := sectors.FirstMissingSession(h.Bars, held); ok {
			held.To = market.PrevTradingDay(d)
		}
	}
	if held.Empty() {
		return sectors.DayRange{}
	}
	return held
}

// HistoriesKeeping is Histories with each history's bars cut to what keep
// returns of them (a part of the slice it is given, by the security's
// Code.Key()): the bars are decoded into one buffer and only the part kept
// is copied out, so that reading a whole market's years for their last
// weeks allocates the weeks only.
func (s *Store) HistoriesKeeping(codes []market.Code, keep func(key string, bars []sectors.DailyBar) []sectors.DailyBar) (map[string]StoredHistory, error) {
	return s.histories(codes, func(h sectors.PriceHistory) []sectors.DailyBar { return keep(h.Code.Key(), h.Bars) })
}

// HistoriesSelecting is HistoriesKeeping with keep given the whole
// decoded history (its distributions too, which say which days a total
// return reads) and free to return any bars of it, in order: a few days
// spread over years rather than one span. Held and Through are those of
// every stored bar.
func (s *Store) HistoriesSelecting(codes []market.Code, keep func(h sectors.PriceHistory) []sectors.DailyBar) (map[string]StoredHistory, error) {
	return s.histories(codes, keep)
}

// Histories reads the stored histories of codes (all of them when codes is
// empty), by Code.Key(); a security without one is absent.
func (s *Store) Histories(codes []market.Code) (map[string]StoredHistory, error) {
	return s.histories(codes, nil)
}

func (s *Store) histories(codes []market.Code, keep func(h sectors.PriceHistory) []sectors.DailyBar) (map[string]StoredHistory, error) {
	var out map[string]StoredHistory
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHistory)
		if b == nil {
			out = map[string]StoredHistory{}
			return nil
		}
		type raw struct {
			code market.Code
			v    []byte // valid while tx is open
		}
		var todo []raw
		pages := countPages(tx)
		defer pages.done()
		if len(codes) == 0 {
			_ = b.ForEach(func(k, v []byte) error {
				pages.read() // each value on pages of its own: the walk alone maps them
				if code, err := market.ParseCode(string(k)); err == nil && v != nil {
					todo = append(todo, raw{code, v}) // other keys: doctor reports them
				}
				return nil
			})
		} else {
			for _, c := range codes {
				pages.read()
				if v := b.Get([]byte(c.Key())); v != nil {
					todo = append(todo, raw{c, v})
				}
			}
		}
		// Decoded in this goroutine, not spread over cores: only here does
		// guard turn a fault in a damaged file's mapped pages into an error.
		decoded := make([]StoredHistory, len(todo))
		errs := make([]error, len(todo))
		var scratch []sectors.DailyBar
		if keep != nil {
			scratch = make([]sectors.DailyBar, 0, 1024)
		}
		for i, r := range todo {
			pages.read()
			if keep == nil {
				decoded[i], errs[i] = decodeHistory(r.code, r.v)
				continue
			}
			decoded[i], errs[i] = decodeHistoryInto(r.code, r.v, scratch)
			all := decoded[i].Bars
			decoded[i].Bars = slices.Clone(keep(decoded[i].PriceHistory))
			if cap(all) > cap(scratch) {
				scratch = all[:0] // a longer history: a larger buffer from now on
			}
		}
		out = make(map[string]StoredHistory, len(todo))
		for i, r := range todo {
			if errs[i] != nil {
				return fmt.Errorf("history/%s: %w", r.code.Key(), errs[i])
			}
			out[r.code.Key()] = decoded[i]
		}
		return nil
	})
	return out, err
}

// HistoryUpdate is what one fetch brought for a security: the bars and
// distributions fetched and the spans the answers vouched for
// (quote.DailyFetch.Covered). Unanswered: a request for it failed, so
// the days after its bars are not known quiet (StoredHistory.Fetched is
// left as it was).
type HistoryUpdate struct {
	Fetched    sectors.PriceHistory
	Covered    []sectors.DayRange
	Unanswered bool
}

// SaveHistories merges fetched bars into the stored histories, in one
// transaction, and grows each one's held span by the covered spans that
// join it (sectors.ExtendHeld): a day asked for and not received is not
// held, and is asked again next time.
func (s *Store) SaveHistories(updates map[string]HistoryUpdate) error {
	return s.SaveHistoriesAt(updates, s.now())
}

// SaveHistoriesAt is SaveHistories with the answers stamped as of now
// (StoredHistory.Fetched) rather than on the store's clock: a caller
// with its own clock need not change the store's, which other writers
// share.
func (s *Store) SaveHistoriesAt(updates map[string]HistoryUpdate, now time.Time) error {
	if len(updates) == 0 {
		return nil
	}
	if _, ok := updates[sectors.Benchmark.Key()]; ok {
		defer s.relearnClosures()
	}
	return s.updateUnloaded(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketHistory)
		if err != nil {
			return err
		}
		pages := countPages(tx)
		defer pages.done()
		// each history is encoded as soon as it is merged: one array to
		// decode the stored bars into and one to merge into serve them all
		var stored, merged []sectors.DailyBar
		for key, u := range updates {
			pages.read()
			code, err := market.ParseCode(key)
			if err != nil {
				return err
			}
			cur := StoredHistory{PriceHistory: sectors.PriceHistory{Code: code}}
			if v := b.Get([]byte(code.Key())); v != nil {
				if cur, err = decodeHistoryInto(code, v, stored); err != nil {
					return fmt.Errorf("history/%s: %w", code.Key(), err)
				}
				if cap(cur.Bars) > cap(stored) {
					stored = cur.Bars[:0]
				}
			}
			for _, bar := range u.Fetched.Bars {
				if !(bar.Close > 0) || bar.Close > maxPrice || math.IsInf(bar.Close, 0) {
					return fmt.Errorf("history of %s: a close of %v on %s is not a price", code.Key(), bar.Close, market.ChinaDate(bar.Date))
				}
			}
			cur.PriceHistory = cur.PriceHistory.MergeInto(merged, u.Fetched)
			if cap(cur.Bars) > cap(merged) {
				merged = cur.Bars[:0]
			}
			cur.Held = sectors.ExtendHeld(cur.Held, u.Covered)
			cur.Held = vouched(cur)
			if !u.Unanswered {
				cur.Fetched = now
			}
			data, err := encodeHistory(cur)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(code.Key()), data); err != nil {
				return err
			}
		}
		return nil
	})
}
