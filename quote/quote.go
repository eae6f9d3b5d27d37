// Package quote fetches prices for A-shares: live quotes for the list and
// daily closes for the reference price a rating's return is measured from.
//
// Quotes are an addition, never a dependency: every call is bounded by a
// context, fails with an error a status line can show in a few words
// (Status), and leaves the caller's data alone. Providers speak the
// vendors' public web endpoints: Tencent (qt.gtimg.cn, the default) and
// Sina (hq.sinajs.cn, a fallback). Both answer in GBK.
package quote

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"syscall"
	"time"

	"zixuan/sectors"
)

// Provider fetches quotes.
type Provider interface {
	// Name is the provider's short name ("tencent", "sina").
	Name() string
	// Quotes returns the quotes it found, keyed by Code.Key(). Codes the
	// provider does not know are left out. On a partial failure it returns
	// what it got together with the error.
	Quotes(ctx context.Context, codes []sectors.Code) (map[string]sectors.Quote, error)
}

// History fetches the unadjusted daily history the returns are measured
// with (Tencent's k-line: see DailyHistory).
type History interface {
	DailyHistory(ctx context.Context, needs []DailyNeed, want sectors.DayRange, now time.Time) (map[string]sectors.PriceHistory, error)
}

// Errors the providers return, for callers that branch with errors.Is.
var (
	// ErrOffline: the server could not be reached (no network, DNS, refused,
	// timed out).
	ErrOffline = errors.New("quote server unreachable")
	// ErrMalformed: the server answered with something that is not quotes.
	ErrMalformed = errors.New("malformed answer")
	// ErrRefused: the server answered with an HTTP error (403, 5xx, ...).
	ErrRefused = errors.New("refused")
	// ErrNoHistory: no daily close for that code and day.
	ErrNoHistory = errors.New("no daily close")
)

// BatchSize is how many symbols go into one request; public clients of
// both endpoints use 60.
const BatchSize = 60

// Timeouts and retries.
const (
	RequestTimeout = 5 * time.Second // one HTTP request
	Attempts       = 3               // tries for a transient failure
	Backoff        = 300 * time.Millisecond
)

// Status is err as a few words for a status line.
func Status(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrOffline):
		return "quotes: no connection to the quote server"
	case errors.Is(err, ErrRefused):
		var he *HTTPError
		if errors.As(err, &he) {
			return fmt.Sprintf("quotes: the server refused (HTTP %d)", he.Code)
		}
		return "quotes: the server refused"
	case errors.Is(err, ErrMalformed):
		return "quotes: the server's answer was not understood"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "quotes: timed out"
	}
	return "quotes: " + err.Error()
}

// HTTPError is an answer with a status other than 200.
type HTTPError struct {
	Code int
	URL  string
}

func (e *HTTPError) Error() string { return fmt.Sprintf("HTTP %d from %s", e.Code, e.URL) }
func (e *HTTPError) Unwrap() error { return ErrRefused }

// transient reports whether trying again may help.
func transient(err error) bool {
	var he *HTTPError
	if errors.As(err, &he) {
		return he.Code == 429 || he.Code >= 500
	}
	return errors.Is(err, ErrOffline)
}

// netError classifies a transport error: everything that means "could not
// talk to the server" becomes ErrOffline.
func netError(err error) error {
	var ne net.Error
	var ue *url.Error
	var oe *net.OpError
	var de *net.DNSError
	switch {
	case errors.As(err, &de), errors.As(err, &oe), errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH),
		errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("%w: %v", ErrOffline, err)
	case errors.As(err, &ue):
		return fmt.Errorf("%w: %v", ErrOffline, err)
	}
	return err
}
