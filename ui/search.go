package ui

import (
	"zixuan/sectors"
)

// The search is sectors' resolver (sectors/resolve.go), so the list's
// search, the add wizard and the CLI rank what the user typed alike.
type searchKey = sectors.SearchKey

// Match scores: lower is better; noMatch means the query does not match.
const (
	matchExactCode  = sectors.MatchExactCode
	matchCodePrefix = sectors.MatchCodePrefix
	matchSubstring  = sectors.MatchSubstring
	noMatch         = sectors.NoMatch
)

var (
	newSearchKey   = sectors.NewSearchKey
	makeSearchKey  = sectors.MakeSearchKey
	fillHays       = sectors.FillHays
	normalizeQuery = sectors.NormalizeQuery
	rankMatches    = sectors.Rank
	marketKeys     = sectors.MarketKeys
)
