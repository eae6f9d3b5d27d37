package quote

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// fakeKline answers like Tencent's k-line endpoint from a made-up series:
// a close on every trading day of the calendar from 2024-01-02, or what
// mode makes of it. It keeps the newest `count` rows of the span asked,
// as the real server does when more are asked than it gives.
type fakeKline struct {
	mu     sync.Mutex
	params []string
	// mode changes the answer: "" honest, "empty", "behind" (the last
	// session missing), "garbage", "late" (nothing before late), "hole"
	// (no row for hole), "cap" (at most capRows rows).
	mode    string
	late    time.Time
	hole    time.Time
	capRows int
}

func (f *fakeKline) start(t *testing.T) *Tencent {
	t.Helper()
	var r replay
	srv := r.server(t, func(w http.ResponseWriter, req *http.Request) {
		param := req.URL.Query().Get("param")
		f.mu.Lock()
		f.params = append(f.params, param)
		mode, late, hole, capRows := f.mode, f.late, f.hole, f.capRows
		f.mu.Unlock()
		parts := strings.Split(param, ",")
		sym := parts[0]
		from, _ := time.ParseInLocation(time.DateOnly, parts[2], market.China)
		to, _ := time.ParseInLocation(time.DateOnly, parts[3], market.China)
		count, _ := strconv.Atoi(parts[4])
		if mode == "garbage" {
			_, _ = w.Write([]byte("<html>502 Bad Gateway</html>"))
			return
		}
		var rows []string
		p := 3000.0
		for d := time.Date(2024, 1, 2, 0, 0, 0, 0, market.China); !d.After(to); d = d.AddDate(0, 0, 1) {
			if !market.IsTradingDay(d) {
				continue
			}
			p += 1
			if d.Before(from) || mode == "late" && d.Before(late) || mode == "hole" && d.Equal(hole) {
				continue
			}
			c := strconv.FormatFloat(p, 'f', 2, 64)
			rows = append(rows, fmt.Sprintf(`["%s","%s","%s","%s","%s","1000000.000"]`, market.ChinaDate(d), c, c, c, c))
		}
		switch mode {
		case "empty":
			rows = nil
		case "behind":
			if len(rows) > 0 {
				rows = rows[:len(rows)-1]
			}
		case "cap":
			count = min(count, capRows)
		}
		if len(rows) > count {
			rows = rows[len(rows)-count:]
		}
		fmt.Fprintf(w, `{"code":0,"msg":"","data":{"%s":{"day":[%s]}}}`, sym, strings.Join(rows, ","))
	})
	p := NewTencent(srv.URL, srv.Client())
	fast(&p.c, 0)
	return p
}

// A hostile answer never vouches for a day it does not hold: empty,
// a day behind, unreadable, starting late, or with a hole in an index.
func TestHostileKlineAnswersVouchOnlyForWhatCame(t *testing.T) {
	want := sectors.DayRange{From: chinaDay(t, "2026-11-02"), To: chinaDay(t, "2026-12-04")}
	now := time.Date(2026, 12, 4, 20, 0, 0, 0, market.China)
	stock := market.MustParseCode("600036")
	for _, tc := range []struct {
		mode    string
		code    market.Code
		covered string // the covered spans, "" for none
		short   string
	}{
		{"", stock, "2026-11-02..2026-12-04", ""},
		{"empty", stock, "", "SH600036 asked 2026-11-02..2026-12-04, got nothing"},
		{"behind", stock, "2026-11-02..2026-12-03", "SH600036 asked 2026-11-02..2026-12-04, got to 2026-12-03"},
		{"garbage", stock, "", "SH600036 asked 2026-11-02..2026-12-04, got nothing"},
		{"late", stock, "2026-11-16..2026-12-04", ""},
		{"hole", sectors.Benchmark, "2026-11-02..2026-11-10 2026-11-12..2026-12-04", ""},
	} {
		f := fakeKline{mode: tc.mode, late: chinaDay(t, "2026-11-16"), hole: chinaDay(t, "2026-11-11")}
		p := f.start(t)
		got, _ := p.DailyHistory(context.Background(), []DailyNeed{{Code: tc.code}}, want, now)
		var cov []string
		for _, c := range got.Covered[tc.code.Key()] {
			cov = append(cov, market.ChinaDate(c.From)+".."+market.ChinaDate(c.To))
		}
		if s := strings.Join(cov, " "); s != tc.covered {
			t.Errorf("%q: covered %q, want %q", tc.mode, s, tc.covered)
		}
		if line := got.Incomplete(); tc.short == "" && line != "" || !strings.Contains(line, tc.short) {
			t.Errorf("%q: incomplete %q, want %q", tc.mode, line, tc.short)
		}
		// a readable answer, rows or none, is an answer; garbage is not
		if answered := got.Answered[tc.code.Key()]; answered == (tc.mode == "garbage") {
			t.Errorf("%q: answered %v", tc.mode, answered)
		}
	}
}

// An answer that fills the server's rows without reaching the day asked
// from (the calendar thought the span shorter than it was, or the server
// gives fewer rows than it used to) is followed by a request for the
// days before it, until they come.
func TestAFullAnswerIsFollowedForTheRest(t *testing.T) {
	f := fakeKline{mode: "cap", capRows: KlineRows}
	p := f.start(t)
	// 2024-01-02..2026-12-04: 717 sessions in two planned requests of
	// 600 and 117; make the server give at most 100 rows
	f.capRows = 100
	want := sectors.DayRange{From: chinaDay(t, "2024-01-02"), To: chinaDay(t, "2026-12-04")}
	now := time.Date(2026, 12, 4, 20, 0, 0, 0, market.China)
	got, err := p.DailyHistory(context.Background(), []DailyNeed{{Code: sectors.Benchmark}}, want, now)
	if err != nil {
		t.Fatal(err)
	}
	cov := got.Covered[sectors.Benchmark.Key()]
	bars := got.Got[sectors.Benchmark.Key()].Bars
	n := market.TradingDaysBetween(want.From, want.To)
	// 100 rows are never KlineRows: the server's cap is not known, so the
	// rest is not followed; it is asked again next time (held only from
	// the first bar)
	if len(cov) == 0 || len(bars) >= n {
		t.Fatalf("covered %v with %d of %d bars", cov, len(bars), n)
	}
	// at the real limit, the rest is followed at once
	f2 := fakeKline{mode: "cap", capRows: KlineRows}
	p2 := f2.start(t)
	want2 := sectors.DayRange{From: chinaDay(t, "2024-01-02"), To: chinaDay(t, "2026-12-04")}
	// one need whose plan is one request of 717 sessions: as if the
	// calendar had been out by 117 sessions
	got2, err := p2.fetchPlan(context.Background(), []KlineRequest{{Code: sectors.Benchmark, Span: want2}}, now)
	if err != nil {
		t.Fatal(err)
	}
	if b := got2.Got[sectors.Benchmark.Key()].Bars; len(b) != n || len(f2.params) != 2 {
		t.Errorf("%d bars of %d in %d requests %v", len(b), n, len(f2.params), f2.params)
	}
	if c := got2.Covered[sectors.Benchmark.Key()]; len(c) != 1 || !c[0].From.Equal(want2.From) || !c[0].To.Equal(want2.To) {
		t.Errorf("covered %v", c)
	}
}
