package sectors

import (
	"testing"
)

func BenchmarkParseRating(b *testing.B) {
	for b.Loop() {
		if _, err := ParseRating("overweight"); err != nil {
			b.Fatal(err)
		}
	}
}
