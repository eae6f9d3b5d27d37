package sectors

import (
	"testing"
	"time"

	"zixuan/sectors/market"
)

// calDay parses a YYYY-MM-DD as a day in China.
func calDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.ParseInLocation(time.DateOnly, s, market.China)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
