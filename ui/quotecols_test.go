package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"

	"zixuan/quote"
	"zixuan/sectors/market"
	"zixuan/ui/common"
)

// The quote's columns and the detail pane's book, from a recorded real
// Tencent line of 600519: 量比 0.61 (field 49), 振幅 0.88 % (43: the
// high 1464.88 less the low 1452.10 over the close 1459.44), the caps
// 18281.64 亿 (44, 45), PB 8.05 (46), and the book in lots (19 lots bid,
// 120 offered: 委比 −72.66 %, and Tencent's own 委差 in field 50 is −101
// lots, which agrees).
func TestQuoteColumnsFromARealLine(t *testing.T) {
	body, err := os.ReadFile("../quote/testdata/tencent_full_600519.gbk")
	if err != nil {
		t.Fatal(err)
	}
	code := market.MustParseCode("600519")
	got, err := quote.ParseTencent(body, []market.Code{code})
	if err != nil {
		t.Fatal(err)
	}
	q := got[code.Key()]
	for _, lang := range []string{"en", "zh"} {
		c := cellCtx{q: &q, t: common.TextFor(lang)}
		want := map[string]string{"volume_ratio": "0.61", "amplitude": "0.88%", "pb": "8.05", "order_ratio": "-72.66%",
			"total_cap": "1.83T", "float_cap": "1.83T"}
		if lang == "zh" {
			want["total_cap"], want["float_cap"] = "18282亿", "18282亿"
		}
		for id, w := range want {
			if cell := columnRegistry[id].Cell(&c); cell != w {
				t.Errorf("%s %s: %q, want %q", lang, id, cell, w)
			}
		}
	}
	// a quote without the fields shows "-", not a zero
	var bare = q
	bare.VolumeRatio, bare.PB, bare.TotalCap = 0, 0, 0
	c := cellCtx{q: &bare, t: common.TextFor("en")}
	for _, id := range []string{"volume_ratio", "pb", "total_cap"} {
		if cell := columnRegistry[id].Cell(&c); cell != "-" {
			t.Errorf("%s without a value: %q", id, cell)
		}
	}

	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	pc := partCtxOf(&m)
	book := ansi.Strip(strings.Join(bookLines(q, 50, pc), "\n"))
	for _, w := range []string{"bid/ask ratio -72.66%", "bid1 1459.44 100", "ask1 1459.88 300", "bid4 1459.37 1000", "ask4 1460.00 9300"} {
		if !strings.Contains(book, w) {
			t.Errorf("the book lacks %q:\n%s", w, book)
		}
	}
}

// The new columns chosen in the config show in the list with their
// headers, "-" where the server gave nothing.
func TestQuoteColumnsOnTheList(t *testing.T) {
	st, _ := newTestStore(t)
	opts := testOptions(t, "zh")
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes = &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}
	opts.Columns = []string{"last", "volume_ratio", "amplitude", "total_cap", "float_cap", "pb", "order_ratio"}
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 99, Height: 30}) // the list alone
	m, _ = fetch(m)
	v := m.plainView()
	head := strings.Split(v, "\n")[2]
	for _, h := range []string{"量比", "振幅", "总市值", "流通市值", "市净率", "委比"} {
		if !strings.Contains(head, h) {
			t.Errorf("the list's header lacks %s: %q", h, head)
		}
	}
	if row := rowOf(t, v, "002230"); strings.Count(row, " -") < 6 { // the fake gives none of them
		t.Errorf("fields the server did not give are not dashes: %q", row)
	}
}
