package ui

import (
	"zixuan/sectors/market"
)

// The search is sectors' resolver (sectors/resolve.go), so the list's
// search, the add wizard and the CLI rank what the user typed alike.
type searchKey = market.SearchKey

// Match scores: lower is better; noMatch means the query does not match.
const (
	matchExactCode  = market.MatchExactCode
	matchCodePrefix = market.MatchCodePrefix
	matchSubstring  = market.MatchSubstring
	noMatch         = market.NoMatch
)

var (
	newSearchKey   = market.NewSearchKey
	makeSearchKey  = market.MakeSearchKey
	fillHays       = market.FillHays
	normalizeQuery = market.NormalizeQuery
	rankMatches    = market.Rank
	marketKeys     = market.MarketKeys
)
