package ui

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/store"
	"zixuan/ui/common"
)

// klineServer answers Tencent's daily k-line ("day": unadjusted) for any
// symbol and span, and no quotes (v_pv_none_match): every stock closes
// about 10 until 2024-05-31, then about 14 when its code ends in an odd
// digit and about 9 otherwise; 沪深300 about 3000, then about 3300. The
// closes wiggle by day so a sparkline has a shape. 300634 has a 10转4 on
// 2024-07-01, from which it trades at 14 ÷ 1.4.
type klineServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests int
	asked    map[string][]string // symbol → "from..to" of each request
}

func newKlineServer(t testing.TB) *klineServer {
	ks := &klineServer{}
	ks.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/appstock/app/fqkline/get") {
			fmt.Fprintln(w, `v_pv_none_match="1";`)
			return
		}
		p := strings.Split(r.URL.Query().Get("param"), ",")
		sym, from, to := p[0], p[2], p[3]
		ks.mu.Lock()
		ks.requests++
		if ks.asked == nil {
			ks.asked = map[string][]string{}
		}
		ks.asked[sym] = append(ks.asked[sym], from+".."+to)
		ks.mu.Unlock()
		start, _ := time.ParseInLocation(time.DateOnly, from, market.China)
		end, _ := time.ParseInLocation(time.DateOnly, to, market.China)
		june := time.Date(2024, 6, 3, 0, 0, 0, 0, market.China)
		split := time.Date(2024, 7, 1, 0, 0, 0, 0, market.China)
		var rows []string
		for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
			if !market.IsTradingDay(d) {
				continue
			}
			c := 10.0
			switch {
			case sym == "sh000300" && d.Before(june):
				c = 3000
			case sym == "sh000300":
				c = 3300
			case !d.Before(june) && (sym[len(sym)-1]-'0')%2 == 1:
				c = 14
			case !d.Before(june):
				c = 9
			}
			extra := ""
			if sym == "sz300634" && !d.Before(split) {
				c = 10
				if d.Equal(split) {
					extra = `,{"nd":"2023","djr":"2024-06-28","cqr":"2024-07-01","FHcontent":"10转4股"}`
				}
			}
			c *= 1 + 0.01*float64(d.YearDay()%5)
			rows = append(rows, fmt.Sprintf(`["%s","%.3f","%.3f","%.3f","%.3f","1000.000"%s]`, d.Format(time.DateOnly), c, c, c, c, extra))
		}
		fmt.Fprintf(w, `{"code":0,"msg":"","data":{"%s":{"day":[%s]}}}`, sym, strings.Join(rows, ","))
	}))
	t.Cleanup(ks.Close)
	return ks
}

// klineModel is a model over st with quotes from the k-line server (no
// quote is known), no refresh timer, sized w x h; the history is not
// loaded (the window size asked for it: cmd).
func klineModel(t testing.TB, st *store.Store, ks *klineServer, lang string, w, h int) (Model, tea.Cmd) {
	t.Helper()
	opts := testOptions(t, lang)
	opts.Refresh = -1
	if ks != nil {
		tc := quote.NewTencent(ks.URL, nil)
		opts.Quotes, opts.History = tc, tc
	}
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m.jump.now = slowTypist()
	next, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model), cmd
}

// run carries out cmd and every command its messages give, in order, as
// the program would (the tests' models start no timers).
func run(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			m = run(m, c)
		}
		return m
	}
	if msg == nil {
		return m
	}
	next, more := m.Update(msg)
	return run(settle(next.(Model)), more)
}

// historyModel is a model whose history was fetched from a k-line server
// and stored, then loaded and scored.
func historyModel(t testing.TB, lang string, w, h int) (Model, *store.Store, *klineServer) {
	t.Helper()
	st, _ := newTestStore(t)
	ks := newKlineServer(t)
	m, cmd := klineModel(t, st, ks, lang, w, h)
	return run(m, cmd), st, ks
}

