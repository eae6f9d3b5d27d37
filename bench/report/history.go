//go:build linux

package main

import (
	"math/rand/v2"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
	"zixuan/store"
)

// storeHistory gives every ticker of the database at path, and 沪深300,
// two years of daily bars (a random walk on the real trading calendar,
// ending 2026-09-30, fetched after that day's close) and a third of the
// stocks a yearly cash dividend, through the store, as the TUI's fetches
// would: the commands' RSS is measured with them stored.
func storeHistory(path string) error {
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	snap, err := st.Load()
	if err != nil {
		return err
	}
	from := time.Date(2024, 9, 30, 0, 0, 0, 0, market.China)
	to := time.Date(2026, 9, 30, 0, 0, 0, 0, market.China)
	r := rand.New(rand.NewPCG(7, 8))
	codes := []market.Code{sectors.Benchmark}
	for _, t := range snap.Tickers {
		codes = append(codes, t.Code)
	}
	// answered after the last day's close, as a fetch that evening is: the
	// stocks are not suspended, and their calls are scored
	st.SetClock(func() time.Time { return to.Add(16 * time.Hour) })
	updates := map[string]store.HistoryUpdate{}
	for i, c := range codes {
		var bars []sectors.DailyBar
		p := 20 + r.Float64()*100
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			if !market.IsTradingDay(d) {
				continue
			}
			p = max(0.5, p*(1+(r.Float64()-0.5)/10))
			cl := float64(int(p*100)) / 100
			bars = append(bars, sectors.DailyBar{Date: d, Close: cl, Open: cl - 0.1, High: cl + 0.37, Low: cl - 0.52, Volume: int64(r.IntN(5e7))})
		}
		var events []sectors.ExRights
		if i > 0 && i%3 == 0 {
			for _, d := range []time.Time{time.Date(2025, 7, 10, 0, 0, 0, 0, market.China), time.Date(2026, 7, 10, 0, 0, 0, 0, market.China)} {
				events = append(events, sectors.ExRights{ExDate: d, CashPerShare: 0.2, Text: "10派2元"})
			}
		}
		updates[c.Key()] = store.HistoryUpdate{Fetched: sectors.PriceHistory{Code: c, Bars: bars, Events: events}, Covered: []sectors.DayRange{{From: from, To: to}}}
	}
	return st.SaveHistories(updates)
}
