package quote

import (
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

func BenchmarkPlanDailyMarket(b *testing.B) {
	var needs []DailyNeed
	for _, s := range market.Master() {
		needs = append(needs, DailyNeed{Code: s.Code})
	}
	want := sectors.DayRange{From: time.Date(2024, 4, 21, 0, 0, 0, 0, market.China), To: time.Date(2026, 12, 1, 0, 0, 0, 0, market.China)}
	for b.Loop() {
		if len(PlanDaily(needs, want)) < len(needs) {
			b.Fatal("short plan")
		}
	}
}
