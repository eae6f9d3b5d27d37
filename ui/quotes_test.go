package ui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/store"
)

// tradingNow is a Monday 10:00 in China, during the morning session.
var tradingNow = time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)

// fakeQuotes answers every code with last 110 over a previous close of
// 100, stamped at, or with err.
type fakeQuotes struct {
	at    time.Time
	err   error
	calls int
	skip  map[string]bool // codes the server has no quote for
}

func (f *fakeQuotes) Name() string { return "fake" }

func (f *fakeQuotes) Quotes(_ context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	f.calls++
	if f.err != nil {
		return nil, f.err
	}
	out := map[string]sectors.Quote{}
	for _, c := range codes {
		if f.skip[c.Key()] {
			continue
		}
		out[c.Key()] = sectors.Quote{Code: c, Name: "x", Last: 110, PrevClose: 100, Open: 101, High: 111, Low: 99,
			Change: 10, ChangePct: 10, Volume: 123456700, Amount: 2.5e9, Turnover: 1.5, PE: 33.3, Time: f.at}
	}
	return out, nil
}

func quoteModel(t testing.TB, st *store.Store, now time.Time, p quote.Provider, w, h int) Model {
	t.Helper()
	opts := testOptions(t, "en")
	opts.Now = func() time.Time { return now }
	opts.Quotes = p
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	return update(m, tea.WindowSizeMsg{Width: w, Height: h})
}

// fetch runs one refresh round the way the program would.
func fetch(m Model) (Model, tea.Cmd) {
	msg := m.qs.fetchCmd(partCtxOf(&m))()
	next, cmd := m.Update(msg)
	return next.(Model), cmd
}

func loadRefs(t testing.TB, m Model) Model {
	t.Helper()
	return update(m, loadRefsCmd(m.st)())
}

// seedRefs stores a close of 100 on 2024-05-10 for every seed ticker but
// the last.
func seedRefs(t *testing.T, st *store.Store) {
	t.Helper()
	var ps []sectors.RefPrice
	for _, tk := range sectors.ReportTickers[:len(sectors.ReportTickers)-1] {
		ps = append(ps, sectors.RefPrice{Code: tk.Code, Day: time.Date(2024, 5, 10, 0, 0, 0, 0, market.China), Close: 100, Source: "test"})
	}
	if err := st.SetRefPrices(ps); err != nil {
		t.Fatal(err)
	}
}

func rowOf(t *testing.T, view, code string) string {
	t.Helper()
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(l, "> "+code) || strings.HasPrefix(l, "  "+code) {
			return l
		}
	}
	t.Fatalf("no row for %s in\n%s", code, view)
	return ""
}

func TestQuotesFresh(t *testing.T) {
	st, _ := newTestStore(t)
	seedRefs(t, st)
	f := &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}
	m := quoteModel(t, st, tradingNow, f, 120, 40)
	m = loadRefs(t, m)
	m, cmd := fetch(m)
	if cmd == nil {
		t.Error("no refresh timer during trading hours")
	}
	v := m.plainView()
	row := rowOf(t, v, "002230")
	for _, want := range []string{"110.00", "+10.00%", "+10.0%"} {
		if !strings.Contains(row, want) {
			t.Errorf("row lacks %q: %q", want, row)
		}
	}
	if strings.Contains(row, "~") {
		t.Errorf("a fresh quote is marked stale: %q", row)
	}
	last := sectors.ReportTickers[len(sectors.ReportTickers)-1].Code.Number
	m = press(m, "G")
	if row := rowOf(t, m.plainView(), last); !strings.Contains(row, "no ref") {
		t.Errorf("a ticker without reference shows a number: %q", row)
	}
	if !strings.Contains(v, "quotes 5s old") || strings.Contains(v, "stale") {
		t.Errorf("status line:\n%s", v)
	}
	// the detail pane
	m = press(m, "g")
	d := m.plainView()
	for _, want := range []string{"Quote", "110.00  +10.00  +10.00%", "open 101.00", "vol 123.46M", "turnover 1.50%", "PE 33.30", "reference 100.00 (2024-05-10) since +10.0%"} {
		if !strings.Contains(d, want) {
			t.Errorf("detail lacks %q:\n%s", want, d)
		}
	}
	// R refreshes at once; the timer it supersedes is dropped
	seq := m.qs.seq
	m, cmd = pressCmd(m, "R")
	if cmd == nil || m.qs.seq == seq {
		t.Error("R did not start a refresh")
	}
	if _, cmd := m.Update(quoteTickMsg{seq: seq}); cmd != nil {
		t.Error("a superseded timer fetched again")
	}
}

