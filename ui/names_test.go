package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

func TestNamesAsTerminalsShowThem(t *testing.T) {
	if got := common.DisplayName("万  科Ａ"); got != "万科A" {
		t.Errorf("common.DisplayName(万  科Ａ) = %q", got)
	}
	if got := common.DisplayName("*ST皇庭"); got != "*ST皇庭" {
		t.Errorf("*ST name got a second marker: %q", got)
	}
	if got := common.DisplayName("ST中基"); got != "!ST中基" {
		t.Errorf("ST name lost its marker: %q", got)
	}
	// a STAR suffix is never cut while the column has room for it
	if got := fitName("九号公司-WD", 12); strings.TrimSpace(got) != "九号公司-WD" {
		t.Errorf("fitName(九号公司-WD, 12) = %q", got)
	}
	if got := fitName("九号公司-WD", 10); got != "九号公…-WD" || safetext.Width(got) != 10 {
		t.Errorf("fitName(九号公司-WD, 10) = %q, want the suffix kept", got)
	}
	if c := layoutColumns(80, common.English, false, false, true, defaultColumns); c.name < 12 {
		t.Errorf("at 80 columns the name column is %d wide: 九号公司-WD would be cut", c.name)
	}
}

func TestNameSortBySyllables(t *testing.T) {
	names := []string{"盛新锂能", "深圳华强", "深科技", "*ST沈化", "长江电力", "重庆银行", "中国平安"}
	d := watchData{order: map[string]int{}}
	for i, n := range names {
		d.tickers = append(d.tickers, sectors.Ticker{Code: market.MustParseCode(fmt.Sprintf("6000%02d", i+10)), Name: n})
	}
	got := func(by int) []string {
		v := viewState{sortBy: by}
		v.apply(&d, "")
		var out []string
		for _, r := range v.rows {
			out = append(out, d.tickers[r].Name)
		}
		return out
	}
	// *ST first (the star sorts before letters), then chang, chong, shen ke, shen zhen, sheng, zhong
	want := []string{"*ST沈化", "长江电力", "重庆银行", "深科技", "深圳华强", "盛新锂能", "中国平安"}
	if g := got(sortName); !slices.Equal(g, want) {
		t.Errorf("by name: %v, want %v", g, want)
	}
	slices.Reverse(want)
	if g := got(sortNameReverse); !slices.Equal(g, want) {
		t.Errorf("by name, reversed: %v, want %v", g, want)
	}
}

func TestMoverToTheSameSectorSaysSo(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	tk, _ := m.selected()
	m = press(m, "m", "enter")
	if !strings.Contains(m.status, "already") {
		t.Errorf("status %q after a move to the same sector", m.status)
	}
	after, _ := st.Get(tk.Code)
	if !after.Updated.Equal(tk.Updated) || after.Sector != tk.Sector {
		t.Errorf("the ticker changed: %v %s", after.Updated, after.Sector)
	}
}
