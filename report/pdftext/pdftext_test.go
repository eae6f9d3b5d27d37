package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedReports holds the project's sample reports, two of them PDFs
// printed by Chromium from the text versions beside them.
const sharedReports = "../../../shared/reports"

func extract(t *testing.T, path string) (string, []string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, err := Text(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return text, strings.Split(text, "\n")
}

// lineWith is the index of the first line containing every part, or -1.
func lineWith(lines []string, parts ...string) int {
	for i, l := range lines {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(l, p)
		}
		if all {
			return i
		}
	}
	return -1
}

func count(lines []string, part string) int {
	n := 0
	for _, l := range lines {
		if strings.Contains(l, part) {
			n++
		}
	}
	return n
}

func TestTableRowsStayOneLine(t *testing.T) {
	_, lines := extract(t, "testdata/sidebar_table.pdf")
	h := lineWith(lines, "代码", "名称", "评级")
	if h < 0 || strings.Count(lines[h], "\t") != 5 {
		t.Fatalf("header row not one line of six cells: %q", lines)
	}
	rows := [][]string{
		{"600519.SH", "贵州茅台", "1528.00", "72.10", "21.2", "买入"},
		{"000858.SZ", "五粮液", "126.35", "8.95", "14.1", "买入"},
		{"603288.SH", "海天味业", "38.20", "1.21", "31.6", "增持"},
	}
	for _, r := range rows {
		i := lineWith(lines, r[0])
		if i < 0 || lines[i] != strings.Join(r, "\t") {
			t.Errorf("row %s: got %q, want its cells tab-separated on one line", r[0], lines[max(i, 0)])
		}
	}
}

func TestSidebarIsItsOwnBlock(t *testing.T) {
	_, lines := extract(t, "testdata/sidebar_table.pdf")
	// The sidebar's lines come together, none of them on a body line.
	side := []string{"行业评级：看好（维持）", "覆盖公司\t12 家", "市盈率(TTM)\t24.6", "林可为", "相关研究", "《大众品成本回落，盈利修复延续》2025-05-12"}
	first, last := len(lines), -1
	for _, s := range side {
		i := -1
		for k, l := range lines {
			if l == s {
				i = k
				break
			}
		}
		if i < 0 {
			t.Fatalf("sidebar line %q is not a line of its own in:\n%s", s, strings.Join(lines, "\n"))
		}
		first, last = min(first, i), max(last, i)
	}
	for _, body := range []string{"核心观点", "白酒动销平稳，大众品盈利修复", "本周食品饮料板块上涨"} {
		if i := lineWith(lines, body); i < 0 || i >= first && i <= last {
			t.Errorf("body line %q at %d inside the sidebar's lines %d–%d", body, i, first, last)
		}
	}
	// A paragraph of the body, wrapped over several lines on the page, is
	// one line again.
	if lineWith(lines, "本周食品饮料板块上涨 3.42%，跑赢沪深 300 指数 2.37 个百分点。", "建议关注业绩确定性强、估值处于历史低位的龙头公司。") < 0 {
		t.Error("the body's first paragraph is not one line")
	}
}

func TestRunningHeadersKeptOnceAndPageNumbersDropped(t *testing.T) {
	text, lines := extract(t, "testdata/sidebar_table.pdf")
	if n := count(lines, "食品饮料行业周报 | 2025年06月09日"); n != 1 {
		t.Errorf("running header kept %d times, want once", n)
	}
	if n := count(lines, "请务必阅读正文之后的免责声明"); n != 1 {
		t.Errorf("running footer kept %d times, want once", n)
	}
	if strings.Contains(text, "第 1 页") || strings.Contains(text, "第 2 页") {
		t.Errorf("page numbers left in:\n%s", text)
	}
	if !strings.HasPrefix(text, "食品饮料行业周报 | 2025年06月09日\t华泰证券研究所\n") {
		t.Errorf("the first page's header (date, broker) should open the text:\n%s", text[:min(len(text), 200)])
	}
}

