package quote

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

func chinaDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.ParseInLocation(time.DateOnly, s, market.China)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// klineServer answers /appstock/app/fqkline/get from testdata/kline_day_<sym>.json
// and records every param asked.
type klineServer struct {
	mu     sync.Mutex
	params []string
}

func (k *klineServer) start(t *testing.T) *Tencent {
	t.Helper()
	var r replay
	srv := r.server(t, func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path != "/appstock/app/fqkline/get" {
			http.NotFound(w, req)
			return
		}
		param := req.URL.Query().Get("param")
		k.mu.Lock()
		k.params = append(k.params, param)
		k.mu.Unlock()
		sym := strings.Split(param, ",")[0]
		switch sym {
		case "sz300624", "sh000300", "sh688111":
			_, _ = w.Write(fixture(t, "kline_day_"+sym+".json"))
		default: // what the server says for a code it does not know
			_, _ = w.Write([]byte(`{"code":0,"msg":"","data":{"` + sym + `":{"day":[]}}}`))
		}
	})
	p := NewTencent(srv.URL, srv.Client())
	fast(&p.c, 0)
	return p
}

func TestParseDailyUnadjustedWithDistributions(t *testing.T) {
	code := codes(t, "SZ300624")[0]
	h, err := ParseDaily(fixture(t, "kline_day_sz300624.json"), code)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Bars) != 11 || len(h.Unread) != 0 {
		t.Fatalf("%d bars, unread %v", len(h.Bars), h.Unread)
	}
	first := h.Bars[0]
	// ChiNext volumes are lots: 35000 手 = 3,500,000 shares
	if market.ChinaDate(first.Date) != "2024-09-20" || first.Open != 19.90 || first.Close != 20.00 ||
		first.High != 20.10 || first.Low != 19.80 || first.Volume != 3500000 {
		t.Errorf("first bar %+v", first)
	}
	// the 国庆 holiday has no rows: 09-30 is followed by 10-08
	if market.ChinaDate(h.Bars[6].Date) != "2024-09-30" || market.ChinaDate(h.Bars[7].Date) != "2024-10-08" {
		t.Errorf("bars around the holiday: %v %v", h.Bars[6].Date, h.Bars[7].Date)
	}
	if len(h.Events) != 2 {
		t.Fatalf("events %+v", h.Events)
	}
	div, split := h.Events[0], h.Events[1]
	if market.ChinaDate(div.ExDate) != "2024-09-26" || div.CashPerShare != 0.5 || div.BonusPerShare != 0 || div.Text != "10派5元(含税)" {
		t.Errorf("dividend %+v", div)
	}
	// dated by its cqr (10-10), not by the row that carries it (10-08)
	if market.ChinaDate(split.ExDate) != "2024-10-10" || split.BonusPerShare != 0.4 || split.CashPerShare != 0 {
		t.Errorf("10转4 %+v", split)
	}

	// a series that is only forward-adjusted is not the traded prices
	if _, err := ParseDaily(fixture(t, "kline_600519.json"), codes(t, "SH600519")[0]); !errors.Is(err, ErrMalformed) {
		t.Errorf("qfq-only answer: %v", err)
	}
	for _, body := range []string{`{"code":0,"msg":"","data":[]}`, `{"code":1,"msg":"param error","data":""}`, `{"code":0,"data":{"sz300624":{"day":[]}}}`} {
		if _, err := ParseDaily([]byte(body), code); !errors.Is(err, ErrNoHistory) {
			t.Errorf("%s: %v", body, err)
		}
	}
	// a distribution it cannot read is kept apart, not taken as nothing
	odd := `{"code":0,"data":{"sz300624":{"day":[["2024-09-20","1","20","21","19","10",{"cqr":"2024-09-20","FHcontent":"10配3股"}],["2024-09-23","1","NaN","1","1","1"],["2024-09-24","1","1e300","1","1","1"]]}}}`
	h2, err := ParseDaily([]byte(odd), code)
	if err != nil || len(h2.Bars) != 1 || len(h2.Events) != 0 || len(h2.Unread) != 1 || h2.Unread[0].Text != "10配3股" {
		t.Errorf("odd rows: %+v %v", h2, err)
	}
}

