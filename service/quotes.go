package service

import (
	"context"
	"errors"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// ErrQuotesOff: the service has no quote source (the front end runs
// offline).
var ErrQuotesOff = errors.New("quotes are off (--offline)")

// FetchQuotes fetches the latest quotes of codes (each asked once, in the order
// first given), by Code.Key(). On a partial failure it returns what came
// back with the error; codes the server does not know are absent.
func (s *Service) FetchQuotes(ctx context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	if s.Quotes == nil {
		return nil, ErrQuotesOff
	}
	seen := make(map[market.Code]bool, len(codes))
	unique := make([]market.Code, 0, len(codes))
	for _, c := range codes {
		if !seen[c] {
			seen[c] = true
			unique = append(unique, c)
		}
	}
	if len(unique) == 0 {
		return map[string]sectors.Quote{}, nil
	}
	return s.Quotes.Quotes(ctx, unique)
}

// Latest is the latest price of code as the returns read it (false: no
// quote, or one without a price).
func (s *Service) Latest(ctx context.Context, code market.Code) (sectors.Latest, bool) {
	q, err := s.FetchQuotes(ctx, []market.Code{code})
	if err != nil && len(q) == 0 {
		return sectors.Latest{}, false
	}
	return q[code.Key()].AsLatest()
}
