package service

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zixuan/quote"
	"zixuan/quote/quotetest"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
)

// todayServer answers like Tencent with the recorded lines of
// ../quote/testdata/tencent_normal.gbk (贵州茅台 +0.03 %, 浪潮信息 +4.37 %,
// 金山办公 without a trade, all of 2026-04-02), plus 浪潮信息's line
// moved to its limit up when limitUp is set, and any other symbol as
// unknown.
func todayServer(t *testing.T, limitUp bool) *httptest.Server {
	t.Helper()
	lines := quotetest.Lines(t, "tencent_normal.gbk")
	if limitUp {
		// 50.12 × 1.1 = 55.13: the last at the limit the line gives
		f := strings.Split(lines["sz000977"], "~")
		f[3], f[31], f[32], f[33] = "55.13", "5.01", "10.00", "55.13"
		f[47], f[48] = "55.13", "45.11"
		lines["sz000977"] = strings.Join(f, "~")
	}
	return quotetest.NewServer(t, lines).Server
}

var (
	maotai = market.MustParseCode("600519")
	inspur = market.MustParseCode("000977")
	kingso = market.MustParseCode("688111")
)

// todayStore is a store on clock with three tickers (浪潮信息 rated buy
// on 2026-01-05 with a note of 2026-02-01), a lot of 茅台 held since
// March, 200 浪潮信息 bought on 2026-04-02 at 51.00 with a 5 yuan fee,
// and an alert fired on 2026-04-02 at 10:31 and another a day before.
func todayStore(t *testing.T, clock *time.Time) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "today.db"))
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, market.China)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	set := func(s string) { *clock = at(s) }
	st.SetClock(func() time.Time { return *clock })
	set("2026-01-05 20:00")
	for _, c := range []market.Code{maotai, inspur, kingso} {
		// a new database holds the seed report's tickers (浪潮信息 among them)
		if _, err := st.AddTicker(c, "", "ai", sectors.Unrated, "user"); err != nil && !strings.Contains(err.Error(), "already on the watchlist") {
			t.Fatal(err)
		}
	}
	for _, r := range []sectors.Rating{sectors.Neutral, sectors.Buy} {
		if _, err := st.SetRating(inspur, r, "user", ""); err != nil {
			t.Fatal(err)
		}
	}
	set("2026-02-01 20:00")
	if _, err := st.AddNote(inspur, "orders from the cloud makers"); err != nil {
		t.Fatal(err)
	}
	set("2026-04-02 15:30")
	for _, tr := range []sectors.Trade{
		{Code: maotai, Side: sectors.Bought, Date: at("2026-03-02 00:00"), Price: 1400, Qty: 100, Fee: 5},
		{Code: inspur, Side: sectors.Bought, Date: at("2026-04-02 00:00"), Price: 51, Qty: 200, Fee: 5},
	} {
		if _, err := st.AddTrade(tr); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []market.Code{maotai, inspur} {
		a, err := sectors.NewAlert(c, sectors.AlertAbove, 2000, time.Time{}, *clock)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddAlert(a); err != nil {
			t.Fatal(err)
		}
	}
	fired := map[market.Code]time.Time{maotai: at("2026-04-02 10:31"), inspur: at("2026-04-01 14:00")}
	if _, err := st.ObserveAlerts(func(a *sectors.Alert) (bool, bool) {
		f := sectors.AlertFiring{At: fired[a.Code], Price: 2001}
		a.FiredAt, a.FiredPrice, a.Firings = f.At, f.Price, append(a.Firings, f)
		return true, true
	}); err != nil {
		t.Fatal(err)
	}
	return st
}

// mine is the three tickers of todayStore, as a tab holds them.
func mine(t *testing.T, st *store.Store) []sectors.Ticker {
	t.Helper()
	snap, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	var out []sectors.Ticker
	for _, tk := range snap.Tickers {
		if tk.Code == maotai || tk.Code == inspur || tk.Code == kingso {
			out = append(out, tk)
		}
	}
	return out
}

