package report

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// want is a call as a test expects it: code, master name, name as written,
// rating id, rating word as written, theme, flags joined by spaces.
type want struct {
	code, name, written, rating, word, theme, flags string
}

func parseFixture(t *testing.T, name string) *Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

func checkCalls(t *testing.T, r *Result, wants []want) {
	t.Helper()
	if len(r.Calls) != len(wants) {
		for _, c := range r.Calls {
			t.Logf("got %s %s/%s %s(%s) [%s] %v", c.Code, c.Name, c.NameInReport, c.Rating, c.RatingInReport, c.Theme, c.Flags)
		}
		t.Fatalf("%d calls, want %d", len(r.Calls), len(wants))
	}
	for i, w := range wants {
		c := r.Calls[i]
		flags := make([]string, len(c.Flags))
		for j, f := range c.Flags {
			flags[j] = string(f)
		}
		got := want{c.Code.Key(), c.Name, c.NameInReport, c.Rating.ID(), c.RatingInReport, c.Theme, strings.Join(flags, " ")}
		if got != w {
			t.Errorf("call %d:\n got %+v\nwant %+v", i, got, w)
		}
		if c.ReportID != r.Report.ID {
			t.Errorf("call %d has report id %q, not %q", i, c.ReportID, r.Report.ID)
		}
	}
}

func checkReport(t *testing.T, r *Result, title, date, broker, industry, rating string) {
	t.Helper()
	got := r.Report
	d := ""
	if !got.Date.IsZero() {
		d = market.ChinaDate(got.Date)
	}
	if got.Title != title || d != date || got.Broker != broker || got.Industry != industry || got.IndustryRating.String() != rating {
		t.Errorf("report = %q %q %q %q %q\nwant     %q %q %q %q %q", got.Title, d, got.Broker, got.Industry, got.IndustryRating, title, date, broker, industry, rating)
	}
	if !strings.HasPrefix(got.ID, "report-"+date+"-") {
		t.Errorf("id %q does not start with the date", got.ID)
	}
}

// Plain OCR text: codes with their exchange in full- and half-width
// brackets, a stock split across a line break, a stock without a rating,
// themes from 储能板块，建议关注： and 2）光伏：, look-alike OCR in a rating
// (买人) and a name (通威股仿), 受益/相关标的 as unrated mentions, and a
// stock in 风险提示 that is not a call.
func TestEnergyWeekly(t *testing.T) {
	r := parseFixture(t, "energy_weekly.txt")
	checkReport(t, r, "电力设备与新能源行业周报：储能招标放量，光伏价格企稳", "2025-04-28", "华泰证券", "电力设备与新能源", "增持（维持）")
	if r.Report.IndustryRating.View != sectors.IndustryPositive || r.Report.IndustryRating.Change != "维持" {
		t.Errorf("industry rating %+v", r.Report.IndustryRating)
	}
	checkCalls(t, r, []want{
		{"SZ300274", "阳光电源", "阳光电源", "buy", "买入", "储能", ""},
		{"SZ300750", "宁德时代", "宁德时代", "overweight", "增持", "储能", ""},
		{"SZ300014", "亿纬锂能", "亿纬锂能", "buy", "买人", "储能", "rating-ocr"},
		{"SZ000988", "华工科技", "华工科技", "unrated", "", "储能", ""},
		{"SH601012", "隆基绿能", "隆基绿能", "overweight", "审慎增持", "光伏", ""},
		{"SH600438", "通威股份", "通威股仿", "overweight", "跑赢行业", "光伏", "name-ocr"},
		{"SZ002459", "晶澳科技", "晶澳科技", "overweight", "谨慎推荐", "光伏", ""},
		{"SH605117", "德业股份", "德业股份", "unrated", "", "光伏", "name-only mention"},
		{"SH688390", "固德威", "固德威", "unrated", "", "光伏", "name-only mention"},
	})
	if th, _ := r.Theme("储能"); !strings.HasPrefix(th.Thesis, "储能招标持续放量：") {
		t.Errorf("储能 thesis %q", th.Thesis)
	}
	if th, _ := r.Theme("光伏"); !strings.HasPrefix(th.Thesis, "光伏价格企稳：") {
		t.Errorf("光伏 thesis %q", th.Thesis)
	}
}

