package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
	"zixuan/store"
)

// exDateKlines answers the daily k-line: 600036 at 35.06 until a 10转4
// on 2026-03-20 and 25.04 from it, 600519 at 1500 with 10派276.24元 on
// the same day, 沪深300 flat at 4000.
func exDateKlines(t *testing.T) *httptest.Server {
	exDate := time.Date(2026, 3, 20, 0, 0, 0, 0, market.China)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.Split(r.URL.Query().Get("param"), ",")
		sym := p[0]
		from, _ := time.ParseInLocation(time.DateOnly, p[2], market.China)
		to, _ := time.ParseInLocation(time.DateOnly, p[3], market.China)
		var rows []string
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			if !market.IsTradingDay(d) {
				continue
			}
			c, extra := 4000.0, ""
			switch sym {
			case "sh600036":
				c = 35.06
				if !d.Before(exDate) {
					c = 25.04
				}
				if d.Equal(exDate) {
					extra = `,{"nd":"2025","cqr":"2026-03-20","FHcontent":"10转4股"}`
				}
			case "sh600000":
				c = 10
				if d.Equal(exDate) {
					extra = `,{"nd":"2025","cqr":"2026-03-20","FHcontent":"10配3股"}`
				}
			case "sh600519":
				c = 1500
				if d.Equal(exDate) {
					extra = `,{"nd":"2025","cqr":"2026-03-20","FHcontent":"10派276.24元(含税)"}`
				}
			}
			rows = append(rows, fmt.Sprintf(`["%s","%.3f","%.3f","%.3f","%.3f","1000"%s]`, d.Format(time.DateOnly), c, c, c, c, extra))
		}
		fmt.Fprintf(w, `{"code":0,"msg":"","data":{"%s":{"day":[%s]}}}`, sym, strings.Join(rows, ","))
	}))
	t.Cleanup(s.Close)
	return s
}

// 970 shares of 600036 held through a 10转4 are 1,358 at the same cost,
// and the P&L agrees with the total return on the row; 100 shares of
// 600519 through 10派276.24元 received 2,762.40 yuan.
func TestPositionsThroughDistributions(t *testing.T) {
	ts := newTickServer(t)
	ts.klines = exDateKlines(t).URL
	ts.set(tick{Last: 25.04, Prev: 25.04, Open: 25.04, Volume: 1000, Time: "20260402100000"})
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	// 970 is no board lot: a statement's line (a transfer in)
	out := mustRun(t, db, "position", "add", "600036", "--qty", "970", "--price", "31.79", "--fee", "4.85", "--date", "2026-03-02", "--force")
	if !strings.Contains(out, "forced: a buy is whole lots of 100 shares (970 is not)") {
		t.Errorf("add: %q", out)
	}
	mustRun(t, db, "position", "add", "600519", "--qty", "100", "--price", "1500", "--date", "2026-03-02")

	p := positions(t, db, "--quotes-url", ts.URL)
	if len(p.Positions) != 2 {
		t.Fatalf("%+v", p)
	}
	cmb := p.Positions[0]
	if cmb.Code != "SH600036" || cmb.Qty != 1358 || cmb.Cost != 30841.15 || cmb.Value == nil || *cmb.Value != 34004.32 || *cmb.PnL != 3163.17 || *cmb.PnLPct != 10.26 {
		t.Errorf("600036 through 10转4: %+v value %v pnl %v %v", cmb, opt(cmb.Value), opt(cmb.PnL), opt(cmb.PnLPct))
	}
	if cmb.Return == nil || *cmb.Return != 10.27 {
		t.Errorf("600036 total return %v, want 10.27 (25.04 × 1.4 ÷ 31.79)", opt(cmb.Return))
	}
	mt := p.Positions[1]
	if mt.Code != "SH600519" || mt.Qty != 100 || mt.Realised != 2762.40 {
		t.Errorf("600519 through 10派276.24元: %+v", mt)
	}

	// the table lists what each holding received; show has it per ticker
	table := mustRun(t, db, "--offline", "position", "list")
	for _, want := range []string{"10转4股", "+388 shares", "10派276.24元(含税)", "+2762.40 yuan"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	show := mustRun(t, db, "--offline", "position", "show", "600036")
	if !strings.Contains(show, "1358 shares, cost 30841.15") || !strings.Contains(show, "+388 shares") || !strings.Contains(show, "distributions known to") {
		t.Errorf("show:\n%s", show)
	}

	// the bonus shares sell: not 30 (no lot, not the odd 58), the odd 58 yes
	if _, e, code := run(t, db, "", "--offline", "position", "sell", "600036", "--qty", "30", "--price", "25"); code != 1 || !strings.Contains(e, "the odd 58 goes in one sell") {
		t.Errorf("sell 30 of 1358: %d %q", code, e)
	}
	out = mustRun(t, db, "--offline", "position", "sell", "600036", "--qty", "58", "--price", "25")
	if !strings.Contains(out, "1300 shares held") {
		t.Errorf("sell 58: %q", out)
	}
}

// A rights issue whose price the k-line does not give is flagged in the
// quote's return as in the scorecard.
func TestQuoteFlagsAnUnreadRightsIssue(t *testing.T) {
	ts := newTickServer(t)
	ts.klines = exDateKlines(t).URL
	ts.set(tick{Last: 10, Prev: 10, Open: 10, Volume: 1000, Time: "20260402100000"})
	db := filepath.Join(t.TempDir(), "z.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.SetClock(func() time.Time { return time.Date(2026, 3, 2, 16, 0, 0, 0, market.China) }) // rated then
	if _, err := st.AddTicker(market.MustParseCode("600000"), "", "compute", sectors.Buy, "user"); err != nil {
		t.Fatal(err)
	}
	setNow(t, "2026-04-02 10:00")
	out := mustRun(t, db, "--quotes-url", ts.URL, "quote", "600000", "-f", "json")
	if !strings.Contains(out, `"return_uncertain": true`) {
		t.Errorf("json:\n%s", out)
	}
	out = mustRun(t, db, "--quotes-url", ts.URL, "quote", "600000")
	if !strings.Contains(out, "0.0% ?") {
		t.Errorf("table:\n%s", out)
	}
}