func TestTodayOnATradingDay(t *testing.T) {
	var clock time.Time
	st := todayStore(t, &clock)
	clock = time.Date(2026, 4, 2, 16, 30, 0, 0, market.China)
	svc := &Service{Store: st, Quotes: quote.NewTencent(todayServer(t, true).URL, nil), Now: func() time.Time { return clock }}
	sum, err := svc.Today(context.Background(), TodayInput{Scope: mine(t, st), StaleDays: 60})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Day != "2026-04-02" || sum.Closed || sum.Offline || sum.Tickers != 3 || sum.Quoted != 2 {
		t.Fatalf("day %s closed %v offline %v tickers %d quoted %d", sum.Day, sum.Closed, sum.Offline, sum.Tickers, sum.Quoted)
	}
	if len(sum.Gainers) != 2 || sum.Gainers[0].Code != "SZ000977" || sum.Gainers[1].Code != "SH600519" || len(sum.Losers) != 0 {
		t.Errorf("gainers %+v losers %+v", sum.Gainers, sum.Losers)
	}
	if len(sum.LimitUp) != 1 || sum.LimitUp[0].Code != "SZ000977" || len(sum.LimitDown) != 0 {
		t.Errorf("limit up %+v down %+v", sum.LimitUp, sum.LimitDown)
	}
	if len(sum.Alerts) != 1 || sum.Alerts[0].Code != "SH600519" || sum.Alerts[0].At != "2026-04-02 10:31:00" {
		t.Errorf("alerts %+v", sum.Alerts)
	}
	// the thesis of 2026-02-01 is 60 days old on 2026-04-02
	if len(sum.Stale) != 1 || sum.Stale[0].Code != "SZ000977" || sum.Stale[0].Days != 60 || sum.Stale[0].LastNote != "2026-02-01" {
		t.Errorf("stale %+v", sum.Stale)
	}
	// 茅台: 100 × (1459.88 − 1459.44); 浪潮信息 bought today: 200 × (55.13 − 51) − 5
	want := map[string]float64{"SH600519": 44, "SZ000977": 821}
	if len(sum.Positions) != 2 || sum.PnLPriced != 2 {
		t.Fatalf("positions %+v", sum.Positions)
	}
	for _, p := range sum.Positions {
		if p.PnL == nil || !near(*p.PnL, want[p.Code]) {
			t.Errorf("%s day P&L %+v, want %v", p.Code, p, want[p.Code])
		}
	}
	if !near(sum.DayPnL, 865) {
		t.Errorf("day P&L %v", sum.DayPnL)
	}
	// one day later without a note the limit counts it from 61 days
	sum, _ = svc.Today(context.Background(), TodayInput{Scope: mine(t, st), StaleDays: 61})
	if len(sum.Stale) != 0 {
		t.Errorf("stale at 61 days: %+v", sum.Stale)
	}
}

// On a Saturday the summary is of Friday's session and says the
// exchanges are shut; Friday's quotes still count.
func TestTodayOnAWeekendIsTheLastSession(t *testing.T) {
	var clock time.Time
	st := todayStore(t, &clock)
	clock = time.Date(2026, 4, 4, 11, 0, 0, 0, market.China) // Saturday, 清明节; Friday 04-03 is a session
	svc := &Service{Store: st, Quotes: quote.NewTencent(todayServer(t, false).URL, nil), Now: func() time.Time { return clock }}
	sum, err := svc.Today(context.Background(), TodayInput{Scope: mine(t, st)})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Day != "2026-04-03" || sum.Date != "2026-04-04" || !sum.Closed || sum.Reason != "清明节" {
		t.Fatalf("day %s date %s closed %v (%s)", sum.Day, sum.Date, sum.Closed, sum.Reason)
	}
	// the recorded quotes are Thursday's: no trade of Friday's session
	if sum.Quoted != 0 || len(sum.Gainers) != 0 || sum.PnLPriced != 0 || len(sum.Alerts) != 0 {
		t.Errorf("quoted %d gainers %+v priced %d alerts %+v", sum.Quoted, sum.Gainers, sum.PnLPriced, sum.Alerts)
	}
}

