package cli

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zixuan/export"
	"zixuan/sectors"
)

func TestExportWithPrices(t *testing.T) {
	setNow(t, "2026-04-02 10:00") // the quotes' day: the history to 04-01 is complete
	srv, klines := fakeQuotes(t)  // last 110, previous close 100, in GBK
	db := filepath.Join(t.TempDir(), "z.db")
	refs := filepath.Join(t.TempDir(), "refs.csv")
	if err := os.WriteFile(refs, []byte("code,date,close\nSZ002230,2024-05-10,88\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "prices", "import", refs)

	out, errs, code := run(t, db, "", "--quotes-url", srv.URL, "export", "--format", "csv", "--prices")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %q", code, errs)
	}
	if n := klines.Load(); n != int32(len(sectors.ReportTickers)) {
		t.Errorf("%d daily-history requests for %d tickers", n, len(sectors.ReportTickers))
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := append(append([]string(nil), export.CSVHeader...), "last", "change_pct", "quote_time", "ref_close", "ref_date", "return_since_rating_pct")
	if strings.Join(rows[0], ",") != strings.Join(want, ",") {
		t.Fatalf("header %v", rows[0])
	}
	if len(rows) != 1+len(sectors.ReportTickers) {
		t.Fatalf("%d rows", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		key := r[col["exchange"]] + r[col["code"]]
		if r[col["last"]] != "110" || r[col["change_pct"]] != "10.00" || r[col["quote_time"]] != "2026-04-02 15:00:03" {
			t.Errorf("%s: quote cells %v", key, r[len(export.CSVHeader):])
		}
		// a price set by hand is used as it is; the others are the day's
		// close in the history (100, then 110 today: +10 %)
		ref, ret := "100", "10.00"
		if key == "SZ002230" {
			ref, ret = "88", "25.00"
		}
		if r[col["ref_close"]] != ref || r[col["ref_date"]] != "2024-05-10" || r[col["return_since_rating_pct"]] != ret {
			t.Errorf("%s: ref cells %v", key, r[len(export.CSVHeader):])
		}
	}

	// json and md carry them too; the json imports back.
	js := mustRun(t, db, "--quotes-url", srv.URL, "export", "--format", "json", "--prices")
	var doc struct {
		Version int `json:"version"`
		Tickers []struct {
			Key   string            `json:"key"`
			Quote *export.JSONQuote `json:"quote"`
			Ref   *export.JSONRef   `json:"ref"`
		} `json:"tickers"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	for _, tk := range doc.Tickers {
		if tk.Quote == nil || tk.Quote.Last != 110 {
			t.Errorf("%s: quote %+v", tk.Key, tk.Quote)
		}
		if tk.Ref == nil || tk.Ref.ReturnPct == nil {
			t.Errorf("%s: ref %+v", tk.Key, tk.Ref)
		}
	}
	if doc.Version != 1 {
		t.Errorf("json version %d", doc.Version)
	}
	file := filepath.Join(t.TempDir(), "w.json")
	if err := os.WriteFile(file, []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errs, code := run(t, db, "", "import", file); code != 0 {
		t.Errorf("import of the priced json: exit %d: %s %s", code, out, errs)
	}
	md := mustRun(t, db, "--quotes-url", srv.URL, "export", "--format", "md", "--prices")
	if !strings.Contains(md, "| Last | Chg% | Return |") || !strings.Contains(md, "| 110.00 | +10.00% | +25.00% |") {
		t.Errorf("md:\n%s", md)
	}

	// Without --prices: no request at all, the columns as before.
	dead := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("export without --prices asked %s", r.URL)
	}))
	defer dead.Close()
	plain := mustRun(t, db, "--quotes-url", dead.URL, "export", "--format", "csv")
	if first := strings.SplitN(plain, "\n", 2)[0]; first != strings.Join(export.CSVHeader, ",") {
		t.Errorf("header without --prices: %s", first)
	}

	// Other formats refuse the flag.
	if _, errs, code := run(t, db, "", "--quotes-url", srv.URL, "export", "--format", "tdx", "--prices"); code != 2 || !strings.Contains(errs, "--prices") {
		t.Errorf("tdx --prices: %d %q", code, errs)
	}
}

func TestExportPricesUnreachableStillExports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	plain := mustRun(t, db, "export", "--format", "csv")
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	out, errs, code := run(t, db, "", "--quotes-url", url, "export", "--format", "csv", "--prices")
	if code != 0 || out != plain {
		t.Errorf("exit %d, output differs from the export without prices:\n%s", code, out)
	}
	if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "no connection to the quote server") || !strings.Contains(errs, "without prices") {
		t.Errorf("stderr %q", errs)
	}
	// to a file, the same
	file := filepath.Join(t.TempDir(), "w.csv")
	out, errs, code = run(t, db, "", "--quotes-url", url, "export", "--format", "csv", "--prices", "-o", file)
	if code != 0 || !strings.Contains(out, "exported 25 tickers") || strings.Count(errs, "\n") != 1 {
		t.Errorf("to a file: exit %d %q %q", code, out, errs)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != plain {
		t.Errorf("file: %v", err)
	}
	// --offline: no request, one line
	out, errs, code = run(t, db, "", "--offline", "export", "--format", "csv", "--prices")
	if code != 0 || out != plain || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "--offline") {
		t.Errorf("offline: exit %d %q", code, errs)
	}
}
