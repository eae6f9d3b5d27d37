package kline

import (
	"math"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

func testCommon(t testing.TB, lang string, w, h int) common.Common {
	t.Helper()
	tx := common.TextFor(lang)
	keys := common.NewKeyMap(tx)
	styles := common.NewStyles(false, true)
	return common.Common{Width: w, Height: h, Keys: &keys, Styles: &styles, T: tx}
}

// history is n trading days of a made-up ticker ending on 2026-04-02,
// each day's close c(i), opening at the previous close.
func history(n int, c func(i int) float64) sectors.PriceHistory {
	code := market.MustParseCode("600519")
	var days []time.Time
	for d := time.Date(2026, 4, 2, 0, 0, 0, 0, market.China); len(days) < n; d = d.AddDate(0, 0, -1) {
		if market.IsTradingDay(d) {
			days = append([]time.Time{d}, days...)
		}
	}
	h := sectors.PriceHistory{Code: code}
	prev := c(0)
	for i, d := range days {
		cl := c(i)
		h.Bars = append(h.Bars, sectors.DailyBar{Date: d, Open: prev, Close: cl, High: math.Max(prev, cl) + 0.5, Low: math.Min(prev, cl) - 0.5, Volume: int64(100000 + 1000*i)})
		prev = cl
	}
	return h
}

func wave(i int) float64 { return 100 + 10*math.Sin(float64(i)/7) + float64(i%3) }

func press(t testing.TB, v Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "left":
			msg = tea.KeyPressMsg{Code: tea.KeyLeft}
		case "right":
			msg = tea.KeyPressMsg{Code: tea.KeyRight}
		case "home":
			msg = tea.KeyPressMsg{Code: tea.KeyHome}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		case "up":
			msg = tea.KeyPressMsg{Code: tea.KeyUp}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		default:
			msg = tea.KeyPressMsg{Code: rune(k[0]), Text: k}
		}
		d, _ := v.Update(msg)
		if r, ok := d.(common.Reply); ok {
			d = r.Dialog
		}
		nv, ok := d.(Model)
		if !ok {
			t.Fatalf("%s closed the view", k)
		}
		v = nv
	}
	return v
}

// The crosshair starts on the last candle and moves with ←/→ (h/l), to
// the first with g; its read-out is the candle's day, open, high, low,
// close, change from the previous close and volume in lots.
func TestCrosshairReadout(t *testing.T) {
	closes := []float64{10, 10.5, 10.2, 11, 10.8}
	h := history(len(closes), func(i int) float64 { return closes[i] })
	v := New(testCommon(t, "en", 120, 40), Data{Ticker: sectors.Ticker{Code: h.Code, Name: "贵州茅台"}, History: h})
	// 2026-04-02 is a Thursday; the bars open at the previous close
	if r := v.Readout(); r != "2026-04-02 Thu O 11.00 H 11.50 L 10.30 C 10.80 -1.82% vol 1040 lots" {
		t.Errorf("last: %q", r)
	}
	v = press(t, v, "left", "left")
	if r := v.Readout(); r != "2026-03-31 Tue O 10.50 H 11.00 L 9.70 C 10.20 -2.86% vol 1020 lots" {
		t.Errorf("two left: %q", r)
	}
	v = press(t, v, "right", "home")
	if r := v.Readout(); r != "2026-03-27 Fri O 10.00 H 10.50 L 9.50 C 10.00 vol 1000 lots" {
		t.Errorf("first: %q", r)
	}
	if v = press(t, v, "left"); v.Cursor() != 0 {
		t.Errorf("left of the first candle: %d", v.Cursor())
	}
	if !strings.Contains(ansi.Strip(v.View()), "2026-03-27 Fri O 10.00") {
		t.Errorf("the read-out is not drawn:\n%s", ansi.Strip(v.View()))
	}
	zh := New(testCommon(t, "zh", 120, 40), Data{Ticker: sectors.Ticker{Code: h.Code}, History: h})
	if r := zh.Readout(); r != "2026-04-02 周四 开 11.00 高 11.50 低 10.30 收 10.80 -1.82% 量 1040手" {
		t.Errorf("zh: %q", r)
	}
}

