package market

import (
	"slices"
	"strings"
	"testing"
)

func TestParseCode(t *testing.T) {
	good := []struct {
		in, key string
		board   Board
	}{
		{"688111", "SH688111", BoardSTAR},
		{"sh688111", "SH688111", BoardSTAR},
		{"SH688111", "SH688111", BoardSTAR},
		{"688111.SH", "SH688111", BoardSTAR},
		{"688111.SS", "SH688111", BoardSTAR},
		{"000977.SZ", "SZ000977", BoardSZSEMain},
		{" 300634 ", "SZ300634", BoardChiNext},
		{"302132", "SZ302132", BoardChiNext},
		{"600845", "SH600845", BoardSSEMain},
		{"920992", "BJ920992", BoardBSE},
		{"430047", "BJ430047", BoardBSE},
		{"bj920065", "BJ920065", BoardBSE},
		{"６８８１１１", "SH688111", BoardSTAR},
		{"SH000001", "SH000001", BoardSSEIndex},
		{"000001", "SZ000001", BoardSZSEMain},
		{"399001.SZ", "SZ399001", BoardSZIndex},
	}
	for _, g := range good {
		c, err := ParseCode(g.in)
		if err != nil {
			t.Errorf("ParseCode(%q): %v", g.in, err)
			continue
		}
		if c.Key() != g.key || c.Board() != g.board {
			t.Errorf("ParseCode(%q) = %s %s, want %s %s", g.in, c.Key(), c.Board(), g.key, g.board)
		}
	}
	bad := map[string]string{
		"":          "empty",
		"   ":       "empty",
		"68811":     "5 digits",
		"6881111":   "7 digits",
		"HK00700":   "unknown exchange prefix HK",
		"688111.HK": "unknown exchange suffix .HK",
		"SZ600519":  "listed on SH, not SZ",
		"900901":    "no A-share board",
		"200002":    "no A-share board",
		"科大讯飞":      "digits only",
		"688a11":    "digits only",
		"SH":        "digits only",
		"399001":    "no A-share board",
	}
	for in, want := range bad {
		_, err := ParseCode(in)
		if err == nil {
			t.Errorf("ParseCode(%q) accepted a bad code", in)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("ParseCode(%q) error %q does not say %q", in, err, want)
		}
	}
}

func TestCodeForms(t *testing.T) {
	c := MustParseCode("688111")
	if c.Yahoo() != "688111.SS" || c.TDX() != "1688111" {
		t.Errorf("SH forms: %s %s", c.Yahoo(), c.TDX())
	}
	c = MustParseCode("000977")
	if c.Yahoo() != "000977.SZ" || c.TDX() != "0000977" {
		t.Errorf("SZ forms: %s %s", c.Yahoo(), c.TDX())
	}
	c = MustParseCode("920065")
	if c.Yahoo() != "920065.BJ" || c.TDX() != "2920065" {
		t.Errorf("BJ forms: %s %s", c.Yahoo(), c.TDX())
	}
}

func TestMasterParses(t *testing.T) {
	if err := MasterError(); err != nil {
		t.Fatal(err)
	}
	m := Master()
	if len(m) != 5538 {
		t.Fatalf("master has %d securities, want 5538 (every row must parse as a code)", len(m))
	}
	if s, ok := LookupMaster(MustParseCode("002230")); !ok || s.Name != "科大讯飞" || s.Initials[0] != "kdxf" {
		t.Errorf("002230 = %+v", s)
	}
}

// The generated pinyin file must match what PinyinKeys computes now; run
// `go generate ./sectors/market` when this fails.
func TestPinyinFileFresh(t *testing.T) {
	for _, s := range Master() {
		ini, full := PinyinKeys(s.Name)
		if JoinKeys(ini) != JoinKeys(s.Initials) || JoinKeys(full) != JoinKeys(s.Full) {
			t.Fatalf("%s %s: stored keys %v/%v, computed %v/%v: run go generate ./sectors/market", s.Code, s.Name, s.Initials, s.Full, ini, full)
		}
	}
}