func TestTwoColumnsReadOneAfterTheOther(t *testing.T) {
	_, lines := extract(t, "testdata/two_columns.pdf")
	order := []string{"宏观：出口增速好于预期", "进口方面，五月进口同比下降 1.3%", "策略：关注高股息与科技成长", "电力设备：储能招标放量", "汽车：新能源渗透率再创新高"}
	prev := -1
	for _, s := range order {
		i := lineWith(lines, s)
		if i <= prev {
			t.Fatalf("%q at line %d, after %d expected:\n%s", s, i, prev, strings.Join(lines, "\n"))
		}
		prev = i
	}
	// Sentences of the left column are whole, not interleaved with the right.
	for _, s := range []string{
		"五月出口同比增长 6.8%，高于市场预期的 5.2%。对东盟和非洲出口保持较快增长，对美出口降幅收窄。",
		"推荐宁德时代（300750.SZ，买入）、阳光电源（300274.SZ，买入）",
		"推荐比亚迪（002594.SZ，买入）、长城汽车（601633.SH，增持）。",
	} {
		if lineWith(lines, s) < 0 {
			t.Errorf("%q is not whole in one line", s)
		}
	}
}

func TestJustifiedAndSpreadChineseClosedUp(t *testing.T) {
	text, lines := extract(t, "testdata/justified.pdf")
	// The title is spread across the line by LibreOffice's justification.
	if lines[0] != "推荐用友网络" {
		t.Errorf("spread title: got %q, want 推荐用友网络", lines[0])
	}
	for _, s := range []string{
		"建议关注广联达（002410.SZ）。", // a code cut by the wrap is whole
		"AI 原生应用的落地",          // so is a word
		"投资建议：推荐用友网络（600588.SH，买入）、金山办公（688111.SH，增持）",
		"600588\t用友网络\t18.50\t买入",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("missing %q in:\n%s", s, text)
		}
	}
	if strings.Contains(text, "推 荐") || strings.Contains(text, "用 友") {
		t.Errorf("spaces left between Han characters:\n%s", text)
	}
}

// The shared PDFs use Type3 fonts with ToUnicode maps that name Kangxi
// radicals and CJK radicals for the ideographs they share a glyph with.
func TestSharedReportsDecode(t *testing.T) {
	text, lines := extract(t, filepath.Join(sharedReports, "p1_weekly_table_citic.pdf"))
	for _, s := range []string{"工程机械内销拐点渐近，出口韧性延续", "1）工程机械：推荐三一重工、徐工机械、中联重科、柳工；", "强于大市（维持）", "机械行业周报 | 2025.5.18"} {
		if !strings.Contains(text, s) {
			t.Errorf("p1: missing %q", s)
		}
	}
	if strings.ContainsAny(text, "⾏⻓⼯⻛") {
		t.Error("p1: radicals left where the text has ideographs")
	}
	if i := lineWith(lines, "三一重工", "600031.SH", "19.34", "买入"); i < 0 {
		t.Error("p1: the table's row for 三一重工 is not one line")
	}
	// The sidebar (analysts, related research) is apart from the summary.
	if lineWith(lines, "陆知远") < 0 || lineWith(lines, "陆知远", "挖掘机") >= 0 {
		t.Error("p1: the analysts' sidebar is mixed with the body")
	}
	if n := count(lines, "请务必阅读正文之后的免责条款部分"); n != 1 {
		t.Errorf("p1: footer kept %d times, want once", n)
	}

	text, lines = extract(t, filepath.Join(sharedReports, "p2_initiation_kaiyuan.pdf"))
	for _, s := range []string{"投资评级：买入（首次）", "当前股价(元)\t162.35", "谐波减速器国内龙头，首次覆盖给予\"买入\"评级", "002472.SZ\t双环传动\t31.80"} {
		if !strings.Contains(text, s) {
			t.Errorf("p2: missing %q", s)
		}
	}
	if i, j := lineWith(lines, "当前股价(元)"), lineWith(lines, "公司是国内谐波减速器龙头企业"); i < 0 || j < 0 || i == j {
		t.Error("p2: the sidebar's stock data and the body share a line")
	}
	if n := count(lines, "公司首次覆盖报告\t开源证券"); n != 1 {
		t.Errorf("p2: running header kept %d times, want once", n)
	}
}