// The legend gives each average at the crosshair, computed by hand here;
// an average with fewer candles behind it than its window is a dash.
func TestMovingAveragesAtTheCrosshair(t *testing.T) {
	h := history(70, func(i int) float64 { return float64(10 + i) })
	v := New(testCommon(t, "en", 120, 40), Data{Ticker: sectors.Ticker{Code: h.Code}, History: h})
	// closes 10 … 79: MA5 of the last is (75+…+79)/5 = 77, MA10 74.5,
	// MA20 69.5, MA60 49.5
	if l := ansi.Strip(v.legend()); l != "MA5 77.00  MA10 74.50  MA20 69.50  MA60 49.50" {
		t.Errorf("legend %q", l)
	}
	v = press(t, v, "home")
	for range 12 {
		v = press(t, v, "right")
	}
	// the 13th candle, close 22: MA5 20, MA10 17.5, no MA20 nor MA60
	if l := ansi.Strip(v.legend()); l != "MA5 20.00  MA10 17.50  MA20 -  MA60 -" {
		t.Errorf("legend on the 13th candle %q", l)
	}
}

// p cycles daily, weekly, monthly: the candles are the domain's, and a
// period that needs more bars than the history holds asks the root for
// them, once.
func TestPeriodsAskForTheirBars(t *testing.T) {
	h := history(30, wave)
	now := time.Date(2026, 4, 2, 16, 0, 0, 0, market.China)
	v := New(testCommon(t, "en", 120, 40), Data{Ticker: sectors.Ticker{Code: h.Code}, History: h, Now: now})
	v = v.Asked(v.NeedFrom(now))
	d, _ := v.Update(tea.KeyPressMsg{Code: 'p', Text: "p"})
	r, ok := d.(common.Reply)
	if !ok {
		t.Fatal("weekly asked for nothing")
	}
	ask, ok := r.Msg.(NeedBarsMsg)
	if !ok || ask.Code != h.Code || !ask.From.Before(v.NeedFrom(now)) {
		t.Fatalf("weekly asked %+v", r.Msg)
	}
	w := r.Dialog.(Model)
	if w.Period() != sectors.Weekly || len(w.Candles()) != len(sectors.Candles(h, sectors.Weekly, true)) {
		t.Errorf("weekly: %v, %d candles", w.Period(), len(w.Candles()))
	}
	if !strings.Contains(ansi.Strip(w.View()), "weekly fwd-adjusted") || !strings.Contains(w.Readout(), "2026-03-30~04-02") {
		t.Errorf("weekly view: %q\n%s", w.Readout(), ansi.Strip(w.View()))
	}
	w = w.Asked(ask.From)
	m := press(t, w, "p")
	if m.Period() != sectors.Monthly {
		t.Errorf("p twice: %v", m.Period())
	}
	if again := press(t, m, "p", "p"); again.Period() != sectors.Weekly {
		t.Errorf("around again: %v", again.Period())
	}
	// offline, nothing is asked
	off := New(testCommon(t, "en", 120, 40), Data{Ticker: sectors.Ticker{Code: h.Code}, History: h, Now: now, Offline: true})
	if d, _ := off.Update(tea.KeyPressMsg{Code: 'p', Text: "p"}); func() bool { _, ok := d.(common.Reply); return ok }() {
		t.Error("offline, the view asked for bars")
	}
}

// A call, a rating change and a note are marked under their candles and
// read out when the crosshair is on them.
func TestMarksOnTheirDays(t *testing.T) {
	h := history(10, wave)
	day := func(s string) time.Time {
		d, _ := time.ParseInLocation(time.DateOnly, s, market.China)
		return d
	}
	snap := &sectors.Snapshot{Reports: []sectors.ReportEntry{{BrokerReport: sectors.BrokerReport{ID: "r1", Date: day("2026-03-30"), Broker: "中信证券"}}}}
	tk := sectors.Ticker{Code: h.Code, Name: "贵州茅台",
		Calls:   []sectors.Call{{ReportID: "r1", Code: h.Code, Rating: sectors.Buy}},
		Ratings: []sectors.RatingChange{{From: sectors.Neutral, To: sectors.Buy, At: day("2026-03-31").Add(10 * time.Hour)}},
		Notes:   []sectors.Note{{ID: 1, Text: "业绩超预期\nsecond line", Created: day("2026-04-01").Add(9 * time.Hour)}}}
	v := New(testCommon(t, "en", 120, 40), Data{Ticker: tk, Snap: snap, History: h})
	lines := strings.Split(ansi.Strip(v.View()), "\n")
	var row string
	for _, l := range lines {
		if strings.TrimSpace(l) == "crn" {
			row = l
		}
	}
	// ten candles, one cell each: the marks under the 7th to the 9th (03-30 to 04-01)
	if row == "" || strings.Index(row, "c") != 6 {
		t.Errorf("no mark row c r n under the 6th to 8th candles:\n%s", strings.Join(lines, "\n"))
	}
	v = press(t, v, "left", "left", "left")
	if s := ansi.Strip(v.markText()); s != "call Buy 中信证券" {
		t.Errorf("on the call's day: %q", s)
	}
	v = press(t, v, "right")
	if s := ansi.Strip(v.markText()); s != "rating Neutral→Buy" {
		t.Errorf("on the rating's day: %q", s)
	}
	v = press(t, v, "right")
	if s := ansi.Strip(v.markText()); s != "note 业绩超预期" {
		t.Errorf("on the note's day: %q", s)
	}
}