func TestPinyinKeys(t *testing.T) {
	cases := []struct{ name, initials, full string }{
		{"科大讯飞", "kdxf", "kedaxunfei"},
		{"平安银行", "payh", ""},
		{"*ST中基", "zj", ""},
		{"星环科技-U", "xhkj", ""},
		{"万  科Ａ", "wka", "wankea"},
		{"TCL科技", "tclkj", ""},
	}
	for _, c := range cases {
		ini, full := PinyinKeys(c.name)
		if !slices.Contains(ini, c.initials) {
			t.Errorf("PinyinKeys(%q) initials %v lack %q", c.name, ini, c.initials)
		}
		if c.full != "" && !slices.Contains(full, c.full) {
			t.Errorf("PinyinKeys(%q) full %v lack %q", c.name, full, c.full)
		}
	}
	if !IsRiskWarning("ST信安") || !IsRiskWarning("*ST东易") || !IsRiskWarning("XD*ST东易") || !IsRiskWarning("DRST信安") || IsRiskWarning("金山办公") || IsRiskWarning("XD金山办") {
		t.Error("IsRiskWarning")
	}
}

func TestParseCodeNastyInput(t *testing.T) {
	huge := strings.Repeat("6", 1<<20)
	for _, in := range []string{"\t\n", "688\u4e0011", "６８８１１１７", "SH６８８１１１X", huge, "SH" + huge, "688111.SH.SZ", "\ufeff688111x", "sh 688111"} {
		c, err := ParseCode(in)
		if err == nil {
			t.Errorf("ParseCode(%.20q) accepted %v", in, c)
			continue
		}
		if len(err.Error()) > 300 {
			t.Errorf("error for %.20q is %d bytes: messages must stay one short line", in, len(err.Error()))
		}
	}
	// what a CRLF file or a BOM leaves around a code is tolerated
	for _, in := range []string{"688111\r", "\ufeff688111", "  SH688111\r\n"} {
		if c, err := ParseCode(in); err != nil || c.Key() != "SH688111" {
			t.Errorf("ParseCode(%q) = %v, %v", in, c, err)
		}
	}
}

// The folded names taken at master load are what NormalizeName and
// CoreName give, for every master name and for names that need NFKC.
func TestMasterFoldedNames(t *testing.T) {
	check := func(name, folded, core string) {
		t.Helper()
		n := NormalizeName(name)
		if want := strings.ToLower(n); folded != want {
			t.Errorf("%q folded to %q, want %q", name, folded, want)
		}
		if want := strings.ToLower(CoreName(n)); core != want {
			t.Errorf("%q core folded to %q, want %q", name, core, want)
		}
	}
	for _, s := range Master() {
		check(s.Name, s.Folded, s.FoldedCore)
	}
	for _, name := range []string{"万  科Ａ", "*ST中基", "星环科技-U", "st信安", "S佳通", "TCL科技", "ＴＣＬ科技", "豫园股份\u3000", "丰\uF900", "a\u0301b", ""} {
		f, c := foldMasterName(name)
		check(name, f, c)
	}
}

func TestDisplayName(t *testing.T) {
	for in, want := range map[string]string{
		"万  科Ａ": "万科A", "五 粮 液": "五粮液", "深天马Ａ": "深天马A", "柳    工": "柳工",
		"贵州茅台": "贵州茅台", "九号公司-WD": "九号公司-WD", "*ST皇庭": "*ST皇庭", "ＴＣＬ科技": "TCL科技",
	} {
		if got := DisplayName(in); got != want {
			t.Errorf("DisplayName(%q) = %q, want %q", in, got, want)
		}
	}
	for _, s := range Master() {
		if strings.ContainsAny(s.Name, " \u3000Ａ") || DisplayName(s.Official) != s.Name {
			t.Fatalf("%s: master name %q (official %q) is not in display form", s.Code, s.Name, s.Official)
		}
	}
	if s, _ := LookupMaster(MustParseCode("000002")); s.Name != "万科A" || s.Official == s.Name {
		t.Errorf("000002: name %q official %q", s.Name, s.Official)
	}
}

