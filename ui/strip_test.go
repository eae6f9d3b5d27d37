package ui

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/ui/common"
)

// tencentReplay is a local server answering like Tencent's quote server
// from recorded lines (the parser keeps the symbols asked for), keeping
// each request's path.
type tencentReplay struct {
	mu    sync.Mutex
	asked []string
	srv   *httptest.Server
}

func newTencentReplay(t *testing.T, files ...string) *tencentReplay {
	t.Helper()
	var body []byte
	for _, f := range files {
		b, err := os.ReadFile("../quote/testdata/" + f)
		if err != nil {
			t.Fatal(err)
		}
		body = append(body, b...)
	}
	r := &tencentReplay{}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.asked = append(r.asked, req.URL.Path)
		r.mu.Unlock()
		_, _ = w.Write(body)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *tencentReplay) provider() quote.Provider { return quote.NewTencent(r.srv.URL, r.srv.Client()) }

// afterClose is 2026-06-25 16:30 in China, after the session of the
// recorded index lines.
var afterClose = time.Date(2026, 6, 25, 8, 30, 0, 0, time.UTC)

func headerOf(m Model) string { return strings.SplitN(m.plainView(), "\n", 2)[0] }

// breadthWant is the breadth the header should show for the rows shown,
// by the domain's count.
func breadthWant(m Model) sectors.Breadth {
	var codes []market.Code
	for _, r := range m.view.rows {
		codes = append(codes, m.data.tickers[r].Code)
	}
	return sectors.BreadthOf(codes, m.qs.quotes)
}

// The strip's indexes come in the watchlist's round, in one request, and
// the header shows them with the breadth of the rows shown, fitted to
// the width without wrapping.
func TestStripFetchedWithTheQuotes(t *testing.T) {
	srv := newTencentReplay(t, "tencent_funds.gbk", "tencent_units.gbk", "tencent_normal.gbk")
	st, _ := newTestStore(t)
	m := quoteModel(t, st, afterClose, srv.provider(), 120, 30)
	m, _ = fetch(m)
	if len(srv.asked) != 1 {
		t.Fatalf("%d requests for the list and the strip, want one: %q", len(srv.asked), srv.asked)
	}
	for _, sym := range []string{"sh000001", "sz399001", "sz399006", "sh000300", "sh000688", "sz002230", "sh688111"} {
		if !strings.Contains(srv.asked[0], sym) {
			t.Errorf("the round did not ask for %s: %s", sym, srv.asked[0])
		}
	}
	b := breadthWant(m)
	if b.Up+b.Down+b.Flat == 0 {
		t.Fatal("no row has a trade: the recorded lines do not reach the watchlist")
	}
	breadth := fmt.Sprintf("%d up %d flat %d down", b.Up, b.Flat, b.Down)
	h := headerOf(m)
	for _, want := range []string{"创业板指 3306.14 +3.04%", "沪深300 5020.10 +1.56%", breadth, "25 tickers"} {
		if !strings.Contains(h, want) {
			t.Errorf("header lacks %q:\n%s", want, h)
		}
	}
	if strings.Contains(h, "上证指数") || strings.Contains(h, "国产模型") {
		t.Errorf("an index without a quote, or the report's title, in the header:\n%s", h)
	}
	for _, w := range []int{120, 80, 50} {
		m = update(m, tea.WindowSizeMsg{Width: w, Height: 30})
		lines := strings.Split(m.plainView(), "\n")
		if got := safetext.Width(lines[0]); got > w {
			t.Errorf("at %d columns the header is %d cells: %q", w, got, lines[0])
		}
		if !strings.HasPrefix(lines[1], "[All") {
			t.Errorf("at %d columns the header wrapped: %q / %q", w, lines[0], lines[1])
		}
		if !strings.Contains(lines[0], "25 tickers") || !strings.Contains(lines[0], "创业板指") {
			t.Errorf("at %d columns the count or the first index was dropped: %q", w, lines[0])
		}
	}
	if h := headerOf(m); strings.Contains(h, "沪深300") {
		t.Errorf("at 50 columns the second index still fits? %q", h)
	}
}

// A configured strip replaces the default one; an empty one shows none.
func TestStripConfigured(t *testing.T) {
	for _, c := range []struct {
		strip     []market.Code
		want, not []string
	}{
		{[]market.Code{market.MustParseCode("sh000300")}, []string{"沪深300 5020.10"}, []string{"创业板指"}},
		{[]market.Code{}, nil, []string{"创业板指", "沪深300"}},
	} {
		srv := newTencentReplay(t, "tencent_funds.gbk", "tencent_units.gbk")
		st, _ := newTestStore(t)
		opts := testOptions(t, "en")
		opts.Now = func() time.Time { return afterClose }
		opts.Quotes = srv.provider()
		opts.Strip = c.strip
		m, err := New(st, opts)
		if err != nil {
			t.Fatal(err)
		}
		m = update(m, tea.WindowSizeMsg{Width: 120, Height: 30})
		m, _ = fetch(m)
		h := headerOf(m)
		for _, w := range c.want {
			if !strings.Contains(h, w) {
				t.Errorf("strip %v: header lacks %q: %s", c.strip, w, h)
			}
		}
		for _, n := range c.not {
			if strings.Contains(h, n) {
				t.Errorf("strip %v: header has %q: %s", c.strip, n, h)
			}
			if strings.Contains(srv.asked[0], "sz399006") {
				t.Errorf("strip %v: an index not configured was asked for: %s", c.strip, srv.asked[0])
			}
		}
	}
}

