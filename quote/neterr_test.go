package quote

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
	"zixuan/sectors/market"
)

func oneCode() []market.Code {
	return []market.Code{{Exchange: market.SH, Number: "600519"}}
}

// Each way of not getting an answer is named as what it is.
func TestNetworkFailuresAreNamed(t *testing.T) {
	// a server that never answers in time
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer slow.Close()
	// a server that redirects to itself, and one that sends clients away
	var loop *httptest.Server
	loop = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, loop.URL+r.URL.Path, http.StatusFound)
	}))
	defer loop.Close()
	away := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://elsewhere.invalid"+r.URL.Path, http.StatusFound)
	}))
	defer away.Close()
	// a port nothing listens on
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()

	for _, tc := range []struct {
		url, want string
		is        error
	}{
		{slow.URL, "the quote server did not answer in time (timed out)", ErrOffline},
		{closed, "no connection to the quote server: connection refused (" + ln.Addr().String() + ")", ErrOffline},
		{loop.URL, "redirects in a loop", ErrRedirect},
		{away.URL, "to another host, elsewhere.invalid, which is not followed", ErrRedirect},
	} {
		p := NewTencent(tc.url, nil)
		fast(&p.c, 0)
		p.c.timeout = 200 * time.Millisecond
		_, err := p.Quotes(context.Background(), oneCode())
		if !errors.Is(err, tc.is) || !strings.Contains(Status(err), tc.want) || strings.Contains(Status(err), "\n") {
			t.Errorf("%s: %v: status %q, want %q", tc.url, err, Status(err), tc.want)
		}
	}
}

// A name that does not resolve is named so (classified without asking a
// resolver: tests use no network).
func TestDNSFailureIsNamed(t *testing.T) {
	err := netError(&url.Error{Op: "Get", URL: "http://x.invalid", Err: &net.OpError{Op: "dial", Err: &net.DNSError{Name: "x.invalid", Err: "no such host", IsNotFound: true}}})
	if !errors.Is(err, ErrOffline) || Status(err) != "quotes: the quote server's name does not resolve (DNS: x.invalid)" {
		t.Errorf("%v: %q", err, Status(err))
	}
}

// A redirect to the same host is followed, and one to a host the
// settings allow.
func TestRedirectsFollowedWithinTheHost(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/moved") {
			http.Redirect(w, r, "/moved"+r.URL.Path, http.StatusMovedPermanently)
			return
		}
		w.Write([]byte(`v_sh600519="1~贵州茅台~600519~1500.00~1490.00~1495.00~100";`))
	}))
	defer srv.Close()
	c := newClient(nil, nil)
	if _, err := c.get(context.Background(), srv.URL+"/q=sh600519"); err != nil {
		t.Errorf("same host: %v", err)
	}
	other := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	away := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other+"/moved/x", http.StatusFound)
	}))
	defer away.Close()
	if _, err := newClient(HTTPClient([]string{"localhost"}), nil).get(context.Background(), away.URL); err != nil {
		t.Errorf("allowed host: %v", err)
	}
	if _, err := newClient(nil, nil).get(context.Background(), away.URL); !errors.Is(err, ErrRedirect) {
		t.Errorf("host not allowed: %v", err)
	}
}
