package kline

import (
	"math"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
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

func press(t *testing.T, v Model, keys ...string) Model {
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

func TestLook(t *testing.T) {
	tk := sectors.Ticker{Code: market.MustParseCode("600519"), Name: "贵州茅台"}
	for _, lang := range []string{"en", "zh"} {
		v := New(testCommon(t, lang, 120, 36), Data{Ticker: tk, History: history(300, wave)})
		t.Log("\n" + ansi.Strip(v.View()))
		_ = safetext.Width
		_ = strings.Join
	}
}