// Before a trading day's call auction the quote servers still answer the
// last session: the summary is of that session, as it was at its close.
func TestTodayBeforeTheOpenIsTheLastSession(t *testing.T) {
	var clock time.Time
	st := todayStore(t, &clock)
	clock = time.Date(2026, 4, 2, 16, 30, 0, 0, market.China)
	svc := &Service{Store: st, Quotes: quote.NewTencent(todayServer(t, true).URL, nil), Now: func() time.Time { return clock }}
	atClose, err := svc.Today(context.Background(), TodayInput{Scope: mine(t, st), StaleDays: 60})
	if err != nil {
		t.Fatal(err)
	}
	clock = time.Date(2026, 4, 3, 9, 14, 0, 0, market.China) // Friday, a trading day, before 09:15
	sum, err := svc.Today(context.Background(), TodayInput{Scope: mine(t, st), StaleDays: 60})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Day != "2026-04-02" || sum.Date != "2026-04-03" || !sum.BeforeOpen || sum.Closed {
		t.Fatalf("day %s date %s before the open %v closed %v", sum.Day, sum.Date, sum.BeforeOpen, sum.Closed)
	}
	if sum.Quoted != atClose.Quoted || len(sum.Gainers) != len(atClose.Gainers) || len(sum.Alerts) != len(atClose.Alerts) || !near(sum.DayPnL, atClose.DayPnL) {
		t.Errorf("before the open: quoted %d gainers %d alerts %d P&L %v; at the close %d %d %d %v",
			sum.Quoted, len(sum.Gainers), len(sum.Alerts), sum.DayPnL, atClose.Quoted, len(atClose.Gainers), len(atClose.Alerts), atClose.DayPnL)
	}
	// from the call auction on, the day is the new one
	clock = time.Date(2026, 4, 3, 9, 15, 0, 0, market.China)
	if sum, _ = svc.Today(context.Background(), TodayInput{Scope: mine(t, st)}); sum.Day != "2026-04-03" || sum.BeforeOpen {
		t.Errorf("at 09:15: day %s before the open %v", sum.Day, sum.BeforeOpen)
	}
}

// Offline the summary has what needs no quote and says quotes are off.
func TestTodayOffline(t *testing.T) {
	var clock time.Time
	st := todayStore(t, &clock)
	clock = time.Date(2026, 4, 2, 16, 30, 0, 0, market.China)
	svc := &Service{Store: st, Now: func() time.Time { return clock }}
	sum, err := svc.Today(context.Background(), TodayInput{Scope: mine(t, st), StaleDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Offline || sum.QuoteStatus == "" || sum.Quoted != 0 || len(sum.Gainers) != 0 {
		t.Errorf("offline %v %q quoted %d", sum.Offline, sum.QuoteStatus, sum.Quoted)
	}
	if len(sum.Alerts) != 1 || len(sum.Stale) != 1 || len(sum.Positions) != 2 || sum.PnLPriced != 0 || sum.Positions[0].PnL != nil {
		t.Errorf("alerts %+v stale %+v positions %+v", sum.Alerts, sum.Stale, sum.Positions)
	}
	// the server down is offline too, in the quote source's words
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusBadGateway) }))
	down.Close()
	svc.Quotes = quote.NewTencent(down.URL, nil)
	if sum, err = svc.Today(context.Background(), TodayInput{Scope: mine(t, st)}); err != nil || !sum.Offline || sum.QuoteStatus == "" {
		t.Errorf("server down: %v offline %v %q", err, sum.Offline, sum.QuoteStatus)
	}
}

func near(a, b float64) bool { return a-b < 1e-6 && b-a < 1e-6 }

