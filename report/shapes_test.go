package report

import (
	"strconv"
	"strings"
	"testing"
)

// got lists a result's calls as code:rating:theme[@target][+flags].
func got(r *Result) string {
	var out []string
	for _, c := range r.Calls {
		s := c.Code.Number + ":" + c.Rating.ID() + ":" + c.Theme
		if c.Target > 0 {
			s += "@" + strconv.FormatFloat(c.Target, 'f', -1, 64)
		}
		for _, f := range c.Flags {
			s += "+" + string(f)
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// Reports in further shapes, each read by the general rules: the expected
// calls are what a careful reader writes down.
func TestFurtherShapes(t *testing.T) {
	cases := []struct {
		file, date, broker, calls string
		skipped                   map[string]int
	}{
		// A summary whose 风险提示 line is followed at once by the rating
		// table; an HK competitor in the risk line; a body rating change; a
		// label line of names with a Latin label; a related report's title
		// and the disclaimer naming stocks.
		{"risk_then_table.txt", "2025-09-01", "兴业证券",
			"002475:buy:消费电子@48 603501:overweight:电子+name-differs 300433:neutral:电子 300476:unrated:PCB+name-only 002463:unrated:PCB+name-only", nil},
		// A web copy: the title's rating phrase, the header's 评级/上次评级,
		// sidebars of other stocks with codes, a breadcrumb.
		{"web_copy_sidebar.txt", "2025-02-11", "华创证券", "000858:overweight:@160", nil},
		// A morning note of company items rated in 中金's words, an HK
		// company's item whose rating is no A-share's, an industry item with
		// ratings in brackets after names without codes.
		{"morning_cicc.txt", "2025-03-20", "中金公司",
			"300750:overweight:@320 603259:overweight:@70 600519:overweight:食品饮料+name-only 600809:overweight:食品饮料+name-only 000568:neutral:食品饮料+name-only",
			map[string]int{"hk": 1}},
		// An English note: rating after the bracket with its PT, "(from
		// Buy)", initiate at, .SS codes, a comps table of stocks not covered,
		// and the disclosure appendix.
		// An English note's cover names its coverage (China Consumer: Baijiu):
		// that is its industry, and the theme of calls under no heading.
		{"english_gs.txt", "2025-05-12", "Goldman Sachs",
			"600519:buy:China Consumer@2100 000858:buy:China Consumer@165 000568:buy:China Consumer@160 600809:neutral:China Consumer@210 002304:sell:China Consumer@70", nil},
		// A strategy portfolio: additions (under no theme: 本周组合调整 names a
		// change, not a theme) and the portfolio are calls, the
		// removals and last week's review are not.
		{"strategy_portfolio.txt", "2025-06-09", "东吴证券",
			"300308:unrated: 601138:unrated: 600900:unrated:", nil},
		// A quick comment: the cover's rating box and target price for the
		// company it is about; a competitor under 投资建议 is no call; no
		// date anywhere but a related report's, so none.
		{"quick_comment_cover.txt", "", "招商证券", "600887:buy:@35", map[string]int{"hk": 1}},
		// Morning-note items tagged 【公司点评】, a rating word with its -A,
		// an H share written 中国平安（H） whose rating is no A-share's.
		{"morning_tags.txt", "2025-04-08", "华泰证券",
			"300750:buy:@320 600036:buy:银行+name-only 002142:overweight:银行+name-only", map[string]int{"hk": 1}},
		// An English one-company note: the cover's Stock Rating and Price
		// Target; peers with their own ratings are no calls.
		{"english_ms_single.txt", "2025-05-20", "Morgan Stanley", "600519:overweight:@2100", nil},
		// A company note whose title names the company without its code and
		// whose cover gives the code as 股票代码: its phrases rate it.
		{"subject_by_code_label.txt", "2025-04-30", "国金证券", "600887:buy:", nil},
		// A rating written in 【】.
		{"rating_in_lenticular_brackets.txt", "2025-04-30", "国金证券", "600887:buy:@33", nil},
		// A long report whose calls come last: coded stocks in the review are
		// customers and commentary, a competitor in 风险提示.
		{"long_calls_last.txt", "2025-07-15", "长江证券",
			"688111:buy:AI应用 600588:overweight:AI应用 688041:buy:算力 603019:buy:算力", nil},
	}
	for _, c := range cases {
		r := parseFixture(t, c.file)
		d := ""
		if !r.Report.Date.IsZero() {
			d = r.Report.Date.Format("2006-01-02")
		}
		if d != c.date || r.Report.Broker != c.broker {
			t.Errorf("%s: date %q broker %q, want %q %q", c.file, d, r.Report.Broker, c.date, c.broker)
		}
		if g := got(r); g != c.calls {
			t.Errorf("%s:\n got %s\nwant %s", c.file, g, c.calls)
		}
		if c.skipped != nil && !equalCounts(r.Skipped, c.skipped) {
			t.Errorf("%s: skipped %v, want %v", c.file, r.Skipped, c.skipped)
		}
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Roles: stocks named in these parts are never calls, whatever else the
// line holds.
func TestRolesMakeNoCalls(t *testing.T) {
	cases := map[string]string{
		"peers table":     "投资建议\n推荐贵州茅台（600519.SH，买入）\n\n表 3：可比公司估值\n代码        名称       PE     评级\n000858.SZ   五粮液     15     买入\n",
		"review of picks": "投资建议\n推荐贵州茅台（600519.SH，买入）\n\n上月金股表现回顾\n代码        名称       涨跌幅   评级\n000858.SZ   五粮液     3.2%     买入\n",
		"market table":    "投资建议\n推荐贵州茅台（600519.SH，买入）\n\n本周涨幅前五个股\n代码        名称       周涨跌幅\n000858.SZ   五粮液     12.1\n",
		"related":         "投资建议\n推荐贵州茅台（600519.SH，买入）\n\n相关研究\n《五粮液（000858）：维持\"买入\"评级》2025-01-02\n",
		"risk paragraph":  "投资建议\n推荐贵州茅台（600519.SH，买入）\n\n风险提示：五粮液（000858.SZ，买入）降价。\n",
		"rating defs":     "投资建议\n推荐贵州茅台（600519.SH，买入）\n\n投资评级说明\n买入：相对强于市场 20%以上\n五粮液（000858.SZ，买入）\n",
		"disclaimer":      "投资建议\n推荐贵州茅台（600519.SH，买入）\n\n免责声明\n本公司持有五粮液（000858.SZ，买入）。\n",
		"industry rating": "投资建议：维持行业\"买入\"评级，推荐贵州茅台（600519.SH，买入）。\n",
	}
	for name, text := range cases {
		r, err := Parse([]byte(text))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if g := got(r); !strings.HasPrefix(g, "600519:buy:") || strings.Contains(g, "000858") {
			t.Errorf("%s: calls %s, want 贵州茅台 alone", name, g)
		}
	}
}

// A table's current rating wins over its old one, in either column order.
func TestCurrentRatingColumn(t *testing.T) {
	cases := map[string]string{
		"原 then 现": "表 1：评级调整\n证券代码     公司名称     原评级    现评级    目标价（元）\n600809.SH    山西汾酒     增持      买入      255.00\n",
		"现 then 前": "表 2：盈利预测与评级\n证券代码     公司名称     股价     现评级   前次评级\n600809.SH    山西汾酒     192.00   买入     增持\n",
	}
	for name, text := range cases {
		r, err := Parse([]byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if g := got(r); !strings.HasPrefix(g, "600809:buy:") {
			t.Errorf("%s: %s", name, g)
		}
	}
	r, _ := Parse([]byte(cases["原 then 现"]))
	if r.Calls[0].Target != 255 {
		t.Errorf("target %v, want 255 from the 目标价 column", r.Calls[0].Target)
	}
}

// A report over the call limit says how many calls it did not read.
func TestOverTheLimitIsCounted(t *testing.T) {
	var b strings.Builder
	b.WriteString("投资建议\n代码\t名称\t评级\n")
	n := 0
	for _, s := range names().master {
		if s.Code.Board() == "" || n > maxCalls+10 {
			continue
		}
		b.WriteString(s.Code.Number + "\t" + s.Name + "\t买入\n")
		n++
	}
	r, err := Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Calls) != maxCalls || r.Skipped["over-limit"] < 1 {
		t.Errorf("%d calls, over-limit %d; want %d and %d", len(r.Calls), r.Skipped["over-limit"], maxCalls, n-maxCalls)
	}
	if !strings.Contains(r.SkippedSummary(), "over the limit") {
		t.Errorf("summary %q", r.SkippedSummary())
	}
}

// The broker comes from the list of firms, never from a pattern.
func TestBrokerFromTheList(t *testing.T) {
	cases := map[string]string{
		"本报告由国泰君安证券股份有限公司制作":                    "国泰君安",
		"申万宏源研究 晨会纪要":                           "申万宏源",
		"中银国际证券股份有限公司 具备证券投资咨询业务资格":             "中银证券",
		"本报告由某某证券股份有限公司制作":                      "",
		"万国证券研究所":                               "",
		"Deutsche Bank\nResearch\nChina autos":  "Deutsche Bank",
		"Morgan Stanley Research\nAsia Pacific": "Morgan Stanley",
		// the letterhead's house, not the broker the note discusses most
		"Morgan Stanley | Research\nChina Financials\nwe upgrade CITIC Securities; CITIC Securities (600030.SS) Overweight; CITIC Securities' margin book": "Morgan Stanley",
		"东方财富证券是公司的子公司。\n本报告由国信证券股份有限公司制作。":                                                                                                                "国信证券",
	}
	for text, want := range cases {
		if g := findBroker(text, fold(text)); g != want {
			t.Errorf("%q: broker %q, want %q", text, g, want)
		}
	}
}
