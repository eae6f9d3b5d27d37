package sectors

import (
	"math"
	"testing"
)

func TestFormatPctHasNoNegativeZero(t *testing.T) {
	for _, c := range []struct {
		v      float64
		prec   int
		signed bool
		want   string
	}{
		{-0.02, 1, true, "0.0"}, {-0.02, 2, true, "-0.02"}, {0.02, 1, true, "0.0"}, {0.06, 1, true, "+0.1"},
		{-0.06, 1, false, "-0.1"}, {math.Copysign(0, -1), 2, false, "0.00"}, {12.345, 2, true, "+12.35"}, {-3, 0, true, "-3"},
	} {
		if got := FormatPct(c.v, c.prec, c.signed); got != c.want {
			t.Errorf("FormatPct(%v, %d, %v) = %q, want %q", c.v, c.prec, c.signed, got, c.want)
		}
	}
}
