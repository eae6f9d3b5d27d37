package htmltext

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func TestGBKPageReadAsItsArticle(t *testing.T) {
	data, err := os.ReadFile("testdata/webcopy_gbk.html")
	if err != nil {
		t.Fatal(err)
	}
	if !Is(data) {
		t.Fatal("a saved page is HTML")
	}
	text, err := Text(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"汽车行业点评：新能源渗透率再创新高",
		"东吴证券　2025-06-12　分析师：周明远",
		"五月新能源乘用车零售渗透率达到 53%，自主品牌份额持续提升。",
		"投资建议：推荐比亚迪（002594.SZ，买入）、长城汽车（601633.SH，增持）。",
		"代码\t名称\t评级",
		"002594\t比亚迪\t买入",
		"601633\t长城汽车\t增持", // a <p> inside a cell stays on the row
	}
	lines := strings.Split(text, "\n")
	for _, w := range want {
		found := false
		for _, l := range lines {
			found = found || l == w
		}
		if !found {
			t.Errorf("no line %q in:\n%s", w, text)
		}
	}
	// Scripts, styles, the site's header, navigation, side column, footer
	// and hidden text are not the article.
	for _, not := range []string{"hq_str", "600036", "color:red", "首页", "研报中心", "行情中心", "600104", "601238", "相关个股", "版权所有", "浦发银行", "财经频道"} {
		if strings.Contains(text, not) {
			t.Errorf("%q should be left out:\n%s", not, text)
		}
	}
}

func TestCharsetAndBOM(t *testing.T) {
	page := "<!doctype html><html><head><meta charset=\"utf-8\"></head><body><p>推荐贵州茅台（600519，买入）</p></body></html>"
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(page)
	for name, data := range map[string]string{
		"utf-8":         page,
		"utf-8 BOM":     "\xEF\xBB\xBF" + page,
		"utf-16le BOM":  utf16,
		"comment first": "<!-- saved from url=(0014)about:internet -->\n" + page,
	} {
		if !Is([]byte(data)) {
			t.Errorf("%s: not seen as HTML", name)
			continue
		}
		text, err := Text([]byte(data))
		if err != nil || strings.TrimSpace(text) != "推荐贵州茅台（600519，买入）" {
			t.Errorf("%s: got %q, %v", name, text, err)
		}
	}
}

func TestTextReportsAreNotHTML(t *testing.T) {
	for _, s := range []string{
		"计算机行业周报\n<重点推荐> 金山办公(688111,增持)",
		"# 投资建议\n- 海光信息",
		"<b>not a page</b>",
	} {
		if Is([]byte(s)) {
			t.Errorf("%q taken for HTML", s)
		}
	}
}

// Older pages name their parts with classes and lay the page out in a
// table: the side column's cells are left out, the article's cells are
// lines.
func TestClassNamedPartsAndLayoutTables(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div id="nav"><a href="/">首页</a> | <a href="/r">研报</a></div>
<div class="breadcrumb">财经 &gt; 研报</div>
<table width="100%"><tr>
<td class="leftbar"><div class="box">热门个股<br>贵州茅台(600519)<br>五粮液(000858)</div></td>
<td class="content"><h1>阳光电源(300274)：储能出货高增</h1>
<p>事件：公司发布三季报，前三季度营收同比增长 32.9%，归母净利润同比增长 56.3%，超出市场预期。</p>
<p>投资建议：维持"买入"评级。</p></td>
</tr></table>
<div class="related-list"><a>宁德时代(300750)：储能需求超预期</a></div>
<div id="footer">版权所有</div>
</body></html>`
	text, err := Text([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "阳光电源(300274)：储能出货高增\n事件：公司发布三季报，前三季度营收同比增长 32.9%，归母净利润同比增长 56.3%，超出市场预期。\n投资建议：维持\"买入\"评级。\n"
	if text != want {
		t.Errorf("got\n%s\nwant\n%s", text, want)
	}
}
