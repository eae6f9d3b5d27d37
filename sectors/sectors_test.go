package sectors

import (
	"slices"
	"strings"
	"testing"
	"zixuan/sectors/market"
)

func TestParseRating(t *testing.T) {
	cases := map[string]Rating{
		"buy": Buy, "BUY": Buy, "买入": Buy, "推荐": Buy, " Strong  Buy ": Buy,
		"overweight": Overweight, "增持": Overweight, "Outperform": Overweight, "谨慎推荐": Overweight,
		"neutral": Neutral, "中性": Neutral, "hold": Neutral, "持有": Neutral,
		"underweight": Underweight, "减持": Underweight,
		"sell": Sell, "卖出": Sell,
		"unrated": Unrated, "未评级": Unrated, "NR": Unrated,
	}
	for in, want := range cases {
		got, err := ParseRating(in)
		if err != nil || got != want {
			t.Errorf("ParseRating(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "strong", "买", "buyy", "6"} {
		_, err := ParseRating(in)
		if err == nil {
			t.Errorf("ParseRating(%q) accepted", in)
		} else if !strings.Contains(err.Error(), "buy (买入)") {
			t.Errorf("ParseRating(%q) error does not list the valid values: %v", in, err)
		}
	}
	rs, err := ParseRatings("buy,增持，buy")
	if err != nil || len(rs) != 2 || rs[0] != Buy || rs[1] != Overweight {
		t.Errorf("ParseRatings = %v, %v", rs, err)
	}
	if _, err := ParseRatings(" , "); err == nil {
		t.Error("ParseRatings accepted an empty list")
	}
}

func TestRatingOrderKeepsUnratedApart(t *testing.T) {
	for i, r := range Ratings {
		if r.Rank() != i {
			t.Errorf("%s rank %d, want %d", r, r.Rank(), i)
		}
	}
	if Unrated.Rank() <= Sell.Rank() || Unrated == Neutral {
		t.Error("unrated must sort after sell and differ from neutral")
	}
}

// The report's 25 tickers, every one checked against the exchange's list:
// the OCR's names must not leak in.
func TestReportTickersAgainstMaster(t *testing.T) {
	if len(ReportTickers) != 25 {
		t.Fatalf("%d report tickers, want 25", len(ReportTickers))
	}
	perSector := map[string]int{}
	seen := map[string]bool{}
	renamed := map[string]string{"SH688256": "寒武纪", "SH603300": "海南华铁", "SH688201": "ST信安"}
	for _, st := range ReportTickers {
		if seen[st.Code.Key()] {
			t.Errorf("%s listed twice", st.Code)
		}
		seen[st.Code.Key()] = true
		perSector[st.Sector]++
		if _, ok := ReportSector(st.Sector); !ok {
			t.Errorf("%s in unknown sector %q", st.Code, st.Sector)
		}
		sec, ok := market.LookupMaster(st.Code)
		if !ok {
			t.Errorf("%s not in the securities master", st.Code)
			continue
		}
		want := st.ReportName
		if n, ok := renamed[st.Code.Key()]; ok {
			want = n
		}
		if sec.Name != want {
			t.Errorf("%s: master name %q, want %q", st.Code, sec.Name, want)
		}
		if strings.Contains(st.ReportName, "干") {
			t.Errorf("%s: OCR misreading in %q", st.Code, st.ReportName)
		}
	}
	want := map[string]int{SectorAI: 6, SectorCompute: 7, SectorManufacturing: 6, SectorQuantum: 6}
	for id, n := range want {
		if perSector[id] != n {
			t.Errorf("sector %s has %d tickers, want %d", id, perSector[id], n)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"688111", "sh688111", "688111.SS", "６８８１１１", "SZ600519", "", "\xff", "BJ43"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := market.ParseCode(s)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("multi-line error for %q", s)
			}
			return
		}
		if len(c.Number) != 6 || c.Board() == "" {
			t.Errorf("ParseCode(%q) accepted malformed %+v", s, c)
		}
		if again, err := market.ParseCode(c.Key()); err != nil || again != c {
			t.Errorf("key %s does not parse back: %v", c.Key(), err)
		}
	})
}

func FuzzParseRating(f *testing.F) {
	for _, s := range []string{"buy", "买入", "", "hold", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRating(s)
		if err == nil && !r.Valid() {
			t.Errorf("ParseRating(%q) = invalid %d", s, r)
		}
		if err == nil {
			if again, err := ParseRating(r.ID()); err != nil || again != r {
				t.Errorf("id %s does not parse back", r.ID())
			}
		}
	})
}

// The report's names that have changed since are found by the resolver.
func TestReportNamesAreFormerNames(t *testing.T) {
	got := market.FormerNames(market.MustParseCode("603300"))
	if !slices.Contains(got, "华铁应急") {
		t.Errorf("former names of 603300 = %v, want 华铁应急 (the report's name)", got)
	}
	if got := market.FormerNames(market.MustParseCode("688111")); len(got) != 0 {
		t.Errorf("former names of 688111 = %v, want none (its name has not changed)", got)
	}
}

func TestWrittenInChinese(t *testing.T) {
	for name, want := range map[string]bool{
		"人工智能": true, "算力 基础设施": true, "ＡＩ应用": true, "AI 应用": true, "Compute": false, "": false, "5G": false, "6G通信": true,
	} {
		if got := WrittenInChinese(name); got != want {
			t.Errorf("WrittenInChinese(%q) = %v, want %v", name, got, want)
		}
	}
}