func TestParseDailySTARVolumeInShares(t *testing.T) {
	h, err := ParseDaily(fixture(t, "kline_day_sh688111.json"), codes(t, "SH688111")[0])
	if err != nil {
		t.Fatal(err)
	}
	// STAR rows are shares already; the row with an amount (124248.16 万元
	// ÷ (4421640 × 281.50) = 0.998) confirms it; the empty {} is no
	// distribution
	if len(h.Bars) != 3 || h.Bars[0].Volume != 3980000 || h.Bars[1].Volume != 4421640 || len(h.Events)+len(h.Unread) != 0 {
		t.Errorf("%+v", h)
	}
}

func TestDailyHistoryAsksOnlyForMissingDays(t *testing.T) {
	var k klineServer
	p := k.start(t)
	want := sectors.DayRange{From: chinaDay(t, "2024-09-20"), To: chinaDay(t, "2024-10-11")}
	needs := []DailyNeed{
		{Code: codes(t, "SZ300624")[0]}, // nothing held
		{Code: sectors.Benchmark, Held: sectors.DayRange{From: chinaDay(t, "2024-09-20"), To: chinaDay(t, "2024-09-30")}},
		{Code: codes(t, "SH688111")[0], Held: want}, // complete: not asked
		{Code: codes(t, "SZ000002")[0]},             // unknown to the server
	}
	now := time.Date(2024, 10, 14, 20, 0, 0, 0, market.China)
	fetched, err := p.DailyHistory(context.Background(), needs, want, now)
	if err != nil {
		t.Fatal(err)
	}
	got := fetched.Got
	asked := map[string]bool{}
	for _, prm := range k.params {
		asked[prm] = true
	}
	// one request per missing span; the benchmark's starts after the
	// holiday, on 10-08; all unadjusted (empty last part)
	for _, w := range []string{"sz300624,day,2024-09-20,2024-10-11,640,", "sh000300,day,2024-10-08,2024-10-11,640,", "sz000002,day,2024-09-20,2024-10-11,640,"} {
		if !asked[w] {
			t.Errorf("not asked %q; asked %v", w, k.params)
		}
	}
	if len(k.params) != 3 {
		t.Errorf("%d requests, want 3: %v", len(k.params), k.params)
	}
	if s := got["SZ300624"]; len(s.Bars) != 11 || len(s.Events) != 2 {
		t.Errorf("300624: %d bars %d events", len(s.Bars), len(s.Events))
	}
	// the server answers more than asked: only the missing days are kept
	if b := got["SH000300"]; len(b.Bars) != 4 || market.ChinaDate(b.Bars[0].Date) != "2024-10-08" {
		t.Errorf("benchmark: %+v", b.Bars)
	}
	if _, ok := got["SZ000002"]; ok {
		t.Error("an unknown code got a history")
	}
}

func TestDailyHistoryDropsTheUnfinishedSession(t *testing.T) {
	var k klineServer
	p := k.start(t)
	want := sectors.DayRange{From: chinaDay(t, "2024-09-20"), To: chinaDay(t, "2024-12-31")}
	// 10:00 on 10-11: the server's 10-11 row is the session so far, no close
	now := time.Date(2024, 10, 11, 10, 0, 0, 0, market.China)
	got, err := p.DailyHistory(context.Background(), []DailyNeed{{Code: codes(t, "SZ300624")[0]}}, want, now)
	if err != nil {
		t.Fatal(err)
	}
	bars := got.Got["SZ300624"].Bars
	if len(bars) != 10 || market.ChinaDate(bars[len(bars)-1].Date) != "2024-10-10" {
		t.Errorf("last bar %v of %d", bars[len(bars)-1].Date, len(bars))
	}
	// and the request stopped at the last session over, not at the end of
	// the year
	if len(k.params) != 1 || k.params[0] != "sz300624,day,2024-09-20,2024-10-10,640," {
		t.Errorf("asked %v", k.params)
	}
}

