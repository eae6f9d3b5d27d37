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

// rankMarket is the market's securities that fit v, best first, by the
// resolver the CLI uses (fuzzy sounds with Options.FuzzyPinyin): the add
// wizard's candidates.
func (m Model) rankMarket(v string) []int {
	if m.opts.FuzzyPinyin {
		return rankMatches(market.FuzzyMarketKeys(), market.FuzzyQuery(v), maxWizardHits)
	}
	return rankMatches(marketKeys(), v, maxWizardHits)
}
