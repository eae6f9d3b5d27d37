package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
)

// stateQuotes answers 688111 pre-open, 688088 halted with Sina's word,
// 002230 with a change beyond any real move, 300634 loss-making.
type stateQuotes struct{ fakeQuotes }

func (f *stateQuotes) Quotes(ctx context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	out, _ := f.fakeQuotes.Quotes(ctx, codes)
	set := func(k string, change func(q *sectors.Quote)) {
		q := out[k]
		change(&q)
		out[k] = q
	}
	set("SH688111", func(q *sectors.Quote) { q.PreOpen, q.Change, q.ChangePct = true, 0, 0 })
	set("SH688088", func(q *sectors.Quote) { q.Suspended, q.Halt, q.Change, q.ChangePct = true, "临停1H", 0, 0 })
	set("SZ002230", func(q *sectors.Quote) { q.ChangeUnknown, q.Change, q.ChangePct = true, 0, 0 })
	set("SZ300634", func(q *sectors.Quote) { q.LossMaking, q.PE = true, 0 })
	return out, nil
}

func TestQuoteStates(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		st, _ := newTestStore(t)
		opts := testOptions(t, lang)
		opts.Now = func() time.Time { return tradingNow }
		opts.Quotes = &stateQuotes{fakeQuotes{at: tradingNow}}
		m, err := New(st, opts)
		if err != nil {
			t.Fatal(err)
		}
		m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
		m, _ = fetch(m)
		cell := func(k string) priceCells { return m.qs.cells[m.data.indexOf(market.MustParseCode(k))] }
		want := map[string][2]string{
			"688111": {"preopen", "竞价"}, "688088": {"halt", "临停1H"}, "002230": {"—", "—"},
		}
		i := 0
		if lang == "zh" {
			i = 1
		}
		for code, w := range want {
			if c := cell(code); c.pct != w[i] || c.dir != 0 || !c.dim {
				t.Errorf("%s %s: change cell %q dir %d dim %v, want %q", lang, code, c.pct, c.dir, c.dim, w[i])
			}
		}
		if c := cell("688590"); c.pct != "+10.00%" {
			t.Errorf("%s: a normal quote shows %q", lang, c.pct)
		}
		// the detail pane: pre-open in full, the PE of a loss-making company
		m.selectKey("SH688111")
		if v := m.plainView(); !strings.Contains(v, map[string]string{"en": "pre-open", "zh": "集合竞价"}[lang]) {
			t.Errorf("%s: detail does not say pre-open:\n%s", lang, v)
		}
		m.selectKey("SZ300634")
		loss := map[string]string{"en": "PE loss", "zh": "市盈率 亏损"}[lang]
		if v := m.plainView(); !strings.Contains(v, loss) {
			t.Errorf("%s: detail lacks %q:\n%s", lang, loss, v)
		}
		checkFrame(t, m.plainView(), 120, 40)
	}
}
