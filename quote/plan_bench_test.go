package quote

import (
	"testing"
	"time"

	"zixuan/sectors"
)

func BenchmarkPlanDailyMarket(b *testing.B) {
	var needs []DailyNeed
	for _, s := range sectors.Master() {
		needs = append(needs, DailyNeed{Code: s.Code})
	}
	want := sectors.DayRange{From: time.Date(2024, 4, 21, 0, 0, 0, 0, sectors.China), To: time.Date(2026, 12, 1, 0, 0, 0, 0, sectors.China)}
	for b.Loop() {
		if len(PlanDaily(needs, want)) < len(needs) {
			b.Fatal("short plan")
		}
	}
}
