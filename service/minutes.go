package service

import (
	"context"
	"errors"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// MinuteSource is a server of today's minute line (quote.Tencent).
type MinuteSource interface {
	Minutes(ctx context.Context, code market.Code) (sectors.Intraday, error)
}

// ErrNoMinutes: the quote source serves no minute line.
var ErrNoMinutes = errors.New("the quote source serves no minute line")

// FetchMinutes fetches code's minute line (分时) of the session under way,
// or of the last one, from the k-line source or the quote source,
// whichever serves it. It is not stored: a minute line is the session's
// only while the session runs.
func (s *Service) FetchMinutes(ctx context.Context, code market.Code) (sectors.Intraday, error) {
	if s.Quotes == nil {
		return sectors.Intraday{}, ErrQuotesOff
	}
	for _, src := range []any{s.History, s.Quotes} {
		if m, ok := src.(MinuteSource); ok && src != nil {
			return m.Minutes(ctx, code)
		}
	}
	return sectors.Intraday{}, ErrNoMinutes
}
