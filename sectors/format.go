package sectors

import "strconv"

// FormatPct writes a percentage with prec decimals, "+" before a positive
// one when signed, and never a negative zero: a mean of −0.02 % is "0.0"
// at one decimal, not "-0.0", which reads as a loss that is not there.
func FormatPct(v float64, prec int, signed bool) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if s[0] == '-' && isZeros(s[1:]) {
		s = s[1:]
	}
	if signed && v > 0 && !isZeros(s) {
		s = "+" + s
	}
	return s
}

// isZeros reports whether a formatted number is all zeros ("0.00").
func isZeros(s string) bool {
	for _, r := range s {
		if r != '0' && r != '.' {
			return false
		}
	}
	return true
}
