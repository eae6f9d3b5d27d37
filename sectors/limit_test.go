package sectors

import (
	"testing"
	"time"

	"zixuan/sectors/market"
)

func TestQuoteAtItsLimits(t *testing.T) {
	at := time.Date(2026, 4, 2, 14, 0, 0, 0, market.China)
	q := func(code, name string, prev, last float64) Quote {
		return Quote{Code: market.MustParseCode(code), Name: name, PrevClose: prev, Last: last, Open: prev, Volume: 100, Time: at}
	}
	for _, c := range []struct {
		q    Quote
		want LimitState
	}{
		{q("600519", "贵州茅台", 1459.44, 1605.38), AtLimitUp},   // main board +10 %, rounded half up
		{q("600519", "贵州茅台", 1459.44, 1605.37), NotAtLimit},  // a fen below
		{q("600519", "贵州茅台", 1459.44, 1313.50), AtLimitDown}, // −10 %
		{q("688111", "金山办公", 281.50, 337.80), AtLimitUp},     // STAR +20 %
		{q("688111", "金山办公", 281.50, 309.65), NotAtLimit},    // +10 % is no limit on STAR
		{q("301707", "N展芯股份", 23.45, 116.52), NotAtLimit},    // a new listing's first day has no limit
		{q("sh000300", "沪深300", 4000, 4400), NotAtLimit},     // nor an index
	} {
		if got := c.q.Limit(); got != c.want {
			t.Errorf("%s %s at %.2f from %.2f: %v, want %v", c.q.Code, c.q.Name, c.q.Last, c.q.PrevClose, got, c.want)
		}
	}
	// the server's limit prices win when it gives them
	s := q("600519", "贵州茅台", 1459.44, 1605.00)
	s.LimitUp, s.LimitDown = 1605.00, 1313.90
	if s.Limit() != AtLimitUp {
		t.Error("the server's limit-up price was not used")
	}
	// limits that do not bracket the previous close are not the stock's:
	// the rules of its board decide
	w := q("000977", "浪潮信息", 50.12, 52.31)
	w.LimitUp, w.LimitDown = 1605.38, 1313.50
	if w.Limit() != NotAtLimit {
		t.Error("another security's limit prices put 000977 at a limit")
	}
	if up, down, ok := w.Limits(); !ok || up != 55.13 || down != 45.11 {
		t.Errorf("000977's limits %.2f/%.2f %v, want 55.13/45.11 by the main board's 10 %%", up, down, ok)
	}
	// a halted stock is at no limit, whatever its last price
	h := q("600519", "贵州茅台", 1459.44, 1605.38)
	h.Suspended = true
	if h.Limit() != NotAtLimit {
		t.Error("a suspended stock is at a limit")
	}
}

func TestBreadthOfATab(t *testing.T) {
	at := time.Date(2026, 4, 2, 14, 0, 0, 0, market.China)
	mk := func(code string, prev, last float64) Quote {
		return Quote{Code: market.MustParseCode(code), Name: "x", PrevClose: prev, Last: last, Change: last - prev, Open: prev, Volume: 1, Time: at}
	}
	quotes := map[string]Quote{}
	var codes []market.Code
	for _, q := range []Quote{mk("600519", 100, 110), mk("600000", 10, 10.5), mk("000001", 10, 10), mk("000002", 10, 9), mk("688111", 100, 80)} {
		quotes[q.Code.Key()] = q
		codes = append(codes, q.Code)
	}
	halted := mk("300750", 200, 200)
	halted.Suspended = true
	quotes[halted.Code.Key()] = halted
	codes = append(codes, halted.Code, market.MustParseCode("002230")) // one halted, one without a quote
	got := BreadthOf(codes, quotes)
	want := Breadth{Up: 2, Flat: 1, Down: 2, LimitUp: 1, LimitDown: 2, NoTrade: 2} // 000002 at −10 % and 688111 at −20 % are both at their limits
	if got != want {
		t.Errorf("breadth %+v, want %+v", got, want)
	}
	for _, c := range StripIndexes {
		if !c.IsIndex() {
			t.Errorf("%s in the strip is no index", c)
		}
	}
}