// Tables: tab-separated with SH600519 and a padded master name (五 粮 液),
// space-separated with the rating in the third column; names without codes
// in the recommendation text, given codes and ratings by the table; an OCR'd
// rating in a cell (增特); no themes, so the industry names the one theme.
func TestLiquorTables(t *testing.T) {
	r := parseFixture(t, "liquor_tables.txt")
	// 某某证券 is no firm: the broker is named from the list of firms only.
	checkReport(t, r, "白酒需求筑底，龙头估值具备吸引力", "2024-11-03", "", "食品饮料", "强于大市（首次）")
	checkCalls(t, r, []want{
		{"SH600519", "贵州茅台", "贵州茅台", "buy", "买入", "食品饮料", ""},
		{"SZ000858", "五粮液", "五粮液", "overweight", "增特", "食品饮料", "rating-ocr"},
		{"SZ000568", "泸州老窖", "泸州老窖", "overweight", "增持", "食品饮料", ""},
		{"SH600809", "山西汾酒", "山西汾酒", "unrated", "未评级", "食品饮料", ""},
		{"SZ300999", "金龙鱼", "金龙鱼", "neutral", "持有", "食品饮料", ""},
		{"SZ002304", "洋河股份", "洋河股份", "neutral", "中性", "食品饮料", ""},
	})
	if len(r.Themes) != 1 || r.Themes[0].Name != "食品饮料" {
		t.Errorf("themes %+v, want the industry alone", r.Themes)
	}
}

// Markdown: bold theme headings, a name-only recommendation with a look-alike
// misreading (海光倍息), the list printed twice (one call each), a 核心观点
// naming stocks in commentary (not calls), and theses per theme with OCR
// fixed (通义干问 → 通义千问, 自已 → 自己).
func TestQuantumMarkdown(t *testing.T) {
	r := parseFixture(t, "quantum_markdown.md")
	checkReport(t, r, "量子计算进入工程化阶段，国产算力链持续受益", "2025-03-09", "", "计算机", "看好（上调）")
	checkCalls(t, r, []want{
		{"SH603019", "中科曙光", "中科曙光", "buy", "买入", "算力", ""},
		{"SH688041", "海光信息", "海光倍息", "unrated", "", "算力", "name-only name-ocr"},
		{"SZ002371", "北方华创", "北方华创", "buy", "买入", "算力", ""},
		{"SH688027", "国盾量子", "国盾量子", "unrated", "未评级", "量子技术与低空经济", ""},
		{"SZ000555", "神州信息", "神州信息", "buy", "买入", "量子技术与低空经济", ""},
		{"SH688111", "金山办公", "金山办公", "overweight", "增持", "AI应用", ""},
		{"SH601360", "三六零", "三六零", "overweight", "增持", "AI应用", ""},
	})
	wantTheses := map[string]string{
		"算力":        "算力：国产算力链持续受益。国内大模型推理需求快速增长，带动服务器与芯片订单提升，国产算力链业绩有望持续兑现。",
		"量子技术与低空经济": "量子技术与低空经济：工程化提速。多家机构发布量子计算原型机，低空经济地方政策密集落地，相关产业进入工程化阶段。",
		"AI应用":      "AI应用：通义千问新版本发布。模型能力提升带动办公、金融等场景的应用落地，企业自己的数据价值有望释放。",
	}
	for _, th := range r.Themes {
		if th.Thesis != wantTheses[th.Name] {
			t.Errorf("%s thesis:\n got %q\nwant %q", th.Name, th.Thesis, wantTheses[th.Name])
		}
	}
	m := sectors.MapThemes(r.Themes, sectors.ReportSectorRefs(), map[string]string{"AI 应用": "my-ai"})
	got := SectorsByTheme(m)
	if got["算力"] != sectors.SectorCompute || got["量子技术与低空经济"] != sectors.SectorQuantum || got["AI应用"] != "my-ai" {
		t.Errorf("mapping %v", m)
	}
}

// GBK with CRLF, no themes and no recommendation heading: the calls follow
// 推荐/建议关注 in the running text; a code the master does not know is kept
// and flagged, never replaced.
func TestSoftwareNoteGBK(t *testing.T) {
	r := parseFixture(t, "software_note_gbk.txt")
	checkReport(t, r, "信创招标提速，金融IT迎来换机周期", "2024-09-18", "", "计算机", "")
	checkCalls(t, r, []want{
		{"SH600588", "用友网络", "用友网络", "buy", "买入", "计算机", ""},
		{"SH600570", "恒生电子", "恒生电子", "overweight", "增持", "计算机", ""},
		{"SZ300033", "同花顺", "同花顺", "neutral", "中性", "计算机", ""},
		{"SH601360", "三六零", "三六零", "overweight", "增持", "计算机", ""},
		{"SH688999", "新金科", "新金科", "buy", "买入", "计算机", "unknown-code"},
	})
}

// Heavy OCR damage: full-width digits and spaces inside the brackets, a
// rating word one character off in two ways (买人, 谨慎推存), a name one
// character off its code's (金山办工), a name that belongs to another code
// (the code wins, the spelling is kept), a rating that is no known word, and
// SZ300124 with its exchange in front.
func TestOCRDamage(t *testing.T) {
	r := parseFixture(t, "ocr_damage.txt")
	checkReport(t, r, "半导体行业周报本周观点", "2024-07-01", "", "半导体", "")
	checkCalls(t, r, []want{
		{"SH688012", "中微公司", "中微公司", "buy", "买人", "半导体设备", "rating-ocr"},
		{"SZ002371", "北方华创", "北方华创", "overweight", "谨慎推存", "半导体设备", "rating-ocr"},
		{"SH688111", "金山办公", "金山办工", "overweight", "增持", "半导体设备", "name-ocr"},
		{"SZ000858", "五粮液", "贵州茅台", "buy", "买入", "半导体设备", "name-differs"},
		{"SZ002049", "紫光国微", "紫光国微", "unrated", "强力买进", "半导体设备", "unknown-rating"},
		{"SZ300124", "汇川技术", "汇川技术", "unrated", "", "半导体设备", ""},
		{"SH688981", "中芯国际", "中芯国际", "buy", "买入", "半导体设备", ""},
	})
	if th, _ := r.Theme("半导体设备"); !strings.HasPrefix(th.Thesis, "设备国产化率提升") {
		t.Errorf("thesis %q", th.Thesis)
	}
}

