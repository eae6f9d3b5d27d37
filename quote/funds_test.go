package quote

import (
	"os"
	"testing"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// Recorded answers for ETFs and indexes (public clients' captures:
// sh512710 and the indexes on 2026-03-10, sz159915 on 2026-08-05, the
// shorter sh510300 and sh000300 lines on 2026-06-25). They share the
// stock line's layout; what differs is read here: an ETF's volume is in
// lots and its prices have three decimals, an index's volume is in lots
// although its line cannot show it, and an index has no limits (−1).
func TestTencentFundAndIndexLines(t *testing.T) {
	body, err := os.ReadFile("testdata/tencent_funds.gbk")
	if err != nil {
		t.Fatal(err)
	}
	var codes []market.Code
	for _, s := range []string{"512710", "159915", "sz399006", "sh000300", "510300"} {
		c, err := market.ParseSecurity(s)
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, c)
	}
	qs, err := ParseTencent(body, codes)
	if err != nil {
		t.Fatal(err)
	}
	get := func(key string) sectors.Quote {
		t.Helper()
		q, ok := qs[key]
		if !ok {
			t.Fatalf("no quote for %s", key)
		}
		return q
	}
	cases := []struct {
		key, name        string
		last             float64
		volume           int64
		amount           float64
		limitUp, limDown float64 // from the server; 0: none
	}{
		{"SH512710", "军工龙头 ETF", 0.879, 633268000, 557022816, 0.953, 0.779},
		{"SZ159915", "创业板ETF易方达", 3.560, 3023601700, 10611238477, 4.217, 2.811},
		{"SZ399006", "创业板指", 3306.14, 23630427400, 644901557426, 0, 0},
		{"SH000300", "沪深300", 5020.10, 34666428900, 1110040892256, 0, 0},
		{"SH510300", "沪深300ETF华泰柏瑞", 5.048, 2640608700, 13252886361, 0, 0},
	}
	for _, c := range cases {
		q := get(c.key)
		if q.Name != c.name || q.Last != c.last || q.Volume != c.volume || q.Amount != c.amount {
			t.Errorf("%s: %q last %v volume %d amount %v, want %q %v %d %v", c.key, q.Name, q.Last, q.Volume, q.Amount, c.name, c.last, c.volume, c.amount)
		}
		if q.LimitUp != c.limitUp || q.LimitDown != c.limDown {
			t.Errorf("%s: limits %v/%v, want %v/%v", c.key, q.LimitUp, q.LimitDown, c.limitUp, c.limDown)
		}
		if q.Suspended || q.PreOpen || q.ChangeUnknown {
			t.Errorf("%s: read as no trade: %+v", c.key, q)
		}
	}
	// an ETF's volume checked against its own amount: the day's average
	// price lies between its low and high
	for _, key := range []string{"SH512710", "SZ159915", "SH510300"} {
		q := get(key)
		if avg := q.Amount / float64(q.Volume); avg < q.Low || avg > q.High {
			t.Errorf("%s: average price %v outside %v–%v: the volume's unit is wrong", key, avg, q.Low, q.High)
		}
	}
	// the limits the domain computes for a fund agree with the server's:
	// 10 % of 0.866 at three decimals for sh512710; a Shenzhen ETF's code
	// does not say its limit (159915 tracks ChiNext, 20 %), so the
	// server's stand
	if up, down, ok := get("SH512710").Limits(); !ok || up != 0.953 || down != 0.779 {
		t.Errorf("512710 limits %v/%v %v", up, down, ok)
	}
	if up, down, ok := sectors.LimitPrices(get("SH512710").Code, "", 0.866, get("SH512710").Time); !ok || up != 0.953 || down != 0.779 {
		t.Errorf("512710 computed limits %v/%v %v, want 0.953/0.779", up, down, ok)
	}
	if up, down, ok := get("SZ159915").Limits(); !ok || up != 4.217 || down != 2.811 {
		t.Errorf("159915 limits %v/%v %v, want the server's 4.217/2.811", up, down, ok)
	}
	if _, _, ok := get("SZ399006").Limits(); ok {
		t.Error("an index has limits")
	}
}
