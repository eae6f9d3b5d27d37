package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zixuan/store"
)

const weekly = "testdata/weekly-2025-04-28.txt" // GBK, another broker's weekly

func generation(t *testing.T, db string) uint64 {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	g, err := st.Generation()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestReportAddDryRunThenAdd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "list")
	before := generation(t, db)

	out, errOut, code := run(t, db, "", "report", "add", weekly, "--dry-run", "--format", "json")
	if code != 0 {
		t.Fatalf("dry run: exit %d: %s", code, errOut)
	}
	var dry struct {
		Report map[string]any   `json:"report"`
		Calls  []map[string]any `json:"calls"`
	}
	if err := json.Unmarshal([]byte(out), &dry); err != nil {
		t.Fatalf("dry run json: %v\n%s", err, out)
	}
	for _, k := range []string{"id", "title", "date", "broker", "industry", "industry_rating"} {
		if _, ok := dry.Report[k]; !ok {
			t.Errorf("report lacks %q: %v", k, dry.Report)
		}
	}
	if dry.Report["date"] != "2025-04-28" || len(dry.Calls) < 5 {
		t.Errorf("dry run read %v with %d calls", dry.Report, len(dry.Calls))
	}
	for _, c := range dry.Calls {
		for _, k := range []string{"code", "exchange", "name", "name_in_report", "rating", "rating_in_report", "theme", "sector", "flags"} {
			if _, ok := c[k]; !ok {
				t.Errorf("call lacks %q: %v", k, c)
			}
		}
	}
	if generation(t, db) != before {
		t.Fatal("a dry run wrote to the database")
	}

	out = mustRun(t, db, "report", "add", weekly)
	if !strings.Contains(out, "SH688083") || !strings.Contains(out, "compute") {
		t.Errorf("report add said:\n%s", out)
	}
	id := dry.Report["id"].(string)
	// the new ticker is on the list with the call's rating, from the report
	show := mustRun(t, db, "show", "688083")
	if !strings.Contains(show, "buy 买入") || !strings.Contains(show, id) {
		t.Errorf("show 688083:\n%s", show)
	}
	// a seed ticker the newer report re-rates keeps both calls, each with its report
	show = mustRun(t, db, "show", "000977")
	if !strings.Contains(show, "calls (2)") || !strings.Contains(show, "report-2024-05-12") || !strings.Contains(show, "overweight") {
		t.Errorf("show 000977:\n%s", show)
	}
	// the same report again changes nothing
	mid := generation(t, db)
	out = mustRun(t, db, "report", "add", weekly)
	if !strings.Contains(out, "already kept") || generation(t, db) != mid {
		t.Errorf("second add changed the file or said:\n%s", out)
	}
	// list --report: only its tickers
	list := mustRun(t, db, "list", "--report", "2025-04-28", "--format", "csv")
	if !strings.Contains(list, "688083") || strings.Contains(list, "300634") {
		t.Errorf("list --report:\n%s", list)
	}
	var reports struct {
		Reports []struct {
			ID    string `json:"id"`
			Calls int    `json:"calls"`
		} `json:"reports"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "report", "list", "--format", "json")), &reports); err != nil {
		t.Fatal(err)
	}
	if len(reports.Reports) != 2 || reports.Reports[0].ID != "report-2024-05-12" || reports.Reports[0].Calls != 25 || reports.Reports[1].ID != id {
		t.Errorf("report list: %+v", reports)
	}
}

func TestReportRmAsksAboutTheTickersItBrought(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "report", "add", weekly)
	mustRun(t, db, "note", "688083", "设计软件龙头")
	before := generation(t, db)
	// no terminal to ask: refused, nothing changed
	if _, errOut, code := run(t, db, "", "report", "rm", "2025-04-28"); code != 2 || !strings.Contains(errOut, "--yes") {
		t.Errorf("rm without an answer: exit %d: %s", code, errOut)
	}
	if generation(t, db) != before {
		t.Fatal("a refused rm changed the file")
	}
	out := mustRun(t, db, "report", "rm", "2025-04-28", "--yes")
	if !strings.Contains(out, "took 2 tickers off the list") {
		t.Errorf("rm --yes said %s", out)
	}
	show := mustRun(t, db, "show", "688083")
	if !strings.Contains(show, "removed") || !strings.Contains(show, "设计软件龙头") || strings.Contains(show, "calls (") {
		t.Errorf("after rm the ticker shows:\n%s", show)
	}
	// a seed ticker keeps the seed's call and the rating history the report made
	show = mustRun(t, db, "show", "000977")
	if !strings.Contains(show, "calls (1)") || !strings.Contains(show, "unrated → overweight") {
		t.Errorf("000977 after rm:\n%s", show)
	}
}

func TestReportAddRefusesWhatIsNotAReport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	mustRun(t, db, "list")
	before := generation(t, db)
	bin := filepath.Join(dir, "x.bin")
	os.WriteFile(bin, []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0}, 0o600)
	prose := filepath.Join(dir, "prose.txt")
	os.WriteFile(prose, []byte("今天天气很好，市场平稳。\n没有推荐任何股票。\n"), 0o600)
	for _, f := range []string{bin, prose, filepath.Join(dir, "missing.txt")} {
		_, errOut, code := run(t, db, "", "report", "add", f)
		if code != 1 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.HasPrefix(errOut, "zixuan: ") {
			t.Errorf("%s: exit %d, %q", filepath.Base(f), code, errOut)
		}
	}
	if _, errOut, code := run(t, db, "", "report", "add", weekly, "--map", "不存在=compute"); code != 2 || !strings.Contains(errOut, "工业软件") {
		t.Errorf("--map of an unknown theme: exit %d %s", code, errOut)
	}
	if generation(t, db) != before {
		t.Error("a refused report changed the file")
	}
}

func TestReportMapOverridesTheThemesSector(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	out := mustRun(t, db, "report", "add", weekly, "--map", "工业软件=量子技术与低空经济", "--dry-run")
	if !strings.Contains(out, "工业软件 → quantum (--map)") {
		t.Errorf("--map not applied:\n%s", out)
	}
}

// A json export carries the reports and every call, and imports back into
// another database without losing them.
func TestReportsRoundTripThroughJSON(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	mustRun(t, a, "report", "add", weekly)
	file := filepath.Join(dir, "all.json")
	mustRun(t, a, "export", "--format", "json", "--out", file)
	mustRun(t, b, "import", file)
	want, got := mustRun(t, a, "report", "list", "--format", "json"), mustRun(t, b, "report", "list", "--format", "json")
	if want != got {
		t.Errorf("reports after the round trip:\n%s\nwant\n%s", got, want)
	}
	for _, code := range []string{"688083", "000977"} {
		ws, gs := mustRun(t, a, "show", code), mustRun(t, b, "show", code)
		if i := strings.Index(ws, "calls ("); i < 0 || !strings.Contains(gs, ws[i:strings.Index(ws, "notes (")]) {
			t.Errorf("%s after the round trip:\n%s\nwant\n%s", code, gs, ws)
		}
	}
	// a second import of the same file adds nothing
	mustRun(t, b, "import", file)
	if out := mustRun(t, b, "report", "list", "--format", "json"); out != want {
		t.Errorf("second import changed the reports:\n%s", out)
	}
}
