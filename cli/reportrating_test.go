package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
	"zixuan/store"
)

// A short note that lowers 中科曙光 (Buy in the seed) to 中性, agrees on
// 海光信息 and rates 浪潮信息, unrated in the seed.
const lowerNote = `证券研究报告 | 行业点评
计算机行业点评：算力景气延续
报告发布日期：2025 年 05 月 10 日

核心观点
算力：需求旺盛，服务器订单饱满。

投资建议
1）算力领域，重点推荐：中科曙光(603019,中性)、海光信息(688041,买入)、浪潮信息(000977,买入)。
`

// The same kind of note with no date: it rates nothing until given one.
const undatedNote = `计算机行业点评：算力景气延续

核心观点
算力：需求旺盛，服务器订单饱满。

投资建议
1）算力领域，重点推荐：中科曙光(603019,增持)、贵州茅台(600519,买入)。
`

func writeNote(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "note.txt")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func ratingLine(t *testing.T, db, code string) string {
	t.Helper()
	for _, l := range strings.Split(mustRun(t, db, "show", code), "\n") {
		if strings.HasPrefix(l, "rating ") {
			return l
		}
	}
	t.Fatalf("show %s has no rating line", code)
	return ""
}

func TestReportAddAsksBeforeLoweringARating(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	note := writeNote(t, lowerNote)
	mustRun(t, db, "list")

	// the preview shows old → new for every re-rating, and marks the lowering
	out := mustRun(t, db, "report", "add", note, "--dry-run")
	for _, want := range []string{"buy → neutral", "lowers: adding it asks", "unrated → buy", "re-rated", "unchanged", "1 lowered"} {
		if !strings.Contains(out, want) {
			t.Errorf("the preview lacks %q:\n%s", want, out)
		}
	}
	var dry struct {
		Calls []map[string]any `json:"calls"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "report", "add", note, "--dry-run", "--format", "json")), &dry); err != nil {
		t.Fatal(err)
	}
	byCode := map[string]map[string]any{}
	for _, c := range dry.Calls {
		byCode[c["code"].(string)] = c
	}
	if c := byCode["603019"]; c["rating_before"] != "buy" || c["rating_after"] != "neutral" || c["lowers"] != true || c["outcome"] != "rerated" || c["rating"] != "neutral" {
		t.Errorf("603019 in json: %v", c)
	}
	if c := byCode["688041"]; c["outcome"] != "kept" || c["why"] != "same" || c["rating_before"] != "buy" || c["rating_after"] != "buy" {
		t.Errorf("688041 in json: %v", c)
	}

	// no terminal and no flag: refused in one line that says how to accept
	before := generation(t, db)
	_, errOut, code := run(t, db, "", "report", "add", note)
	if code != 2 || !strings.Contains(errOut, "SH603019 buy → neutral") || !strings.Contains(errOut, "--yes") || !strings.Contains(errOut, "--keep-ratings") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("lowering without consent: exit %d: %q", code, errOut)
	}
	if generation(t, db) != before {
		t.Fatal("a refused add changed the file")
	}

	if _, errOut, code := run(t, db, "", "report", "add", note, "--yes", "--keep-ratings"); code != 2 || !strings.Contains(errOut, "not both") {
		t.Errorf("--yes --keep-ratings: exit %d: %s", code, errOut)
	}
	// --keep-ratings adds the report and keeps the rating
	out = mustRun(t, db, "report", "add", note, "--keep-ratings")
	if !strings.Contains(out, "kept: it would lower the rating") || !strings.Contains(ratingLine(t, db, "603019"), "buy") {
		t.Errorf("--keep-ratings:\n%s\n%s", out, ratingLine(t, db, "603019"))
	}
	if !strings.Contains(ratingLine(t, db, "000977"), "buy") {
		t.Errorf("the raise was not applied: %s", ratingLine(t, db, "000977"))
	}
	mustRun(t, db, "report", "rm", "2025-05-10", "--keep-tickers")

	// --yes lowers it
	out = mustRun(t, db, "report", "add", note, "--yes")
	if !strings.Contains(out, "buy → neutral") || !strings.Contains(out, "lowered") || !strings.Contains(ratingLine(t, db, "603019"), "neutral") {
		t.Errorf("--yes:\n%s\n%s", out, ratingLine(t, db, "603019"))
	}
	if show := mustRun(t, db, "show", "603019"); !strings.Contains(show, "neutral 中性 (re-rated buy → neutral)") {
		t.Errorf("show does not say the call re-rated:\n%s", show)
	}
}

func TestReportAddPromptsOnATerminal(t *testing.T) {
	for _, tc := range []struct{ answer, rating string }{{"y", "neutral"}, {"k", "buy"}, {"", ""}} {
		db := filepath.Join(t.TempDir(), "z.db")
		note := writeNote(t, lowerNote)
		mustRun(t, db, "list")
		master, slave := openPTY(t)
		if _, err := master.Write([]byte(tc.answer + "\n")); err != nil {
			t.Fatal(err)
		}
		var out, errb strings.Builder
		code := Main([]string{"--db", db, "report", "add", note}, slave, &out, &errb)
		if !strings.Contains(errb.String(), "[y/k/N]") || !strings.Contains(errb.String(), "buy → neutral") {
			t.Errorf("%q: the question was %q", tc.answer, errb.String())
		}
		if tc.rating == "" {
			if code != 2 || !strings.Contains(errb.String(), "nothing was added") {
				t.Errorf("no answer: exit %d: %s", code, errb.String())
			}
			if list := mustRun(t, db, "report", "list"); strings.Contains(list, "2025-05-10") {
				t.Errorf("no answer added the report:\n%s", list)
			}
			continue
		}
		if code != 0 || !strings.Contains(ratingLine(t, db, "603019"), tc.rating) {
			t.Errorf("%q: exit %d, %s: %s", tc.answer, code, ratingLine(t, db, "603019"), errb.String())
		}
	}
}

func TestUndatedReportRatesNothingUntilDated(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	note := writeNote(t, undatedNote)
	out := mustRun(t, db, "report", "add", note)
	if !strings.Contains(out, "no date: the report gives none, so it changes no rating; add it with --date YYYY-MM-DD") {
		t.Errorf("an undated add said:\n%s", out)
	}
	if !strings.Contains(ratingLine(t, db, "603019"), "buy") || !strings.Contains(ratingLine(t, db, "600519"), "unrated") {
		t.Errorf("an undated report rated: %s / %s", ratingLine(t, db, "603019"), ratingLine(t, db, "600519"))
	}
	if _, errOut, code := run(t, db, "", "report", "add", note, "--date", "2025-13-01"); code != 2 || !strings.Contains(errOut, "YYYY-MM-DD") {
		t.Errorf("a bad --date: exit %d: %s", code, errOut)
	}
	// the date given: read again, and it rates (增持 lowers 中科曙光's 买入)
	out = mustRun(t, db, "report", "add", note, "--date", "2025-05-12", "--yes")
	if !strings.Contains(out, "dated:") || !strings.Contains(out, "2025-05-12") || strings.Contains(out, "no date") {
		t.Errorf("dating the report said:\n%s", out)
	}
	if !strings.Contains(ratingLine(t, db, "600519"), "buy") || !strings.Contains(ratingLine(t, db, "603019"), "overweight") {
		t.Errorf("after dating: %s / %s", ratingLine(t, db, "600519"), ratingLine(t, db, "603019"))
	}
	if list := mustRun(t, db, "report", "list"); strings.Count(list, "report-") != 2 || !strings.Contains(list, "2025-05-12") {
		t.Errorf("report list:\n%s", list)
	}
	// a dated report keeps its date
	if out, errOut, code := run(t, db, "", "report", "add", note, "--date", "2025-06-01"); code != 0 || !strings.Contains(out, "already kept") || !strings.Contains(errOut, "--date changes nothing: the report is kept with its date, 2025-05-12") {
		t.Errorf("another --date: exit %d:\n%s%s", code, out, errOut)
	}
}

func TestReportRmRestoresTheRatingsItSet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	note := writeNote(t, lowerNote)
	mustRun(t, db, "report", "add", note, "--yes")
	mustRun(t, db, "rate", "000977", "sell")
	out := mustRun(t, db, "report", "rm", "2025-05-10")
	if !strings.Contains(out, "restored 1 rating(s) it set: SH603019 neutral → buy") {
		t.Errorf("rm said:\n%s", out)
	}
	if !strings.Contains(out, "left 1 rating(s) as they are: SZ000977 sell (it set buy; changed since by you)") {
		t.Errorf("rm did not say what it left:\n%s", out)
	}
	if !strings.Contains(ratingLine(t, db, "603019"), "buy") || !strings.Contains(ratingLine(t, db, "000977"), "sell") {
		t.Errorf("after rm: %s / %s", ratingLine(t, db, "603019"), ratingLine(t, db, "000977"))
	}
	show := mustRun(t, db, "show", "603019")
	for _, want := range []string{"neutral → buy", "report removed: report-2025-05-10", "buy → neutral"} {
		if !strings.Contains(show, want) {
			t.Errorf("the history lacks %q:\n%s", want, show)
		}
	}
}

// A call's target price is kept, shown by show, and goes through a json
// export and import.
func TestCallTargetShownAndExported(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	code := market.MustParseCode("603019")
	in := store.ReportInput{
		Report: sectors.BrokerReport{ID: "report-2025-05-10-aaaaaaaa", Title: "中科曙光点评", Date: time.Date(2025, 5, 10, 0, 0, 0, 0, market.China), Broker: "测试证券"},
		Themes: []sectors.Theme{{Name: "算力", Thesis: "算力需求持续提升。"}},
		Calls:  []sectors.Call{{ReportID: "report-2025-05-10-aaaaaaaa", Code: code, Name: "中科曙光", NameInReport: "中科曙光", Rating: sectors.Buy, RatingInReport: "买入", Theme: "算力", Target: 88.6}},
	}
	if _, err := st.AddReport(in, store.AddReportOptions{}); err != nil {
		t.Fatal(err)
	}
	if show := mustRun(t, db, "show", "603019"); !strings.Contains(show, "target 88.60") {
		t.Errorf("show lacks the target:\n%s", show)
	}
	// an alert at the call's target
	if out := mustRun(t, db, "alert", "add", "603019", "--target", "call"); !strings.Contains(out, "target 88.60 from report-2025-05-10-aaaaaaaa (2025-05-10, 测试证券)") {
		t.Errorf("alert add --target call said:\n%s", out)
	}
	if out := mustRun(t, db, "alert", "list", "--format", "json"); !strings.Contains(out, `"value": 88.6`) {
		t.Errorf("the alert is not at the target:\n%s", out)
	}
	if _, errOut, code := run(t, db, "", "alert", "add", "688041", "--target", "call"); code != 2 || !strings.Contains(errOut, "no report gives SH688041 a target price") {
		t.Errorf("--target call without a target: exit %d: %s", code, errOut)
	}
	if _, errOut, code := run(t, db, "", "alert", "add", "688041", "--target", "lots"); code != 2 || !strings.Contains(errOut, "is not a price") {
		t.Errorf("--target lots: exit %d: %s", code, errOut)
	}
	mustRun(t, db, "alert", "add", "688041", "--target", "120.5")
	// the scorecard carries the call's target
	if out := mustRun(t, db, "--offline", "scorecard", "--report", "2025-05-10", "--format", "json"); !strings.Contains(out, `"target": 88.6`) {
		t.Errorf("the scorecard lacks the target:\n%s", out)
	}
	if out := mustRun(t, db, "--offline", "scorecard", "--report", "2025-05-10", "--format", "csv"); !strings.Contains(out, ",88.6") {
		t.Errorf("the scorecard csv lacks the target:\n%s", out)
	}
	file := filepath.Join(dir, "all.json")
	mustRun(t, db, "export", "--format", "json", "-o", file)
	data, _ := os.ReadFile(file)
	if !strings.Contains(string(data), `"target": 88.6`) {
		t.Errorf("the export lacks the target")
	}
	db2 := filepath.Join(dir, "z2.db")
	mustRun(t, db2, "rm", "603019")
	mustRun(t, db2, "import", file)
	if show := mustRun(t, db2, "show", "603019"); !strings.Contains(show, "target 88.60") {
		t.Errorf("the import lost the target:\n%s", show)
	}
}

// Names without a rating word are calls that rate nothing.
func TestNamesWithoutARatingKeepTheRatings(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	note := writeNote(t, `证券研究报告 | 行业点评
计算机行业点评：算力景气延续
报告发布日期：2025 年 05 月 12 日

核心观点
算力：需求旺盛。

投资建议
重点推荐中科曙光和海光信息。
`)
	out := mustRun(t, db, "report", "add", note)
	if strings.Count(out, "kept: the report gives it no rating") != 2 || strings.Contains(out, "re-rated") {
		t.Errorf("report add said:\n%s", out)
	}
	for _, code := range []string{"603019", "688041"} {
		if !strings.Contains(ratingLine(t, db, code), "buy") {
			t.Errorf("%s: %s", code, ratingLine(t, db, code))
		}
		if show := mustRun(t, db, "show", code); !strings.Contains(show, "calls (2)") || !strings.Contains(show, "2025-05-12") {
			t.Errorf("the call was not recorded:\n%s", show)
		}
	}
}
