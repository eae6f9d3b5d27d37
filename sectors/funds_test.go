package sectors

import (
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"
)

// A fund's limits are the fund's rules, not its code's stock board's, at
// the fund's tick of 0.001 yuan; an index has none; a Shenzhen ETF's
// code does not say its limit (159915 tracks ChiNext: 20 %), so none is
// computed and the server's limit prices are what a quote uses.
func TestFundLimits(t *testing.T) {
	day := time.Date(2026, 3, 10, 15, 0, 0, 0, market.China)
	cases := []struct {
		code    string
		pct     float64
		limited bool
	}{
		{"510300", 10, true},
		{"513500", 10, true}, // cross-border: 10 % although its market has none
		{"588000", 20, true}, // STAR ETF
		{"501018", 10, true}, // SSE LOF
		{"159915", 0, false},
		{"sh000300", 0, false},
		{"399006", 0, false},
	}
	for _, c := range cases {
		code, err := market.ParseSecurity(c.code)
		if err != nil {
			t.Fatal(err)
		}
		pct, limited := LimitPct(code, "", day)
		if pct != c.pct || limited != c.limited {
			t.Errorf("%s: %v %v, want %v %v", c.code, pct, limited, c.pct, c.limited)
		}
	}
	up, down, ok := LimitPrices(market.MustParseCode("588000"), "", 1.234, day)
	if !ok || up != 1.481 || down != 0.987 {
		t.Errorf("588000 limits %v/%v, want 1.481/0.987 (0.001 steps)", up, down)
	}
	q := Quote{Code: market.MustParseCode("159915"), PrevClose: 3.514, Last: 4.217, Volume: 100, Time: day, LimitUp: 4.217, LimitDown: 2.811}
	if q.Limit() != AtLimitUp {
		t.Errorf("159915 at the server's limit-up is not at limit-up")
	}
	q.LimitUp, q.LimitDown = 0, 0
	if q.Limit() != NotAtLimit {
		t.Errorf("159915 at +20 %% without the server's limits is marked: its limit is not known")
	}
}

// A fund is bought in lots of 100 like a main-board stock (a STAR ETF
// too, not STAR's 200), and a same-day sale of a fund is not held against
// the user as T+1 (cross-border, bond, gold and money ETFs are T+0); a
// stock's still is.
func TestFundTradeRules(t *testing.T) {
	day := time.Date(2026, 3, 10, 0, 0, 0, 0, market.China)
	star := market.MustParseCode("588000")
	if r := buyRule(star, 100); r != "" {
		t.Errorf("100 units of a STAR ETF: %s", r)
	}
	if r := buyRule(star, 150); r == "" {
		t.Error("150 units of an ETF taken")
	}
	for _, c := range []struct {
		code string
		t1   bool
	}{{"513100", false}, {"510300", false}, {"600519", true}} {
		code := market.MustParseCode(c.code)
		ps, err := BuildHoldings([]Trade{
			{ID: 1, Code: code, Side: Bought, Qty: 200, Price: 1.5, Date: day},
			{ID: 2, Code: code, Side: Sold, Qty: 100, Price: 1.6, Date: day},
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		breaks := ps[0].Trades[1].Breaks
		if strings.HasPrefix(breaks, "T+1") != c.t1 {
			t.Errorf("%s sold the day it was bought: %q", c.code, breaks)
		}
	}
}