func TestNoTextLayerRefused(t *testing.T) {
	for _, f := range []string{"scan.pdf", "curves.pdf"} {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Text(data); !errors.Is(err, ErrNoText) {
			t.Errorf("%s: got %v, want ErrNoText", f, err)
		}
	}
}

func TestEncryptedRefused(t *testing.T) {
	data, err := os.ReadFile("testdata/encrypted.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Text(data); !errors.Is(err, ErrEncrypted) {
		t.Errorf("got %v, want ErrEncrypted", err)
	}
}

// Brokers often restrict copying and printing with an owner password and
// no password to open: such a PDF is read (its RC4 layer decrypted).
func TestRestrictedButOpenPDFRead(t *testing.T) {
	text, _ := extract(t, "testdata/restricted.pdf")
	if !strings.Contains(text, "投资建议：推荐中国神华（601088.SH，买入）。") {
		t.Errorf("got %q", text)
	}
}

func TestDamagedPDFsFailCleanly(t *testing.T) {
	data, err := os.ReadFile("testdata/justified.pdf")
	if err != nil {
		t.Fatal(err)
	}
	refused := map[string][]byte{
		"cut in half": data[:len(data)/2],
		"no trailer":  bytes.ReplaceAll(data, []byte("startxref"), []byte("startxxxx")),
		"header only": []byte("%PDF-1.7\n%%EOF\n"),
	}
	for name, d := range refused {
		if _, err := Text(d); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: %v, want ErrCorrupt", name, err)
		}
	}
	// Damage inside gives what can still be read, or an error; never a panic.
	for _, d := range [][]byte{
		append(append(append([]byte{}, data[:len(data)/3]...), make([]byte, len(data)/3)...), data[2*len(data)/3:]...),
		bytes.ReplaceAll(data, []byte("stream\n"), []byte("stream\nxx")),
		bytes.ReplaceAll(data, []byte("/Length"), []byte("/Lenxth")),
		bytes.ReplaceAll(data, []byte(" R"), []byte(" 0")),
	} {
		Text(d)
	}
}

func TestPDF2HeaderAndLeadingJunkRead(t *testing.T) {
	data, err := os.ReadFile("testdata/justified.pdf")
	if err != nil {
		t.Fatal(err)
	}
	v2 := append([]byte("%PDF-2.0"), data[8:]...)
	if text, err := Text(v2); err != nil || !strings.Contains(text, "推荐用友网络") {
		t.Errorf("PDF 2.0 header: %v", err)
	}
	if !IsPDF(append([]byte("Content-Type: application/pdf\r\n\r\n"), data...)) {
		t.Error("a header after a line of junk is still a PDF")
	}
}

func TestNothingRunsAtImport(t *testing.T) {
	// The base encodings are built on first use, not at start-up.
	if winAnsi()[0x80] != '€' || macRoman()[0xA5] != '•' {
		t.Error("base encodings wrong")
	}
}

func FuzzText(f *testing.F) {
	for _, name := range []string{"justified.pdf", "curves.pdf", "scan.pdf"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := Text(data) // never panics
		if err == nil && len(text) > MaxText {
			t.Fatalf("text of %d bytes", len(text))
		}
	})
}

func BenchmarkThirtyPages(b *testing.B) {
	data, err := os.ReadFile("testdata/thirty_pages.pdf")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Text(data); err != nil {
			b.Fatal(err)
		}
	}
}

// A two-column page whose left column ends mid-sentence, with a table's
// caption under the left column only (a report of the reader's corpus).
func TestColumnBreakMidSentenceAndCaptionBelow(t *testing.T) {
	text, lines := extract(t, "../testdata/corpus/p02_weekly_autos_dongwu.pdf")
	if !strings.Contains(text, "零部件：推荐德赛西威、伯特利、华阳集团，受益智驾渗透率提升。") {
		t.Errorf("the sentence cut by the column break is not whole:\n%s", text)
	}
	caption, risks := lineWith(lines, "表 1：本周汽车板块涨幅前五"), lineWith(lines, "终端需求不及预期")
	if caption < 0 || risks < 0 || caption < risks {
		t.Errorf("the caption under the columns (line %d) comes before the right column's end (line %d)", caption, risks)
	}
}