func TestQuotesStale(t *testing.T) {
	st, _ := newTestStore(t)
	f := &fakeQuotes{at: tradingNow.Add(-10 * time.Minute)}
	m := quoteModel(t, st, tradingNow, f, 120, 40)
	m, _ = fetch(m)
	v := m.plainView()
	if row := rowOf(t, v, "002230"); !strings.Contains(row, "~110.00") {
		t.Errorf("a stale quote is not marked: %q", row)
	}
	if !strings.Contains(v, "(stale ~)") {
		t.Errorf("status does not say stale:\n%s", v)
	}
	// after the close the same quote is the last close, not stale
	evening := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC) // 20:00 in China
	f.at = time.Date(2026, 3, 2, 7, 0, 3, 0, time.UTC)      // 15:00:03
	m = quoteModel(t, st, evening, f, 120, 40)
	m, cmd := fetch(m)
	v = m.plainView()
	if row := rowOf(t, v, "002230"); strings.Contains(row, "~") {
		t.Errorf("last close marked stale: %q", row)
	}
	if !strings.Contains(v, "market closed, last 03-02 15:00") {
		t.Errorf("status:\n%s", v)
	}
	if cmd == nil {
		t.Error("no timer for the next session")
	}
}

func TestQuotesMissingAndOffline(t *testing.T) {
	st, _ := newTestStore(t)
	f := &fakeQuotes{err: quote.ErrOffline}
	m := quoteModel(t, st, tradingNow, f, 120, 40)
	m, _ = fetch(m)
	v := m.plainView()
	if n := strings.Count(v, "quotes: no connection"); n != 1 {
		t.Errorf("offline said %d times:\n%s", n, v)
	}
	// no quote at all: the plain columns, not a column of dashes
	if strings.Contains(v, "Last") || strings.Contains(rowOf(t, v, "002230"), " - ") || !strings.Contains(v, "Changed") {
		t.Errorf("no quote server, yet price columns:\n%s", v)
	}
	m, _ = fetch(m) // again: still once, no pile-up
	if n := strings.Count(m.plainView(), "no connection"); n != 1 {
		t.Errorf("offline said %d times after a retry", n)
	}
	m = press(m, "j", "enter")
	if strings.Contains(m.plainView(), "No quote.") || strings.Contains(m.plainView(), "no ref") {
		t.Errorf("detail shows empty quote lines with no quote server:\n%s", m.plainView())
	}

	// some quotes: the columns appear, and a ticker without one says so
	f = &fakeQuotes{at: tradingNow, skip: map[string]bool{"SZ002230": true}}
	m = quoteModel(t, st, tradingNow, f, 120, 40)
	m, _ = fetch(m)
	v = m.plainView()
	if row := rowOf(t, v, "002230"); !strings.Contains(v, "Last") || !strings.Contains(row, " - ") {
		t.Errorf("missing quote row: %q", row)
	}
	m = press(m, "enter")
	if !strings.Contains(m.plainView(), "No quote.") {
		t.Errorf("detail without a quote:\n%s", m.plainView())
	}

	// --offline: no columns, a note, R says quotes are off
	opts := testOptions(t, "en")
	opts.Offline = true
	m2, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m2 = update(m2, tea.WindowSizeMsg{Width: 120, Height: 40})
	_ = m2.Init() // no provider: nothing to fetch, and no panic
	v = m2.plainView()
	if !strings.Contains(v, "quotes off") || strings.Contains(v, "Last") {
		t.Errorf("offline view:\n%s", v)
	}
}

