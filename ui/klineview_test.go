package ui

import (
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
	"zixuan/ui/views/kline"
)

// chartServer is the k-line server with Tencent's minute line beside it,
// replaying the recorded answers of quote/testdata.
func chartServer(t *testing.T) *klineServer {
	ks := newKlineServer(t)
	daily := ks.Config.Handler
	ks.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/appstock/app/minute/query" {
			daily.ServeHTTP(w, r)
			return
		}
		b, err := os.ReadFile("../quote/testdata/minute_" + r.URL.Query().Get("code") + ".json")
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	})
	return ks
}

// chartModel is a model over the test store with 600519 added today and
// selected, its history fetched from the chart server (the sparkline's
// weeks only: it has no call).
func chartModel(t *testing.T, lang string) (Model, *klineServer) {
	t.Helper()
	st, _ := newTestStore(t)
	buy := sectors.Buy
	code := market.MustParseCode("600519")
	if _, err := st.AddOrRestore(code, store.AddOptions{Rating: &buy, Sector: "ai"}); err != nil {
		t.Fatal(err)
	}
	ks := chartServer(t)
	m, cmd := klineModel(t, st, ks, lang, 120, 40)
	m = run(m, cmd)
	m, cmd, _ = m.jumpTo(code.Number)
	m = run(m, cmd)
	if tk, _ := m.selected(); tk.Code != code {
		t.Fatalf("selected %s", tk.Code.Key())
	}
	return m, ks
}

// F5 opens the chart of the selected ticker at once with the bars held,
// reads the rest and fetches from the server what the daily chart needs
// (a year and more before today); ←/→ move the crosshair, t shows the
// minute line fetched from the server, esc goes back to the list.
func TestChartViewFetchesItsBarsAndMinutes(t *testing.T) {
	m, ks := chartModel(t, "en")
	tk, _ := m.selected()
	sym := strings.ToLower(tk.Code.Key())
	ks.asked = nil

	m, cmd := pressCmd(m, "f5")
	v, ok := m.stack.top().(kline.Model)
	if !ok || v.Code() != tk.Code {
		t.Fatalf("F5 opened %s", showing(m))
	}
	if !strings.Contains(m.plainView(), "reading the bars") {
		t.Errorf("the view does not say it is reading:\n%s", m.plainView())
	}
	m = run(m, cmd)
	v = m.stack.top().(kline.Model)
	// from the first session on or after the day the chart needs
	want := v.NeedFrom(fixedNow)
	got := ks.asked[sym]
	if len(got) == 0 {
		t.Fatal("the chart's bars were not fetched")
	}
	if start, _ := time.ParseInLocation(time.DateOnly, got[0][:10], market.China); start.Before(want) || start.Sub(want) > 7*24*time.Hour {
		t.Errorf("asked %v for the chart; want from %s", got, market.ChinaDate(want))
	}
	if n := len(v.Candles()); n < 250 {
		t.Fatalf("%d daily candles after the fetch", n)
	}
	last := v.Candles()[len(v.Candles())-1]
	if market.ChinaDate(last.End) != "2026-03-02" { // the clock is 17:30 in China: the day closed
		t.Errorf("last candle %s", market.ChinaDate(last.End))
	}
	view := m.plainView()
	if !strings.Contains(view, "daily fwd-adjusted") || !strings.Contains(view, "2026-03-02 Mon") || strings.Contains(view, "reading the bars") {
		t.Errorf("the chart after the fetch:\n%s", view)
	}
	m = press(m, "left", "left")
	if r := m.stack.top().(kline.Model).Readout(); !strings.HasPrefix(r, "2026-02-26 Thu") {
		t.Errorf("two days left: %q", r)
	}

	m, cmd = pressCmd(m, "t")
	m = run(m, cmd)
	v = m.stack.top().(kline.Model)
	if !v.Intraday() || !strings.HasPrefix(v.MinuteReadout(), "15:00 price 1459.88") {
		t.Errorf("the minute line: %q\n%s", v.MinuteReadout(), m.plainView())
	}
	if m = press(m, "esc"); showing(m) != "list" {
		t.Errorf("esc: %s", showing(m))
	}
}

// enter focuses the detail pane and enter there opens the chart; esc
// goes back to the pane, then to the list. Offline, the chart says why it
// has no bars rather than asking for them.
func TestEnterTwiceOpensTheChart(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "zh", 80, 24)
	m = press(m, "enter", "enter")
	if _, ok := m.stack.top().(kline.Model); !ok {
		t.Fatalf("enter twice: %s", showing(m))
	}
	if v := m.plainView(); !strings.Contains(v, "日线 前复权") {
		t.Errorf("the chart:\n%s", v)
	}
	if m = press(m, "esc"); showing(m) != "detail" {
		t.Errorf("esc: %s", showing(m))
	}
	if m = press(m, "esc"); showing(m) != "list" {
		t.Errorf("esc twice: %s", showing(m))
	}
}

// A newer quote of the chart's ticker reaches the open view: today's
// candle is drawn from it before the close.
func TestChartFollowsTheQuotes(t *testing.T) {
	m, _ := chartModel(t, "en")
	m, cmd := pressCmd(m, "f5")
	m = run(m, cmd)
	v := m.stack.top().(kline.Model)
	n := len(v.Candles())
	code := v.Code()
	at := time.Date(2026, 3, 3, 10, 15, 0, 0, market.China) // the next session, under way
	m.opts.Now = func() time.Time { return at }
	m.qs.quotes = map[string]sectors.Quote{code.Key(): {Code: code, Last: 12, PrevClose: 11, Open: 11.5, High: 12.2, Low: 11.4, Volume: 123400, Time: at}}
	m = update(m, quote.ErrOffline) // any message: the view is handed the quote after it
	v = m.stack.top().(kline.Model)
	if len(v.Candles()) != n+1 {
		t.Fatalf("%d candles after today's quote, had %d", len(v.Candles()), n)
	}
	if r := v.Readout(); !strings.HasPrefix(r, "2026-03-03 Tue O 11.50 H 12.20 L 11.40 C 12.00") {
		t.Errorf("today's candle: %q", r)
	}
}

// The whole screen with the chart open stays within the terminal at every
// size, in English and Chinese, on the candles and the minute line.
func TestChartScreenFits(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		m, _ := chartModel(t, lang)
		m, cmd := pressCmd(m, "f5")
		m = run(m, cmd)
		for _, size := range [][2]int{{120, 40}, {80, 24}, {50, 12}} {
			m = update(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			for _, k := range []string{"left", "p", "t"} {
				m, cmd = pressCmd(m, k)
				m = run(m, cmd)
				lines := strings.Split(m.View().Content, "\n")
				if len(lines) > size[1] {
					t.Errorf("%s %v after %s: %d lines", lang, size, k, len(lines))
				}
				for _, l := range lines {
					if w := lipgloss.Width(l); w > size[0] {
						t.Errorf("%s %v after %s: a line of %d cells:\n%s", lang, size, k, w, m.plainView())
						break
					}
				}
			}
		}
	}
}
