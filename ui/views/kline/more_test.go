package kline

import (
	"math"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

// Two cells wide, a rise is hollow (its body's outline, the wick outside
// it) and a fall is filled: the two differ without colours.
func TestHollowRisesFilledFalls(t *testing.T) {
	y := func(p float64) int { return int(math.Round((22 - p) / 14 * 15)) }
	dot := func(p *plot, x, yy int) bool { return p.candle[(yy/4)*p.w+x/2]&dotBits[x%2][yy%4] != 0 }
	up := newPlot(2, 4, 0)
	drawCandle(up, 0, 2, sectors.Candle{Open: 10, Close: 20, High: 22, Low: 8}, y)
	down := newPlot(2, 4, 0)
	drawCandle(down, 0, 2, sectors.Candle{Open: 20, Close: 10, High: 22, Low: 8}, y)
	mid := (y(20) + y(10)) / 2
	if dot(up, 1, mid) || !dot(up, 0, mid) || !dot(up, 2, mid) {
		t.Error("a rise is not hollow")
	}
	if !dot(down, 1, mid) || !dot(down, 0, mid) {
		t.Error("a fall is not filled")
	}
	for _, p := range []*plot{up, down} {
		if !dot(p, 1, y(22)) || !dot(p, 1, y(8)) || dot(p, 3, mid) {
			t.Error("the wick or the gap is wrong")
		}
	}
}

// With the crosshair on the first candle, the view asks for the bars
// before it, once; when an earlier ask brought nothing older (the
// listing), it does not ask again.
func TestOlderBarsAskedAtTheFirstCandle(t *testing.T) {
	h := history(30, wave)
	now := time.Date(2026, 4, 2, 16, 0, 0, 0, market.China)
	v := New(testCommon(t, "en", 120, 40), Data{Ticker: sectors.Ticker{Code: h.Code}, History: h, Now: now})
	d, _ := v.Update(tea.KeyPressMsg{Code: tea.KeyHome})
	r, ok := d.(common.Reply)
	if !ok {
		t.Fatal("g on the first candle asked for nothing")
	}
	ask := r.Msg.(NeedBarsMsg)
	if !ask.From.Before(h.Bars[0].Date) {
		t.Errorf("asked from %s, the first bar is %s", market.ChinaDate(ask.From), market.ChinaDate(h.Bars[0].Date))
	}
	v = r.Dialog.(Model)
	if d, _ := v.Update(tea.KeyPressMsg{Code: tea.KeyLeft}); func() bool { _, ok := d.(common.Reply); return ok }() {
		t.Error("asked again")
	}
	listed := New(testCommon(t, "en", 120, 40), Data{Ticker: sectors.Ticker{Code: h.Code}, History: h, Now: now}).Asked(h.Bars[0].Date.AddDate(-1, 0, 0))
	if d, _ := listed.Update(tea.KeyPressMsg{Code: tea.KeyHome}); func() bool { _, ok := d.(common.Reply); return ok }() {
		t.Error("asked for bars before a listing the server had none before")
	}
}

// Older bars arriving keep the crosshair on its day and the candles shown.
func TestOlderBarsKeepTheCrosshair(t *testing.T) {
	h := history(300, wave)
	recent := h
	recent.Bars = h.Bars[200:]
	v := New(testCommon(t, "en", 80, 20), Data{Ticker: sectors.Ticker{Code: h.Code}, History: recent})
	v = press(t, v, "home", "right", "right")
	before := v.Readout()
	data := v.Data()
	data.History = h
	v = v.Refresh(data)
	if v.Readout() != before || v.Cursor() != 202 {
		t.Errorf("after the older bars: %q at %d, was %q", v.Readout(), v.Cursor(), before)
	}
	if from := v.end - v.slots(); from > v.Cursor() || v.end <= v.Cursor() {
		t.Errorf("the crosshair %d is off the candles shown (to %d)", v.Cursor(), v.end)
	}
}

// A mark on a day with no session goes under the next session's candle.
func TestMarkOnAHolidayGoesToTheNextSession(t *testing.T) {
	h := history(10, wave)
	sunday := time.Date(2026, 3, 29, 20, 0, 0, 0, market.China)
	tk := sectors.Ticker{Code: h.Code, Notes: []sectors.Note{{ID: 1, Text: "周末复盘", Created: sunday}}}
	v := New(testCommon(t, "en", 120, 40), Data{Ticker: tk, History: h})
	v = press(t, v, "left", "left", "left") // Monday 2026-03-30
	if s := ansi.Strip(v.markText()); !strings.HasPrefix(v.Readout(), "2026-03-30") || s != "note 周末复盘" {
		t.Errorf("%q on %q", s, v.Readout())
	}
	if i := candleOf(v.Candles(), time.Date(2020, 1, 1, 0, 0, 0, 0, market.China)); i != -1 {
		t.Errorf("a day before the history goes under candle %d", i)
	}
}