// Funds and indexes: what a code names, and what a bare number the user
// types resolves to when a stock and an index share it.
func TestParseSecurityKinds(t *testing.T) {
	cases := []struct {
		in, key string
		kind    Kind
		board   Board
	}{
		{"510300", "SH510300", KindETF, BoardSSEETF},
		{"588000", "SH588000", KindETF, BoardSSEETF},
		{"530000", "SH530000", KindETF, BoardSSEETF},
		{"159915", "SZ159915", KindETF, BoardSZETF},
		{"161725", "SZ161725", KindLOF, BoardSZLOF},
		{"501018.SH", "SH501018", KindLOF, BoardSSELOF},
		{"184801", "SZ184801", KindFund, BoardSZFund},
		{"000300", "SH000300", KindIndex, BoardSSEIndex}, // no stock has 000300
		{"399006", "SZ399006", KindIndex, BoardSZIndex},  // only an index uses 399
		{"sh000001", "SH000001", KindIndex, BoardSSEIndex},
		{"000300.SH", "SH000300", KindIndex, BoardSSEIndex},
		{"000001", "SZ000001", KindStock, BoardSZSEMain}, // Ping An Bank: a listed stock wins
		{"000016", "SZ000016", KindStock, BoardSZSEMain}, // the stock, not 上证50
		{"600519", "SH600519", KindStock, BoardSSEMain},
	}
	for _, c := range cases {
		code, err := ParseSecurity(c.in)
		if err != nil {
			t.Errorf("ParseSecurity(%q): %v", c.in, err)
			continue
		}
		if code.Key() != c.key || code.Kind() != c.kind || code.Board() != c.board {
			t.Errorf("ParseSecurity(%q) = %s %s %s, want %s %s %s", c.in, code.Key(), code.Kind(), code.Board(), c.key, c.kind, c.board)
		}
	}
	for _, bad := range []string{"519001", "SZ510300", "SH159915", "520000", "sz000300x"} {
		if c, err := ParseSecurity(bad); err == nil {
			t.Errorf("ParseSecurity(%q) = %s, want an error", bad, c.Key())
		}
	}
	if other, name, ok := OtherMeaning("000016", MustParseCode("000016")); !ok || other.Key() != "SH000016" || name != "上证50" {
		t.Errorf("OtherMeaning(000016) = %s %q %v", other.Key(), name, ok)
	}
	if _, _, ok := OtherMeaning("sz000016", MustParseCode("000016")); ok {
		t.Error("an explicit exchange has another meaning")
	}
	if MustParseCode("510300").PriceDecimals() != 3 || MustParseCode("600519").PriceDecimals() != 2 {
		t.Error("price decimals")
	}
	// a fund's code is found as a code on a watchlist that holds it
	keys := []SearchKey{NewSearchKey(MustParseCode("510300"), "沪深300ETF华泰柏瑞"), NewSearchKey(Code{Exchange: SH, Number: "000300"}, "沪深300")}
	if r := Resolve(keys, "sh510300"); r.Match != MatchExactCode || len(r.Best) != 1 || r.Best[0] != 0 {
		t.Errorf("sh510300 resolves to %+v", r)
	}
	if r := Resolve(keys, "000300"); r.Match != MatchExactCode || len(r.Best) != 1 || r.Best[0] != 1 {
		t.Errorf("000300 resolves to %+v", r)
	}
	if r := Resolve(keys, "hs300etf"); r.Match != MatchInitials || len(r.Best) != 1 || r.Best[0] != 0 {
		t.Errorf("hs300etf resolves to %+v", r)
	}
}
