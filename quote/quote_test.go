package quote

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"zixuan/sectors/market"
)

func codes(t *testing.T, ss ...string) []market.Code {
	t.Helper()
	out := make([]market.Code, len(ss))
	for i, s := range ss {
		c, err := market.ParseCode(s)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = c
	}
	return out
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// replay serves fixed bytes for every request and records the paths asked.
type replay struct {
	mu    sync.Mutex
	paths []string
	refs  []string
	n     atomic.Int32
}

func (r *replay) server(t *testing.T, h func(w http.ResponseWriter, req *http.Request)) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.n.Add(1)
		r.mu.Lock()
		r.paths = append(r.paths, req.URL.Path)
		r.refs = append(r.refs, req.Header.Get("Referer"))
		r.mu.Unlock()
		h(w, req)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func serve(body []byte) func(w http.ResponseWriter, _ *http.Request) {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=GBK")
		_, _ = w.Write(body)
	}
}

// fast makes retries immediate and timeouts short, so tests never wait.
func fast(c *client, timeout time.Duration) {
	c.backoff = 0
	c.sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	if timeout > 0 {
		c.timeout = timeout
	}
}

func TestTencentNormalSuspendedUnknown(t *testing.T) {
	var r replay
	srv := r.server(t, serve(fixture(t, "tencent_normal.gbk")))
	p := NewTencent(srv.URL, srv.Client())
	got, err := p.Quotes(context.Background(), codes(t, "SH600519", "SZ000977", "SH688111", "SZ000002"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "/q=sh600519,sz000977,sh688111,sz000002"; r.paths[0] != want {
		t.Errorf("asked %s, want %s", r.paths[0], want)
	}
	m := got["SH600519"]
	if m.Name != "贵州茅台" || m.Last != 1459.88 || m.PrevClose != 1459.44 || m.Open != 1459.44 ||
		m.High != 1464.88 || m.Low != 1452.10 || m.Change != 0.44 || m.ChangePct != 0.03 ||
		m.Volume != 2106400 || m.Amount != 307331*10000 || m.Turnover != 0.17 || m.PE != 20.35 || m.Suspended {
		t.Errorf("600519 = %+v", m)
	}
	if want := time.Date(2026, 4, 2, 16, 14, 1, 0, market.China); !m.Time.Equal(want) {
		t.Errorf("time %v, want %v", m.Time, want)
	}
	if q := got["SZ000977"]; q.Name != "浪潮信息" || q.ChangePct != 4.37 {
		t.Errorf("000977 = %+v", q)
	}
	s := got["SH688111"]
	if !s.Suspended || s.Last != 281.50 || s.Change != 0 || s.Volume != 0 {
		t.Errorf("suspended 688111 = %+v", s)
	}
	if _, ok := got["SZ000002"]; ok {
		t.Error("an unknown code (v_pv_none_match) got a quote")
	}
	if len(got) != 3 {
		t.Errorf("%d quotes, want 3", len(got))
	}
}

func TestTencentShortOldLines(t *testing.T) {
	got, err := ParseTencent(fixture(t, "tencent_short.gbk"), codes(t, "SZ002230", "SH601138"))
	if err != nil {
		t.Fatal(err)
	}
	q, ok := got["SZ002230"]
	if !ok || q.Name != "科大讯飞" || q.Last != 45.12 || !q.Time.IsZero() || q.Suspended {
		t.Fatalf("short line = %+v %v", q, ok)
	}
	if d := q.Change - 0.32; d > 1e-9 || d < -1e-9 {
		t.Errorf("change computed %v, want 0.32", q.Change)
	}
	if q.High != q.Last || q.Low != q.Last {
		t.Errorf("missing high/low should fall back to last: %+v", q)
	}
	if _, ok := got["SH601138"]; ok {
		t.Error("a 4-field line gave a quote")
	}
}

func TestTencentGarbage(t *testing.T) {
	var r replay
	srv := r.server(t, serve(fixture(t, "garbage.html")))
	p := NewTencent(srv.URL, srv.Client())
	got, err := p.Quotes(context.Background(), codes(t, "SH600519"))
	if !errors.Is(err, ErrMalformed) || len(got) != 0 {
		t.Fatalf("garbage: %v %v", got, err)
	}
	if r.n.Load() != 1 {
		t.Errorf("a malformed answer was retried: %d requests", r.n.Load())
	}
	if !strings.Contains(Status(err), "not understood") {
		t.Errorf("status %q", Status(err))
	}
	// invalid GBK and stray bytes never panic
	for _, b := range [][]byte{{0xff, 0xfe, 0x81}, []byte(`v_sh600519="~~~`), []byte(`v_sh600519=""`), nil} {
		_, _ = ParseTencent(b, codes(t, "SH600519"))
	}
}

func TestTencent403NotRetried(t *testing.T) {
	var r replay
	srv := r.server(t, func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "forbidden", http.StatusForbidden) })
	p := NewTencent(srv.URL, srv.Client())
	fast(&p.c, 0)
	_, err := p.Quotes(context.Background(), codes(t, "SH600519"))
	var he *HTTPError
	if !errors.As(err, &he) || he.Code != 403 || !errors.Is(err, ErrRefused) {
		t.Fatalf("403: %v", err)
	}
	if r.n.Load() != 1 {
		t.Errorf("403 tried %d times", r.n.Load())
	}
	if !strings.Contains(Status(err), "403") {
		t.Errorf("status %q", Status(err))
	}
}