// Each security's k-lines are fetched from its own first day: a ticker
// rated today is asked for the sparkline's weeks, the report's from three
// weeks before its date, 沪深300 from the earliest; a second start asks
// only for what is still missing.
func TestHistoryFetchedFromEachSecuritysOwnDay(t *testing.T) {
	st, _ := newTestStore(t)
	buy := sectors.Buy
	if _, err := st.AddOrRestore(market.MustParseCode("600519"), store.AddOptions{Rating: &buy, Sector: "ai"}); err != nil {
		t.Fatal(err)
	}
	ks := newKlineServer(t)
	m, cmd := klineModel(t, st, ks, "en", 120, 40)
	m = run(m, cmd)
	if !m.hs.fetched {
		t.Fatal("no history fetched")
	}
	today := market.ChinaDate(market.ChinaDay(fixedNow))
	recent := market.ChinaDate(market.ChinaDay(fixedNow).AddDate(0, 0, -2*sparkDays))
	if got := ks.asked["sh600519"]; len(got) != 1 || got[0] != recent+".."+today {
		t.Errorf("600519, rated today, asked %v; want %s..%s", got, recent, today)
	}
	if got := ks.asked["sh688111"]; len(got) != 1 || !strings.HasPrefix(got[0], "2024-04-22..") {
		t.Errorf("688111, called 2024-05-12, asked %v; want from 2024-04-22 (three weeks before, a Monday)", got)
	}
	if got := ks.asked["sh000300"]; len(got) != 1 || !strings.HasPrefix(got[0], "2024-04-22..") {
		t.Errorf("沪深300 asked %v; want from the earliest, 2024-04-22", got)
	}
	stored, err := st.Histories([]market.Code{market.MustParseCode("600519")})
	if err != nil || market.ChinaDate(stored["SH600519"].Held.From) != recent {
		t.Fatalf("600519 holds %+v (%v); want from %s", stored["SH600519"].Held, err, recent)
	}
	// the next start: everything held, nothing asked again
	ks.asked = nil
	again, cmd := klineModel(t, st, ks, "en", 120, 40)
	run(again, cmd)
	if len(ks.asked) != 0 {
		t.Errorf("a second start asked again: %v", ks.asked)
	}
}

func TestStartDoesNotLoadHistory(t *testing.T) {
	st, _ := newTestStore(t)
	opts := testOptions(t, "en")
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	if m.hs.asked || m.hs.loaded || m.hs.hist != nil {
		t.Fatal("New read the price history")
	}
	if cmd := m.Init(); cmd != nil {
		if _, ok := cmd().(histLoadedMsg); ok {
			t.Fatal("Init loads the price history")
		}
	}
	// the first frame asks for it, as a command
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = next.(Model)
	if m.hs.loaded || cmd == nil {
		t.Fatalf("the window size loaded the history inside Update (loaded %v) or asked nothing", m.hs.loaded)
	}
	if _, ok := cmd().(histLoadedMsg); !ok {
		t.Fatal("the command is not the history load")
	}
}

func TestHistoryFetchedStoredAndScored(t *testing.T) {
	m, st, ks := historyModel(t, "en", 120, 40)
	if !m.hs.loaded || !m.hs.fetched || !m.hs.scored {
		t.Fatalf("loaded %v fetched %v scored %v", m.hs.loaded, m.hs.fetched, m.hs.scored)
	}
	if ks.requests == 0 || ks.requests > 30 {
		t.Errorf("%d k-line requests for 25 tickers and the index", ks.requests)
	}
	stored, err := st.Histories([]market.Code{sectors.Benchmark, market.MustParseCode("688111")})
	if err != nil || len(stored[sectors.Benchmark.Key()].Bars) == 0 || len(stored["SH688111"].Bars) == 0 {
		t.Fatalf("history not stored: %v %d", err, len(stored))
	}
	if market.ChinaDate(m.hs.sc.AsOf) != "2026-03-02" {
		t.Errorf("as of %v", m.hs.sc.AsOf)
	}
	scored := 0
	for _, c := range m.hs.sc.Calls {
		if c.Err == nil {
			scored++
		}
	}
	if scored != 25 {
		t.Errorf("%d calls scored, want the seed's 25 picks (9 rated, 16 unrated)", scored)
	}
	// 688111 (odd: 14 × wiggle) beat the index; its cell says so
	c := m.hs.cells["SH688111"]
	if !strings.HasPrefix(c.excess, "+") || c.exDir != 1 {
		t.Errorf("688111 excess %q dir %d", c.excess, c.exDir)
	}
	if c.spark == "" || safetext.Width(c.spark) != sparkWidth || strings.Trim(c.spark, " ") == "" {
		t.Errorf("688111 sparkline %q", c.spark)
	}
	for _, r := range c.spark {
		if r != ' ' && (r < 0x2800 || r > 0x28ff) {
			t.Errorf("sparkline has %q, not braille", r)
		}
	}
	// offline later, the stored history gives the same scorecard
	off, cmd := klineModel(t, st, nil, "en", 120, 40)
	off = run(off, cmd)
	if !off.hs.scored || !off.hs.sc.AsOf.Equal(m.hs.sc.AsOf) || off.hs.fetched {
		t.Errorf("offline: scored %v as of %v fetched %v", off.hs.scored, off.hs.sc.AsOf, off.hs.fetched)
	}
}

