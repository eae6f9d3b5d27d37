package market

import (
	"errors"
	"strings"
	"testing"
)

// A former name as the watchlist's domain registers it from its report
// before anything searches.
func init() { AddFormerName(MustParseCode("603300"), "华铁应急") }

// first is the market's best-ranked stock for what was typed.
func first(t *testing.T, input string) string {
	t.Helper()
	hits := Rank(MarketKeys(), input, 5)
	if len(hits) == 0 {
		return ""
	}
	s := Master()[hits[0]]
	return s.Code.Number + " " + s.Name
}

func TestResolveAsTerminalsDo(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"600519", "600519 贵州茅台"},
		{"600519.SH", "600519 贵州茅台"},
		{"sh600519", "600519 贵州茅台"},
		{"688111.SH", "688111 金山办公"},
		{"000977.SZ", "000977 浪潮信息"},
		{"６００５１９", "600519 贵州茅台"},
		{"gzmt", "600519 贵州茅台"},
		{"GZMT", "600519 贵州茅台"},
		{"贵州茅", "600519 贵州茅台"},
		{"payh", "000001 平安银行"},
		{"pinganyinhang", "000001 平安银行"},
		{"cqyh", "601963 重庆银行"},
		{"chongqingyinhang", "601963 重庆银行"},
		{"万科A", "000002 万科A"},
		{"万  科Ａ", "000002 万科A"},
		{"wka", "000002 万科A"},
		{"五粮液", "000858 五粮液"},
		{"wly", "000858 五粮液"},
		{"深天马A", "000050 深天马A"},
		{"华铁应急", "603300 海南华铁"}, // a former name
		{"xmyh", "601187 厦门银行"},
		{"zgky", "000408 藏格矿业"},
	} {
		if got := first(t, c.in); got != c.want {
			t.Errorf("%q lands on %q, want %q", c.in, got, c.want)
		}
	}
	for _, wrong := range []string{"zhongqingyinhang", "xicangyao", "shamenyinhang", "pinganyinxing"} {
		if got := first(t, wrong); got != "" {
			t.Errorf("wrong reading %q finds %q", wrong, got)
		}
	}
}

func TestRankingOrder(t *testing.T) {
	k := NewSearchKey(MustParseCode("002981"), "朝阳科技")
	for _, c := range []struct {
		q    string
		want Match
	}{
		{"002981", MatchExactCode}, {"sz002981", MatchExactCode}, {"0029", MatchCodePrefix},
		{"朝阳科技", MatchExactName}, {"cyk", MatchInitials}, {"chaoyang", MatchFullPinyin},
		{"朝阳", MatchNamePrefix}, {"zyk", MatchOtherReading}, {"zhaoyang", MatchOtherReading},
		{"科技", MatchSubstring}, {"yang", MatchSubstring}, {"qqq", NoMatch},
	} {
		if got := k.Score(NormalizeQuery(c.q)); got != c.want {
			t.Errorf("Score(%q) = %d, want %d", c.q, got, c.want)
		}
	}
	// the best match wins over a longer list of worse ones
	r := Resolve(MarketKeys(), "万科")
	if len(r.Best) != 1 || Master()[r.Best[0]].Code.Number != "000002" || r.Match != MatchNamePrefix {
		t.Errorf("Resolve(万科) = %+v", r)
	}
	// initials of several stocks resolve to all of them
	seen := map[string]int{}
	dup := ""
	for _, s := range Master() {
		if seen[s.Initials[0]]++; seen[s.Initials[0]] == 2 && dup == "" && len(s.Initials[0]) == 4 {
			dup = s.Initials[0]
		}
	}
	if r = Resolve(MarketKeys(), dup); len(r.Best) < 2 || r.Match != MatchInitials {
		t.Errorf("%s fits several stocks, got %+v", dup, r)
	}
}

func TestFuzzySounds(t *testing.T) {
	fk := FuzzyMarketKeys()
	r := Resolve(fk, FuzzyQuery("congqingyinhang"))
	if len(r.Best) != 1 || Master()[r.Best[0]].Code.Number != "601963" {
		t.Errorf("fuzzy congqingyinhang = %+v", r)
	}
	if r := Resolve(fk, FuzzyQuery("sh600519")); len(r.Best) != 1 || Master()[r.Best[0]].Code.Number != "600519" {
		t.Errorf("a code under fuzzy sounds: %+v", r)
	}
	// off by default
	if r := Resolve(MarketKeys(), "congqingyinhang"); r.Match != NoMatch {
		t.Errorf("fuzzy sounds on without asking: %+v", r)
	}
}

func TestIndexesAndOldBSECodes(t *testing.T) {
	for _, in := range []string{"SH000300", "000300.SH", "sz399001", "000300", "399006"} {
		var ie *IndexError
		if _, err := ParseStock(in); !errors.As(err, &ie) || !strings.Contains(err.Error(), "is an index") {
			t.Errorf("ParseStock(%q) = %v, want an index error", in, err)
		}
		if c, err := ParseBenchmark(in); err != nil || !c.IsIndex() {
			t.Errorf("ParseBenchmark(%q) = %v, %v", in, c, err)
		}
	}
	if c, err := ParseStock("000001"); err != nil || c.Key() != "SZ000001" {
		t.Errorf("000001 is 平安银行: %v %v", c, err)
	}
	if _, err := ParseBenchmark("600519"); err == nil {
		t.Errorf("a stock accepted as a benchmark")
	}
	if c, err := ParseBenchmark("000300"); err != nil || c.Key() != "SH000300" {
		t.Errorf("ParseBenchmark(000300) = %v %v", c, err)
	}
	err := CheckListed(MustParseCode("830799"))
	var oe *OldBSEError
	if !errors.As(err, &oe) || oe.New.Key() != "BJ920799" || !strings.Contains(err.Error(), "920") || !strings.Contains(err.Error(), "艾融软件") {
		t.Errorf("830799: %v", err)
	}
	if err := CheckListed(MustParseCode("839999")); err == nil || !strings.Contains(err.Error(), "search by name") {
		t.Errorf("an unknown old BSE code: %v", err)
	}
	if err := CheckListed(MustParseCode("920799")); err != nil {
		t.Errorf("a 920 code: %v", err)
	}
	if first(t, "SH000300") != "" {
		t.Errorf("an index found as a stock")
	}
}
