package report_test

// The reader's score on two sets of broker reports, each a manifest of files
// with the calls a careful reader writes down from them: the shared reports
// (../shared/reports from the repository root) and a held-out corpus in
// testdata/corpus written in shapes the reader was not built from. The rules
// are those of the shared score.py, so the figures printed here are the ones
// it prints for a binary built from the same code.
//
// The targets are calls fully right (code, rating and theme) for at least 95%
// of the calls given and 90% of those expected, every date and broker right.
// The shared reports are held to the targets themselves; the held-out
// corpus to just under what the reader achieves on it (96.6% / 94.5%
// strict), so the test fails when the reader gets worse on either.

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"zixuan/report"
)

// Floors for the shared reports (12 files, 2 of them PDFs).
const (
	sharedStrictPrecisionFloor = 0.95 // calls fully right / calls given
	sharedStrictRecallFloor    = 0.90 // calls fully right / calls expected
	sharedRatedPrecisionFloor  = 0.95 // code and rating right / calls given
	sharedRatedRecallFloor     = 0.90 // code and rating right / calls expected
	sharedCodePrecisionFloor   = 0.95 // expected codes found / calls given
	sharedCodeRecallFloor      = 0.90 // expected codes found / calls expected
	sharedDatesRightFloor      = 12   // reports whose date is right
	sharedBrokersRightFloor    = 12   // reports whose broker is right
)

// Floors for the held-out corpus in testdata/corpus.
const (
	corpusStrictPrecisionFloor = 0.95
	corpusStrictRecallFloor    = 0.90
	corpusRatedPrecisionFloor  = 0.95
	corpusRatedRecallFloor     = 0.93
	corpusCodePrecisionFloor   = 0.95
	corpusCodeRecallFloor      = 0.93
	corpusDatesRightFloor      = 45
	corpusBrokersRightFloor    = 44
)

type scoreFloors struct {
	strictP, strictR, ratedP, ratedR, codeP, codeR float64
	dates, brokers                                 int
}

func TestScoreSharedReports(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "reports")
	if _, err := os.Stat(filepath.Join(dir, "manifest.csv")); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("the shared reports are not at %s (../shared/reports beside the repository): nothing to score", dir)
	}
	scoreSet(t, dir, scoreFloors{
		sharedStrictPrecisionFloor, sharedStrictRecallFloor,
		sharedRatedPrecisionFloor, sharedRatedRecallFloor,
		sharedCodePrecisionFloor, sharedCodeRecallFloor,
		sharedDatesRightFloor, sharedBrokersRightFloor,
	})
}

func TestScoreHeldOutCorpus(t *testing.T) {
	scoreSet(t, filepath.Join("testdata", "corpus"), scoreFloors{
		corpusStrictPrecisionFloor, corpusStrictRecallFloor,
		corpusRatedPrecisionFloor, corpusRatedRecallFloor,
		corpusCodePrecisionFloor, corpusCodeRecallFloor,
		corpusDatesRightFloor, corpusBrokersRightFloor,
	})
}

// scoreRow is one line of a manifest.
type scoreRow struct {
	file, expected, date, group string
	brokers                     []string
}

// expectedCall is one line of an expected CSV; themes are its alternatives.
type expectedCall struct {
	code, rating string
	themes       []string
}

// fileScore is what score.py reports for one file.
type fileScore struct {
	row                                scoreRow
	expected, got, right, rated, found int
	wrongRating, wrongTheme, missing   []string
	extra, skipped                     []string
	dateOK, brokerOK                   bool
	date, broker, industry, failure    string
}

