package service

import (
	"sync"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// HistoryCache keeps the histories a check of the alerts read, for the
// next check at the same store generation on the same China day. A front
// end that checks at every quote refresh (the TUI, every ten seconds)
// then reads the daily histories of the tickers with since-call and
// drawdown alerts once, not at every refresh: at the whole market that
// read is most of a check. Any write to the store (a history stored, a
// call added, an alert fired) moves the generation and the next check
// reads again; so does a new day, whose bars a history keeps differ.
// The histories it hands out are shared between checks, never changed.
type HistoryCache struct {
	mu   sync.Mutex
	gen  uint64
	day  string
	read map[string]cachedRead // by what was read: "since", "levels"
}

type cachedRead struct {
	need    HistoryNeed
	history map[string]sectors.PriceHistory
}

// reader is read, answered from the cache for what (a purpose of
// CheckAlerts's own) while the store is at gen on now's China day; a read
// that fails is not kept.
func (c *HistoryCache) reader(read HistoryReader, what string, gen uint64, now time.Time) HistoryReader {
	return func(need HistoryNeed) (map[string]sectors.PriceHistory, bool, error) {
		day := market.ChinaDate(now)
		c.mu.Lock()
		if c.gen != gen || c.day != day {
			c.gen, c.day, c.read = gen, day, nil
		}
		if r, ok := c.read[what]; ok && sameNeed(r.need, need) {
			c.mu.Unlock()
			return r.history, false, nil
		}
		c.mu.Unlock()
		history, online, err := read(need)
		if err != nil {
			return history, online, err
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.gen == gen && c.day == day {
			if c.read == nil {
				c.read = map[string]cachedRead{}
			}
			c.read[what] = cachedRead{need: need, history: history}
		}
		return history, online, nil
	}
}

// sameNeed reports whether a and b ask for the same securities from the
// same day (their Keep, a func, is the same for the same purpose at the
// same generation and day).
func sameNeed(a, b HistoryNeed) bool {
	if len(a.Codes) != len(b.Codes) || !a.From.Equal(b.From) || a.Fetch != b.Fetch {
		return false
	}
	for i := range a.Codes {
		if a.Codes[i] != b.Codes[i] {
			return false
		}
	}
	return true
}