// The list stays aligned with quotes on, at every size: every row the
// same width, the rating column at the same cell in each.
func TestQuotesAlignment(t *testing.T) {
	st, _ := newTestStore(t)
	seedRefs(t, st)
	for _, lang := range []string{"en", "zh"} {
		for _, size := range [][2]int{{120, 40}, {60, 15}, {80, 24}, {50, 12}, {200, 50}} {
			f := &fakeQuotes{at: tradingNow}
			m := quoteModel(t, st, tradingNow, f, size[0], size[1])
			if lang == "zh" {
				opts := m.opts
				opts.Lang = "zh"
				var err error
				if m, err = New(st, opts); err != nil {
					t.Fatal(err)
				}
				m = update(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			}
			m = loadRefs(t, m)
			m, _ = fetch(m)
			lw := size[0]
			if lw >= wideWidth {
				lw = min(lw*3/5, 110) - 1
			}
			c := layoutColumns(lw, m.t, true, false, true, defaultColumns)
			lines := strings.Split(m.plainView(), "\n")
			if len(lines) != size[1] {
				t.Errorf("%s %v: %d lines", lang, size, len(lines))
			}
			for _, l := range lines {
				if w := safetext.Width(l); w > size[0] {
					t.Errorf("%s %v: line of %d cells: %q", lang, size, w, l)
				}
			}
			want := -1
			for _, l := range lines[3 : 3+min(m.list.height, 25)] {
				if size[0] >= wideWidth {
					l = safetext.Truncate(l, lw)
				}
				if want < 0 {
					want = safetext.Width(l)
				} else if w := safetext.Width(l); w != want {
					t.Errorf("%s %v: row width %d, want %d: %q", lang, size, w, want, l)
				}
			}
			if size[0] >= 60 && c.width("return") == 0 {
				t.Errorf("%s %v: the return column was dropped", lang, size)
			}
		}
	}
}

// The whole path with the real provider: Tencent's parser against a
// local server replaying a recorded GBK answer, into the list.
func TestQuotesFromTestServer(t *testing.T) {
	body, err := os.ReadFile("../quote/testdata/tencent_normal.gbk")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write(body) }))
	defer srv.Close()
	st, _ := newTestStore(t)
	m := quoteModel(t, st, time.Date(2026, 4, 2, 12, 0, 0, 0, time.UTC), quote.NewTencent(srv.URL, srv.Client()), 120, 40)
	m, _ = fetch(m)
	v := m.plainView()
	if row := rowOf(t, v, "000977"); !strings.Contains(row, "52.31") || !strings.Contains(row, "+4.37%") {
		t.Errorf("000977 row %q", row)
	}
	if row := rowOf(t, v, "688111"); !strings.Contains(row, "halt") {
		t.Errorf("suspended row %q", row)
	}
	if row := rowOf(t, v, "002230"); !strings.Contains(row, " - ") {
		t.Errorf("unquoted row %q", row)
	}
}

// The return since a rating runs through the daily history once it is
// loaded: from the close of the rating's day, across a 10转4, to the live
// price (the old forward-adjusted reference would have stayed 1.4× high).
func TestReturnSinceRatingThroughHistory(t *testing.T) {
	st, _ := newTestStore(t)
	m := quoteModel(t, st, tradingNow, &fakeQuotes{at: tradingNow}, 120, 40)
	m = loadRefs(t, m)
	m, _ = fetch(m)
	if row := rowOf(t, m.plainView(), "002230"); !strings.Contains(row, "no ref") {
		t.Fatalf("before the history: %q", row)
	}
	d := func(s string) time.Time { day, _ := time.ParseInLocation(time.DateOnly, s, market.China); return day }
	bar := func(day string, c float64) sectors.DailyBar {
		return sectors.DailyBar{Date: d(day), Open: c, Close: c, High: c, Low: c}
	}
	code := market.MustParseCode("002230")
	m.hs.hist = map[string]store.StoredHistory{code.Key(): {PriceHistory: sectors.PriceHistory{Code: code,
		Bars:   []sectors.DailyBar{bar("2024-05-10", 50), bar("2025-05-30", 56), bar("2025-06-03", 40), bar("2026-02-27", 100)},
		Events: []sectors.ExRights{{ExDate: d("2025-06-03"), BonusPerShare: 0.4, Text: "10转4股"}}}}}
	m.hs.buildCells(m.data.tickers)
	m.qs.buildCells(partCtxOf(&m))
	// 100/50 × 56/40 (the 10转4) × 110/100 (today) = 3.08
	if row := rowOf(t, m.plainView(), "002230"); !strings.Contains(row, "+208.0%") {
		t.Errorf("row %q", row)
	}
}

// The list with quotes on draws as fast as without:
// price cells are formatted when quotes arrive, not per frame.
func BenchmarkMoveAndRenderQuotes5538(b *testing.B) {
	st, _ := newTestStore(b)
	opts := testOptions(b, "en")
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes = &fakeQuotes{at: tradingNow}
	m, err := New(st, opts)
	if err != nil {
		b.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 200, Height: 60})
	m.setData(bigSnapshot(), false)
	m, _ = fetch(m)
	down := keyMsg("j")
	for b.Loop() {
		m = update(m, down)
		_ = m.plainView()
	}
}

func BenchmarkQuotesArrive5538(b *testing.B) {
	st, _ := newTestStore(b)
	opts := testOptions(b, "en")
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes = &fakeQuotes{at: tradingNow}
	m, err := New(st, opts)
	if err != nil {
		b.Fatal(err)
	}
	m.setData(bigSnapshot(), false)
	msg := m.qs.fetchCmd(partCtxOf(&m))()
	for b.Loop() {
		m = update(m, msg)
	}
}