func scoreSet(t *testing.T, dir string, floors scoreFloors) {
	rows, err := readManifest(filepath.Join(dir, "manifest.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: the manifest lists no reports", dir)
	}
	var scores []fileScore
	t.Logf("%-40s %4s %4s %5s %6s %6s %5s %5s %-5s %-6s", "file", "exp", "got", "right", "wRate", "wTheme", "miss", "extra", "date", "broker")
	for _, row := range rows {
		s, err := scoreFile(dir, row)
		if err != nil {
			t.Fatal(err)
		}
		scores = append(scores, s)
		t.Logf("%-40s %4d %4d %5d %6d %6d %5d %5d %-5s %-6s%s", clip(row.file, 40), s.expected, s.got, s.right,
			len(s.wrongRating), len(s.wrongTheme), len(s.missing), len(s.extra), okWord(s.dateOK), okWord(s.brokerOK), s.failure)
		if !s.dateOK || !s.brokerOK {
			t.Logf("    report: date=%q broker=%q industry=%q (want %s / %s)", s.date, s.broker, s.industry, row.date, strings.Join(row.brokers, "|"))
		}
		for _, group := range []struct {
			label string
			items []string
		}{{"wrong rating ", s.wrongRating}, {"wrong theme  ", s.wrongTheme}, {"extra        ", s.extra}, {"skipped      ", s.skipped}} {
			for _, item := range group.items {
				t.Logf("    %s %s", group.label, item)
			}
		}
		if len(s.missing) > 0 {
			t.Logf("    missing       %s", strings.Join(s.missing, " "))
		}
	}
	for _, g := range []string{"text", "pdf", "pdftext"} {
		var in []fileScore
		for _, s := range scores {
			if s.row.group == g {
				in = append(in, s)
			}
		}
		if len(in) > 0 && len(in) < len(scores) {
			logTotals(t, g, in)
		}
	}
	all := logTotals(t, "ALL", scores)
	check := func(what string, got, floor float64) {
		if got < floor {
			t.Errorf("%s %.1f%% is below its floor %.1f%%", what, 100*got, 100*floor)
		}
	}
	check("strict precision", all.strictP, floors.strictP)
	check("strict recall", all.strictR, floors.strictR)
	check("code+rating precision", all.ratedP, floors.ratedP)
	check("code+rating recall", all.ratedR, floors.ratedR)
	check("code precision", all.codeP, floors.codeP)
	check("code recall", all.codeR, floors.codeR)
	if all.dates < floors.dates {
		t.Errorf("%d report dates right, below the floor of %d", all.dates, floors.dates)
	}
	if all.brokers < floors.brokers {
		t.Errorf("%d report brokers right, below the floor of %d", all.brokers, floors.brokers)
	}
}

// logTotals prints a group's totals as score.py does and returns its ratios.
func logTotals(t *testing.T, label string, scores []fileScore) scoreFloors {
	var exp, got, right, rated, found, wr, wt, miss, extra, dates, brokers int
	for _, s := range scores {
		exp += s.expected
		got += s.got
		right += s.right
		rated += s.rated
		found += s.found
		wr += len(s.wrongRating)
		wt += len(s.wrongTheme)
		miss += len(s.missing)
		extra += len(s.extra)
		if s.dateOK {
			dates++
		}
		if s.brokerOK {
			brokers++
		}
	}
	t.Logf("%-8s files=%d expected=%d got=%d right=%d wrong_rating=%d wrong_theme=%d missing=%d extra=%d",
		label, len(scores), exp, got, right, wr, wt, miss, extra)
	t.Logf("%-8s strict (code+rating+theme) precision %s recall %s", "", pct(right, got), pct(right, exp))
	t.Logf("%-8s code+rating                 precision %s recall %s", "", pct(rated, got), pct(rated, exp))
	t.Logf("%-8s code only                   precision %s recall %s", "", pct(found, got), pct(found, exp))
	t.Logf("%-8s report date right %d/%d, broker right %d/%d", "", dates, len(scores), brokers, len(scores))
	return scoreFloors{ratio(right, got), ratio(right, exp), ratio(rated, got), ratio(rated, exp),
		ratio(found, got), ratio(found, exp), dates, brokers}
}

// scoreFile reads one report as `report add --dry-run --format json` does
// and compares its calls with the expected ones.
func scoreFile(dir string, row scoreRow) (fileScore, error) {
	want, err := readExpected(filepath.Join(dir, row.expected))
	if err != nil {
		return fileScore{}, err
	}
	s := fileScore{row: row, expected: len(want)}
	f, err := os.Open(filepath.Join(dir, row.file))
	if err != nil {
		return fileScore{}, err
	}
	res, err := report.Read(f)
	f.Close()
	if err != nil {
		// The command fails and writes nothing: every call is missing and
		// neither the date nor the broker is right, as score.py counts it.
		s.failure = "  [" + firstLine(err.Error()) + "]"
		for _, w := range want {
			s.missing = append(s.missing, w.code)
		}
		return s, nil
	}
	out := res.JSON(nil)
	s.date, s.broker, s.industry = out.Report.Date, out.Report.Broker, out.Report.Industry
	s.dateOK = s.date == row.date
	s.brokerOK = brokerMatches(row.brokers, s.broker)
	seen := map[string]report.JSONCall{}
	var order []string
	for _, c := range out.Calls {
		if hasFlag(c.Flags, "unknown-code") {
			s.skipped = append(s.skipped, fmt.Sprintf("%s(%s)", c.Code, c.NameInReport))
			continue
		}
		s.got++
		code := zfill(c.Code)
		if _, dup := seen[code]; dup {
			s.extra = append(s.extra, code+" (duplicate)")
			continue
		}
		seen[code] = c
		order = append(order, code)
	}
	expected := map[string]bool{}
	for _, w := range want {
		expected[w.code] = true
		c, ok := seen[w.code]
		if !ok {
			s.missing = append(s.missing, w.code)
			continue
		}
		s.found++
		ratingOK := c.Rating == w.rating
		themeOK := themeMatches(w.themes, c.Theme, s.industry)
		switch {
		case !ratingOK:
			s.wrongRating = append(s.wrongRating, fmt.Sprintf("%s want %s got %s (%s)", w.code, w.rating, c.Rating, c.RatingInReport))
		case !themeOK:
			s.wrongTheme = append(s.wrongTheme, fmt.Sprintf("%s want %q got %q", w.code, strings.Join(w.themes, "|"), c.Theme))
		}
		if ratingOK {
			s.rated++
			if themeOK {
				s.right++
			}
		}
	}
	for _, code := range order {
		if !expected[code] {
			c := seen[code]
			s.extra = append(s.extra, fmt.Sprintf("%s %s (as written %s) %s/%s theme=%q flags=%s",
				code, c.Name, c.NameInReport, c.Rating, c.RatingInReport, c.Theme, strings.Join(c.Flags, ",")))
		}
	}
	return s, nil
}

