package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zixuan/quote/quotetest"
	"zixuan/sectors/market"
	"zixuan/store"
)

// fundQuotes answers like Tencent's quote server with the recorded lines of
// ../quote/testdata/tencent_funds.gbk (ETFs and indexes: sh512710,
// sz159915, sz399006, sh000300, sh510300), and any other symbol as
// unknown; it keeps the symbols asked.
func fundQuotes(t *testing.T) *quotetest.Server {
	return quotetest.NewServer(t, quotetest.Lines(t, "tencent_funds.gbk"))
}

// ETFs and indexes go on the watchlist by code, named by the quote server
// where the securities master has no name, kept in the database (shown
// offline, found by name and pinyin), listed, shown, exported and quoted
// like stocks, with a fund's prices at three decimals.
func TestFundsAndIndexesOnTheWatchlist(t *testing.T) {
	srv := fundQuotes(t)
	db := filepath.Join(t.TempDir(), "z.db")
	q := []string{"--quotes-url", srv.URL}
	for _, c := range []struct{ in, want string }{
		{"510300", "added SH510300 沪深300ETF华泰柏瑞 (ETF) to Compute"},
		{"sz159915", "added SZ159915 创业板ETF易方达 (ETF)"},
		{"512710.SH", "added SH512710 军工龙头ETF (ETF)"},
		{"399006", "added SZ399006 创业板指 (index)"},
		{"000300", "added SH000300 沪深300 (index)"},
	} {
		out := mustRun(t, db, append(q, "add", c.in, "--sector", "compute")...)
		if !strings.Contains(out, c.want) {
			t.Errorf("add %s: %q, want %q", c.in, out, c.want)
		}
	}
	// a known index is named without asking the server; funds are asked
	for _, sym := range srv.Symbols() {
		if sym == "sz399006" || sym == "sh000300" {
			t.Errorf("the server was asked for %s, whose name zixuan knows", sym)
		}
	}
	// a code the server does not know, or an add offline, needs a name
	_, errs, code := run(t, db, "", append(q, "add", "510999", "--sector", "compute")...)
	if code != 2 || !strings.Contains(errs, "does not know SH510999") || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
		t.Errorf("add of an unknown fund: exit %d, %q", code, errs)
	}
	_, errs, code = run(t, db, "", "--offline", "add", "588000", "--sector", "compute")
	if code == 0 || !strings.Contains(errs, "give its name with --name, or add it with quotes on") {
		t.Errorf("an offline add of a fund: exit %d, %q; want it to ask for --name", code, errs)
	}
	mustRun(t, db, "--offline", "add", "588000", "--name", "科创50ETF", "--sector", "compute")

	// kept in the database: offline, by name and by pinyin
	if out := mustRun(t, db, "--offline", "show", "沪深300ETF华泰柏瑞"); !strings.HasPrefix(out, "SH510300  沪深300ETF华泰柏瑞  SSE ETF 沪ETF") {
		t.Errorf("show by name: %q", out)
	}
	if out := mustRun(t, db, "--offline", "show", "cybetf"); !strings.HasPrefix(out, "SZ159915  创业板ETF易方达") {
		t.Errorf("show by pinyin initials: %q", out)
	}
	if out := mustRun(t, db, "--offline", "show", "399006"); !strings.HasPrefix(out, "SZ399006  创业板指  SZSE Index") {
		t.Errorf("show 399006: %q", out)
	}
	out := mustRun(t, db, "--offline", "list", "--sector", "compute", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, r := range rows[1:] {
		names[r[0]] = r[1]
	}
	for code, name := range map[string]string{"510300": "沪深300ETF华泰柏瑞", "159915": "创业板ETF易方达", "399006": "创业板指", "000300": "沪深300", "588000": "科创50ETF"} {
		if names[code] != name {
			t.Errorf("csv: %s named %q, want %q\n%s", code, names[code], name, out)
		}
	}
	var exported struct {
		Tickers []struct {
			Key, Board, Name, QuoteName string
		} `json:"tickers"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "--offline", "list", "--sector", "compute", "--format", "json")), &exported); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tk := range exported.Tickers {
		if tk.Key == "SH510300" {
			found = tk.Board == "SSE ETF" && tk.Name == "沪深300ETF华泰柏瑞"
		}
	}
	if !found {
		t.Errorf("json export lacks SH510300 as an SSE ETF: %+v", exported.Tickers)
	}

	// quoted with a fund's three decimals; an index at two
	out = mustRun(t, db, append(q, "quote", "510300", "159915", "000300", "--no-refs")...)
	for _, want := range []string{"5.048", "+0.081", "3.560", "5020.10"} {
		if !strings.Contains(out, want) {
			t.Errorf("quote table lacks %q:\n%s", want, out)
		}
	}
	out = mustRun(t, db, append(q, "quote", "512710", "--no-refs", "--format", "csv")...)
	if !strings.Contains(out, "512710,SH,军工龙头ETF,0.879,0.013,1.50,0.866,0.892,0.866,0.866,633268000,") {
		t.Errorf("quote csv:\n%s", out)
	}
}

// Upgrading a database written before funds could be on the list keeps
// everything, and the new build then takes funds.
func TestFundsOnADatabaseOfTheLastSchema(t *testing.T) {
	srv := fundQuotes(t)
	db := filepath.Join(t.TempDir(), "z.db")
	old, err := os.ReadFile("../store/testdata/schema1.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, old, 0o600); err != nil {
		t.Fatal(err)
	}
	before := mustRun(t, db, "--offline", "list", "--format", "csv")
	mustRun(t, db, "--quotes-url", srv.URL, "add", "510300", "--sector", "compute")
	after := mustRun(t, db, "--offline", "list", "--format", "csv")
	for _, line := range strings.Split(strings.TrimSpace(before), "\n")[1:] {
		if !strings.Contains(after, line) {
			t.Errorf("lost in the upgrade: %s", line)
		}
	}
	if !strings.Contains(after, "510300,沪深300ETF华泰柏瑞,SH,SSE ETF") {
		t.Errorf("the fund is not listed after the upgrade:\n%s", after)
	}
	if _, err := os.Stat(db + ".schema-1.bak"); err != nil {
		t.Errorf("no backup of the old schema: %v", err)
	}

}

// list --sort: by a stored column offline, by a live one with quotes (the
// recorded lines), pinned tickers first, tickers without a quote last and
// shown as "-", never as a zero; one-line errors for what cannot be done.
func TestListSortByColumns(t *testing.T) {
	srv := fundQuotes(t)
	db := filepath.Join(t.TempDir(), "z.db")
	q := []string{"--quotes-url", srv.URL}
	for _, c := range []string{"510300", "159915", "512710", "000300", "399006"} {
		mustRun(t, db, append(q, "add", c, "--sector", "quantum")...)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetPinned(market.MustParseCode("688027"), true); err != nil { // 国盾量子, no quote here
		t.Fatal(err)
	}
	codesOf := func(out string) []string {
		var codes []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
			codes = append(codes, strings.Fields(l)[0])
		}
		return codes
	}
	out := mustRun(t, db, append(q, "list", "--sector", "quantum", "--sort", "change_pct:desc")...)
	got := codesOf(out)
	want := []string{"SH688027", "SZ399006", "SH510300", "SH000300", "SH512710", "SZ159915"}
	if len(got) < len(want) || strings.Join(got[:len(want)], " ") != strings.Join(want, " ") {
		t.Fatalf("change_pct:desc: %v, want %v first\n%s", got, want, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasSuffix(strings.TrimSpace(lines[0]), "CHG%") || !strings.HasSuffix(lines[2], "+3.04%") || !strings.HasSuffix(lines[len(lines)-1], "-") {
		t.Errorf("the sorted column is not shown, or an unknown one is not a dash:\n%s", out)
	}
	// ascending: the known ones turn round, the unknown ones stay last
	got = codesOf(mustRun(t, db, append(q, "list", "--sector", "quantum", "--sort", "涨跌幅")...))
	if strings.Join(got[:6], " ") != "SH688027 SZ159915 SH512710 SH000300 SH510300 SZ399006" {
		t.Errorf("change_pct ascending: %v", got)
	}
	// a fund's last price at three decimals
	if out := mustRun(t, db, append(q, "list", "--sector", "quantum", "--sort", "last")...); !strings.Contains(out, "0.879") {
		t.Errorf("sort by last:\n%s", out)
	}
	// a stored column offline, csv in the same order
	out = mustRun(t, db, "--offline", "list", "--sector", "quantum", "--sort", "code:desc", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][0] != "688027" || rows[2][0] != "688631" || rows[len(rows)-1][0] != "000300" {
		t.Errorf("code:desc csv: %v", rows)
	}
	for _, c := range []struct{ args []string }{
		{[]string{"--offline", "list", "--sort", "pnl"}},
		{[]string{"list", "--sort", "colour"}},
		{[]string{"list", "--sort", "code:sideways"}},
	} {
		_, errs, code := run(t, db, "", c.args...)
		if code != 2 || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("%v: exit %d, %q; want a one-line usage error", c.args, code, errs)
		}
	}
	_, errs, _ := run(t, db, "", "--offline", "list", "--sort", "change_pct")
	if !strings.Contains(errs, "quotes are off") || !strings.Contains(errs, "sort by sector, code, name, rating or changed") {
		t.Errorf("a live sort offline: %q", errs)
	}
	_, errs, _ = run(t, db, "", "list", "--sort", "colour")
	if !strings.Contains(errs, `unknown sort column "colour"`) || !strings.Contains(errs, "change_pct") || !strings.Contains(errs, "cap") {
		t.Errorf("an unknown column: %q", errs)
	}
}

// The columns measured to today's quote (return since the rating, excess
// over the benchmark, P&L) sort from the history and the positions, in
// one command.
func TestListSortByMeasuredColumns(t *testing.T) {
	srv, _ := fakeQuotes(t)
	db := filepath.Join(t.TempDir(), "z.db")
	q := []string{"--quotes-url", srv.URL}
	mustRun(t, db, "--offline", "position", "add", "002230", "--qty", "100", "--price", "120", "--date", "2026-03-02")
	for _, c := range []struct{ col, head string }{{"return:desc", "RETURN"}, {"excess", "EXCESS"}, {"pnl", "P&L"}, {"pnl_pct:desc", "P&L%"}, {"cap", "CAP"}} {
		out, errs, code := run(t, db, "", append(q, "list", "--sector", "ai", "--sort", c.col)...)
		if code != 0 {
			t.Fatalf("list --sort %s: exit %d %s", c.col, code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if !strings.HasSuffix(strings.TrimSpace(lines[0]), c.head) {
			t.Errorf("--sort %s: header %q", c.col, lines[0])
		}
		if c.col == "pnl" && (!strings.HasPrefix(lines[1], "SZ002230") || !strings.HasSuffix(lines[1], "-1000.00")) {
			t.Errorf("--sort pnl: the one holding (bought at 120, at 110 now) first:\n%s", out)
		}
		if c.col == "return:desc" && !strings.HasSuffix(lines[1], "%") {
			t.Errorf("--sort return: no return measured:\n%s\n%s", out, errs)
		}
	}
}

// A 通达信 block file with an index and ETFs: the index zixuan names comes
// in; an ETF, which no file line names, is refused with how to add it.
func TestImportBlockWithIndexesAndFunds(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	blk := filepath.Join(t.TempDir(), "ZXG.blk")
	if err := os.WriteFile(blk, []byte("1000300\r\n0399006\r\n1510300\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, db, "", "--offline", "import", blk, "--sector", "ai", "--skip-invalid")
	if code != 0 || !strings.Contains(out, "SH000300") || !strings.Contains(out, "SZ399006") {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errs)
	}
	if !strings.Contains(out+errs, "SH510300 (ETF) has no name in the file") {
		t.Errorf("the ETF's refusal: %s %s", out, errs)
	}
	if list := mustRun(t, db, "--offline", "list", "--sector", "ai"); !strings.Contains(list, "沪深300") || !strings.Contains(list, "创业板指") {
		t.Errorf("list:\n%s", list)
	}
}