// A printed web page: the browser's header and footer, the site's
// navigation over a body with a side column of other stocks, the body
// longer than the side column (a report of the reader's corpus).
func TestPrintedPageBodyBeforeItsSideColumn(t *testing.T) {
	_, lines := extract(t, "../testdata/corpus/p06_webprint_guoyuan.pdf")
	title, advice, side := lineWith(lines, "海螺水泥(600585)：量稳价升，分红比例提升"), lineWith(lines, "投资建议：我们预计公司"), lineWith(lines, "相关个股")
	if title < 0 || advice < 0 || side < 0 || !(title < advice && advice < side) {
		t.Errorf("title %d, the body's last paragraph %d, side column %d: want them in that order", title, advice, side)
	}
	if lineWith(lines, "投资建议", "金隅冀东") >= 0 {
		t.Error("the side column is mixed into the body")
	}
}

// A company note: the running header's two parts, a sidebar of rating,
// market data, analysts and related research, and the body set in two
// columns with the title over them (a report of the reader's corpus).
func TestSidebarBesideABodyInColumns(t *testing.T) {
	_, lines := extract(t, "../testdata/corpus/p01_initiation_cindasc.pdf")
	if lines[0] != "证券研究报告 · 公司研究 · 首次覆盖\t信达证券" {
		t.Errorf("running header: %q", lines[0])
	}
	title := lineWith(lines, "中国核电（601985.SH）：核电与新能源双轮驱动，装机成长确定性强")
	if title < 0 {
		t.Fatal("the title, over two lines on the page, is not one line")
	}
	for _, side := range []string{"投资评级\t买入（首次）", "收盘价（元）\t9.42", "《长江电力（600900）：来水偏丰，分红稳定》"} {
		if i := lineWith(lines, side); i < 0 || lines[i] != side {
			t.Errorf("sidebar line %q not a line of its own", side)
		}
	}
	if lineWith(lines, "投资评级", "中国核电") >= 0 {
		t.Error("the sidebar and the title share a line")
	}
}

// A page of a hundred thousand scattered glyphs is read in bounded time:
// past maxSegments the page is read row by row.
func TestHugePageBounded(t *testing.T) {
	var gs []glyph
	for i := 0; i < 100000; i++ {
		x := float64(i%97) * 13
		gs = append(gs, glyph{x0: x, x1: x + 5, y: float64(i / 97 * 3), size: 10, s: "字"})
	}
	segs := segments(gs)
	if len(segs) <= maxSegments {
		t.Fatalf("%d segments: the test needs more than %d", len(segs), maxSegments)
	}
	if ls := layout(segs); len(ls) == 0 {
		t.Error("no lines")
	}
}

// minimalPDF writes a one-page PDF drawing content with the font F1.
func minimalPDF(content, font string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		font,
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// An OCR'd scan draws its words invisibly (render mode 3) over the image:
// that layer is the text.
func TestInvisibleOCRLayerRead(t *testing.T) {
	content := "BT /F1 11 Tf 3 Tr 72 760 Td (Kweichow Moutai) Tj 0 -14 Td (600519 CH, Buy, target price 1800) Tj ET"
	text, err := Text(minimalPDF(content, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"))
	if err != nil {
		t.Fatal(err)
	}
	if text != "Kweichow Moutai\n600519 CH, Buy, target price 1800\n" {
		t.Errorf("got %q", text)
	}
}

// A CID font with the predefined UCS-2 CMap (Chinese text from older
// Acrobat distillers, fonts not embedded) needs no ToUnicode map.
func TestUCS2CMapDecoded(t *testing.T) {
	// Each character is its UCS-2 code, two bytes.
	utf16 := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			fmt.Fprintf(&b, "%04X", r)
		}
		return b.String()
	}
	content := "BT /F1 12 Tf 72 760 Td <" + utf16("食品饮料行业周报：白酒动销平稳") + "> Tj 0 -18 Td <" + utf16("推荐贵州茅台（600519，买入）") + "> Tj ET"
	font := "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>] >>"
	text, err := Text(minimalPDF(content, font))
	if err != nil {
		t.Fatal(err)
	}
	if text != "食品饮料行业周报：白酒动销平稳\n推荐贵州茅台（600519，买入）\n" {
		t.Errorf("got %q", text)
	}
}
