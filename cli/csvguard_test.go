package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zixuan/sectors/market"
	"zixuan/store"
)

// Every csv the program writes goes through the one writer with the
// formula guard: a text a spreadsheet would split at the ; and run as
// =HYPERLINK(...) comes out neutralised in each of them.
func TestEveryCSVGuardsFormulas(t *testing.T) {
	const hostile = `x;=HYPERLINK("http://evil","click")`
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	// the quote's name comes from the quote server, on a line that ends
	// at a ; and has no room for quotes: the separator is a comma there
	qs := newTickServer(t)
	qs.name = `x,=HYPERLINK(1)`
	qs.set(tick{Last: 51, Prev: 48, Open: 48, Volume: 1000, Time: "20260402095930"})
	out, errs, code := run(t, db, "", "--quotes-url", qs.URL, "quote", "600519", "--format", "csv", "--no-refs")
	if code != 0 || !strings.Contains(out, `x,'=HYPERLINK(`) || strings.Contains(out, `,=HYPERLINK(`) {
		t.Errorf("quote: exit %d %q, the formula not neutralised:\n%.600s", code, errs, out)
	}

	setNow(t, "2026-04-02 20:00")
	ks := newKlineServer(t)
	ts := newTickServer(t)
	ts.klines = ks.URL
	ts.set(tick{Last: 16, Prev: 14, Open: 14, Volume: 1000, Time: "20260402100000"})
	ts.setBench(tick{Last: 3300, Prev: 3300, Open: 3300, Volume: 1000, Time: "20260402100000"})
	seedPosition(t, db)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetName(market.MustParseCode("002230"), hostile); err != nil {
		t.Fatal(err)
	}
	prices := filepath.Join(dir, `x;=HYPERLINK(1).csv`)
	if err := os.WriteFile(prices, []byte("002230,2024-05-10,10\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "prices", "import", prices)
	for _, args := range [][]string{
		{"list", "--format", "csv"},
		{"export", "--format", "csv"},
		{"--quotes-url", ts.URL, "export", "--format", "csv", "--prices"},
		{"--quotes-url", ts.URL, "position", "list", "--format", "csv"},
		{"--quotes-url", ks.URL, "scorecard", "--format", "csv"},
		{"prices", "list", "002230"},
	} {
		out, errs, code := run(t, db, "", args...)
		if code != 0 {
			t.Errorf("%s: exit %d %q", strings.Join(args, " "), code, errs)
			continue
		}
		if !strings.Contains(out, `x;'=HYPERLINK(`) || strings.Contains(out, `;=HYPERLINK(`) {
			t.Errorf("%s: the formula is not neutralised:\n%.600s", strings.Join(args, " "), out)
		}
	}
}
