package sectors

import (
	"testing"
	"time"
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
			s += ChinaDate(x.From) + ".." + ChinaDate(x.To) + " "
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
	a := PriceHistory{Code: MustParseCode("SZ300624"), Bars: []DailyBar{{Date: calDay(t, "2024-09-20"), Close: 20}, {Date: calDay(t, "2024-09-23"), Close: 20.4}},
		Events: []ExRights{{ExDate: calDay(t, "2024-09-26"), CashPerShare: 0.5}}}
	b := PriceHistory{Bars: []DailyBar{{Date: calDay(t, "2024-09-24"), Close: 20.8}, {Date: calDay(t, "2024-09-23"), Close: 20.5}},
		Events: []ExRights{{ExDate: calDay(t, "2024-09-26"), CashPerShare: 0.5}, {ExDate: calDay(t, "2024-10-10"), BonusPerShare: 0.4}}}
	m := a.Merge(b)
	if len(m.Bars) != 3 || m.Bars[1].Close != 20.5 || !m.Bars[2].Date.Equal(calDay(t, "2024-09-24")) || len(m.Events) != 2 || m.Code.Key() != "SZ300624" {
		t.Errorf("merge = %+v", m)
	}
	if rg := m.Range(); ChinaDate(rg.From) != "2024-09-20" || ChinaDate(rg.To) != "2024-09-24" {
		t.Errorf("range %v", rg)
	}
	if b, ok := m.BarOnOrBefore(time.Date(2024, 9, 22, 12, 0, 0, 0, China)); !ok || b.Close != 20 {
		t.Errorf("bar on or before a Sunday: %+v", b)
	}
}
