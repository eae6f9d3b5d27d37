package ui

import (
	"context"
	"fmt"
	"image/color"
	"testing"
	"time"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
)

// movingQuotes answers every code with a price that moves each round, up
// on odd rounds and down on even ones, some codes suspended.
type movingQuotes struct {
	at    time.Time
	round int
}

func (f *movingQuotes) Name() string { return "moving" }

func (f *movingQuotes) Quotes(_ context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	f.round++
	d := float64(f.round)
	if f.round%2 == 0 {
		d = -d
	}
	out := map[string]sectors.Quote{}
	for i, c := range codes {
		out[c.Key()] = sectors.Quote{Code: c, Name: "x", Last: 100 + d + float64(i%7), PrevClose: 100,
			Change: d, ChangePct: d, Suspended: (i+f.round)%5 == 0, Time: f.at}
	}
	return out, nil
}

// Every frame drawn through the render cache must be the frame drawn
// without it, byte for byte: over keys, resizes, reloads with changed
// data, quotes arriving, both languages, with and without colours.
func TestRenderCacheFramesIdentical(t *testing.T) {
	t.Run("light/zh/colour/quotes=true", func(t *testing.T) { renderCacheScript(t, "zh", true, false, true) })
	for _, lang := range []string{"en", "zh"} {
		for _, colour := range []bool{false, true} {
			for _, quotes := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/colour=%v/quotes=%v", lang, colour, quotes), func(t *testing.T) {
					renderCacheScript(t, lang, colour, true, quotes)
				})
			}
		}
	}
}

func renderCacheScript(t *testing.T, lang string, colour, dark, quotes bool) {
	st, _ := newTestStore(t)
	opts := testOptions(t, lang)
	opts.NoColor = !colour
	opts.Now = func() time.Time { return tradingNow }
	if quotes {
		opts.Quotes = &movingQuotes{at: tradingNow}
	}
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.BackgroundColorMsg{Color: map[bool]color.Color{true: color.Black, false: color.White}[dark]})
	step := 0
	check := func(what string) {
		t.Helper()
		step++
		got := cachedScreen(&m)
		want := uncachedView(m)
		if got != want {
			t.Fatalf("step %d (%s): cached frame differs\n--- cached\n%s\n--- uncached\n%s", step, what, got, want)
		}
		// and drawn again from a full cache
		if again := cachedScreen(&m); again != want {
			t.Fatalf("step %d (%s): second cached frame differs", step, what)
		}
	}
	do := func(what string, msgs ...tea.Msg) {
		t.Helper()
		for _, msg := range msgs {
			m = update(m, msg)
		}
		check(what)
	}
	keys := func(ks ...string) {
		t.Helper()
		for _, k := range ks {
			do("key "+k, keyMsg(k))
		}
	}
	arrive := func() {
		t.Helper()
		if quotes {
			m, _ = fetch(m)
			check("quotes arrive")
		}
	}
	reload := func(what string) {
		t.Helper()
		do("reload: "+what, m.sync.load()())
	}
	for _, size := range [][2]int{{120, 40}, {80, 24}, {200, 60}, {100, 20}, {50, 12}} {
		do(fmt.Sprintf("resize %dx%d", size[0], size[1]), tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		arrive()
		keys("j", "j", "j", "k", "G", "k", "g", "j")
		arrive()
		keys("tab", "j", "tab", "shift+tab", "1", "j", "1", "2", "2")
		keys("/", "s", "h", "backspace", "backspace", "enter")
		keys("enter", "j", "k", "esc")
		arrive()
		keys("s", "s", "?", "?")
		keys("x", "n", "r", "esc", "m", "esc", "e", "esc", "a", "esc", "n", "esc")
	}
	do("resize 120x40", tea.WindowSizeMsg{Width: 120, Height: 40})
	keys("j", "j")
	sel, _ := m.selected()
	if _, err := st.SetRating(sel.Code, sectors.Sell, "manual", ""); err != nil {
		t.Fatal(err)
	}
	reload("rating of the selected ticker")
	keys("k", "j")
	if err := st.SetName(sel.Code, "新名字科技"); err != nil {
		t.Fatal(err)
	}
	reload("name")
	if _, err := st.AddNote(sel.Code, "a fresh note\nwith two lines"); err != nil {
		t.Fatal(err)
	}
	reload("note")
	keys("enter", "j", "esc")
	arrive()
	keys("j", "k")
	do("resize 130x40", tea.WindowSizeMsg{Width: 130, Height: 40})
	do("resize 90x30", tea.WindowSizeMsg{Width: 90, Height: 30})
	keys("k", "G")
	arrive()
}
