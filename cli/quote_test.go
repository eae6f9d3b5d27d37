package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"zixuan/sectors/market"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zixuan/sectors"
	"zixuan/store"
)

// fakeQuotes answers every symbol asked with last 110, previous close
// 100, in GBK, stamped 2026-04-02 15:00:03, and every daily history
// (unadjusted "day" rows) with a close of 100 on each trading day asked
// for, up to 2026-04-01: the server's yesterday.
func fakeQuotes(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var klines atomic.Int32
	lastBar := time.Date(2026, 4, 1, 0, 0, 0, 0, market.China)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/appstock/app/fqkline/get") {
			klines.Add(1)
			p := strings.Split(r.URL.Query().Get("param"), ",")
			from, _ := time.ParseInLocation(time.DateOnly, p[2], market.China)
			to, _ := time.ParseInLocation(time.DateOnly, p[3], market.China)
			var rows []string
			for d := from; !d.After(to) && !d.After(lastBar); d = d.AddDate(0, 0, 1) {
				if market.IsTradingDay(d) {
					rows = append(rows, fmt.Sprintf(`["%s","100.00","100.00","100.00","100.00","1000.000"]`, d.Format(time.DateOnly)))
				}
			}
			fmt.Fprintf(w, `{"code":0,"msg":"","data":{"%s":{"day":[%s]}}}`, p[0], strings.Join(rows, ","))
			return
		}
		var b strings.Builder
		for _, sym := range strings.Split(strings.TrimPrefix(r.URL.Path, "/q="), ",") {
			if sym == "sz000002" {
				b.WriteString(`v_pv_none_match="1";` + "\n")
				continue
			}
			f := make([]string, 50)
			f[0], f[1], f[2], f[3], f[4], f[5], f[6] = "1", "测试名", sym[2:], "110.00", "100.00", "101.00", "1000"
			f[30], f[31], f[32], f[33], f[34] = "20260402150003", "10.00", "10.00", "111.00", "99.00"
			fmt.Fprintf(&b, "v_%s=\"%s\";\n", sym, strings.Join(f, "~"))
		}
		out, _ := simplifiedchinese.GBK.NewEncoder().String(b.String())
		_, _ = w.Write([]byte(out))
	}))
	t.Cleanup(srv.Close)
	return srv, &klines
}

