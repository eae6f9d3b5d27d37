package quote

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// Provider fetches quotes.
type Provider interface {
	// Name is the provider's short name ("tencent", "sina").
	Name() string
	// Quotes returns the quotes it found, keyed by Code.Key(). Codes the
	// provider does not know are left out. On a partial failure it returns
	// what it got together with the error.
	Quotes(ctx context.Context, codes []market.Code) (map[string]sectors.Quote, error)
}

// History fetches the unadjusted daily history the returns are measured
// with (Tencent's k-line: see DailyHistory).
type History interface {
	DailyHistory(ctx context.Context, needs []DailyNeed, want sectors.DayRange, now time.Time) (DailyFetch, error)
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
	// ErrRedirect: the server redirected where the client does not follow.
	ErrRedirect = errors.New("redirect not followed")
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
	case errors.Is(err, ErrRedirect):
		var re *RedirectError
		if errors.As(err, &re) {
			return "quotes: " + re.Error()
		}
		return "quotes: a redirect was not followed"
	case errors.Is(err, ErrOffline):
		var ne *NetError
		if errors.As(err, &ne) && ne.Cause != "" {
			return "quotes: " + ne.Cause
		}
		return "quotes: no connection to the quote server"
	case errors.Is(err, ErrRefused):
		var he *HTTPError
		if errors.As(err, &he) {
			return fmt.Sprintf("quotes: the server refused (HTTP %d)", he.Code)
		}
		return "quotes: the server refused"
	case errors.Is(err, ErrMalformed):
		return "quotes: the server's answer was not understood"
	case errors.Is(err, context.DeadlineExceeded):
		return "quotes: the quote server did not answer in time (timed out)"
	case errors.Is(err, context.Canceled):
		return "quotes: cancelled"
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
// talk to the server" becomes ErrOffline, named by its cause (a timeout, a
// refused connection, a name that does not resolve) so that a message can
// say which; a redirect refused or looping is ErrRedirect.
func netError(err error) error {
	var ne net.Error
	var ue *url.Error
	var oe *net.OpError
	var de *net.DNSError
	var re *RedirectError
	switch {
	case errors.As(err, &re):
		return re
	case errors.As(err, &de):
		return &NetError{Cause: "the quote server's name does not resolve (DNS: " + de.Name + ")", Err: err}
	case errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return &NetError{Cause: "the quote server did not answer in time (timed out)", Err: err}
	case errors.Is(err, syscall.ECONNREFUSED):
		return &NetError{Cause: "no connection to the quote server: connection refused" + opAddr(oe, err), Err: err}
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return &NetError{Cause: "no connection to the quote server: network unreachable" + opAddr(oe, err), Err: err}
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &NetError{Cause: "the quote server cut the connection", Err: err}
	case errors.As(err, &oe), errors.As(err, &ue):
		return &NetError{Err: err}
	}
	return err
}

func opAddr(oe *net.OpError, err error) string {
	if errors.As(err, &oe) && oe.Addr != nil {
		return " (" + oe.Addr.String() + ")"
	}
	return ""
}

// NetError is ErrOffline with its cause in words, as a status line says
// it ("" when unknown).
type NetError struct {
	Cause string
	Err   error
}

func (e *NetError) Error() string { return ErrOffline.Error() + ": " + e.Err.Error() }

// Unwrap makes errors.Is(err, ErrOffline) hold, and reaches the cause.
func (e *NetError) Unwrap() []error { return []error{ErrOffline, e.Err} }

// RedirectError is a redirect not followed: to another host than the one
// asked (unless allowed, see HTTPClient), or one redirect too many (a
// loop). It is not retried.
type RedirectError struct {
	From, To string // hosts
	Loop     bool
}

func (e *RedirectError) Error() string {
	if e.Loop {
		return "the server redirects in a loop (" + e.From + ")"
	}
	return "the server redirected from " + e.From + " to another host, " + e.To + ", which is not followed (allow it with quote_redirect_hosts in the settings)"
}

// Unwrap makes errors.Is(err, ErrRedirect) hold.
func (e *RedirectError) Unwrap() error { return ErrRedirect }

// maxRedirects is how many redirects one request follows.
const maxRedirects = 5

// HTTPClient is the client the providers use: Go's default transport, and
// redirects followed only to the host asked (http to https included) or
// to one of allowedHosts, at most maxRedirects of them, never in a loop.
// A quote server that sends its clients elsewhere is more likely hijacked
// or misconfigured than moved.
func HTTPClient(allowedHosts []string) *http.Client {
	return &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error {
		from := via[0].URL.Hostname()
		for _, v := range via {
			if v.URL.String() == req.URL.String() {
				return &RedirectError{From: from, Loop: true}
			}
		}
		if len(via) > maxRedirects {
			return &RedirectError{From: from, Loop: true}
		}
		to := req.URL.Hostname()
		if !strings.EqualFold(to, from) && !slices.ContainsFunc(allowedHosts, func(h string) bool { return strings.EqualFold(h, to) }) {
			return &RedirectError{From: from, To: to}
		}
		return nil
	}}
}
