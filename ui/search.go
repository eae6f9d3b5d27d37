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

// maxWizardHits is how many candidates the add wizard shows.
const maxWizardHits = 50

// rankMarket ranks the market's securities that fit what was typed, best
// first, by the resolver the CLI uses (with fuzzy sounds when fuzzy): the
// add wizard's candidates.
func rankMarket(fuzzy bool) func(typed string) []int {
	if fuzzy {
		return func(v string) []int {
			return rankMatches(market.FuzzyMarketKeys(), market.FuzzyQuery(v), maxWizardHits)
		}
	}
	return func(v string) []int { return rankMatches(marketKeys(), v, maxWizardHits) }
}