func TestTencent5xxRetriedThenOK(t *testing.T) {
	var r replay
	body := fixture(t, "tencent_normal.gbk")
	srv := r.server(t, func(w http.ResponseWriter, req *http.Request) {
		if r.n.Load() < 3 {
			http.Error(w, "busy", http.StatusBadGateway)
			return
		}
		serve(body)(w, req)
	})
	p := NewTencent(srv.URL, srv.Client())
	var waits []time.Duration
	p.c.sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	got, err := p.Quotes(context.Background(), codes(t, "SH600519"))
	if err != nil || got["SH600519"].Last != 1459.88 {
		t.Fatalf("after retries: %v %v", got, err)
	}
	if r.n.Load() != 3 || len(waits) != 2 || waits[1] != 2*waits[0] {
		t.Errorf("requests %d, waits %v: want 3 requests and a doubling backoff", r.n.Load(), waits)
	}
}

func TestTencentSlowServerTimesOut(t *testing.T) {
	var r replay
	release := make(chan struct{})
	srv := r.server(t, func(w http.ResponseWriter, req *http.Request) {
		select { // hang until the client gives up
		case <-req.Context().Done():
		case <-release:
		}
	})
	defer close(release)
	p := NewTencent(srv.URL, srv.Client())
	fast(&p.c, 20*time.Millisecond)
	_, err := p.Quotes(context.Background(), codes(t, "SH600519"))
	if !errors.Is(err, ErrOffline) {
		t.Fatalf("slow server: %v", err)
	}
	if r.n.Load() != Attempts {
		t.Errorf("%d requests, want %d", r.n.Load(), Attempts)
	}
}

func TestOfflineOneErrorNoSpam(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there now: connection refused
	p := NewTencent(url, nil)
	fast(&p.c, 0)
	cs := make([]market.Code, 0, 200)
	for _, c := range market.Master()[:200] {
		cs = append(cs, c.Code)
	}
	got, err := p.Quotes(context.Background(), cs)
	if !errors.Is(err, ErrOffline) || len(got) != 0 {
		t.Fatalf("offline: %d quotes, %v", len(got), err)
	}
	if s := Status(err); !strings.HasPrefix(s, "quotes: no connection to the quote server: connection refused (127.0.0.1:") {
		t.Errorf("status %q", s)
	}
}

func TestBatchesOf60(t *testing.T) {
	var r replay
	srv := r.server(t, serve([]byte(`v_pv_none_match="1";`)))
	p := NewTencent(srv.URL, srv.Client())
	cs := make([]market.Code, 0, 130)
	for _, c := range market.Master()[:130] {
		cs = append(cs, c.Code)
	}
	if _, err := p.Quotes(context.Background(), cs); err != nil {
		t.Fatal(err)
	}
	if len(r.paths) != 3 {
		t.Fatalf("%d requests for 130 codes, want 3", len(r.paths))
	}
	total := 0
	for _, p := range r.paths {
		n := strings.Count(p, ",") + 1
		if n > BatchSize {
			t.Errorf("a request asked %d symbols", n)
		}
		total += n
	}
	if total != 130 {
		t.Errorf("asked %d symbols in all, want 130", total)
	}
}