// A history held to the last session over is complete until today's
// closes: a fetch before 15:00 on a trading day asks for nothing (a TUI
// started in the morning, a cron job at 00:30, once per security each).
func TestDailyHistoryHeldToTheLastCloseAsksNothingBeforeTheClose(t *testing.T) {
	var k klineServer
	p := k.start(t)
	held := sectors.DayRange{From: chinaDay(t, "2024-09-20"), To: chinaDay(t, "2024-10-10")}
	for _, now := range []time.Time{
		time.Date(2024, 10, 11, 0, 30, 0, 0, market.China),  // a trading day, after midnight
		time.Date(2024, 10, 11, 10, 0, 0, 0, market.China),  // in its session
		time.Date(2024, 10, 11, 14, 59, 0, 0, market.China), // a minute before its close
	} {
		k.params = nil
		want := sectors.DayRange{From: held.From, To: market.ChinaDay(now)}
		if _, err := p.DailyHistory(context.Background(), []DailyNeed{{Code: codes(t, "SZ300624")[0], Held: held}}, want, now); err != nil {
			t.Fatal(err)
		}
		if len(k.params) != 0 {
			t.Errorf("at %s: asked %v for a history held to the last close", now.Format(time.DateTime), k.params)
		}
	}
	// at the close the day is asked for
	now := time.Date(2024, 10, 11, 15, 0, 0, 0, market.China)
	k.params = nil
	if _, err := p.DailyHistory(context.Background(), []DailyNeed{{Code: codes(t, "SZ300624")[0], Held: held}}, sectors.DayRange{From: held.From, To: market.ChinaDay(now)}, now); err != nil {
		t.Fatal(err)
	}
	if len(k.params) != 1 || k.params[0] != "sz300624,day,2024-10-11,2024-10-11,640," {
		t.Errorf("at the close: asked %v", k.params)
	}
}

func TestPlanDailyBatchesLongSpans(t *testing.T) {
	// three years with nothing held: 2024–2026 hold 242 + 243 + 242 = 727
	// trading days (weekdays less the closures), so two requests, the
	// first of PlanRows trading days (below the server's KlineRows, so a
	// calendar out by a few weeks still gets every row), the second
	// picking up on the next trading day
	want := sectors.DayRange{From: chinaDay(t, "2024-01-02"), To: chinaDay(t, "2026-12-31")}
	n := market.TradingDaysBetween(want.From, want.To)
	plan := PlanDaily([]DailyNeed{{Code: sectors.Benchmark}}, want)
	if n != 727 || len(plan) != int(math.Ceil(float64(n)/PlanRows)) || len(plan) != 2 {
		t.Fatalf("%d trading days in %d requests: %+v", n, len(plan), plan)
	}
	if c := market.TradingDaysBetween(plan[0].Span.From, plan[0].Span.To); c != PlanRows || PlanRows > KlineRows-20 {
		t.Errorf("first request covers %d trading days", c)
	}
	if !plan[1].Span.From.Equal(market.NextTradingDay(plan[0].Span.To)) || !plan[1].Span.To.Equal(want.To) {
		t.Errorf("second request %+v", plan[1].Span)
	}
	// 25 tickers holding all but the last week: one request each
	var needs []DailyNeed
	for _, tk := range sectors.ReportTickers {
		needs = append(needs, DailyNeed{Code: tk.Code, Held: sectors.DayRange{From: want.From, To: chinaDay(t, "2026-12-24")}})
	}
	if plan := PlanDaily(needs, want); len(plan) != len(sectors.ReportTickers) {
		t.Errorf("%d requests for %d tickers a week behind", len(plan), len(sectors.ReportTickers))
	}
}