// Every line of the view fits the width it is given, in English and
// Chinese, on the candles and the minute line, at the sizes the TUI is
// tested at, and there are no more lines than the height.
func TestFitsEverySize(t *testing.T) {
	h := history(300, wave)
	tk := sectors.Ticker{Code: h.Code, Name: "贵州茅台"}
	day := minuteLine()
	for _, lang := range []string{"en", "zh"} {
		for _, size := range [][2]int{{120, 40}, {80, 24}, {50, 12}, {20, 5}} {
			// the body the root gives a view: four rows less than the screen
			c := testCommon(t, lang, size[0], size[1]-4)
			v := New(c, Data{Ticker: tk, History: h, Minutes: day, Quote: &sectors.Quote{Last: 1}})
			for _, keys := range [][]string{nil, {"left"}, {"up", "up"}, {"p"}, {"p", "p"}, {"t"}, {"t", "left"}} {
				w := press(t, v, keys...)
				view := w.View()
				lines := strings.Split(view, "\n")
				if len(lines) > c.Height {
					t.Errorf("%s %v after %v: %d lines", lang, size, keys, len(lines))
				}
				for _, l := range lines {
					if lipgloss.Width(l) > c.Width || safetext.Width(l) > c.Width {
						t.Errorf("%s %v after %v: a line of %d cells:\n%s", lang, size, keys, lipgloss.Width(l), ansi.Strip(view))
						break
					}
				}
			}
		}
	}
}

// minuteLine is a session's minute line made up: the price drifting up
// through the morning and back in the afternoon.
func minuteLine() sectors.Intraday {
	day := time.Date(2026, 4, 2, 0, 0, 0, 0, market.China)
	d := sectors.Intraday{Code: market.MustParseCode("600519"), Day: day, PrevClose: 100}
	var shares int64
	var amount float64
	add := func(at time.Time, i int) {
		p := 100 + 2*math.Sin(float64(i)/40)
		s := int64(1000 + 10*(i%7))
		shares += s
		amount += float64(s) * p
		d.Minutes = append(d.Minutes, sectors.Minute{Time: at, Price: p, Shares: s, Amount: float64(s) * p, Average: amount / float64(shares)})
	}
	i := 0
	for m := day.Add(9*time.Hour + 30*time.Minute); !m.After(day.Add(11*time.Hour + 30*time.Minute)); m = m.Add(time.Minute) {
		add(m, i)
		i++
	}
	for m := day.Add(13*time.Hour + time.Minute); !m.After(day.Add(15 * time.Hour)); m = m.Add(time.Minute) {
		add(m, i)
		i++
	}
	return d
}

// The minute line: t shows it (asking the root for a new one), its
// crosshair on the last minute, moved with ←; t again goes back to the
// candles.
func TestMinuteLine(t *testing.T) {
	h := history(30, wave)
	v := New(testCommon(t, "en", 120, 40), Data{Ticker: sectors.Ticker{Code: h.Code}, History: h, Minutes: minuteLine()})
	d, _ := v.Update(tea.KeyPressMsg{Code: 't', Text: "t"})
	r, ok := d.(common.Reply)
	if !ok {
		t.Fatal("t asked for no minute line")
	}
	if ask, ok := r.Msg.(NeedMinutesMsg); !ok || ask.Code != h.Code {
		t.Fatalf("t asked %+v", r.Msg)
	}
	v = r.Dialog.(Model)
	d0 := minuteLine()
	last := d0.Minutes[len(d0.Minutes)-1]
	want := "15:00 price " + exact(last.Price, h.Code) + " " + common.Pct((last.Price/100-1)*100, 2) + " avg " + exact(last.Average, h.Code)
	if got := v.MinuteReadout(); !strings.HasPrefix(got, want) {
		t.Errorf("last minute %q, want %q", got, want)
	}
	v = press(t, v, "left")
	if got := v.MinuteReadout(); !strings.HasPrefix(got, "14:59") {
		t.Errorf("a minute left: %q", got)
	}
	view := ansi.Strip(v.View())
	if !strings.Contains(view, "intraday") || !strings.Contains(view, "09:30") || !strings.Contains(view, "15:00") {
		t.Errorf("minute line:\n%s", view)
	}
	if v = press(t, v, "t"); v.Intraday() {
		t.Error("t again stayed on the minute line")
	}
}

