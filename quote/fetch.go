package quote

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"strings"
	"sync"
	"time"
	"zixuan/sectors/market"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/encoding/simplifiedchinese"

	"zixuan/sectors"
)

// maxBody bounds what is read from one answer: 60 Tencent lines are about
// 30 KB.
const maxBody = 4 << 20

// client is what the providers share: the HTTP client, the headers and the
// retry policy.
type client struct {
	http    *http.Client
	headers map[string]string
	backoff time.Duration
	timeout time.Duration // per request
	sleep   func(ctx context.Context, d time.Duration) error
}

func newClient(hc *http.Client, headers map[string]string) client {
	if hc == nil {
		hc = HTTPClient(nil)
	}
	return client{http: hc, headers: headers, backoff: Backoff, timeout: RequestTimeout, sleep: sleepCtx}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// get fetches url with a per-request timeout, retrying transient failures
// (unreachable, 429, 5xx) with a doubling backoff. The body is returned
// raw.
func (c client) get(ctx context.Context, url string) ([]byte, error) {
	var err error
	wait := c.backoff
	for attempt := 0; attempt < Attempts; attempt++ {
		if attempt > 0 {
			if serr := c.sleep(ctx, wait); serr != nil {
				return nil, err
			}
			wait *= 2
		}
		var body []byte
		body, err = c.once(ctx, url)
		if err == nil {
			return body, nil
		}
		if ctx.Err() != nil || !transient(err) {
			return nil, err
		}
	}
	return nil, err
}

func (c client) once(ctx context.Context, url string) ([]byte, error) {
	rctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "zixuan (terminal watchlist)")
	for k, v := range c.headers {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, netError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, &HTTPError{Code: resp.StatusCode, URL: url}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, netError(err)
	}
	return body, nil
}

// gbk decodes a GBK answer. Bytes that are not GBK become U+FFFD.
func gbk(b []byte) string {
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// symbol is the lower-case exchange prefix both vendors use: sh600519.
func symbol(c market.Code) string {
	return strings.ToLower(string(c.Exchange)) + c.Number
}

// symbols is a request's list: sh600519,sz000977.
func symbols(codes []market.Code) string {
	syms := make([]string, len(codes))
	for i, c := range codes {
		syms[i] = symbol(c)
	}
	return strings.Join(syms, ",")
}

// batches fetches codes in requests of at most BatchSize symbols, up to
// four at a time, and merges what comes back. When the server is
// unreachable the remaining batches are not tried: one error, not ninety.
func batches(ctx context.Context, codes []market.Code, fetch func(ctx context.Context, part []market.Code) (map[string]sectors.Quote, error)) (map[string]sectors.Quote, error) {
	out := make(map[string]sectors.Quote, len(codes))
	if len(codes) == 0 {
		return out, nil
	}
	var parts [][]market.Code
	for start := 0; start < len(codes); start += BatchSize {
		parts = append(parts, codes[start:min(start+BatchSize, len(codes))])
	}
	var (
		mu       sync.Mutex
		firstErr error
	)
	ctxErr := parallel(ctx, len(parts), func(ctx context.Context, i int) (stop bool) {
		got, err := fetch(ctx, parts[i])
		mu.Lock()
		defer mu.Unlock()
		maps.Copy(out, got)
		if err != nil && firstErr == nil {
			firstErr = err
			return !errors.Is(err, ErrMalformed) // offline or refused: the others would fail the same way
		}
		return false
	})
	if firstErr == nil {
		firstErr = ctxErr
	}
	if firstErr != nil {
		return out, fmt.Errorf("%d of %d quotes: %w", len(out), len(codes), firstErr)
	}
	return out, nil
}

// parallel runs work(ctx, i) for every i below n, at most four at a time
// (a courtesy to a free public server). When a call says stop, the calls
// not yet started are dropped: against a server that is gone, one error is
// enough. It returns the caller's context error, if that ended the work.
//
// The group's limit also bounds the goroutines: Go waits for a free slot
// before starting one, so the whole market's history is never thousands
// of goroutines waiting for four slots.
func parallel(ctx context.Context, n int, work func(ctx context.Context, i int) (stop bool)) error {
	g, inner := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i := range n {
		if inner.Err() != nil {
			break
		}
		g.Go(func() error {
			if inner.Err() != nil {
				return nil
			}
			if work(inner, i) {
				return errStopped
			}
			return nil
		})
	}
	_ = g.Wait() // errStopped only: work reports its own errors
	return ctx.Err()
}

// errStopped ends a group early: it cancels the calls not yet started.
var errStopped = errors.New("stopped")