// The breadth is of the tab shown, and counts the rows at their limits:
// +10 % is 涨停 on the main board and ChiNext's 20 % is not reached.
func TestBreadthOfTheTabShown(t *testing.T) {
	st, _ := newTestStore(t)
	m := quoteModel(t, st, tradingNow, &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}, 120, 30)
	m, _ = fetch(m)
	for range 2 {
		b := breadthWant(m)
		if b.LimitUp == 0 || b.LimitUp == b.Up {
			t.Fatalf("the fake's +10%% should put some rows, not all, at 涨停: %+v", b)
		}
		want := fmt.Sprintf("%d up %d flat %d down  %d limit up", b.Up, b.Flat, b.Down, b.LimitUp)
		if h := headerOf(m); !strings.Contains(h, want) {
			t.Errorf("header lacks %q:\n%s", want, h)
		}
		m = press(m, "tab") // the next sector: its rows only
	}
	opts := testOptions(t, "zh")
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes = &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}
	zh, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	zh = update(zh, tea.WindowSizeMsg{Width: 120, Height: 30})
	zh, _ = fetch(zh)
	b := breadthWant(zh)
	if want := fmt.Sprintf("涨%d 平%d 跌%d  涨停%d", b.Up, b.Flat, b.Down, b.LimitUp); !strings.Contains(headerOf(zh), want) {
		t.Errorf("zh header lacks %q:\n%s", want, headerOf(zh))
	}
}

// fitHeader keeps the left and the right, then the middle by rank, and
// never exceeds the width.
func TestFitHeader(t *testing.T) {
	p := func(s string, rank int) headerPiece {
		return headerPiece{text: s, width: safetext.Width(s), rank: rank}
	}
	mid := []headerPiece{p("上证指数 3380.12 +0.52%", 2), p("深证成指 10200.00 -0.10%", 4), p("1 up 2 flat 3 down", 3)}
	for w, want := range map[int]string{
		90: "zixuan  上证指数 3380.12 +0.52%  深证成指 10200.00 -0.10%  1 up 2 flat 3 down    9 tickers",
		80: "zixuan  上证指数 3380.12 +0.52%  1 up 2 flat 3 down                    9 tickers",
		60: "zixuan  上证指数 3380.12 +0.52%                    9 tickers",
		40: "zixuan  1 up 2 flat 3 down     9 tickers", // the index no longer fits, the breadth does
		10: "zixuan",
	} {
		got := fitHeader(p("zixuan", 0), p("9 tickers", 0), mid, w)
		if got != want {
			t.Errorf("at %d:\n got %q\nwant %q", w, got, want)
		}
		if safetext.Width(got) > w {
			t.Errorf("at %d: %d cells", w, safetext.Width(got))
		}
	}
}

// A row at its limit by its board's rules carries a mark and is drawn
// reversed; the detail pane gives the day's limit prices.
func TestLimitMarksOnTheRows(t *testing.T) {
	st, _ := newTestStore(t)
	m := quoteModel(t, st, tradingNow, &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}, 120, 40)
	m, _ = fetch(m)
	v := m.plainView()
	if row := rowOf(t, v, "002230"); !strings.Contains(row, "110.00L") { // SZ main board: +10 % is 涨停
		t.Errorf("main board at +10%% without the mark: %q", row)
	}
	for _, code := range []string{"300634", "688111"} { // ChiNext and STAR: 20 %
		if row := rowOf(t, v, code); strings.Contains(row, "110.00L") {
			t.Errorf("%s at +10%% marked at its limit: %q", code, row)
		}
	}
	i := slicesIndexCode(m, "002230")
	c := cellCtx{pc: &m.qs.cells[i]}
	upDown := func(d int) lipgloss.Style { return m.styles.UpDown(false, d) }
	if !columnRegistry["last"].Style(&c, &m.styles, upDown).GetReverse() {
		t.Error("a row at 涨停 is not drawn reversed")
	}
	if !strings.Contains(v, "limit up 110.00  limit down 90.00") { // the selected 002230, ±10 %
		t.Errorf("the detail pane lacks the day's limits:\n%s", v)
	}
}

func slicesIndexCode(m Model, number string) int {
	for i, tk := range m.data.tickers {
		if tk.Code.Number == number {
			return i
		}
	}
	return -1
}

// BenchmarkHeaderStrip is the header's market part drawn for a watchlist
// of every A-share's size (5,538 rows with quotes), once per frame.
func BenchmarkHeaderStrip(b *testing.B) {
	const n = 5538
	cells := make([]priceCells, n)
	rows := make([]int, n)
	quotes := map[string]sectors.Quote{}
	for i := range n {
		c := market.Code{Exchange: market.SH, Number: fmt.Sprintf("6%05d", i)}
		rows[i] = i
		last := 10 + float64(i%21-10)*0.1
		q := sectors.Quote{Code: c, Name: "x", Last: last, PrevClose: 10, Change: last - 10, Volume: 1, Time: tradingNow}
		quotes[c.Key()], cells[i].tally = q, sectors.TallyOf(q, true)
	}
	for _, c := range sectors.StripIndexes {
		quotes[c.Key()] = sectors.Quote{Code: c, Last: 3000, PrevClose: 2990, Change: 10, ChangePct: 0.33, Time: tradingNow}
	}
	tx := common.TextFor("zh")
	styles := common.NewStyles(false, true)
	ms := marketStrip{codes: sectors.StripIndexes, quotes: quotes, rows: rows, cells: cells, now: tradingNow, refresh: 10 * time.Second, qt: tx.Quotes, s: &styles}
	for b.Loop() {
		_ = fitHeader(headerPiece{text: "自选", width: 4}, headerPiece{text: "1/5538  5538 只", width: 15}, append(ms.indexes(), ms.breadth()...), 120)
	}
}
