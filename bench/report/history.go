//go:build linux

package main

import (
	"math/rand/v2"
	"time"

	"zixuan/sectors"
	"zixuan/store"
)

// storeHistory gives every ticker of the database at path, and 沪深300,
// two years of daily bars (a random walk on the real trading calendar,
// ending 2026-05-08) through the store, as the TUI's fetches would: issue
// 17's RSS is measured with them stored.
func storeHistory(path string) error {
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	snap, err := st.Load()
	if err != nil {
		return err
	}
	from := time.Date(2024, 5, 6, 0, 0, 0, 0, sectors.China)
	to := time.Date(2026, 5, 8, 0, 0, 0, 0, sectors.China)
	r := rand.New(rand.NewPCG(7, 8))
	codes := []sectors.Code{sectors.Benchmark}
	for _, t := range snap.Tickers {
		codes = append(codes, t.Code)
	}
	updates := map[string]store.HistoryUpdate{}
	for _, c := range codes {
		var bars []sectors.DailyBar
		p := 20 + r.Float64()*100
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			if !sectors.IsTradingDay(d) {
				continue
			}
			p = max(0.5, p*(1+(r.Float64()-0.5)/10))
			cl := float64(int(p*100)) / 100
			bars = append(bars, sectors.DailyBar{Date: d, Close: cl, Open: cl - 0.1, High: cl + 0.37, Low: cl - 0.52, Volume: int64(r.IntN(5e7))})
		}
		updates[c.Key()] = store.HistoryUpdate{Fetched: sectors.PriceHistory{Code: c, Bars: bars}, Covered: []sectors.DayRange{{From: from, To: to}}}
	}
	return st.SaveHistories(updates)
}