// normText is how themes and brokers are compared: NFKC, no whitespace, no
// trailing or leading punctuation of a label.
func normText(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "")
	return strings.Trim(s, "：:，,;；。")
}

var themeSuffixes = []string{"板块", "领域", "方向", "行业", "赛道", "产业链"}

// stripThemeSuffix drops one trailing word that only says "sector".
func stripThemeSuffix(s string) string {
	for _, suf := range themeSuffixes {
		if len([]rune(s)) > len([]rune(suf))+1 && strings.HasSuffix(s, suf) {
			return strings.TrimSuffix(s, suf)
		}
	}
	return s
}

// themeMatches: the theme equals an alternative, or is a part of it of at
// least two characters (白酒 for 高端白酒); an empty alternative accepts no
// theme or the industry the reader gave for the report.
func themeMatches(alternatives []string, got, industry string) bool {
	g := stripThemeSuffix(normText(got))
	ind := stripThemeSuffix(normText(industry))
	for _, alt := range alternatives {
		a := stripThemeSuffix(normText(alt))
		if a == "" {
			if g == "" || (ind != "" && g == ind) {
				return true
			}
			continue
		}
		if g == a || (len([]rune(g)) >= 2 && strings.Contains(a, g)) {
			return true
		}
	}
	return false
}

// brokerMatches: a manifest broker of "" or "-" means the report names none.
func brokerMatches(aliases []string, got string) bool {
	g := normText(got)
	if len(aliases) == 1 && (normText(aliases[0]) == "" || normText(aliases[0]) == "-") {
		return g == ""
	}
	if g == "" {
		return false
	}
	for _, a := range aliases {
		a = normText(a)
		if a != "" && (g == a || (len([]rune(a)) >= 2 && strings.Contains(g, a))) {
			return true
		}
	}
	return false
}

func readManifest(path string) ([]scoreRow, error) {
	recs, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	var rows []scoreRow
	for i, r := range recs {
		if r["file"] == "" || r["expected"] == "" {
			return nil, fmt.Errorf("%s: row %d has no file or expected file", path, i+2)
		}
		rows = append(rows, scoreRow{file: r["file"], expected: r["expected"], date: r["date"], group: r["group"],
			brokers: strings.Split(r["broker"], "|")})
	}
	return rows, nil
}

var scoreRatings = map[string]bool{"buy": true, "overweight": true, "neutral": true, "underweight": true, "sell": true, "unrated": true}

func readExpected(path string) ([]expectedCall, error) {
	recs, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	var out []expectedCall
	for _, r := range recs {
		rating := strings.TrimSpace(r["rating"])
		if !scoreRatings[rating] {
			return nil, fmt.Errorf("%s: bad rating %q", path, rating)
		}
		out = append(out, expectedCall{code: zfill(strings.TrimSpace(r["code"])), rating: rating, themes: strings.Split(r["theme"], "|")})
	}
	return out, nil
}

// readCSV reads a CSV with a header into one map per row.
func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		m := map[string]string{}
		for i, h := range header {
			if i < len(rec) {
				m[strings.TrimPrefix(h, "\ufeff")] = rec[i]
			}
		}
		out = append(out, m)
	}
}

func zfill(code string) string {
	if n := len(code); n < 6 {
		return strings.Repeat("0", 6-n) + code
	}
	return code
}

func hasFlag(flags []string, flag string) bool {
	for _, f := range flags {
		if f == flag {
			return true
		}
	}
	return false
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func pct(a, b int) string {
	if b == 0 {
		return "  n/a"
	}
	return fmt.Sprintf("%5.1f%%", 100*float64(a)/float64(b))
}

func okWord(ok bool) string {
	if ok {
		return "ok"
	}
	return "WRONG"
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
