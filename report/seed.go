package report

import (
	_ "embed"
	"sync"
)

// The seed report: the OCR text of the 2024-05-12 computer-industry weekly
// the first watchlist comes from, as shipped (OCR errors included). The store
// seeds a new database by parsing it, so the seed's calls come from the same
// reader as every other report's.
//
//go:embed data/seed-2024-05-12.txt
var seedText []byte

// SeedText is the seed report's text as embedded.
func SeedText() []byte { return seedText }

// Seed parses the embedded seed report. Its id is sectors.ReportSourceID.
func Seed() (*Result, error) { return Parse(seedText) }

// seedDigest is the content digest of the seed, whose id predates content
// ids and must not change.
var seedDigest = sync.OnceValue(func() string {
	text, _ := decode(seedText)
	return digest(fold(text))
})
