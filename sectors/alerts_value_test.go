package sectors

import (
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"
)

// A value out of range is echoed short: 1e300 as 1e+300, not as a
// 301-digit number the alert line cannot show.
func TestAlertValueEchoedShort(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, market.China)
	for _, tc := range []struct {
		kind  AlertKind
		value float64
		want  string
	}{
		{AlertAbove, 1e300, "1e+300 is not a price"},
		{AlertChange, 1e300, "1e+300 is not a percentage"},
		{AlertNoNote, 2.5, "2.5 is not a number of days"},
		{AlertAbove, -12.5, "-12.5 is not a price"},
	} {
		_, err := NewAlert(market.MustParseCode("600519"), tc.kind, tc.value, time.Time{}, at)
		if err == nil || !strings.Contains(err.Error(), tc.want) || len(err.Error()) > 120 {
			t.Errorf("%s %v: %v, want %q", tc.kind, tc.value, err, tc.want)
		}
	}
}
