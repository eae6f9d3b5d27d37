package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
)

// tableQuotes answers each code with its own quote, and none for the
// codes it has none of.
type tableQuotes struct{ by map[string]sectors.Quote }

func (f *tableQuotes) Name() string { return "table" }

func (f *tableQuotes) Quotes(_ context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	out := map[string]sectors.Quote{}
	for _, c := range codes {
		if q, ok := f.by[c.Key()]; ok {
			out[c.Key()] = q
		}
	}
	return out, nil
}

// spreadQuotes gives the seed tickers changes from -6% up in steps of
// 0.5%, in an order unlike the list's, and makes the second suspended,
// the fourth before the open, and leaves the sixth without a quote.
func spreadQuotes(t testing.TB, st *store.Store) *tableQuotes {
	t.Helper()
	snap, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]sectors.Quote{}
	for i, tk := range snap.Tickers {
		pct := -6 + float64((i*7)%len(snap.Tickers))*0.5
		q := sectors.Quote{Code: tk.Code, Name: tk.Name, PrevClose: 100, Last: 100 + pct, Change: pct, ChangePct: pct,
			Volume: int64(1000 * (i + 1)), Amount: float64(1e6 * (i + 1)), PE: float64(i%5+1) * 10, Time: tradingNow}
		switch i {
		case 1:
			q.Suspended = true
		case 3:
			q.PreOpen = true
		case 5:
			continue
		}
		by[tk.Code.Key()] = q
	}
	return &tableQuotes{by: by}
}

// cliOrder is the order `zixuan list --sort o` gives the loaded tickers
// with these quotes: the domain's rule, fed independently of the list.
func cliOrder(m Model, o sectors.SortOrder, quotes map[string]sectors.Quote) []string {
	tickers := slices.Clone(m.data.tickers)
	o.Sort(tickers, func(i int) sectors.SortFacts {
		if q, ok := quotes[tickers[i].Code.Key()]; ok {
			return sectors.SortFacts{Quote: &q}
		}
		return sectors.SortFacts{}
	}, m.data.order)
	out := make([]string, len(tickers))
	for i := range tickers {
		out[i] = tickers[i].Code.Number
	}
	return out
}

// notTrades are the codes of the quotes that are no trade, and of none.
func notTrades(m Model, quotes map[string]sectors.Quote) []string {
	var out []string
	for _, tk := range m.data.tickers {
		q, ok := quotes[tk.Code.Key()]
		if !ok || q.Suspended || q.PreOpen {
			out = append(out, tk.Code.Number)
		}
	}
	return out
}

func sortedModel(t *testing.T, st *store.Store, sort string, p *tableQuotes, lang string, w, h int) Model {
	t.Helper()
	opts := testOptions(t, lang)
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes, opts.Sort = p, sort
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = fetch(m)
	return m
}

func TestColumnSortIsTheCLIsOrderWithNonTradesLastBothWays(t *testing.T) {
	st, _ := newTestStore(t)
	p := spreadQuotes(t, st)
	for _, sort := range []string{"change_pct:desc", "change_pct", "last", "volume:desc", "amount", "pe:desc", "pe"} {
		m := sortedModel(t, st, sort, p, "en", 120, 40)
		o, _ := sectors.ParseSortOrder(sort)
		if m.view.col != o {
			t.Fatalf("%s: sort in force %v", sort, m.view.col)
		}
		got, want := codes(m), cliOrder(m, o, p.by)
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n got %v\nwant %v", sort, got, want)
		}
		// the suspended, the pre-open and the unquoted are the last rows,
		// in the list's own order, whatever the direction
		if nt := notTrades(m, p.by); !slices.Equal(got[len(got)-len(nt):], nt) {
			t.Errorf("%s: not trades %v, last rows %v", sort, nt, got[len(got)-len(nt):])
		}
	}
	// ascending and descending are each other's reverse among the trades
	up := sortedModel(t, st, "change_pct", p, "en", 120, 40)
	down := sortedModel(t, st, "change_pct:desc", p, "en", 120, 40)
	n := len(codes(up)) - len(notTrades(up, p.by))
	rev := slices.Clone(codes(down)[:n])
	slices.Reverse(rev)
	if !slices.Equal(codes(up)[:n], rev) {
		t.Errorf("ascending %v is not descending %v reversed", codes(up)[:n], codes(down)[:n])
	}
	if first := up.data.tickers[up.view.rows[0]]; p.by[first.Code.Key()].ChangePct != -6 {
		t.Errorf("ascending starts at %s", first.Code.Number)
	}
}

