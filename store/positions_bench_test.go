package store

import (
	"math/rand/v2"
	"path/filepath"
	"testing"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// BenchmarkPositionsWithDistributions replays 50 holdings of two trades
// each with two years of stored history (490 bars, a distribution a year)
// behind every ticker: the work of position list and the TUI's positions
// once distributions are applied.
func BenchmarkPositionsWithDistributions(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "z.db"))
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 9))
	updates := map[string]HistoryUpdate{}
	var trades []sectors.Trade
	for i, sec := range market.Master() {
		if i%100 != 0 || sec.Code.IsIndex() || len(trades) >= 100 {
			continue
		}
		h := sectors.PriceHistory{Code: sec.Code, Bars: bars(day("2024-05-06"), 490, r),
			Events: []sectors.ExRights{{ExDate: day("2025-06-16"), CashPerShare: 0.1, BonusPerShare: 0.3, Text: "10转3股派1元"}}}
		updates[sec.Code.Key()] = HistoryUpdate{Fetched: h, Covered: []sectors.DayRange{sectors.DayRange{From: day("2024-05-06"), To: day("2026-05-08")}}}
		trades = append(trades,
			sectors.Trade{ID: uint64(len(trades) + 1), Code: sec.Code, Side: sectors.Bought, Qty: 1000, Price: 10, Date: day("2024-06-03")},
			sectors.Trade{ID: uint64(len(trades) + 2), Code: sec.Code, Side: sectors.Sold, Qty: 300, Price: 11, Date: day("2025-09-01")})
	}
	if err := s.SaveHistories(updates); err != nil {
		b.Fatal(err)
	}
	if _, err := s.ImportTrades(trades); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		ps, err := s.Positions()
		if err != nil || len(ps) != len(trades)/2 || len(ps[0].Actions) != 1 {
			b.Fatalf("%d positions, %v", len(ps), err)
		}
	}
}

// BenchmarkTradesOnly is the same store read for its trades alone, as the
// positions were before distributions applied: the baseline.
func BenchmarkTradesOnly(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "z.db"))
	if err != nil {
		b.Fatal(err)
	}
	var trades []sectors.Trade
	for i, sec := range market.Master() {
		if i%100 != 0 || sec.Code.IsIndex() || len(trades) >= 100 {
			continue
		}
		trades = append(trades,
			sectors.Trade{Code: sec.Code, Side: sectors.Bought, Qty: 1000, Price: 10, Date: day("2024-06-03")},
			sectors.Trade{Code: sec.Code, Side: sectors.Sold, Qty: 300, Price: 11, Date: day("2025-09-01")})
	}
	if _, err := s.ImportTrades(trades); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		ts, err := s.Trades()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := sectors.BuildPositions(ts); err != nil {
			b.Fatal(err)
		}
	}
}