// On an ex-date the quote's previous close is the exchange's reference
// price: the day's change on it times the shares held (the 送/转 among
// them) is what the holder made with the cash paid counted once, as a
// broker's 当日盈亏 has it, and the summary says how much was the 派.
func TestTodayOnAnExDateCountsTheDividendOnce(t *testing.T) {
	exDate := time.Date(2026, 4, 2, 0, 0, 0, 0, market.China) // a Thursday session
	for _, c := range []struct {
		text                 string
		cash, bonus          float64
		prevClose, last      float64
		qty                  int64
		pnl, dividend, worth float64
	}{
		// 1000 shares: 10,000 yesterday; at 9.00 they are worth 9,000 and
		// 1,000 came in cash: nothing made; at 9.45, 450
		{"10派10元", 1, 0, 10, 9.45, 1000, 450, 1000, 0},
		{"10派10元", 1, 0, 10, 9.00, 1000, 0, 1000, 0},
		// 2,000 shares after 10送10, the reference (20 − 1) ÷ 2 = 9.50
		{"10送10股派10元", 1, 1, 20, 10, 2000, 1000, 1000, 0},
	} {
		var clock time.Time
		st, err := store.Open(filepath.Join(t.TempDir(), "exdate.db"))
		if err != nil {
			t.Fatal(err)
		}
		st.SetClock(func() time.Time { return clock })
		clock = time.Date(2026, 3, 2, 20, 0, 0, 0, market.China)
		if _, err := st.AddTrade(sectors.Trade{Code: inspur, Side: sectors.Bought, Date: time.Date(2026, 3, 2, 0, 0, 0, 0, market.China), Price: 9, Qty: 1000}); err != nil {
			t.Fatal(err)
		}
		ev := sectors.ExRights{ExDate: exDate, CashPerShare: c.cash, BonusPerShare: c.bonus, Text: c.text}
		var bars []sectors.DailyBar
		for d := time.Date(2026, 3, 30, 0, 0, 0, 0, market.China); d.Before(exDate); d = d.AddDate(0, 0, 1) {
			bars = append(bars, sectors.DailyBar{Date: d, Open: c.prevClose, Close: c.prevClose, High: c.prevClose, Low: c.prevClose, Volume: 1000})
		}
		h := sectors.PriceHistory{Code: inspur, Bars: bars, Events: []sectors.ExRights{ev}}
		if err := st.SaveHistories(map[string]store.HistoryUpdate{inspur.Key(): {Fetched: h, Covered: []sectors.DayRange{h.Range()}}}); err != nil {
			t.Fatal(err)
		}
		clock = time.Date(2026, 4, 2, 14, 0, 0, 0, market.China)
		ref := ev.ReferencePrice(c.prevClose)
		q := sectors.Quote{Code: inspur, Last: c.last, PrevClose: ref, Change: c.last - ref, ChangePct: (c.last/ref - 1) * 100, Time: clock}
		svc := &Service{Store: st, Now: func() time.Time { return clock }}
		sum, err := svc.Today(context.Background(), TodayInput{Scope: []sectors.Ticker{}, Quotes: map[string]sectors.Quote{inspur.Key(): q}})
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Positions) != 1 {
			t.Fatalf("%s: positions %+v", c.text, sum.Positions)
		}
		p := sum.Positions[0]
		if p.Qty != c.qty || p.PnL == nil || !near(*p.PnL, c.pnl) || p.Dividend == nil || !near(*p.Dividend, c.dividend) {
			t.Errorf("%s at %.2f: %d shares, day P&L %v, dividend %v; want %d, %.2f, %.2f", c.text, c.last, p.Qty, deref(p.PnL), deref(p.Dividend), c.qty, c.pnl, c.dividend)
		}
		// what the holder has now against what they had at the close before
		if worth := float64(c.qty)*c.last + c.dividend - 1000*c.prevClose; !near(worth, c.pnl) {
			t.Errorf("%s: the case is wrong: the holder made %.2f", c.text, worth)
		}
		// the day after, no dividend is the day's
		clock = time.Date(2026, 4, 3, 14, 0, 0, 0, market.China)
		q.PrevClose, q.Time = c.last, clock
		sum, err = svc.Today(context.Background(), TodayInput{Scope: []sectors.Ticker{}, Quotes: map[string]sectors.Quote{inspur.Key(): q}})
		if err != nil || len(sum.Positions) != 1 || sum.Positions[0].Dividend != nil || !near(deref(sum.Positions[0].PnL), 0) {
			t.Errorf("%s, the day after: %+v %v", c.text, sum.Positions, err)
		}
	}
}

func deref(p *float64) float64 {
	if p == nil {
		return -1e18
	}
	return *p
}