func TestColumnSortKeepsPinnedOnTop(t *testing.T) {
	st, _ := newTestStore(t)
	p := spreadQuotes(t, st)
	snap, _ := st.Load()
	pinned := []market.Code{snap.Tickers[1].Code, snap.Tickers[10].Code} // the suspended one and a trade
	for _, c := range pinned {
		if _, err := st.SetPinned(c, true); err != nil {
			t.Fatal(err)
		}
	}
	for _, sort := range []string{"change_pct:desc", "change_pct", "name:desc", "code"} {
		m := sortedModel(t, st, sort, p, "en", 120, 40)
		got := codes(m)
		top := []string{got[0], got[1]}
		slices.Sort(top)
		want := []string{pinned[0].Number, pinned[1].Number}
		slices.Sort(want)
		if !slices.Equal(top, want) {
			t.Errorf("%s: first rows %v, pinned %v", sort, got[:3], want)
		}
		o, _ := sectors.ParseSortOrder(sort)
		if !slices.Equal(got, cliOrder(m, o, p.by)) {
			t.Errorf("%s: %v is not the CLI's order", sort, got)
		}
	}
}

func TestColumnSortKeysHeaderMarkAndStatus(t *testing.T) {
	st, _ := newTestStore(t)
	p := spreadQuotes(t, st)
	m := sortedModel(t, st, "", p, "en", 120, 40)
	if h := header(m.plainView()); strings.ContainsAny(h, sortMarkAsc+sortMarkDesc) {
		t.Errorf("the list's own order is marked: %q", h)
	}
	m = press(m, ">") // the first column: code, ascending
	if m.view.col != (sectors.SortOrder{Column: sectors.SortCode}) || !strings.Contains(header(m.plainView()), "Code"+sortMarkAsc) {
		t.Fatalf("> from the list's order: %v\n%s", m.view.col, header(m.plainView()))
	}
	m = press(m, ">", ">", ">") // name, rating, then the first shown column after them: last
	if m.view.col != (sectors.SortOrder{Column: sectors.SortLast, Desc: true}) {
		t.Fatalf("> four times: %v", m.view.col)
	}
	m = press(m, ">")
	v := m.plainView()
	if m.view.col != (sectors.SortOrder{Column: sectors.SortChangePct, Desc: true}) || !strings.Contains(header(v), "Chg%"+sortMarkDesc) ||
		!strings.Contains(statusLine(v), "sort: Chg% "+sortMarkDesc) {
		t.Fatalf("> five times: %v\n%s", m.view.col, v)
	}
	if !slices.Equal(codes(m), cliOrder(m, m.view.col, p.by)) {
		t.Errorf("the list is not sorted by the column picked")
	}
	m = press(m, "I")
	v = m.plainView()
	if m.view.col != (sectors.SortOrder{Column: sectors.SortChangePct}) || !strings.Contains(header(v), "Chg%"+sortMarkAsc) ||
		!slices.Equal(codes(m), cliOrder(m, m.view.col, p.by)) {
		t.Fatalf("I: %v\n%s", m.view.col, header(v))
	}
	m = press(m, "<")
	if m.view.col != (sectors.SortOrder{Column: sectors.SortLast, Desc: true}) {
		t.Errorf("<: %v", m.view.col)
	}
	// s goes back to the s orders, and cycles them as before
	m = press(m, "s")
	if m.view.col.Column != "" || m.view.sortBy != sortSector {
		t.Errorf("s after a column sort: %v %d", m.view.col, m.view.sortBy)
	}
	m = press(m, "s", "I") // code, reversed
	if m.view.col != (sectors.SortOrder{Column: sectors.SortCode, Desc: true}) || codes(m)[0] < codes(m)[len(codes(m))-1] {
		t.Errorf("I after s: %v %v", m.view.col, codes(m))
	}
	// the header keeps its width with the mark, in Chinese too
	for _, lang := range []string{"en", "zh"} {
		zm := sortedModel(t, st, "return:desc", p, lang, 80, 24)
		zm = press(zm, ">")
		h := header(zm.plainView())
		if !strings.ContainsAny(h, sortMarkAsc+sortMarkDesc) {
			t.Errorf("%s: no mark in %q", lang, h)
		}
		if lang == "zh" {
			zm = sortedModel(t, st, "change_pct:desc", p, lang, 120, 40)
			if h := header(zm.plainView()); !strings.Contains(h, "涨跌幅"+sortMarkDesc) {
				t.Errorf("zh header %q", h)
			}
		}
	}
}

