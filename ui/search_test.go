package ui

import (
	"fmt"
	"testing"

	"zixuan/sectors/market"

	"zixuan/sectors"
)

func TestMarketSearchRanking(t *testing.T) {
	master := market.Master()
	first := func(q string) string {
		hits := rankMatches(marketKeys(), q, 10)
		if len(hits) == 0 {
			return ""
		}
		return master[hits[0]].Code.Number + " " + master[hits[0]].Name
	}
	for _, c := range []struct{ q, want string }{
		{"kdxf", "002230 科大讯飞"},
		{"KDXF", "002230 科大讯飞"},
		{"科大讯飞", "002230 科大讯飞"},
		{"002230", "002230 科大讯飞"},
		{"sz002230", "002230 科大讯飞"},
		{"688111", "688111 金山办公"},
		{"6881", "688100 威胜信息"}, // code prefix before anything else, in code order
		{"jsbg", "688111 金山办公"},
		{"jinshanbangong", "688111 金山办公"},
		{"gzmt", "600519 贵州茅台"},
	} {
		if got := first(c.q); got != c.want {
			t.Errorf("first hit for %q = %q, want %q", c.q, got, c.want)
		}
	}
}

func TestScoreOrder(t *testing.T) {
	k := newSearchKey(market.MustParseCode("688111"), "金山办公")
	for _, c := range []struct {
		q    string
		want market.Match
	}{
		{"688111", matchExactCode}, {"sh688111", matchExactCode}, {"688111.SH", matchExactCode}, {"6881", matchCodePrefix},
		{"金山办公", market.MatchExactName}, {"jsbg", market.MatchInitials}, {"jinshan", market.MatchFullPinyin},
		{"金山", market.MatchNamePrefix}, {"办公", matchSubstring},
		{"8111", matchSubstring}, {"bg", matchSubstring}, {"zzz", noMatch},
	} {
		if got := k.Score(normalizeQuery(c.q)); got != c.want {
			t.Errorf("score(%q) = %d, want %d", c.q, got, c.want)
		}
	}
}

func TestSearchFindsCoreAndCustomNames(t *testing.T) {
	// a risk-warning name is found without its prefix, a -U name without its suffix
	k := newSearchKey(market.MustParseCode("688031"), "星环科技-U")
	if k.Score(normalizeQuery("星环科技")) == noMatch || k.Score("xhkj") == noMatch {
		t.Errorf("星环科技-U not found by core name or initials: %+v", k)
	}
	// a name not in the master gets its pinyin computed
	k = newSearchKey(market.MustParseCode("920999"), "测试新股")
	if k.Score("csxg") != market.MatchInitials {
		t.Errorf("custom name's initials not indexed: %+v", k)
	}
}

func TestSearchSTARPrefix(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "/", "688")
	for _, c := range codes(m) {
		if c[:3] != "688" {
			t.Errorf("688 matched %s", c)
		}
	}
	n := 0
	for _, tk := range m.data.tickers {
		if tk.Code.Number[:3] == "688" {
			n++
		}
	}
	if len(codes(m)) != n || n == 0 {
		t.Errorf("688 shows %d rows, want every STAR ticker (%d)", len(codes(m)), n)
	}
	m = press(m, "1")
	if got := codes(m); len(got) == 0 || got[0] != "688111" {
		t.Errorf("6881 puts %v first, want 688111", got)
	}
}

// bigSnapshot is the whole market on the watchlist: 5,538 tickers.
func bigSnapshot() *sectors.Snapshot {
	snap := &sectors.Snapshot{Gen: 1, Source: sectors.Report}
	for i, def := range sectors.ReportSectors {
		snap.Sectors = append(snap.Sectors, sectors.Sector{ID: def.ID, Name: def.Name, NameZH: def.NameZH, Report: true, Order: i})
	}
	for i, s := range market.Master() {
		snap.Tickers = append(snap.Tickers, sectors.Ticker{
			Code: s.Code, Name: s.Name, Sector: sectors.ReportSectors[i%4].ID,
			Rating: sectors.Ratings[i%6], Updated: fixedNow,
		})
	}
	return snap
}

func BenchmarkLoadIndex5538(b *testing.B) {
	snap := bigSnapshot()
	for b.Loop() {
		newWatchData(snap)
	}
}

func BenchmarkSearchKeystroke5538(b *testing.B) {
	d := newWatchData(bigSnapshot())
	queries := []string{"k", "kd", "kdx", "kdxf", "6", "68", "688", "6881", "科大"}
	var v viewState
	for i := 0; b.Loop(); i++ {
		v.query = queries[i%len(queries)]
		v.apply(&d, "")
	}
}

func BenchmarkMarketWizardKeystroke(b *testing.B) {
	keys := marketKeys()
	queries := []string{"g", "gz", "gzm", "gzmt", "6", "60", "600", "6005"}
	for i := 0; b.Loop(); i++ {
		rankMatches(keys, queries[i%len(queries)], 50)
	}
}

func BenchmarkMoveAndRender5538(b *testing.B) {
	st, _ := newTestStore(b)
	m := newTestModel(b, st, "en", 200, 60)
	m.setData(bigSnapshot(), false)
	down := keyMsg("j")
	for b.Loop() {
		m = update(m, down)
		_ = m.plainView()
	}
}

func ExampleModel_search() {
	fmt.Println(normalizeQuery("ＫＤＸＦ"))
	// Output: kdxf
}
