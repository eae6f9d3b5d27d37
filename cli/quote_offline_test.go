package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// What `quote` and `today` fetch is kept; with --offline they answer from
// it and say of when, once on stderr and in the JSON's quotes_as_of.
func TestQuoteAndTodayOfflineFromTheLastKnownQuotes(t *testing.T) {
	setNow(t, "2026-04-02 20:00")
	srv, _ := fakeQuotes(t)
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "--offline", "position", "add", "600519", "--qty", "100", "--price", "105", "--date", "2026-04-01")

	// offline before anything was kept: said, as before
	if _, errs, code := run(t, db, "", "--offline", "quote"); code != 1 || !strings.Contains(errs, "quotes are off") || !strings.Contains(errs, "no quote of these codes is kept") {
		t.Errorf("nothing kept: %d %q", code, errs)
	}
	var before todayJSON
	out, errs, code := run(t, db, "", "--offline", "today", "-f", "json")
	if code != 0 || json.Unmarshal([]byte(out), &before) != nil || !before.Offline || len(before.Gainers) != 0 || strings.Contains(out, "quotes_as_of") {
		t.Errorf("today with nothing kept: %d %q\n%s", code, errs, out)
	}

	// online: the watchlist's quotes (and the position's, by today) are kept
	mustRun(t, db, "--quotes-url", srv.URL, "quote", "--no-refs")
	mustRun(t, db, "--quotes-url", srv.URL, "today")
	setNow(t, "2026-04-03 08:00") // the next morning, the server gone
	srv.Close()

	out, errs, code = run(t, db, "", "--offline", "quote", "-f", "json", "--no-refs", "002230", "600000")
	if code != 0 {
		t.Fatalf("quote --offline: %d %q", code, errs)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 2 {
		t.Fatalf("%v: %s", err, out)
	}
	if rows[0]["last"] != 110.0 || rows[0]["time"] != "2026-04-02 15:00:03" || rows[0]["quotes_as_of"] != "2026-04-02 20:00:00" {
		t.Errorf("a last known quote: %v", rows[0])
	}
	if v, ok := rows[1]["last"]; !ok || v != nil || rows[1]["quotes_as_of"] != nil { // 600000: never watched, never kept
		t.Errorf("a code with no quote kept: %v", rows[1])
	}
	if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "the last known quotes, of 2026-04-02 15:00:03; 1 of 2 codes have none kept") {
		t.Errorf("stderr %q", errs)
	}
	if out := mustRun(t, db, "--offline", "quote"); !strings.Contains(out, "110.00") || !strings.Contains(out, "2026-04-02 15:00:03") {
		t.Errorf("table offline:\n%s", out)
	}

	// today, offline on the same day: movers and the day's P&L from them
	setNow(t, "2026-04-02 21:00")
	var sum struct {
		todayJSON
		Status string `json:"quote_status"`
		AsOf   string `json:"quotes_as_of"`
	}
	out, errs, code = run(t, db, "", "--offline", "today", "-f", "json")
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil {
		t.Fatalf("today --offline: %d %q\n%s", code, errs, out)
	}
	if sum.AsOf != "2026-04-02 15:00:03" || sum.Offline || !strings.Contains(sum.Status, "quotes are off") || sum.Quoted != sum.Tickers ||
		len(sum.Gainers) == 0 || sum.Gainers[0].ChangePct != 10 || sum.DayPnL != 1000 {
		t.Errorf("today from the last known quotes: %+v", sum)
	}
	if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "from the last known quotes, of 2026-04-02 15:00:03") {
		t.Errorf("stderr %q", errs)
	}
	out = mustRun(t, db, "--offline", "today")
	if strings.Contains(out, "no quotes") || !strings.Contains(out, "+10.00%") {
		t.Errorf("today's table offline:\n%s", out)
	}
	// the next session: the kept quotes are of the day before, and said so
	setNow(t, "2026-04-03 10:00")
	if _, errs, code = run(t, db, "", "--offline", "today"); code != 0 || !strings.Contains(errs, "0 of 25 tickers quoted (they are of 2026-04-02, before the day summarised, 2026-04-03)") {
		t.Errorf("the next day: %d %q", code, errs)
	}
}
