package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func callCodes(res *Result) map[string]sectors.Rating {
	out := map[string]sectors.Rating{}
	for _, c := range res.Calls {
		out[c.Code.Number] = c.Rating
	}
	return out
}

// PDFs and saved web pages go through the same pipeline as text: the
// table's calls come out with their ratings, the report with its date and
// broker from the running header.
func TestPDFAndWebPageReadEndToEnd(t *testing.T) {
	cases := []struct {
		file   string
		date   string
		broker string
		calls  map[string]sectors.Rating
	}{
		{"pdftext/testdata/sidebar_table.pdf", "2025-06-09", "华泰证券", map[string]sectors.Rating{
			"600519": sectors.Buy, "000858": sectors.Buy, "000568": sectors.Overweight, "600887": sectors.Buy, "603288": sectors.Overweight}},
		{"pdftext/testdata/two_columns.pdf", "2025-06-10", "", map[string]sectors.Rating{
			"300750": sectors.Buy, "300274": sectors.Buy, "002594": sectors.Buy, "601633": sectors.Overweight}},
		{"pdftext/testdata/justified.pdf", "2025-03-21", "光大证券", map[string]sectors.Rating{
			"600588": sectors.Buy, "688111": sectors.Overweight}},
		{"htmltext/testdata/webcopy_gbk.html", "2025-06-12", "东吴证券", map[string]sectors.Rating{
			"002594": sectors.Buy, "601633": sectors.Overweight}},
	}
	for _, c := range cases {
		res, err := Parse(readFile(t, c.file))
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		if got := market.ChinaDate(res.Report.Date); got != c.date {
			t.Errorf("%s: date %s, want %s", c.file, got, c.date)
		}
		if c.broker != "" && res.Report.Broker != c.broker {
			t.Errorf("%s: broker %q, want %q", c.file, res.Report.Broker, c.broker)
		}
		got := callCodes(res)
		for code, rating := range c.calls {
			if r, ok := got[code]; !ok || r != rating {
				t.Errorf("%s: %s got %v (found %v), want %v", c.file, code, r, ok, rating)
			}
		}
	}
	// The web page's scripts and side column name other stocks: no calls.
	res, err := Parse(readFile(t, "htmltext/testdata/webcopy_gbk.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, not := range []string{"600104", "600036", "601238", "600000"} {
		if _, ok := callCodes(res)[not]; ok {
			t.Errorf("web page: %s is a call, from a script, a sidebar or hidden text", not)
		}
	}
}

// The shared PDFs are the shared text reports printed by Chromium. They
// decode to their text with the table rows whole, and go through the call
// finder: the initiation's company is a call.
func TestSharedPDFsRead(t *testing.T) {
	dir := "../../shared/reports"
	text, err := decode(readFile(t, filepath.Join(dir, "p1_weekly_table_citic.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"三一重工\t600031.SH\t19.34", "山推股份\t000680.SZ\t9.45"} {
		if !strings.Contains(text, row) {
			t.Errorf("p1: no row %q", row)
		}
	}
	if _, err := Parse(readFile(t, filepath.Join(dir, "p1_weekly_table_citic.pdf"))); err != nil && !errors.Is(err, ErrNoCalls) {
		t.Errorf("p1: %v", err)
	}
	res, err := Parse(readFile(t, filepath.Join(dir, "p2_initiation_kaiyuan.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := callCodes(res)["688017"]; !ok {
		t.Errorf("p2: no call on 688017, the company it initiates: %v", callCodes(res))
	}
}

func TestPDFRefusalsSayWhatToDo(t *testing.T) {
	cases := []struct {
		file string
		want *Error
		says []string
	}{
		{"pdftext/testdata/scan.pdf", ErrPDFNoText, []string{"PDF without text", "OCR"}},
		{"pdftext/testdata/curves.pdf", ErrPDFNoText, []string{"PDF without text", "curves"}},
		{"pdftext/testdata/encrypted.pdf", ErrPDFEncrypted, []string{"encrypted PDF", "password"}},
	}
	for _, c := range cases {
		_, err := Parse(readFile(t, c.file))
		if !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.file, err, c.want)
			continue
		}
		msg := err.Error()
		for _, s := range c.says {
			if !strings.Contains(msg, s) || strings.Contains(msg, "\n") {
				t.Errorf("%s: %q should say %q on one line", c.file, msg, s)
			}
		}
	}
	if _, err := Parse([]byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")); !errors.Is(err, ErrPDFDamaged) {
		t.Errorf("damaged PDF: got %v", err)
	}
}

// A PDF may be larger than a text report; its text is bounded all the same.
func TestPDFSizeBound(t *testing.T) {
	big := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("% padding\n"), (MaxSize+1024)/10)...)
	if _, err := Parse(big); errors.Is(err, ErrTooLarge) {
		t.Error("a PDF over the text bound is refused by size; PDFs may be up to MaxFileSize")
	}
	text := bytes.Repeat([]byte("投资建议 金山办公(688111,增持)\n"), MaxSize/30)
	if _, err := Parse(text); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a text over MaxSize: got %v, want ErrTooLarge", err)
	}
}