func TestQuoteCommand(t *testing.T) {
	setNow(t, "2026-04-02 20:00") // the quotes' day: two years of sessions, one request each
	srv, klines := fakeQuotes(t)
	db := filepath.Join(t.TempDir(), "z.db")
	out := mustRun(t, db, "--quotes-url", srv.URL, "quote", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(sectors.ReportTickers) {
		t.Fatalf("%d rows", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	r := rows[1]
	if r[col["last"]] != "110.00" || r[col["change_pct"]] != "10.00" || r[col["name"]] != "科大讯飞" ||
		r[col["ref_date"]] != "2024-05-10" || r[col["ref_close"]] != "100.00" || r[col["return_pct"]] != "10.00" {
		t.Errorf("row %v", r)
	}
	n := klines.Load()
	if n != int32(len(sectors.ReportTickers)) {
		t.Errorf("%d history requests for %d seed tickers", n, len(sectors.ReportTickers))
	}
	// stored: a second run asks for no day it holds
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	held, err := st.Histories([]market.Code{market.MustParseCode("002230")})
	if err != nil || len(held["SZ002230"].Bars) == 0 || !held["SZ002230"].Bars[0].Date.Equal(time.Date(2024, 4, 22, 0, 0, 0, 0, market.China)) {
		t.Fatalf("stored history %+v %v", held["SZ002230"].Held, err)
	}
	out = mustRun(t, db, "--quotes-url", srv.URL, "quote", "--format", "csv")
	if !strings.Contains(out, "2024-05-10,100.00,10.00") {
		t.Errorf("second run:\n%s", out)
	}
	// no adjusted reference is cached any more: the history replaced it
	if prices := mustRun(t, db, "prices"); prices != "" {
		t.Errorf("prices list:\n%s", prices)
	}

	// an unknown code, json
	out, errs, code := run(t, db, "", "--quotes-url", srv.URL, "quote", "-f", "json", "SZ000002", "600519")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var js []map[string]any
	if err := json.Unmarshal([]byte(out), &js); err != nil || len(js) != 2 {
		t.Fatalf("json %v: %s", err, out)
	}
	if _, ok := js[0]["last"]; !ok || js[1]["last"].(float64) != 110 {
		t.Errorf("json %v", js)
	}
	if !strings.Contains(errs, "1 of 2 codes unknown") {
		t.Errorf("stderr %q", errs)
	}
}

func TestQuoteOfflineAndUnreachable(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	_, errs, code := run(t, db, "", "--offline", "quote")
	if code != 1 || !strings.Contains(errs, "quotes are off") {
		t.Errorf("offline: %d %q", code, errs)
	}
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	_, errs, code = run(t, db, "", "--quotes-url", url, "quote")
	if code != 1 || !strings.Contains(errs, "no connection to the quote server") || strings.Count(errs, "\n") != 1 {
		t.Errorf("unreachable: %d %q", code, errs)
	}
	// the rest of zixuan works
	mustRun(t, db, "--quotes-url", url, "list")
}

func TestRateRefPriceAndPricesImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "rate", "002230", "buy", "--why", "again", "--ref-price", "1500.5")
	out := mustRun(t, db, "prices", "list", "002230")
	if !strings.Contains(out, ",1500.50,false,user") {
		t.Errorf("after rate --ref-price:\n%s", out)
	}
	_, errs, code := run(t, db, "", "rate", "002230", "buy", "--why", "x", "--ref-price=-3")
	if code != 2 || !strings.Contains(errs, "not a price") {
		t.Errorf("negative ref price: %d %q", code, errs)
	}
	f := filepath.Join(t.TempDir(), "p.csv")
	if err := os.WriteFile(f, []byte("\ufeffcode,date,close\nSZ000977,2024-05-10,40.12\n002230,20240510,45.5\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, db, "prices", "import", f); !strings.Contains(out, "imported 2") {
		t.Errorf("import: %s", out)
	}
	out = mustRun(t, db, "prices")
	for _, want := range []string{"SZ000977,2024-05-10,40.12,false,import:p.csv", "SZ002230,2024-05-10,45.50"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if err := os.WriteFile(f, []byte("SZ000977,yesterday,40\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, db, "", "prices", "import", f); code != 2 || !strings.Contains(errs, "line 1") {
		t.Errorf("bad date: %d %q", code, errs)
	}
}

// quote reads codes as the other commands do (names, pinyin), takes an
// index by its bare number (000300 is 沪深300, 399001 深证成指), and its
// json writes an unknown price as null, not 0.
func TestQuoteTakesNamesIndexesAndSaysUnknownAsNull(t *testing.T) {
	srv, _ := fakeQuotes(t)
	db := filepath.Join(t.TempDir(), "z.db")
	out := mustRun(t, db, "--quotes-url", srv.URL, "quote", "kdxf", "万科A", "000300", "399001", "--format", "json", "--no-refs")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err, out)
	}
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprint(r["exchange"], r["code"]))
	}
	if strings.Join(got, " ") != "SZ002230 SZ000002 SH000300 SZ399001" {
		t.Fatalf("quoted %v", got)
	}
	if rows[0]["last"] != 110.0 || rows[2]["last"] != 110.0 {
		t.Errorf("prices %v %v", rows[0]["last"], rows[2]["last"])
	}
	// sz000002 is unknown to the server: null, not 0
	if v, ok := rows[1]["last"]; !ok || v != nil {
		t.Errorf("an unknown price is %v (present %v), want null", v, ok)
	}
	if _, _, code := run(t, db, "", "--quotes-url", srv.URL, "quote", "nosuchname"); code == 0 {
		t.Error("a name of no A-share was quoted")
	}
}
