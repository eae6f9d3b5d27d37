package store

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// BenchmarkHistories reads back two years of daily history (490 bars) for
// every security of the market, as the scorecard of the whole market
// does, and reports the file's size with them stored.
func BenchmarkHistories(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "z.db"))
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 8))
	updates := map[string]HistoryUpdate{}
	var codes []market.Code
	for _, sec := range market.Master() {
		updates[sec.Code.Key()] = HistoryUpdate{Fetched: sectors.PriceHistory{Code: sec.Code, Bars: bars(day("2024-05-06"), 490, r)},
			Covered: []sectors.DayRange{{From: day("2024-05-06"), To: day("2026-05-08")}}}
		codes = append(codes, sec.Code)
	}
	start := time.Now()
	if err := s.SaveHistories(updates); err != nil {
		b.Fatal(err)
	}
	saved := time.Since(start)
	fi, _ := os.Stat(s.Path())
	b.ResetTimer()
	for b.Loop() {
		got, err := s.Histories(codes)
		if err != nil || len(got) != len(codes) {
			b.Fatalf("%d histories, %v", len(got), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/read")
	b.ReportMetric(float64(fi.Size())/(1<<20), "MB/file")
	b.ReportMetric(float64(saved.Milliseconds()), "ms/save-all")
}
