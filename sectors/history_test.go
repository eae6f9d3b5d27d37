package sectors

import (
	"math"
	"testing"
	"time"
	"zixuan/sectors/market"
)

func TestParseDistribution(t *testing.T) {
	for _, c := range []struct {
		text        string
		cash, bonus float64
		ok          bool
	}{
		{"10派308.76元", 30.876, 0, true},
		{"10转4股派2元", 0.2, 0.4, true},
		{"10送3转2派1.5元(含税)", 0.15, 0.5, true},
		{"10派1.5元(含税,扣税后1.35元)", 0.15, 0, true},
		{"10转4股", 0, 0.4, true},
		{"每10股转增4股", 0, 0.4, true},
		{"10股派息2元", 0.2, 0, true},
		{"１０派２．５元", 0.25, 0, true},
		{"10送1股", 0, 0.1, true},
		{"10配3股", 0, 0, false}, // a rights issue costs money: not a distribution
		{"10派2.5元(含税)，转增4股", 0.25, 0.4, true},
		{"10派2元,每股转增0.4股", 0.2, 0.4, true},
		{"每股派0.25元", 0.25, 0, true},
		{"每股转增0.4股", 0, 0.4, true},
		{"10送转4股", 0, 0.4, true},
		{"每10股派发现金红利2.5元(含税),不送红股,不以公积金转增股本", 0.25, 0, true},
		{"10派2元,另派特别股息1元", 0, 0, false}, // a figure not read: flagged, never half read
		{"10送30股", 0, 0, false},    // more than 10 for 10: implausible
		{"10派2元(含税", 0.2, 0, true}, // an unclosed bracket
		{"不分配不转增", 0, 0, false},
		{"", 0, 0, false},
		{"派2元", 0, 0, false},     // no base
		{"10转500股", 0, 0, false}, // 50 new shares per share: garbage
		{"10股", 0, 0, false},
	} {
		cash, bonus, ok := ParseDistribution(c.text)
		if ok != c.ok || !near(cash, c.cash) || !near(bonus, c.bonus) {
			t.Errorf("%q = %v %v %v, want %v %v %v", c.text, cash, bonus, ok, c.cash, c.bonus, c.ok)
		}
	}
}

func TestReadDistributionRights(t *testing.T) {
	for _, c := range []struct {
		text          string
		rights, price float64
		ok            bool
	}{
		{"10配3股,配股价3.00元", 0.3, 3, true},
		{"10配3股(配股价3元)", 0.3, 3, true},
		{"每10股配3股，配股价格为3.00元/股", 0.3, 3, true},
		{"10配3股", 0.3, 0, false}, // the price unknown: flagged
	} {
		d, ok := ReadDistribution(c.text)
		if ok != c.ok || !near(d.Rights, c.rights) || !near(d.RightsPrice, c.price) || d.Cash != 0 || d.Bonus != 0 {
			t.Errorf("%q = %+v %v, want rights %v at %v %v", c.text, d, ok, c.rights, c.price, c.ok)
		}
	}
}

// TestRightsReferencePrice follows the exchanges' formula: a 10配3 at 3.00
// off a close of 10.00 is (10 + 0.9) ÷ 1.3.
func TestRightsReferencePrice(t *testing.T) {
	e := ExRights{RightsPerShare: 0.3, RightsPrice: 3}
	if r := e.ReferencePrice(10); !near(r, 10.9/1.3) {
		t.Errorf("reference %v", r)
	}
	if f := e.Factor(10); !near(f, 10/(10.9/1.3)) {
		t.Errorf("factor %v", f)
	}
	// implausible: no number from them
	for _, bad := range []ExRights{{CashPerShare: 9.999}, {RightsPerShare: 0.3}, {BonusPerShare: 3}, {CashPerShare: math.NaN()}} {
		if bad.Plausible(10) || bad.Factor(10) != 1 {
			t.Errorf("%+v plausible off 10.00", bad)
		}
	}
}

func near(a, b float64) bool { d := a - b; return d < 1e-12 && d > -1e-12 }

