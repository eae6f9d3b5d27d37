package sectors

import (
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"
)

func sortedCodes(ts []Ticker) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Code.Number)
	}
	return strings.Join(out, " ")
}

// Sorting by a live column: pinned tickers on top, then the known values
// in the direction asked, and the tickers without a trade today (no
// quote, a halt, before the open) after them in both directions, never as
// a zero change.
func TestSortByLiveColumns(t *testing.T) {
	day := time.Date(2026, 4, 2, 15, 0, 3, 0, market.China)
	mk := func(code string, pinned bool) Ticker {
		return Ticker{Code: market.MustParseCode(code), Name: code, Pinned: pinned, Sector: "ai"}
	}
	ts := []Ticker{mk("600519", false), mk("000977", false), mk("688111", true), mk("002230", false), mk("300634", false), mk("603019", false)}
	quote := func(pct float64) *Quote {
		return &Quote{Last: 10 * (1 + pct/100), PrevClose: 10, Change: pct / 10, ChangePct: pct, Volume: 1000, Amount: 1e4, Time: day}
	}
	quotes := map[string]*Quote{
		"600519": quote(1.5),
		"000977": quote(-2),
		"688111": quote(0.5),
		"002230": {Last: 10, PrevClose: 10, Time: day, Suspended: true}, // halted: no change today, not a 0.00 %
		"603019": quote(0),                                              // a real unchanged trade
		// 300634: no quote
	}
	cases := map[string]string{
		"change_pct":      "688111 000977 603019 600519 002230 300634",
		"change_pct:desc": "688111 600519 603019 000977 002230 300634",
		"涨跌幅:desc":        "688111 600519 603019 000977 002230 300634",
	}
	for spec, want := range cases {
		o, err := ParseSortOrder(spec)
		if err != nil {
			t.Fatal(err)
		}
		got := append([]Ticker(nil), ts...)
		f := func(i int) SortFacts { return SortFacts{Quote: quotes[got[i].Code.Number]} }
		o.Sort(got, f, nil)
		if s := sortedCodes(got); s != want {
			t.Errorf("%s: %s, want %s", spec, s, want)
		}
	}

	// P&L from positions: only the held ones are known
	pnl := map[string]float64{"600519": -50, "000977": 120}
	o, _ := ParseSortOrder("pnl:desc")
	got := append([]Ticker(nil), ts...)
	o.Sort(got, func(i int) SortFacts {
		if v, ok := pnl[got[i].Code.Number]; ok {
			return SortFacts{PnL: &v}
		}
		return SortFacts{}
	}, nil)
	if s := sortedCodes(got); !strings.HasPrefix(s, "688111 000977 600519 ") {
		t.Errorf("pnl:desc: %s", s)
	}
}

// The stored columns sort as the TUI does, and equal keys keep the list's
// order.
func TestSortByStoredColumns(t *testing.T) {
	ts := []Ticker{
		{Code: market.MustParseCode("600519"), Name: "贵州茅台", Rating: Neutral, Sector: "b"},
		{Code: market.MustParseCode("000977"), Name: "浪潮信息", Rating: Buy, Sector: "a"},
		{Code: market.MustParseCode("002230"), Name: "科大讯飞", Rating: Buy, Sector: "b"},
		{Code: market.MustParseCode("510300"), Name: "沪深300ETF", Rating: Unrated, Sector: "a"},
	}
	order := map[string]int{"a": 0, "b": 1}
	for spec, want := range map[string]string{
		"code":        "000977 002230 510300 600519",
		"code:desc":   "600519 510300 002230 000977",
		"name":        "600519 510300 002230 000977", // gui zhou, hu shen, ke da, lang chao
		"rating":      "000977 002230 600519 510300",
		"sector":      "000977 510300 600519 002230",
		"sector:desc": "600519 002230 000977 510300",
	} {
		o, err := ParseSortOrder(spec)
		if err != nil {
			t.Fatal(err)
		}
		got := append([]Ticker(nil), ts...)
		o.Sort(got, nil, order)
		if s := sortedCodes(got); s != want {
			t.Errorf("%s: %s, want %s", spec, s, want)
		}
	}
}

func TestParseSortOrderErrors(t *testing.T) {
	_, err := ParseSortOrder("colour")
	if err == nil || !strings.Contains(err.Error(), `unknown sort column "colour"`) || !strings.Contains(err.Error(), "change_pct") || !strings.Contains(err.Error(), "pnl_pct") {
		t.Errorf("unknown column: %v", err)
	}
	if _, err := ParseSortOrder("code:sideways"); err == nil || !strings.Contains(err.Error(), ":desc") {
		t.Errorf("bad direction: %v", err)
	}
	for in, want := range map[string]string{"CHG%": "change_pct", "P&L%:desc": "pnl_pct:desc", "turn%": "turnover", "market-cap": "cap", "Code:ASC": "code"} {
		if o, err := ParseSortOrder(in); err != nil || o.String() != want {
			t.Errorf("ParseSortOrder(%q) = %v %v, want %s", in, o, err, want)
		}
	}
}