func TestColumnSortFollowsTheQuotesKeepingTheCursor(t *testing.T) {
	st, _ := newTestStore(t)
	p := spreadQuotes(t, st)
	m := sortedModel(t, st, "change_pct:desc", p, "en", 120, 40)
	m = press(m, "g", "j", "j", "j")
	sel := m.data.tickers[m.view.rows[3]].Code
	if tk, _ := m.selected(); tk.Code != sel {
		t.Fatalf("the cursor is on %s, not the fourth row", tk.Code.Number)
	}
	before := codes(m)
	// the top one falls to the bottom of the trades
	top := m.data.tickers[m.view.rows[0]].Code
	q := p.by[top.Key()]
	q.ChangePct, q.Change, q.Last = -9, -9, 91
	p.by[top.Key()] = q
	m, _ = fetch(m)
	after := codes(m)
	if slices.Equal(before, after) || after[0] == top.Number || !slices.Equal(after, cliOrder(m, m.view.col, p.by)) {
		t.Fatalf("not sorted again after the refresh:\n%v\n%v", before, after)
	}
	if tk, _ := m.selected(); tk.Code != sel {
		t.Errorf("the cursor left %s for %s", sel.Number, tk.Code.Number)
	}
}

func TestColumnSortRememberedWithTheView(t *testing.T) {
	st, _ := newTestStore(t)
	p := spreadQuotes(t, st)
	var saved string
	opts := testOptions(t, "en")
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes = p
	opts.SaveView = func(sort string, _ []sectors.Rating) error { saved = sort; return nil }
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = fetch(m)
	m = press(m, ">", ">", ">", ">", ">", "I") // change_pct, ascending
	if err := saveView(m.opts, &m.view); err != nil {
		t.Fatal(err)
	}
	if saved != "change_pct" {
		t.Fatalf("saved %q", saved)
	}
	m = press(m, "I")
	saveView(m.opts, &m.view)
	if saved != "change_pct:desc" {
		t.Fatalf("saved %q", saved)
	}
	next := sortedModel(t, st, saved, p, "en", 120, 40)
	if next.view.col != m.view.col || !slices.Equal(codes(next), codes(m)) {
		t.Errorf("next start: %v %v", next.view.col, codes(next))
	}
	// the s orders are saved by their ids, as before
	m = press(m, "s", "s", "s", "s")
	saveView(m.opts, &m.view)
	if saved != "name-reverse" {
		t.Errorf("saved %q", saved)
	}
}

func TestColumnSortByPnLAndReturn(t *testing.T) {
	st, _ := newTestStore(t)
	seedRefs(t, st)
	addTrades(t, st, "688111", 200, 250.0, "002230", 100, 1.0)
	p := spreadQuotes(t, st)
	opts := testOptions(t, "en")
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes, opts.Sort = p, "pnl:desc"
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = fetch(m)
	m = loadPositions(t, m)
	got := codes(m)
	if got[0] != "002230" || got[1] != "688111" {
		t.Errorf("pnl:desc starts %v", got[:3])
	}
	m = press(m, "I")
	if got := codes(m); got[0] != "688111" || got[1] != "002230" {
		t.Errorf("pnl ascending starts %v", got[:3])
	}
	// the return since the rating: the seed ticker without a reference
	// price has none, and sorts last both ways
	m = loadRefs(t, m)
	noRef := sectors.ReportTickers[len(sectors.ReportTickers)-1].Code
	for _, sort := range []string{"return", "return:desc"} {
		o, _ := sectors.ParseSortOrder(sort)
		m.view.col = o
		m.refilter(m.selectedKey())
		rows := codes(m)
		i := slices.Index(rows, noRef.Number)
		if i < len(rows)-len(notTrades(m, p.by))-1 {
			t.Errorf("%s: %s at row %d of %d", sort, noRef, i, len(rows))
		}
	}
}