func TestSinaNeedsReferer(t *testing.T) {
	var r replay
	body := fixture(t, "sina_normal.gbk")
	srv := r.server(t, func(w http.ResponseWriter, req *http.Request) {
		if req.Header.Get("Referer") == "" {
			http.Error(w, "Forbidden", http.StatusForbidden)
			return
		}
		serve(body)(w, req)
	})
	p := NewSina(srv.URL, srv.Client())
	got, err := p.Quotes(context.Background(), codes(t, "SH600519", "SZ000002"))
	if err != nil {
		t.Fatal(err)
	}
	q := got["SH600519"]
	if q.Name != "贵州茅台" || q.Last != 1459.88 || q.Volume != 2106400 || q.Time.Format("15:04:05") != "15:00:01" {
		t.Errorf("sina = %+v", q)
	}
	if d := q.ChangePct - 0.0301; d > 0.001 || d < -0.001 {
		t.Errorf("computed change %% %v", q.ChangePct)
	}
	if len(got) != 1 || r.paths[0] != "/list=sh600519,sz000002" {
		t.Errorf("got %d, path %v", len(got), r.paths)
	}
}

func TestFallback(t *testing.T) {
	var a, b replay
	bad := a.server(t, func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "no", http.StatusForbidden) })
	good := b.server(t, serve(fixture(t, "sina_normal.gbk")))
	p := Fallback{Primary: NewTencent(bad.URL, bad.Client()), Secondary: NewSina(good.URL, good.Client())}
	got, err := p.Quotes(context.Background(), codes(t, "SH600519"))
	if err != nil || got["SH600519"].Last != 1459.88 {
		t.Fatalf("fallback: %v %v", got, err)
	}
}

func TestTradingHours(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, market.China)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	for s, want := range map[string]bool{
		"2026-04-02 09:29": false, "2026-04-02 09:30": true, "2026-04-02 11:29": true,
		"2026-04-02 11:30": false, "2026-04-02 12:59": false, "2026-04-02 13:00": true,
		"2026-04-02 14:59": true, "2026-04-02 15:00": false, "2026-04-04 10:00": false, // Saturday
	} {
		if got := Trading(at(s)); got != want {
			t.Errorf("Trading(%s) = %v", s, got)
		}
	}
	// the machine's zone does not matter: 01:30 UTC is 09:30 in China
	if !Trading(time.Date(2026, 4, 2, 1, 30, 0, 0, time.UTC)) {
		t.Error("UTC time not converted")
	}
	for s, want := range map[string]string{
		"2026-04-02 08:00": "2026-04-02 09:30", "2026-04-02 11:30": "2026-04-02 13:00",
		"2026-04-03 15:00": "2026-04-07 09:30", // Friday close, over the 清明 Monday, to Tuesday
		"2026-04-30 15:00": "2026-05-06 09:30", // over 劳动节
		"2026-12-04 15:00": "2026-12-07 09:30", // Friday close to Monday open
	} {
		if got := NextOpen(at(s)).Format("2006-01-02 15:04"); got != want {
			t.Errorf("NextOpen(%s) = %s, want %s", s, got, want)
		}
	}
	now := at("2026-04-02 10:00")
	if Stale(now.Add(-20*time.Second), now, 10*time.Second) {
		t.Error("a 20 s old quote is stale")
	}
	if !Stale(now.Add(-5*time.Minute), now, 10*time.Second) || !Stale(time.Time{}, now, 10*time.Second) {
		t.Error("a 5 min old quote during trading is not stale")
	}
	if Stale(at("2026-04-02 15:00"), at("2026-04-02 20:00"), 10*time.Second) {
		t.Error("last close is stale in the evening")
	}
	// 2026-10-05 is a Monday of 国庆: no trading, the last close is not stale
	if Trading(at("2026-10-05 10:00")) || Stale(at("2026-09-30 15:00"), at("2026-10-05 10:00"), 10*time.Second) {
		t.Error("a holiday weekday counts as trading")
	}
	if !PreOpen(at("2026-12-01 09:18")) || PreOpen(at("2026-12-01 09:30")) || PreOpen(at("2026-10-05 09:18")) {
		t.Error("PreOpen")
	}
	if got := SessionDay(at("2024-02-12 00:00")).Format(time.DateOnly); got != "2024-02-08" {
		t.Errorf("SessionDay(春节 Monday) = %s", got)
	}
	if got := SessionDay(at("2024-05-12 00:00")).Format(time.DateOnly); got != "2024-05-10" {
		t.Errorf("SessionDay(Sunday) = %s", got)
	}
	if Closed(at("2026-04-02 00:00"), at("2026-04-02 14:00")) || !Closed(at("2026-04-02 00:00"), at("2026-04-02 15:00")) {
		t.Error("Closed")
	}
}
