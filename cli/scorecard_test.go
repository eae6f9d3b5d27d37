package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"zixuan/sectors/market"
)

// klineServer answers Tencent's daily k-line ("day": unadjusted) for any
// symbol and span: every stock closes at 10 until 2024-05-31 and 14 from
// 2024-06-03; 沪深300 at 3000 and then 3300. 300634 also has a 10转4 on
// 2024-07-01, from which it trades at 14 ÷ 1.4 = 10. Quotes are not known
// (v_pv_none_match), so the scorecard runs on closed bars only.
type klineServer struct {
	*httptest.Server
	mu     sync.Mutex
	starts []string
	// benchMode makes 沪深300's answers hostile: "empty", "behind" (the
	// last session missing), "garbage", "hole" (no 2024-05-10 row).
	benchMode string
	// halted: a symbol (sz002230) that has not traded since 2026-03-02
	halted string
}

func newKlineServer(t *testing.T) *klineServer {
	ks := &klineServer{}
	ks.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/appstock/app/fqkline/get") {
			fmt.Fprintln(w, `v_pv_none_match="1";`)
			return
		}
		p := strings.Split(r.URL.Query().Get("param"), ",")
		sym, from, to := p[0], p[2], p[3]
		ks.mu.Lock()
		ks.starts = append(ks.starts, sym+"@"+from)
		mode := ""
		if sym == "sh000300" {
			mode = ks.benchMode
		}
		ks.mu.Unlock()
		if mode == "garbage" {
			fmt.Fprintln(w, "<html>502</html>")
			return
		}
		start, _ := time.ParseInLocation(time.DateOnly, from, market.China)
		end, _ := time.ParseInLocation(time.DateOnly, to, market.China)
		var rows []string
		for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
			if !market.IsTradingDay(d) {
				continue
			}
			c := 10.0
			if sym == "sh000300" {
				c = 3000
			}
			if !d.Before(time.Date(2024, 6, 3, 0, 0, 0, 0, market.China)) {
				c *= 1.4
				if sym == "sh000300" {
					c = 3300
				}
			}
			extra := ""
			if sym == "sz300634" && !d.Before(time.Date(2024, 7, 1, 0, 0, 0, 0, market.China)) {
				c = 10
				if d.Equal(time.Date(2024, 7, 1, 0, 0, 0, 0, market.China)) {
					extra = `,{"nd":"2023","djr":"2024-06-28","cqr":"2024-07-01","FHcontent":"10转4股"}`
				}
			}
			vol := "1000.000"
			if sym == ks.halted && d.After(time.Date(2026, 3, 2, 0, 0, 0, 0, market.China)) {
				continue
			}
			if mode == "hole" && d.Equal(time.Date(2024, 5, 10, 0, 0, 0, 0, market.China)) {
				continue
			}
			rows = append(rows, fmt.Sprintf(`["%s","%.3f","%.3f","%.3f","%.3f","%s"%s]`, d.Format(time.DateOnly), c, c, c, c, vol, extra))
		}
		switch {
		case mode == "empty":
			rows = nil
		case mode == "behind" && len(rows) > 0:
			rows = rows[:len(rows)-1]
		}
		fmt.Fprintf(w, `{"code":0,"msg":"","data":{"%s":{"day":[%s]}}}`, sym, strings.Join(rows, ","))
	}))
	t.Cleanup(ks.Close)
	return ks
}