func TestExRightsReferenceAndFactor(t *testing.T) {
	// 10转4股派2元 off a close of 30.00: (30 − 0.2) ÷ 1.4 = 21.285714…
	e := ExRights{CashPerShare: 0.2, BonusPerShare: 0.4}
	if r := e.ReferencePrice(30); !near(r, 29.8/1.4) {
		t.Errorf("reference %v", r)
	}
	if f := e.Factor(30); !near(f, 30/(29.8/1.4)) {
		t.Errorf("factor %v", f)
	}
	if f := (ExRights{CashPerShare: 50}).Factor(30); f != 1 {
		t.Errorf("a distribution above the price gives factor %v, want 1 (ignored)", f)
	}
}

func TestMissingRanges(t *testing.T) {
	r := func(a, b string) DayRange { return DayRange{calDay(t, a), calDay(t, b)} }
	str := func(rs []DayRange) string {
		s := ""
		for _, x := range rs {
			s += market.ChinaDate(x.From) + ".." + market.ChinaDate(x.To) + " "
		}
		return s
	}
	for _, c := range []struct {
		held, want DayRange
		missing    string
	}{
		{DayRange{}, r("2024-09-20", "2024-10-11"), "2024-09-20..2024-10-11 "},
		{r("2024-09-20", "2024-10-11"), r("2024-09-20", "2024-10-11"), ""},
		// after the held days: from the next trading day
		{r("2024-09-20", "2024-09-30"), r("2024-09-20", "2024-10-11"), "2024-10-08..2024-10-11 "},
		// only the 国庆 holiday is missing: nothing to ask
		{r("2024-09-20", "2024-09-30"), r("2024-09-20", "2024-10-07"), ""},
		// before and after
		{r("2024-09-23", "2024-09-27"), r("2024-09-20", "2024-10-08"), "2024-09-20..2024-09-20 2024-09-30..2024-10-08 "},
		// a weekend alone
		{r("2024-09-20", "2024-09-20"), r("2024-09-20", "2024-09-22"), ""},
	} {
		if got := str(MissingRanges(c.held, c.want)); got != c.missing {
			t.Errorf("held %v want %v: missing %q, want %q", str([]DayRange{c.held}), str([]DayRange{c.want}), got, c.missing)
		}
	}
}

func TestHistoryMerge(t *testing.T) {
	a := PriceHistory{Code: market.MustParseCode("SZ300624"), Bars: []DailyBar{{Date: calDay(t, "2024-09-20"), Close: 20}, {Date: calDay(t, "2024-09-23"), Close: 20.4}},
		Events: []ExRights{{ExDate: calDay(t, "2024-09-26"), CashPerShare: 0.5}}}
	b := PriceHistory{Bars: []DailyBar{{Date: calDay(t, "2024-09-24"), Close: 20.8}, {Date: calDay(t, "2024-09-23"), Close: 20.5}},
		Events: []ExRights{{ExDate: calDay(t, "2024-09-26"), CashPerShare: 0.5}, {ExDate: calDay(t, "2024-10-10"), BonusPerShare: 0.4}}}
	m := a.Merge(b)
	if len(m.Bars) != 3 || m.Bars[1].Close != 20.5 || !m.Bars[2].Date.Equal(calDay(t, "2024-09-24")) || len(m.Events) != 2 || m.Code.Key() != "SZ300624" {
		t.Errorf("merge = %+v", m)
	}
	if rg := m.Range(); market.ChinaDate(rg.From) != "2024-09-20" || market.ChinaDate(rg.To) != "2024-09-24" {
		t.Errorf("range %v", rg)
	}
	if b, ok := m.BarOnOrBefore(time.Date(2024, 9, 22, 12, 0, 0, 0, market.China)); !ok || b.Close != 20 {
		t.Errorf("bar on or before a Sunday: %+v", b)
	}
}

// FuzzReadDistribution: any text is read into bounded, finite amounts or
// refused; never a panic, never a number out of bounds.
func FuzzReadDistribution(f *testing.F) {
	for _, s := range []string{"10派2.5元(含税)，转增4股", "10派2元,每股转增0.4股", "10配3股(配股价3元)", "每股派0.25元", "１０送转４股", "10派99999999999元", "每0股派1元", "(((", "10派1e308元"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ReadDistribution(s)
		if !ok {
			return
		}
		for _, v := range []float64{d.Cash, d.Bonus, d.Rights, d.RightsPrice} {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				t.Fatalf("%q read as %+v", s, d)
			}
		}
		if d.Cash > 1e4 || d.Bonus > MaxBonusPerShare || d.Rights > MaxBonusPerShare {
			t.Fatalf("%q read as %+v", s, d)
		}
	})
}
