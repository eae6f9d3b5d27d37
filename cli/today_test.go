package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"zixuan/safetext"
	"zixuan/service"
)

// todayJSON is the part of `today --format json` scripts read.
type todayJSON struct {
	Day     string `json:"day"`
	Closed  bool   `json:"closed"`
	Offline bool   `json:"offline"`
	Tickers int    `json:"tickers"`
	Quoted  int    `json:"quoted"`
	Gainers []struct {
		Code      string  `json:"code"`
		ChangePct float64 `json:"change_pct"`
	} `json:"gainers"`
	Losers  []json.RawMessage `json:"losers"`
	LimitUp []struct {
		Code string `json:"code"`
	} `json:"limit_up"`
	Stale []struct {
		Code string `json:"code"`
		Days int    `json:"days"`
	} `json:"stale_calls"`
	Positions []struct {
		Code string   `json:"code"`
		PnL  *float64 `json:"day_pnl"`
	} `json:"positions"`
	DayPnL float64 `json:"day_pnl"`
}

// The day's summary from the binary's entry point: every quote of the
// server is +10 % (a main-board limit up, not a ChiNext or STAR one), a
// lot of 茅台 bought the day before at 105 made 100 × (110 − 100).
func TestTodayCommand(t *testing.T) {
	setNow(t, "2026-04-02 20:00")
	srv, _ := fakeQuotes(t)
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "--offline", "position", "add", "600519", "--qty", "100", "--price", "105", "--date", "2026-04-01")

	var sum todayJSON
	out := mustRun(t, db, "--quotes-url", srv.URL, "today", "--format", "json", "--top", "3")
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if sum.Day != "2026-04-02" || sum.Closed || sum.Offline || sum.Tickers == 0 || sum.Quoted != sum.Tickers {
		t.Fatalf("day %s closed %v offline %v tickers %d quoted %d", sum.Day, sum.Closed, sum.Offline, sum.Tickers, sum.Quoted)
	}
	if len(sum.Gainers) != 3 || sum.Gainers[0].ChangePct != 10 || sum.Losers == nil || len(sum.Losers) != 0 {
		t.Errorf("gainers %+v losers %v", sum.Gainers, sum.Losers)
	}
	limit := map[string]bool{}
	for _, m := range sum.LimitUp {
		limit[m.Code] = true
	}
	if !limit["SZ002230"] || limit["SZ300634"] || limit["SH688041"] {
		t.Errorf("limit up %v", limit)
	}
	// the seed's buy calls were rated on 2024-05-12 and have no note
	if len(sum.Stale) == 0 || sum.Stale[0].Days != 690 {
		t.Errorf("stale %+v", sum.Stale)
	}
	if len(sum.Positions) != 1 || sum.Positions[0].PnL == nil || *sum.Positions[0].PnL != 1000 || sum.DayPnL != 1000 {
		t.Errorf("positions %+v total %v", sum.Positions, sum.DayPnL)
	}

	// a sector narrows the movers, not the positions
	var quantum todayJSON
	out = mustRun(t, db, "--quotes-url", srv.URL, "today", "--format", "json", "--sector", "quantum")
	if err := json.Unmarshal([]byte(out), &quantum); err != nil {
		t.Fatal(err)
	}
	if quantum.Tickers == 0 || quantum.Tickers >= sum.Tickers || len(quantum.Positions) != 1 {
		t.Errorf("quantum: %d tickers of %d, positions %+v", quantum.Tickers, sum.Tickers, quantum.Positions)
	}
	for _, bad := range [][]string{{"--stale-days", "0"}, {"--top", "-1"}} {
		if _, errs, code := run(t, db, "", append([]string{"--offline", "today"}, bad...)...); code == 0 || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("today %v: exit %d, %q", bad, code, errs)
		}
	}
	// the quiet calls' days from the config, the flag over them
	cfg := writeConfig(t, "today_stale_days = 800\n")
	for _, c := range []struct {
		args []string
		days int
	}{{nil, 800}, {[]string{"--stale-days", "600"}, 600}} {
		var got struct {
			StaleDays int               `json:"stale_days"`
			Stale     []json.RawMessage `json:"stale_calls"`
		}
		out := mustRun(t, db, append([]string{"--config", cfg, "--offline", "today", "--format", "json"}, c.args...)...)
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		// the seed's calls are 690 days quiet: named at 600, not at 800
		if got.StaleDays != c.days || (len(got.Stale) == 0) != (c.days > 690) {
			t.Errorf("today %v with today_stale_days = 800: stale_days %d, %d calls", c.args, got.StaleDays, len(got.Stale))
		}
	}

	// an empty sector has no movers, not the whole watchlist's
	mustRun(t, db, "sector", "add", "Empty")
	var empty todayJSON
	if err := json.Unmarshal([]byte(mustRun(t, db, "--quotes-url", srv.URL, "today", "--format", "json", "--sector", "Empty")), &empty); err != nil {
		t.Fatal(err)
	}
	if empty.Tickers != 0 || len(empty.Gainers) != 0 || len(empty.Positions) != 1 {
		t.Errorf("empty sector: %+v", empty)
	}
	if _, errs, code := run(t, db, "", "--quotes-url", srv.URL, "today", "--sector", "nosuch"); code == 0 || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Errorf("unknown sector: exit %d, %q", code, errs)
	}

	// the table: each section aligned by display width (names are Chinese)
	table := mustRun(t, db, "--quotes-url", srv.URL, "today")
	if !strings.HasPrefix(table, "Today, Thu 2026-04-02:") {
		t.Errorf("table starts %q", strings.SplitN(table, "\n", 2)[0])
	}
	sections := strings.Split(table, "\n\n")
	gainers := strings.Split(strings.TrimSpace(sections[1]), "\n")
	if gainers[0] != "GAINERS" || len(gainers) != 2+5 {
		t.Fatalf("gainers section:\n%s", sections[1])
	}
	for _, l := range gainers[2:] {
		if safetext.Width(l) != safetext.Width(gainers[1]) || !strings.HasSuffix(l, "+10.00%") {
			t.Errorf("row %q is not aligned under %q", l, gainers[1])
		}
	}
	if !strings.Contains(table, "TOTAL") || !strings.Contains(table, "+1000.00") {
		t.Errorf("no day P&L total:\n%s", table)
	}
}

