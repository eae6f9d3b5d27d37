package chart

import (
	"strings"
	"testing"
	"time"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"
)

func TestTotalReturnSeriesAcrossASplit(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 7, d, 0, 0, 0, 0, market.China) }
	h := sectors.PriceHistory{
		Bars:   []sectors.DailyBar{{Date: day(1), Close: 14}, {Date: day(2), Close: 14}, {Date: day(3), Close: 10}, {Date: day(4), Close: 11}},
		Events: []sectors.ExRights{{ExDate: day(3), BonusPerShare: 0.4}},
	}
	pts := rebased(series(h, day(1)))
	want := []float64{0, 0, 0, 10}
	for i, p := range pts {
		if d := p.v - want[i]; d > 1e-9 || d < -1e-9 {
			t.Errorf("day %d: %.4f%%, want %.0f%% (a 10转4 is no fall)", i, p.v, want[i])
		}
	}
}

func TestSparkline(t *testing.T) {
	if s := Sparkline(nil, 10); s != strings.Repeat(" ", 10) {
		t.Errorf("no data: %q", s)
	}
	s := Sparkline([]float64{1, 2, 3, 4}, 5)
	if safetext.Width(s) != 5 || !strings.HasPrefix(s, "   ") {
		t.Errorf("short series not right-aligned in 5 cells: %q", s)
	}
	r := []rune(s)
	if r[3] != 0x2800|0x40|0x80|0x20 || r[4] != 0x2800|0x40|0x04|0x02|0x80|0x20|0x10|0x08 {
		t.Errorf("levels: %q", s)
	}
	if s := Sparkline([]float64{5, 5, 5, 5}, 2); s != string([]rune{0x2800 | 0x40 | 0x04 | 0x80 | 0x20, 0x2800 | 0x40 | 0x04 | 0x80 | 0x20}) {
		t.Errorf("flat: %q", s)
	}
}
