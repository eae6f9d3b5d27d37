package report

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"zixuan/sectors/market"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zixuan/sectors"
)

func TestDecode(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("金山办公(688111,增持)")
	utf16 := []byte{0xFF, 0xFE, 0xD1, 0x91, 0x71, 0x5C} // BOM, 金山
	cases := map[string]struct {
		in   []byte
		want string
	}{
		"utf-8":        {[]byte("金山办公"), "金山办公"},
		"bom":          {[]byte("\xEF\xBB\xBF金山办公"), "金山办公"},
		"gbk":          {[]byte(gbk), "金山办公(688111,增持)"},
		"utf-16":       {utf16, "金山"},
		"crlf and ff":  {[]byte("a\r\nb\fc"), "a\nb\nc"},
		"escape codes": {[]byte("金山\x1b]0;x\x07办公"), "金山]0;x办公"},
	}
	for name, c := range cases {
		got, err := decode(c.in)
		if err != nil || got != c.want {
			t.Errorf("%s: decode = %q, %v; want %q", name, got, err, c.want)
		}
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"**金山办公**（６８８１１１，增持）": "金山办公(688111,增持)",
		"中\n科星图 ( 688568 )":   "中科星图(688568)",
		"万  科Ａ sh600519":      "万科ASH600519",
		"行业评级 \\_\\_看好":       "行业评级看好",
	}
	for in, want := range cases {
		if got := string(fold(in)); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTidyProse(t *testing.T) {
	cases := map[string]string{
		"国产模型迭代持续超预期,美国制裁 22 家 国内量子技术机构":              "国产模型迭代持续超预期，美国制裁22家国内量子技术机构",
		"**国内大模型持续超预期**:近期,包括幻方 DeepSeek-V2、通义2.5,这些": "国内大模型持续超预期：近期，包括幻方DeepSeek-V2、通义2.5，这些",
		"跨过\"可用\"到\"好用\"的门槛":                          "跨过“可用”到“好用”的门槛",
		"全面对标 GPT-4 Turbo;我们认\n为":                     "全面对标GPT-4 Turbo；我们认为",
		"看好(维持)": "看好（维持）",
	}
	for in, want := range cases {
		if got := tidyProse(in); got != want {
			t.Errorf("tidyProse(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

func TestSplitSections(t *testing.T) {
	text := strings.Join([]string{
		"# 标题",
		"#### 核心观点",
		"- 观点一",
		"### 投资建议与投资标的",
		"**量子技术与低空经济领域**",
		"#### 深一级的主题",
		"- 国盾量子(688027,未评级)",
		"四、风险提示",
		"技术进展不及预期",
		"五、行业动态",
		"投资建议：重点推荐用友网络(600588.SH,买入)",
		"投资	8建议与投资标的	. 11",
	}, "\n")
	var got []string
	for _, s := range splitSections(text) {
		got = append(got, map[sectionKind]string{frontSection: "front", otherSection: "other", recommendSection: "rec", viewSection: "view", skipSection: "skip"}[s.kind]+":"+strings.Join(s.lines, "|"))
	}
	want := []string{
		"front:", "other:", "view:- 观点一",
		"rec:**量子技术与低空经济领域**|#### 深一级的主题|- 国盾量子(688027,未评级)",
		"skip:技术进展不及预期", "other:",
		"rec:重点推荐用友网络(600588.SH,买入)|投资	8建议与投资标的	. 11",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sections:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSplitBlocks(t *testing.T) {
	lines := []string{
		"储能板块，建议关注：",
		"阳光电源（300274.SZ，买入）、亿纬锂",
		"能（300014.SZ，买入）。",
		"2）光伏：重点推荐隆基绿能(601012.SH,增持)",
		"**量子技术**",
		"",
		"代码\t名称\t评级",
		"600519\t贵州茅台\t买入",
		"资料来源：Wind",
	}
	bs := splitBlocks(lines)
	if len(bs) != 5 {
		t.Fatalf("%d blocks: %+v", len(bs), bs)
	}
	if !strings.Contains(bs[0].text, "亿纬锂\n能") || !strings.HasPrefix(bs[1].text, "2）光伏") || bs[2].text != "**量子技术**" {
		t.Errorf("paragraphs %q | %q | %q", bs[0].text, bs[1].text, bs[2].text)
	}
	if bs[3].table == nil || len(bs[3].table.rows) != 1 || len(bs[3].table.header) != 3 {
		t.Errorf("table %+v", bs[3].table)
	}
	if bs[4].text != "资料来源：Wind" {
		t.Errorf("after the table: %q", bs[4].text)
	}
}

func TestScanItems(t *testing.T) {
	p := fold("北方华创（002371.SZ，买入）、三六零(601360.SH,增持)、贵州茅台SH600519、华工科技（000988.SZ）、金山办公(688111,增持,首次)，营收100000万元，2024年")
	var got []string
	for _, it := range scanItems(p) {
		got = append(got, it.code.Key()+":"+it.written+":"+string(it.bracket))
	}
	want := "SZ002371:北方华创:买入 SH601360:三六零:增持 SH600519:贵州茅台: SZ000988:华工科技: SH688111:金山办公:增持"
	if strings.Join(got, " ") != want {
		t.Errorf("items %q\nwant  %q", strings.Join(got, " "), want)
	}
}

// Every notation of a code, and the securities that are no A-share
// recognised as what they are.
func TestCodeNotations(t *testing.T) {
	cases := map[string]string{
		"贵州茅台（600519）":              "A:SH600519",
		"贵州茅台(600519.SH)":           "A:SH600519",
		"贵州茅台SH600519":              "A:SH600519",
		"贵州茅台（600519 CH，买入）":        "A:SH600519:买入",
		"长城汽车(601633.SS)":           "A:SH601633",
		"某公司(920077.BJ)":            "A:BJ920077",
		"贵州茅台（６００５１９）":              "A:SH600519",
		"贵州茅台(6OO519)":              "A:SH600519",
		"贵州茅台（600 519，增持）":          "A:SH600519:增持",
		"腾讯控股（00700.HK）":            "hk",
		"中证红利（000922.CSI）":          "index",
		"沪深300指数（000300.SH）":        "index",
		"沪深300（000300）":             "index",
		"华泰柏瑞沪深300ETF（510300）":      "fund",
		"沪深300ETF（510300.SH，买入）":    "fund",
		"创业板ETF（SZ159915，增持）":       "fund",
		"某LOF（161725，买入）":           "fund",
		"创业板指（399006.SZ，买入）":        "index",
		"理想汽车（LI.OQ）":               "us",
		"比亚迪（002594.SZ/1211.HK，买入）": "A:SZ002594:买入",
		"紫金矿业（H股，2899.HK）":          "hk",
		"比亚迪电子（00285.HK）":           "hk",
	}
	for in, want := range cases {
		items := scanItems(fold(in))
		got := ""
		if len(items) > 0 {
			it := items[0]
			if it.kind == secA {
				got = "A:" + it.code.Key()
				if len(it.bracket) > 0 {
					got += ":" + string(it.bracket)
				}
			} else {
				got = skipName[it.kind]
			}
		}
		if got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

func mentionsOf(text string, ctx paraContext) []mention {
	ms, _ := readParagraph(fold(text), ctx, map[string]secKind{})
	return ms
}

func TestReadParagraph(t *testing.T) {
	ms := mentionsOf("**制造业等领域数字化**,建议关注中控技术(688777, 买入)、干方科技(002373, 未评级)等。重点推荐中科曙光和海光信息。相关标的：固德威", paraContext{theme: "旧主题", list: true})
	var got []string
	for _, m := range ms {
		got = append(got, m.theme+"/"+m.written+"/"+string(m.rating)+"/"+map[bool]string{true: "b", false: "-"}[m.benefit])
	}
	want := "制造业数字化/中控技术/买入/- 制造业数字化/干方科技/未评级/- 制造业数字化/中科曙光//- 制造业数字化/海光信息//- 制造业数字化/固德威//b"
	if strings.Join(got, " ") != want {
		t.Errorf("mentions %q\nwant     %q", strings.Join(got, " "), want)
	}

	// Names in running commentary are no calls.
	if ms := mentionsOf("而从Q1业绩来看，浪潮信息、海光信息、工业富联等公司均超预期。", paraContext{}); len(ms) != 0 {
		t.Errorf("commentary gave mentions %+v", ms)
	}
	// Nor is a coded stock named in passing, outside a list.
	if ms := mentionsOf("公司与汇川技术（300124.SZ）、禾川科技（688320.SH）等厂商既有合作也存在竞争。", paraContext{}); len(ms) != 0 {
		t.Errorf("competitors gave mentions %+v", ms)
	}
}

// A rating phrase rates the stock it is written about: the one before it
// in its sentence, else the paragraph's or the section's company; never an
// industry, never the old rating.
func TestRatingPhrases(t *testing.T) {
	subject := &mention{code: market.MustParseCode("000333"), hasCode: true, written: "美的集团"}
	cases := []struct {
		text string
		ctx  paraContext
		want string
	}{
		{`维持保利发展"买入"、招商蛇口"增持"评级。`, paraContext{}, "保利发展:买入 招商蛇口:增持"},
		{`上调山西汾酒评级至"买入"（原"增持"），公司一季度营收增长。`, paraContext{}, "山西汾酒:买入"},
		{`贵州茅台2024年营收增长15.7%。我们维持公司"买入"评级。`, paraContext{}, "贵州茅台:买入"},
		{`我们将公司评级由"优于大市"下调至"中性"，合理估值76-80元。`, paraContext{subject: subject}, "美的集团:中性"},
		{`我们维持汽车行业"优于大市"评级。`, paraContext{subject: subject}, ""},
		{`赤峰黄金海外矿山放量，给予"谨慎增持"评级，目标价 25.5 元。`, paraContext{}, "赤峰黄金:谨慎增持@25.5"},
		{`注：此前我们在《酒鬼酒：内参系列调整，维持"中性"评级》中给予公司"中性"评级。`, paraContext{}, ""},
		{`快递：推荐顺丰控股（买入）、圆通速递（买入），韵达股份（中性）。`, paraContext{}, "顺丰控股:买入 圆通速递:买入 韵达股份:中性"},
		{`投资者在低位买入贵州茅台的意愿增强。`, paraContext{}, ""},
		{`我们维持公司【买入】评级，目标价 33 元。`, paraContext{subject: subject}, "美的集团:买入@33"},
		{`人形机器人关节领域的卡位优势，首次覆盖，给予"买入"评级。`, paraContext{subject: subject}, "美的集团:买入"},
	}
	for _, c := range cases {
		var got []string
		for _, m := range mentionsOf(c.text, c.ctx) {
			g := m.written + ":" + string(m.rating)
			if m.target > 0 {
				g += "@" + strconv.FormatFloat(m.target, 'f', -1, 64)
			}
			got = append(got, g)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.text, strings.Join(got, " "), c.want)
		}
	}
}

// Lists without an intro colon: a label then 推荐, a lead-in then 推荐,
// a label line of names alone; each under its label.
func TestListsWithoutColons(t *testing.T) {
	cases := map[string]string{
		"整车：推荐比亚迪、长城汽车、赛力斯；":                            "整车/比亚迪 整车/长城汽车 整车/赛力斯",
		"白酒推荐确定性较强的高端白酒贵州茅台、五粮液，以及经营改善的山西汾酒；大众品推荐伊利股份。": "白酒/贵州茅台 白酒/五粮液 白酒/山西汾酒 大众品/伊利股份",
		"黄金：山东黄金、中金黄金、赤峰黄金；":                            "黄金/山东黄金 黄金/中金黄金 黄金/赤峰黄金",
		"铜：紫金矿业、洛阳钼业；":                                  "铜/紫金矿业 铜/洛阳钼业",
		"PCB：胜宏科技、沪电股份":                                 "PCB/胜宏科技 PCB/沪电股份",
		"主要客户：宁德时代、比亚迪":                                 "",
		"买入：贵州茅台、五粮液":                                   "/贵州茅台:买入 /五粮液:买入",
		// The clause a label opens comments on the label; the label names the
		// theme. A lead-in in a later sentence names its own.
		"工业金属：铜库存连续三周去化，推荐紫金矿业、洛阳钼业；铝：推荐云铝股份。": "工业金属/紫金矿业 工业金属/洛阳钼业 铝/云铝股份",
		"■ 啤酒：旺季来临叠加成本红利，推荐青岛啤酒、重庆啤酒。":         "啤酒/青岛啤酒 啤酒/重庆啤酒",
		"食品饮料：需求平稳。啤酒旺季，推荐青岛啤酒。":               "啤酒旺季/青岛啤酒",
	}
	for in, want := range cases {
		var got []string
		for _, m := range mentionsOf(in, paraContext{}) {
			g := m.theme + "/" + m.written
			if len(m.rating) > 0 {
				g += ":" + string(m.rating)
			}
			got = append(got, g)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s\n got %q\nwant %q", in, strings.Join(got, " "), want)
		}
	}
}

func TestCleanTheme(t *testing.T) {
	cases := map[string]string{
		"AI应用领域":    "AI应用",
		"2)工业软件:":   "工业软件",
		"储能板块,":     "储能",
		"制造业等领域数字化": "制造业数字化",
		"我们认为设备更新将有效带动制造业交通以及市政等领域数字化需求": "",
		"中科曙光和海光信息":   "",
		"行业评级看好(维持)":  "",
		"表1:重点公司盈利预测": "",
		// Bullets and list markers are no part of a name.
		"■白酒":          "白酒",
		"● 大众品:":       "大众品",
		"- Batteries:": "Batteries",
		"* 光伏":         "光伏",
		"➢工业金属":        "工业金属",
		// A caption names a figure or a table, not a theme.
		"Fig. 1":              "",
		"Figure 12":           "",
		"Exhibit 3":           "",
		"Table 2":             "",
		"Stocks discussed":    "",
		"Companies mentioned": "",
		"Valuation summary":   "",
		"图表3":                 "",
		"China Banks":         "China Banks",
	}
	for in, want := range cases {
		if got := cleanTheme([]rune(in)); got != want {
			t.Errorf("cleanTheme(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadRating(t *testing.T) {
	cases := []struct {
		in        string
		want      sectors.Rating
		corrected string
		ok        bool
	}{
		{"买入", sectors.Buy, "", true},
		{"强推", sectors.Buy, "", true},
		{"审慎增持", sectors.Overweight, "", true},
		{"跑赢行业", sectors.Overweight, "", true},
		{"同步大市", sectors.Neutral, "", true},
		{"弱于大市", sectors.Underweight, "", true},
		{"回避", sectors.Sell, "", true},
		{"无评级", sectors.Unrated, "", true},
		{"维持买入", sectors.Buy, "", true},
		{"买入-A", sectors.Buy, "", true},
		{"增持评级", sectors.Overweight, "", true},
		{"BUY", sectors.Buy, "", true},
		{"买人", sectors.Buy, "买入", true},
		{"谨慎推存", sectors.Overweight, "谨慎推荐", true},
		{"X持", sectors.Unrated, "", false}, // 增持 or 减持: not guessed
		{"强力买进", sectors.Unrated, "", false},
	}
	for _, c := range cases {
		r, corrected, ok := readRating([]rune(c.in))
		if r != c.want || corrected != c.corrected || ok != c.ok {
			t.Errorf("readRating(%q) = %v %q %v; want %v %q %v", c.in, r, corrected, ok, c.want, c.corrected, c.ok)
		}
	}
}

func TestAutomaton(t *testing.T) {
	a := newAutomaton([][]rune{[]rune("中科"), []rune("中科曙光"), []rune("曙光"), []rune("海光信息"), []rune("光信")})
	var got []string
	text := []rune("重点推荐中科曙光和海光信息")
	for _, m := range a.find(text) {
		got = append(got, string(text[m.start:m.end]))
	}
	if strings.Join(got, ",") != "中科曙光,海光信息" {
		t.Errorf("find = %v", got)
	}
	if n := len(a.findAll(text)); n != 5 {
		t.Errorf("findAll found %d, want 5 (overlapping)", n)
	}
}

// The master's padded and full-width names are found in their folded form.
func TestNameIndexFolds(t *testing.T) {
	ix := names()
	for _, name := range []string{"五粮液", "万科A", "星环科技", "星环科技-U", "寒武纪"} {
		if _, ok := ix.exact(name); !ok {
			t.Errorf("%s not found", name)
		}
	}
	text := fold("建议关注五 粮 液、万  科Ａ与千方科技，以及干方科技")
	var got []string
	for _, m := range ix.ac.find(text) {
		got = append(got, ix.master[ix.hits[m.pattern].security].Code.Number+map[bool]string{true: "*", false: ""}[ix.hits[m.pattern].ocr])
	}
	if strings.Join(got, ",") != "000858,000002,002373,002373*" {
		t.Errorf("found %v", got)
	}
	if got := ix.fixProse("阿里云发布通义干问2.5，企业级干亿模型"); got != "阿里云发布通义千问2.5，企业级千亿模型" {
		t.Errorf("fixProse = %q", got)
	}
	for _, fine := range []string{"吸收人才，推进人工智能，引人注目", "自己有若干问题", "千方科技与干线物流"} {
		if got := ix.fixProse(fine); got != fine {
			t.Errorf("fixProse(%q) = %q, changed correct text", fine, got)
		}
	}
}

func TestDates(t *testing.T) {
	cases := map[string]string{
		"国家/地区中国行业计算机行业报告发布日期2024年05月12日":       "2024-05-12",
		"发布日期:2025 年 04 月 28 日":                 "2025-04-28",
		"日期:2024-09-18":                         "2024-09-18",
		"报告日期2024/11/03":                        "2024-11-03",
		"2024.7.1 本周":                           "2024-07-01",
		"日期:2024年02月30日":                        "",
		"没有日期":                                  "",
		"数据日期：2025-03-26\n证券研究报告 2025年03月27日":   "2025-03-27",
		"周报（2024.10.14-2024.10.18）  2024.10.20": "2024-10-20",
		"Deutsche Bank\nDate\n3 June 2025":      "2025-06-03",
		"Research note, May 12, 2025":           "2025-05-12",
		"Published 6th May 2025":                "2025-05-06",
		"相关研究\n《晨会纪要》2025-03-26":                "",
	}
	for in, want := range cases {
		got := ""
		if d := findDate(prepareLines(in)); !d.IsZero() {
			got = market.ChinaDate(d)
		}
		if got != want {
			t.Errorf("findDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// A two-character core name is an ordinary word: 美丽 is not *ST美丽.
func TestShortCoreNamesAreNotNames(t *testing.T) {
	if ms := mentionsOf("重点推荐美丽中国主题下的龙头公司", paraContext{}); len(ms) != 0 {
		t.Errorf("mentions %+v", ms)
	}
	ms := mentionsOf("重点推荐星环科技", paraContext{})
	if len(ms) != 1 || names().master[ms[0].security].Code.Number != "688031" {
		t.Errorf("星环科技 (core of 星环科技-U): %+v", ms)
	}
}

func TestReadLimitsSize(t *testing.T) {
	_, err := Read(bytes.NewReader(make([]byte, MaxSize+10)))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("Read of an oversized input: %v", err)
	}
	r, err := Read(bytes.NewReader(SeedText()))
	if err != nil || len(r.Calls) != 25 {
		t.Errorf("Read of the seed: %v", err)
	}
}

// A theme named on its own line, then its list.
func TestThemeHeadingLines(t *testing.T) {
	text := "投资建议\n2）工业软件：\n用友网络(600588.SH,买入)、中控技术(688777,买入)\n\n**数据要素领域**\n\n- 三六零(601360.SH,增持)\n"
	r, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range r.Calls {
		got = append(got, c.Code.Number+":"+c.Theme)
	}
	if strings.Join(got, " ") != "600588:工业软件 688777:工业软件 601360:数据要素" {
		t.Errorf("calls %v", got)
	}
}

// A theme set by one clause carries to the next clause of its paragraph.
func TestThemeCarries(t *testing.T) {
	ms := mentionsOf("工业软件：用友网络(600588.SH,买入)。相关标的：中控技术(688777)", paraContext{list: true})
	if len(ms) != 2 || ms[0].theme != "工业软件" || ms[1].theme != "工业软件" || !ms[1].benefit {
		t.Errorf("mentions %+v", ms)
	}
	ms = mentionsOf("储能板块，建议关注阳光电源(300274.SZ,买入)。受益标的：宁德时代(300750.SZ)", paraContext{list: true})
	if len(ms) != 2 || ms[0].theme != "储能" {
		t.Errorf("mentions %+v", ms)
	}
}

func callsOf(t *testing.T, text string) string {
	t.Helper()
	r, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range r.Calls {
		flags := ""
		for _, f := range c.Flags {
			flags += "+" + string(f)
		}
		got = append(got, c.Code.Key()+":"+c.NameInReport+":"+c.Rating.ID()+flags)
	}
	return strings.Join(got, " ")
}

func TestMoreShapes(t *testing.T) {
	cases := map[string]struct{ text, want string }{
		"markdown table": {
			"## 投资建议\n| 代码 | 名称 | 评级 |\n|---|---|---|\n| 600519.SH | 贵州茅台 | 买入 |\n| 000858.SZ | 五粮液 | 增持 |\n",
			"SH600519:贵州茅台:buy SZ000858:五粮液:overweight",
		},
		"lists numbered 一、二、": {
			"投资建议\n一、AI应用：金山办公(688111,增持)\n二、算力：海光信息(688041,买入)\n三、风险提示\n中科曙光(603019,买入)\n",
			"SH688111:金山办公:overweight SH688041:海光信息:buy",
		},
		"rating in the first column": {
			"投资建议\n评级\t代码\t名称\t股价\n买入\t688111\t金山办公\t300\n增持\t300033\t同 花 顺\t100\n",
			"SH688111:金山办公:buy SZ300033:同花顺:overweight",
		},
		"a bulleted 投资建议 inside 核心观点": {
			"## 核心观点\n- 行业景气回升，海光信息等上涨。\n- **投资建议**：重点推荐用友网络(600588.SH, Buy)、*ST美丽(000010,未评级)和金山办公688111.SH，推荐：中控技术\n",
			"SH600588:用友网络:buy SZ000010:*ST美丽:unrated SH688111:金山办公:unrated SH688777:中控技术:unrated+name-only",
		},
	}
	for name, c := range cases {
		if got := callsOf(t, c.text); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, c.want)
		}
	}
}

func TestIndustryFromTheCoverLines(t *testing.T) {
	cases := map[string]string{
		"证券研究报告 | 行业周报\n计算机行业周报：算力需求持续旺盛": "计算机",
		"行业计算机行业\n评级 看好":                  "计算机",
		"所属行业：电力设备":                       "电力设备",
		"食品饮料行业点评":                        "食品饮料",
	}
	for text, want := range cases {
		if got := findIndustry(fold(text)); got != want {
			t.Errorf("%q: industry %q, want %q", text, got, want)
		}
	}
}

// An English note names its coverage on its cover, not in a label: that is
// its industry. A region alone, a house or a Chinese report gives none.
func TestIndustryFromAnEnglishCover(t *testing.T) {
	cases := map[string]string{
		"Bernstein  |  Societe Generale Group      27 June 2025\n\nChina Semiconductors: Localisation 2.0 – who captures the upcycle?\n": "China Semiconductors",
		"Asia Pacific Equity Research — China Banks\n12 May 2025\n":                                                                      "China Banks",
		"HSBC Global Investment Research      Equities ● Industrials\nChina Machinery\n":                                                 "China Machinery",
		"Morgan Stanley Research\nAsia Pacific | China\n\nMay 20, 2025\n":                                                                "",
		"China Securities Research\nChina Merchants Bank: results beat\n":                                                                "",
		"食品饮料行业周报\nChina Consumer\n白酒需求筑底，龙头估值具备吸引力。\n":                                                                                  "",
	}
	for in, want := range cases {
		if got := englishIndustry(in); got != want {
			t.Errorf("englishIndustry(%q) = %q, want %q", in, got, want)
		}
	}
}