func TestScorecardAgainstTheBenchmark(t *testing.T) {
	setNow(t, "2026-04-02 20:00") // under PlanRows sessions since the calls: one request each
	ks := newKlineServer(t)
	db := filepath.Join(t.TempDir(), "z.db")
	out := mustRun(t, db, "--quotes-url", ks.URL, "scorecard", "--format", "json")
	var sc struct {
		AsOf      string `json:"as_of"`
		Benchmark struct{ Code, Name, Kind string }
		Calls     []struct {
			Key, Code, Source, Rating, Date string
			RefDate                         string   `json:"ref_date"`
			RefClose                        *float64 `json:"ref_close"`
			Return                          *float64 `json:"return_pct"`
			Bench                           *float64 `json:"benchmark_return_pct"`
			Excess                          *float64 `json:"excess_pct"`
		}
		Groups []struct {
			By, Key               string
			Count, Rated, Unrated int
			Judged                int
			Right                 int
			Hit                   float64 `json:"hit_rate_pct"`
			Mean                  float64 `json:"mean_excess_pct"`
		}
	}
	if err := json.Unmarshal([]byte(out), &sc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if sc.Benchmark.Code != "SH000300" || sc.Benchmark.Name != "沪深300" || sc.Benchmark.Kind != "price index" || sc.AsOf == "" {
		t.Errorf("benchmark %+v as of %q", sc.Benchmark, sc.AsOf)
	}
	// every stock the seed report recommends, its 9 rated calls and its
	// 16 unrated picks, each from the close of Friday 2024-05-10: +40 %
	// against the index's +10 %
	if len(sc.Calls) != 25 {
		t.Errorf("%d calls, want the seed's 25 picks", len(sc.Calls))
	}
	for _, c := range sc.Calls {
		if c.Return == nil || c.RefDate != "2024-05-10" || *c.RefClose != 10 {
			t.Errorf("%s: ref %s %v, return %v", c.Key, c.RefDate, c.RefClose, c.Return)
			continue
		}
		// 300634's 10转4 must not show as a loss: a holder has 1.4 shares at 10
		if math.Abs(*c.Return-40) > 0.001 || math.Abs(*c.Bench-10) > 0.001 || math.Abs(*c.Excess-30) > 0.001 {
			t.Errorf("%s: return %v, benchmark %v, excess %v; want 40, 10, 30", c.Code, *c.Return, *c.Bench, *c.Excess)
		}
	}
	groups := map[string]int{}
	for _, g := range sc.Groups {
		groups[g.By]++
		// the hit rate is of the 9 rated calls; the mean of all 25 (the
		// picks as longs)
		if g.By == "report" && (g.Key != "report-2024-05-12" || g.Count != 25 || g.Rated != 9 || g.Unrated != 16 || g.Judged != 9 || g.Right != 9 || g.Hit != 100 || math.Abs(g.Mean-30) > 0.001) {
			t.Errorf("report group %+v", g)
		}
		if g.By == "rating" && g.Key == "unrated" && (g.Count != 16 || g.Judged != 0 || g.Hit != 0) {
			t.Errorf("unrated group %+v", g)
		}
	}
	if groups["report"] != 1 || groups["rating"] != 3 || groups["sector"] != 4 || groups["source"] != 1 {
		t.Errorf("groupings %v", groups)
	}
	// one request a security for the missing span, not one a day
	first := len(ks.starts)
	if first != 26 {
		t.Errorf("%d k-line requests for 25 stocks and the benchmark", first)
	}
	// offline, the stored history gives the same scorecard with its date
	offline, errOut, code := run(t, db, "", "--offline", "scorecard")
	if code != 0 || !strings.Contains(offline, "SZ300634") || !strings.Contains(errOut, "as of "+sc.AsOf) {
		t.Errorf("offline: exit %d\n%s\n%s", code, offline, errOut)
	}
	// online again: only what is missing since is asked for
	mustRun(t, db, "--quotes-url", ks.URL, "scorecard")
	for _, s := range ks.starts[first:] {
		from := s[strings.IndexByte(s, '@')+1:]
		if from < sc.AsOf {
			t.Errorf("asked again for days already held: %s (held to %s)", s, sc.AsOf)
		}
	}
}

// A hostile answer for the benchmark never makes its days held: the
// scorecard says what is missing, and the next run, with the server
// honest again, asks for those days and scores the calls.
func TestScorecardRecoversFromHostileBenchmarkAnswers(t *testing.T) {
	setNow(t, "2026-04-02 20:00")
	for _, mode := range []string{"empty", "garbage", "behind", "hole"} {
		ks := newKlineServer(t)
		ks.benchMode = mode
		db := filepath.Join(t.TempDir(), "z.db")
		out, errOut, _ := run(t, db, "", "--quotes-url", ks.URL, "scorecard")
		switch mode {
		case "empty", "garbage":
			if !strings.Contains(errOut, "history incomplete for 1 ticker: SH000300 asked 2024-04-22..2026-04-02, got nothing") {
				t.Errorf("%s: stderr %q", mode, errOut)
			}
		case "behind":
			if !strings.Contains(errOut, "SH000300 asked 2024-04-22..2026-04-02, got to 2026-04-01") {
				t.Errorf("%s: stderr %q", mode, errOut)
			}
		case "hole":
			if !strings.Contains(out, "benchmark lacks 2024-05-10") {
				t.Errorf("%s: a call measured across the benchmark's hole:\n%s", mode, out)
			}
		}
		ks.mu.Lock()
		ks.benchMode = ""
		before := len(ks.starts)
		ks.mu.Unlock()
		out, errOut, code := run(t, db, "", "--quotes-url", ks.URL, "scorecard", "--format", "json")
		var sc struct {
			Calls []struct {
				Bench   *float64 `json:"benchmark_return_pct"`
				Missing string
			}
		}
		if err := json.Unmarshal([]byte(out), &sc); err != nil || code != 0 {
			t.Fatalf("%s: %v exit %d\n%s\n%s", mode, err, code, out, errOut)
		}
		for _, c := range sc.Calls {
			if c.Bench == nil || math.Abs(*c.Bench-10) > 0.001 {
				t.Errorf("%s, then honest: benchmark %v (%s)", mode, c.Bench, c.Missing)
				break
			}
		}
		ks.mu.Lock()
		asked := ks.starts[before:]
		ks.mu.Unlock()
		benchAsked := false
		for _, s := range asked {
			benchAsked = benchAsked || strings.HasPrefix(s, "sh000300@")
		}
		if !benchAsked {
			t.Errorf("%s: the benchmark's missing days were not asked again: %v", mode, asked)
		}
	}
}

// Any index can be the benchmark, named with its kind; a sector can have
// its own from the config. 中证500 here rises like the stocks (+40 %): an
// excess of zero is neither a beat nor a trail.
func TestScorecardAgainstAnotherIndex(t *testing.T) {
	setNow(t, "2026-04-02 20:00")
	ks := newKlineServer(t)
	db := filepath.Join(t.TempDir(), "z.db")
	out := mustRun(t, db, "--quotes-url", ks.URL, "scorecard", "--benchmark", "000905")
	if !strings.Contains(out, "scorecard against 中证500 price index (SH000905)") {
		t.Errorf("header:\n%s", out)
	}
	var sc struct {
		Benchmark struct{ Code, Name, Kind string }
		Calls     []struct {
			Code      string
			Benchmark string
			Excess    *float64 `json:"excess_pct"`
		}
		Groups []struct {
			By, Key string
			Right   int
			Judged  int
		}
	}
	js := mustRun(t, db, "--quotes-url", ks.URL, "scorecard", "--benchmark", "中证500", "--format", "json")
	if err := json.Unmarshal([]byte(js), &sc); err != nil {
		t.Fatal(err)
	}
	if sc.Benchmark.Code != "SH000905" || sc.Benchmark.Kind != "price index" {
		t.Errorf("benchmark %+v", sc.Benchmark)
	}
	for _, g := range sc.Groups {
		if g.By == "report" && (g.Judged != 9 || g.Right != 0) {
			t.Errorf("an excess of 0 counted as a beat: %+v", g)
		}
	}
	// compute's calls against 创业板指, from the config
	cfg := writeConfig(t, "sector_benchmarks = { compute = \"399006\" }\n")
	js = mustRun(t, db, "--config", cfg, "--quotes-url", ks.URL, "scorecard", "--format", "json")
	sc.Calls = nil
	if err := json.Unmarshal([]byte(js), &sc); err != nil {
		t.Fatal(err)
	}
	own := 0
	for _, c := range sc.Calls {
		if c.Benchmark == "SZ399006" {
			own++
		}
	}
	if own == 0 || own == len(sc.Calls) {
		t.Errorf("%d of %d calls against 创业板指", own, len(sc.Calls))
	}
	if _, e, code := run(t, db, "", "scorecard", "--benchmark", "600519"); code != 2 || !strings.Contains(e, "is not an index") && !strings.Contains(e, "benchmark") {
		t.Errorf("a stock as the benchmark: %d %q", code, e)
	}
}

// A stock that has not traded since a day (a suspension) gets no bars
// after it: those days are never held (they are asked again), but the
// answers said there was nothing, so its call is scored at its last trade
// while 沪深300 runs to the last session, and marked suspended.
func TestScorecardOfAHaltedStock(t *testing.T) {
	setNow(t, "2026-04-02 20:00")
	ks := newKlineServer(t)
	ks.halted = "sz002230"
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "--quotes-url", ks.URL, "scorecard")
	// a second run: the days since the halt are asked again (not held),
	// and answered empty
	before := len(ks.starts)
	out := mustRun(t, db, "--quotes-url", ks.URL, "scorecard", "--format", "json")
	asked := false
	for _, s := range ks.starts[before:] {
		asked = asked || strings.HasPrefix(s, "sz002230@2026-03-03")
	}
	if !asked {
		t.Errorf("the halted days were not asked again: %v", ks.starts[before:])
	}
	var sc struct {
		Calls []struct {
			Code      string
			Suspended bool
			AsOf      string `json:"as_of"`
			Missing   string
		}
	}
	if err := json.Unmarshal([]byte(out), &sc); err != nil {
		t.Fatal(err)
	}
	for _, c := range sc.Calls {
		if c.Code == "SZ002230" && (!c.Suspended || c.AsOf != "2026-03-02" || c.Missing != "") {
			t.Errorf("halted call %+v", c)
		}
		if c.Code != "SZ002230" && c.Suspended {
			t.Errorf("%s marked suspended", c.Code)
		}
	}
}