// Today's session, before its bar is in the history, is a candle made of
// the quote.
func TestTodaysCandleFromTheQuote(t *testing.T) {
	h := history(30, wave)
	q := &sectors.Quote{Code: h.Code, Open: 99, High: 103, Low: 98, Last: 102, PrevClose: 100, Volume: 500000,
		Time: time.Date(2026, 4, 3, 10, 30, 0, 0, market.China)}
	v := New(testCommon(t, "en", 120, 40), Data{Ticker: sectors.Ticker{Code: h.Code}, History: h, Quote: q})
	if r := v.Readout(); !strings.HasPrefix(r, "2026-04-03 Fri O 99.00 H 103.00 L 98.00 C 102.00") || !strings.HasSuffix(r, "vol 5000 lots") {
		t.Errorf("today: %q", r)
	}
	// a quote of a day the history holds adds nothing
	q2 := *q
	q2.Time = time.Date(2026, 4, 2, 15, 0, 0, 0, market.China)
	if v2 := New(testCommon(t, "en", 120, 40), Data{Ticker: sectors.Ticker{Code: h.Code}, History: h, Quote: &q2}); len(v2.Candles()) != 30 {
		t.Errorf("%d candles with a quote of the last bar's day", len(v2.Candles()))
	}
}

func BenchmarkView250Bars(b *testing.B) {
	h := history(310, wave)
	v := New(testCommon(b, "zh", 250, 60), Data{Ticker: sectors.Ticker{Code: h.Code, Name: "贵州茅台"}, History: h})
	if len(v.Candles()) < 250 || v.slots() < 230 {
		b.Fatalf("%d candles, %d shown", len(v.Candles()), v.slots())
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = v.View()
	}
}

func BenchmarkMinuteLine(b *testing.B) {
	h := history(30, wave)
	v := New(testCommon(b, "zh", 250, 60), Data{Ticker: sectors.Ticker{Code: h.Code}, History: h, Minutes: minuteLine()})
	v.intraday = true
	b.ReportAllocs()
	for b.Loop() {
		_ = v.View()
	}
}

// Prices are read out in the decimals the code trades in: a fund's in
// thousandths (24.310, not 24.31), a stock's average price rounded to the
// fen as a terminal's 均价 is.
func TestReadoutsInTheCodesDecimals(t *testing.T) {
	h := history(5, func(i int) float64 { return 24.31 + float64(i)/1000 })
	h.Code = market.MustParseCode("510300")
	fund := New(testCommon(t, "en", 120, 40), Data{Ticker: sectors.Ticker{Code: h.Code}, History: h})
	if r := fund.Readout(); !strings.Contains(r, "C 24.314") || !strings.Contains(r, "O 24.313") {
		t.Errorf("fund: %q", r)
	}
	first := press(t, fund, "home")
	if r := first.Readout(); !strings.Contains(r, "C 24.310") {
		t.Errorf("fund's first candle: %q", r)
	}
	stock := market.MustParseCode("600519")
	day := time.Date(2026, 4, 2, 0, 0, 0, 0, market.China)
	d := sectors.Intraday{Code: stock, Day: day, PrevClose: 100,
		Minutes: []sectors.Minute{{Time: day.Add(9*time.Hour + 30*time.Minute), Price: 100.5, Shares: 300, Amount: 30145, Average: 30145.0 / 300}}}
	v := New(testCommon(t, "en", 120, 40), Data{Ticker: sectors.Ticker{Code: stock}, History: history(5, wave), Minutes: d})
	v = press(t, v, "t")
	if r := v.MinuteReadout(); !strings.Contains(r, "price 100.50") || !strings.Contains(r, "avg 100.48 ") {
		t.Errorf("stock's minute: %q", r)
	}
}