func TestListHistoryColumns(t *testing.T) {
	m, _, _ := historyModel(t, "en", 120, 40)
	m.selectKey("SH688111")
	m = press(m, "j")
	view := m.plainView()
	checkFrame(t, view, 120, 40)
	if !strings.Contains(view, "Excess") {
		t.Errorf("no excess column at 120:\n%s", view)
	}
	for _, w := range []int{120, 80, 60, 50} {
		for _, h := range []int{40, 24, 15, 12} {
			m = update(m, tea.WindowSizeMsg{Width: w, Height: h})
			checkFrame(t, m.plainView(), w, h)
		}
	}
	// wide enough, the sparkline shows; its column is braille
	m = update(m, tea.WindowSizeMsg{Width: 99, Height: 30})
	if v := m.plainView(); !strings.Contains(v, "20 days") || !strings.ContainsRune(v, 0x2800|0x40) && !strings.ContainsAny(v, "⣀⣤⣶⣿") {
		t.Errorf("no sparkline at 99 columns:\n%s", v)
	}
	// the row of a call that beat the index has a positive excess
	for _, l := range strings.Split(m.plainView(), "\n") {
		if strings.Contains(l, "688111") && !strings.Contains(l, "+") {
			t.Errorf("688111's row has no positive excess: %q", l)
		}
	}
}

func TestDetailChart(t *testing.T) {
	m, _, _ := historyModel(t, "en", 120, 40)
	m.selectKey("SH688111")
	cmd := m.hs.needChart(histEnvOf(&m)) // the chart reads its ticker whole, as a key's selection does
	m = run(m, cmd)
	view := m.plainView()
	checkFrame(t, view, 120, 40)
	if !strings.Contains(view, "Since the first call") || !strings.Contains(view, "from 2024-05-10:") {
		t.Errorf("no chart in the detail pane:\n%s", view)
	}
	tk, _ := m.selected()
	lines := m.hs.chartLines(common.Common{Width: 40, Height: m.height, Keys: m.keys, Styles: &m.styles, T: m.t, Store: m.st}, &tk, m.opts.Western)
	for i, l := range lines {
		lines[i] = ansi.Strip(l) // the marks are drawn in their colour
	}
	if len(lines) < 7 {
		t.Fatalf("chart lines %q", lines)
	}
	braille, marks := false, ""
	for _, l := range lines {
		if safetext.Width(l) > 40 {
			t.Errorf("chart line wider than 40: %q", l)
		}
		for _, r := range l {
			if r > 0x2800 && r <= 0x28ff {
				braille = true
			}
		}
		if strings.Trim(l, " cnr") == "" && strings.TrimSpace(l) != "" {
			marks = l
		}
	}
	if !braille {
		t.Error("the chart has no braille")
	}
	// the seed report's call and the user's rating (both at the start)
	if !strings.Contains(marks, "c") {
		t.Errorf("no call marker: %q", marks)
	}
	// narrow screens: the focused pane with the chart still fits
	for _, sz := range [][2]int{{80, 24}, {60, 15}, {50, 12}} {
		n := update(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		n = press(n, "enter")
		checkFrame(t, n.plainView(), sz[0], sz[1])
	}
}

// Of the whole list only the bars the list and the scorecard read are
// held; a key that selects a ticker reads its whole history for the
// detail pane's chart, and only its.
func TestSelectingATickerReadsItsChartWhole(t *testing.T) {
	m, st, _ := historyModel(t, "en", 120, 40)
	m.selectKey("SH688111")
	next, cmd := m.Update(keyMsg("j"))
	m = run(next.(Model), cmd)
	tk, _ := m.selected()
	k := tk.Code.Key()
	if k == "SH688111" {
		t.Fatal("j selected no other ticker")
	}
	if m.hs.chartKey != k {
		t.Fatalf("the chart holds %q, the selection is %s", m.hs.chartKey, k)
	}
	whole, err := st.Histories([]market.Code{tk.Code})
	if err != nil {
		t.Fatal(err)
	}
	n := len(whole[k].Bars)
	if n < 2*sparkDays || len(m.hs.chart.Bars) != n {
		t.Errorf("the chart's history has %d bars of %d stored", len(m.hs.chart.Bars), n)
	}
	if len(m.hs.hist[k].Bars) >= n {
		t.Errorf("the list holds all %d bars of %s: nothing cut", n, k)
	}
}