// Offline the summary still prints what needs no quote, says so in one
// line and exits 0.
func TestTodayOffline(t *testing.T) {
	setNow(t, "2026-04-11 11:00") // a Saturday
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "--offline", "position", "add", "600519", "--qty", "100", "--price", "105", "--date", "2026-04-01")
	out, errs, code := run(t, db, "", "--offline", "today", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var sum todayJSON
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if !sum.Offline || !sum.Closed || sum.Day != "2026-04-10" || len(sum.Stale) == 0 || len(sum.Positions) != 1 || sum.Positions[0].PnL != nil {
		t.Errorf("offline summary %+v", sum)
	}
	if lines := strings.Split(strings.TrimSpace(errs), "\n"); len(lines) != 1 || !strings.Contains(errs, "offline") {
		t.Errorf("stderr %q", errs)
	}
	table, _, _ := run(t, db, "", "--offline", "today")
	if !strings.HasPrefix(table, "Sat 2026-04-11, exchanges closed (weekend): the last session, Fri 2026-04-10") || !strings.Contains(table, "no quotes") {
		t.Errorf("table:\n%s", table)
	}
}

// The table dates what is not of the clock's day (a closed day runs from
// the last session) and shows an ex-date's cash beside the day P&L it is
// part of, the total's cell empty.
func TestTodayTableDatesAndDividends(t *testing.T) {
	one, cash := 450.0, 1000.0
	sum := service.TodaySummary{Day: "2026-03-06", Date: "2026-03-07", Closed: true, Reason: "weekend",
		Alerts:    []service.FiredAlert{{ID: 1, Code: "SZ000977", Alert: "above 9.00", At: "2026-03-06 14:55:02", Price: 9.1}},
		Reports:   []service.NewReport{{ID: "r", Title: "Sat", Calls: 1, Added: "2026-03-07 08:15:00"}},
		Positions: []service.DayPnL{{Code: "SZ000977", Name: "浪潮信息", Qty: 1000, PnL: &one, Dividend: &cash}, {Code: "SH600519", Name: "贵州茅台", Qty: 100}},
		DayPnL:    450, PnLPriced: 1, PnLHeld: 2}
	var b strings.Builder
	writeToday(&b, sum)
	out := b.String()
	for _, want := range []string{"2026-03-06 14:55:02  SZ000977", "08:15  ", "OF WHICH 派", "+450.00      1000.00"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "2026-03-07 08:15") {
		t.Errorf("today's report is dated:\n%s", out)
	}
}

// Before the open the table's head says whose session it is.
func TestTodayTableBeforeTheOpen(t *testing.T) {
	var b strings.Builder
	writeToday(&b, service.TodaySummary{Day: "2026-12-04", Date: "2026-12-07", BeforeOpen: true, Tickers: 25, Quoted: 25})
	if out := b.String(); !strings.HasPrefix(out, "Mon 2026-12-07, before the open: the last session, Fri 2026-12-04: 25 tickers") {
		t.Errorf("head:\n%s", out)
	}
}
