package service

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"zixuan/safetext"
	"zixuan/sectors/market"
)

// ErrNotQuoted: the quote server answered and does not know the code.
var ErrNotQuoted = errors.New("the quote server does not know the code")

// NeedsQuoteName reports whether a ticker of code needs the quote
// server's name to go on the watchlist: a code the securities master does
// not list (a fund, an index) and zixuan does not name itself
// (market.Indexes).
func NeedsQuoteName(code market.Code) bool {
	_, inMaster := market.LookupMaster(code)
	_, knownIndex := market.Indexes[code.Key()]
	return !inMaster && !knownIndex
}

// QuoteName is the quote server's name of code as the watchlist keeps it
// (store.AddOptions.QuoteName): one line, in the terminals' short form. It
// is ErrQuotesOff with no quote source, ErrNotQuoted when the server does
// not know the code, or the fetch's error.
func (s *Service) QuoteName(ctx context.Context, code market.Code) (string, error) {
	quotes, err := s.FetchQuotes(ctx, []market.Code{code})
	if q, ok := quotes[code.Key()]; ok && strings.TrimSpace(q.Name) != "" {
		return safetext.Line(market.DisplayName(q.Name)), nil
	}
	if err != nil {
		return "", err
	}
	return "", fmt.Errorf("%s: %w", code.Key(), ErrNotQuoted)
}
