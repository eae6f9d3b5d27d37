package cli

import (
	"context"
	"fmt"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/service"
	"zixuan/store"
)

// The last known quotes from the shell. `quote` and `today` keep what
// they fetch of the watched codes (the list, the strip, the benchmark)
// in the store's cache, as the TUI does; with quotes off (--offline, or
// for `today` a server that does not answer) they use what was kept and
// say of when, in one line on stderr and, in JSON, in quotes_as_of.

// watchedCodes are the codes whose quotes are kept: the list's, the
// positions', the strip's (the config's strip, else the default indexes)
// and the benchmark.
func (a *App) watchedCodes(st *store.Store, snap *sectors.Snapshot) []market.Code {
	strip := sectors.StripIndexes
	if a.cfg != nil && a.cfg.Strip != nil {
		strip = make([]market.Code, 0, len(a.cfg.Strip))
		for _, s := range a.cfg.Strip {
			if c, _, err := benchmarkOf(s); err == nil { // a bad entry is the TUI's to refuse
				strip = append(strip, c)
			}
		}
	}
	held, _ := st.Positions() // unreadable trades: the commands that read them say so
	return service.WatchedCodes(snap.Tickers, held, strip)
}

// asOf is a last known quote's time as the commands print it, on the
// market's clock.
func asOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(market.China).Format(time.DateTime)
}

// lastKnownQuotes are the last known quotes of codes for `quote
// --offline`; an error when none of them is kept.
func lastKnownQuotes(svc *service.Service, codes []market.Code) (service.LastKnown, error) {
	lk, err := svc.LastKnownQuotes(codes)
	if err != nil {
		return lk, err
	}
	if len(lk.Quotes) == 0 {
		return lk, fmt.Errorf("%w, and no quote of these codes is kept from an earlier run: run zixuan quote once with quotes on", service.ErrQuotesOff)
	}
	return lk, nil
}

// todayOut is the summary as `today --format json` writes it:
// quotes_as_of is the time of the last known quotes it was made from
// with quotes off, absent when the quotes were live.
type todayOut struct {
	service.TodaySummary
	QuotesAsOf string `json:"quotes_as_of,omitempty"`
}

// lastKnownLine is what `today` says on stderr of a summary made from the
// last known quotes, of at: which, and that they count only when they are
// of the day summarised.
func lastKnownLine(sum service.TodaySummary, at time.Time) string {
	line := fmt.Sprintf("zixuan: %s: movers, limits and day P&L from the last known quotes, of %s: %d of %d tickers quoted", sum.QuoteStatus, asOf(at), sum.Quoted, sum.Tickers)
	if d := market.ChinaDate(at); d < sum.Day {
		line += fmt.Sprintf(" (they are of %s, before the day summarised, %s)", d, sum.Day)
	}
	return line
}

// todaySummary makes the day's summary, keeping the quotes it fetches;
// when it got none (quotes off, or the server did not answer) and some
// are kept, it is made again from the last known ones, whose time asOf
// is then.
func (a *App) todaySummary(ctx context.Context, svc *service.Service, in service.TodayInput) (sum service.TodaySummary, at time.Time, err error) {
	svc.KeepWatched = a.watchedCodes(svc.Store, in.Snap)
	if sum, err = svc.Today(ctx, in); err != nil || !sum.Offline {
		return sum, at, err
	}
	lk, err := svc.LastKnownQuotes(nil)
	if err != nil || len(lk.Quotes) == 0 {
		return sum, at, nil // the summary without quotes says so
	}
	in.Quotes = lk.Quotes
	again, err := svc.Today(ctx, in)
	if err != nil {
		return sum, at, err
	}
	again.QuoteStatus = sum.QuoteStatus
	return again, lk.At, nil
}
