package ui

import (
	"strings"
	"testing"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/quote"
	"zixuan/sectors"

	"zixuan/ui/common"

	"zixuan/ui/views/scorecard"
)

func TestScorecardGroupsAndCalls(t *testing.T) {
	m, _, _ := historyModel(t, "en", 120, 40)
	m = press(m, "c")
	v, ok := m.stack.top().(scorecard.Model)
	if !ok {
		t.Fatalf("c opened %T", m.stack.top())
	}
	if v.Grouping() != sectors.ByReport || len(v.Groups()) != 1 || v.Groups()[0].Count != 25 || v.Groups()[0].Rated != 9 || v.Groups()[0].Unrated != 16 {
		t.Fatalf("by %s, groups %+v", v.Grouping(), v.Groups())
	}
	view := m.plainView()
	checkFrame(t, view, 120, 40)
	for _, want := range []string{"Scorecard against 沪深300 price index · report", "as of 2026-03-02", "2024-05-12"} {
		if !strings.Contains(view, want) {
			t.Errorf("scorecard lacks %q:\n%s", want, view)
		}
	}
	// b cycles the grouping: sector, rating, source, and back to report
	for _, by := range []string{sectors.BySector, sectors.ByRating, sectors.BySource, sectors.ByReport} {
		m = press(m, "b")
		if v := m.stack.top().(scorecard.Model); v.Grouping() != by || len(v.Groups()) == 0 {
			t.Errorf("b: by %s (%d groups), want %s", v.Grouping(), len(v.Groups()), by)
		}
	}
	// enter: the group's calls, best first, with the benchmark and excess
	m = press(m, "enter")
	v = m.stack.top().(scorecard.Model)
	if !v.Opened() || len(v.Rows()) != 25 {
		t.Fatalf("open %v, %d calls", v.Opened(), len(v.Rows()))
	}
	for i := 1; i < len(v.Rows()); i++ {
		if v.Rows()[i].Result.ExcessPct > v.Rows()[i-1].Result.ExcessPct {
			t.Errorf("calls not best first at %d", i)
		}
	}
	view = m.plainView()
	for _, want := range []string{"Excess", "沪深300", "Return", "688111"} {
		if !strings.Contains(view, want) {
			t.Errorf("calls lack %q:\n%s", want, view)
		}
	}
	// esc back to the groups, enter then enter goes to the best call's ticker
	m = press(m, "esc")
	if v := m.stack.top().(scorecard.Model); v.Opened() {
		t.Fatal("esc did not go back to the groups")
	}
	best := v.Rows()[0].Code.Number
	m = press(m, "enter", "enter")
	if showing(m) != "list" || selectedNumber(m) != best {
		t.Errorf("enter on a call: showing %s, selected %s, want %s", showing(m), selectedNumber(m), best)
	}
	m = press(m, "c", "esc")
	if showing(m) != "list" {
		t.Errorf("esc: %s", showing(m))
	}
}

func TestScorecardOpensAtOnceAndOffline(t *testing.T) {
	_, st, _ := historyModel(t, "en", 120, 40) // fetched and stored
	// offline, the history not yet loaded: c opens the view at once and
	// asks for it in a command
	m, _ := klineModel(t, st, nil, "en", 120, 40)
	m.hs.asked = false
	next, cmd := m.Update(keyMsg("c"))
	m = next.(Model)
	if _, ok := m.stack.top().(scorecard.Model); !ok || cmd == nil {
		t.Fatalf("c: %T, cmd %v", m.stack.top(), cmd != nil)
	}
	if !strings.Contains(m.plainView(), "reading") {
		t.Errorf("no loading line:\n%s", m.plainView())
	}
	m = run(m, cmd)
	view := m.plainView()
	if !strings.Contains(view, "as of 2026-03-02") || !strings.Contains(view, "from the stored history") {
		t.Errorf("offline scorecard does not say its date:\n%s", view)
	}
}

func TestScorecardNoHistoryYet(t *testing.T) {
	st, _ := newTestStore(t)
	m, cmd := klineModel(t, st, nil, "zh", 80, 24)
	m = run(m, cmd)
	m = press(m, "c")
	view := m.plainView()
	checkFrame(t, view, 80, 24)
	if !strings.Contains(view, "还没有历史行情") {
		t.Errorf("no word about the missing history:\n%s", view)
	}
}

func TestScorecardColoursBySign(t *testing.T) {
	m, _, _ := historyModel(t, "en", 120, 40)
	m.plain = false
	m.styles = common.NewStyles(false, true)
	m.rc = newRenderCache()
	for _, western := range []bool{false, true} {
		m.opts.Western = western
		n := press(m, "c", "enter")
		v := n.stack.top().(scorecard.Model)
		// the best call is up, drawn in the "up" colour of the convention
		up := v.UpDown(1).Render("x")
		if western == (up == n.styles.Up.Render("x")) {
			t.Errorf("western=%v: up drawn as %q", western, up)
		}
	}
}

func TestScorecardFitsEverySize(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		m, _, _ := historyModel(t, lang, 120, 40)
		for _, keys := range [][]string{{"c"}, {"c", "enter"}, {"c", "b", "enter"}, {"c", "b", "b"}} {
			n := press(m, keys...)
			for _, sz := range [][2]int{{120, 40}, {80, 24}, {60, 15}, {50, 12}} {
				n = update(n, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				checkFrame(t, n.plainView(), sz[0], sz[1])
			}
		}
	}
}

// The benchmark of the settings is the scorecard's: fetched, named with
// its kind, and each call measured against it.
func TestScorecardAgainstTheSettingsBenchmark(t *testing.T) {
	st, _ := newTestStore(t)
	ks := newKlineServer(t)
	opts := testOptions(t, "en")
	opts.Refresh = -1
	tc := quote.NewTencent(ks.URL, nil)
	opts.Quotes, opts.History = tc, tc
	opts.Benchmark, opts.BenchmarkName = market.MustParseCode("SH000905"), "中证500"
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = run(next.(Model), cmd)
	m = press(m, "c")
	if got := ks.asked["sh000905"]; len(got) == 0 {
		t.Errorf("中证500 not fetched: asked %v", ks.asked)
	}
	view := m.plainView()
	if !strings.Contains(view, "Scorecard against 中证500 price index") {
		t.Errorf("title:\n%s", view)
	}
	v := m.stack.top().(scorecard.Model)
	if len(v.Groups()) != 1 || v.Groups()[0].Count == 0 {
		t.Errorf("groups %+v", v.Groups())
	}
}