// What is not a report fails with one line saying what was looked for.
func TestNotAReport(t *testing.T) {
	nothing, _ := os.ReadFile(filepath.Join("testdata", "nothing.txt"))
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"no calls", nothing, ErrNoCalls},
		{"empty", []byte(" \n\t\n"), ErrEmpty},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary},
		{"noise", []byte(strings.Repeat("\xff\xfe\xfd\x80\x81", 200)[2:]), ErrBinary},
		{"too large", make([]byte, MaxSize+1), ErrTooLarge},
		{"commentary only", []byte("## 核心观点\n本周浪潮信息、海光信息、工业富联等公司均超预期。\n"), ErrNoCalls},
	}
	for _, c := range cases {
		_, err := Parse(c.data)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, "looked for") && c.want != ErrTooLarge {
			t.Errorf("%s: message %q is not one line saying what was looked for", c.name, msg)
		}
	}
}

// The JSON shape of the dry run and `report show`, key for key.
func TestJSONShape(t *testing.T) {
	r, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	sectorOf := SectorsByTheme(sectors.MapThemes(r.Themes, sectors.ReportSectorRefs(), nil))
	data, err := json.Marshal(r.JSON(sectorOf))
	if err != nil {
		t.Fatal(err)
	}
	var generic struct {
		Report map[string]any   `json:"report"`
		Calls  []map[string]any `json:"calls"`
	}
	if err := json.Unmarshal(data, &generic); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return strings.Join(ks, ",")
	}
	if got := keys(generic.Report); got != "broker,date,id,industry,industry_rating,title" {
		t.Errorf("report keys %s", got)
	}
	if got := keys(generic.Calls[0]); got != "code,exchange,flags,name,name_in_report,rating,rating_in_report,sector,theme" {
		t.Errorf("call keys %s", got)
	}
	if generic.Report["date"] != "2024-05-12" || generic.Report["industry_rating"] != "看好（维持）" {
		t.Errorf("report %v", generic.Report)
	}
	first := generic.Calls[0]
	if first["code"] != "688111" || first["exchange"] != "SH" || first["rating"] != "overweight" || first["rating_in_report"] != "增持" || first["sector"] != "ai" {
		t.Errorf("first call %v", first)
	}
	if flags, ok := first["flags"].([]any); !ok || len(flags) != 0 {
		t.Errorf("flags %v, want []", first["flags"])
	}
	if flags := generic.Calls[17]["flags"].([]any); len(flags) != 1 || flags[0] != "name-ocr" {
		t.Errorf("千方科技 flags %v", flags)
	}
}

// A web copy's title opens with its source in brackets; the company after
// the tag is the report's subject and takes its rating, and the house in
// the tag (a listed stock itself) is no call.
func TestWebCopySourceTag(t *testing.T) {
	r := parseFixture(t, "web_copy_source_tag.txt")
	if len(r.Calls) != 1 || r.Calls[0].Code.Key() != "SH600887" || r.Calls[0].Rating.ID() != "buy" {
		for _, c := range r.Calls {
			t.Logf("got %s %s %s", c.Code, c.Name, c.Rating)
		}
		t.Fatalf("%d calls, want 伊利股份 600887 at buy", len(r.Calls))
	}
}

// An English note's rating change rates the new rating: "upgrade to Buy
// from Neutral" is Buy, "downgrade to Sell from Neutral" Sell.
func TestEnglishUpgradeFrom(t *testing.T) {
	text := "Goldman Sachs Research\nDecember 1, 2026\nChina Dairy & Condiments: Demand bottoming\n\n" +
		"- Foshan Haitian Flavouring (603288.SS): upgrade to Buy from Neutral; 12-month PT raised to Rmb48\n" +
		"- Wens Foodstuff (300498.SZ): downgrade to Sell from Neutral; PT cut to Rmb15\n" +
		"- Inner Mongolia Yili (600887.SS): Neutral, PT Rmb30\n"
	r, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range r.Calls {
		got[c.Code.Key()] = c.Rating.ID()
	}
	if got["SH603288"] != "buy" || got["SZ300498"] != "sell" || got["SH600887"] != "neutral" {
		t.Errorf("ratings %v", got)
	}
}