// A need with a first day of its own is completed from that day, not
// from the want's: a security rated last month is not fetched for years.
func TestPlanDailyFromANeedsOwnDay(t *testing.T) {
	want := sectors.DayRange{From: chinaDay(t, "2024-05-06"), To: chinaDay(t, "2026-11-30")}
	own := chinaDay(t, "2026-11-02")
	plan := PlanDaily([]DailyNeed{{Code: market.MustParseCode("688111"), From: own}, {Code: sectors.Benchmark}}, want)
	if len(plan) != 3 {
		t.Fatalf("plan %+v, want one request for the security's month and two for the benchmark's 630 sessions", plan)
	}
	if p := plan[0]; p.Code.Number != "688111" || !p.Span.From.Equal(own) || !p.Span.To.Equal(want.To) {
		t.Errorf("the security's request %+v, want %s to %s", p.Span, market.ChinaDate(own), market.ChinaDate(want.To))
	}
	if p := plan[1]; p.Code != sectors.Benchmark || !p.Span.From.Equal(want.From) {
		t.Errorf("the benchmark's first request %+v, want from %s", p.Span, market.ChinaDate(want.From))
	}
}

func TestDailyHistoryOffline(t *testing.T) {
	var r replay
	srv := r.server(t, func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "no", http.StatusForbidden) })
	p := NewTencent(srv.URL, srv.Client())
	fast(&p.c, 0)
	var needs []DailyNeed
	for _, tk := range sectors.ReportTickers {
		needs = append(needs, DailyNeed{Code: tk.Code})
	}
	want := sectors.DayRange{From: chinaDay(t, "2024-09-20"), To: chinaDay(t, "2024-10-11")}
	_, err := p.DailyHistory(context.Background(), needs, want, time.Date(2024, 10, 14, 20, 0, 0, 0, market.China))
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("%v", err)
	}
	if n := r.n.Load(); n > 4 {
		t.Errorf("%d requests to a server that refuses: the rest should be dropped", n)
	}
}

// From the server's answers to the scorecard's numbers: the fixture's
// prices are those of the sectors tests, so the expected values are the
// same hand computations.
func TestDailyHistoryToCallReturn(t *testing.T) {
	var k klineServer
	p := k.start(t)
	want := sectors.DayRange{From: chinaDay(t, "2024-09-20"), To: chinaDay(t, "2024-10-11")}
	stock := codes(t, "SZ300624")[0]
	got, err := p.DailyHistory(context.Background(), []DailyNeed{{Code: stock}, {Code: sectors.Benchmark}}, want, time.Date(2024, 10, 12, 9, 0, 0, 0, market.China))
	if err != nil {
		t.Fatal(err)
	}
	// a call on Sunday 09-22 → the close of Friday 09-20, 20.00
	c, err := sectors.ScoreCall(chinaDay(t, "2024-09-22"), nil, got.Got[stock.Key()], nil, got.Got[sectors.Benchmark.Key()], nil)
	if err != nil {
		t.Fatal(err)
	}
	// 21/20 × (21/20.5 for 10派5元) × (28/20 for 10转4) − 1 = +50.585…%;
	// 沪深300 3900/3200 − 1 = +21.875 %; excess 28.710…
	stockPct := (21.0/20.0*(21.0/20.5)*1.4 - 1) * 100
	if math.Abs(c.ReturnPct-stockPct) > 1e-9 || math.Abs(c.BenchmarkPct-21.875) > 1e-9 || math.Abs(c.ExcessPct-(stockPct-21.875)) > 1e-9 {
		t.Errorf("%+v", c)
	}
	if market.ChinaDate(c.Ref.Day) != "2024-09-20" || c.Ref.Price != 20 || c.Ref.Basis != sectors.Unadjusted {
		t.Errorf("reference %+v", c.Ref)
	}
}
