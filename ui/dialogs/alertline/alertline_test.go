package alertline

import (
	"testing"
	"time"

	"zixuan/sectors/market"
)

// fixedNow is a fixed clock: no test depends on today's date.
var fixedNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

func TestParseAlertSpec(t *testing.T) {
	code := market.MustParseCode("600519")
	for spec, want := range map[string]string{
		"above 12.5": "above 12.50", "Below 3": "below 3.00", "change 5%": "change ±5 %", "limit": "limit up/down",
		"excess 20": "excess since call ±20 %", "since-call 20": "since call ±20 %", "no-note 30": "no note for 30 days",
		"drawdown 10 until 2026-12-31": "drawdown 10 %", "target 20": "target 20.00",
	} {
		a, err := Parse(code, spec, fixedNow, 0)
		if err != nil || a.Describe() != want {
			t.Errorf("%q: %q %v", spec, a.Describe(), err)
		}
	}
	for _, bad := range []string{"", "above", "above x", "soon 3", "limit 3 4", "above 3 until tomorrow", "above 3 until 2020-01-01", "no-note 0"} {
		if _, err := Parse(code, bad, fixedNow, 0); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
