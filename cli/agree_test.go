package cli

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"
	"zixuan/store"
	"zixuan/ui"
)

var firstCandidate = regexp.MustCompile(`fits \d+ stocks \(([A-Z]{2}\d{6}) `)

// The CLI and the TUI answer the same typed input with the same ticker:
// `zixuan show X` / `zixuan add X` resolve to what `/X` in the list (for a
// ticker on the watchlist) or the add wizard (for any other stock) puts
// first.
func TestCLIAndTUIResolveAlike(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "list") // seed the report's tickers
	inputs := []string{
		// on the watchlist
		"688111", "688111.SH", "sh688111", "SH688111", "000977.SZ", "jsbg", "jinshanbangong", "金山",
		"金山办公", "kdxf", "kedaxunfei", "科大讯", "xhkj", "星环科技", "星环科技-U", "华铁应急", "海南华铁", "hnht",
		"hgxx", "zkjs", "qfkj", "寒武纪", "hwj",
		// elsewhere in the market
		"600519", "600519.SS", "gzmt", "贵州茅", "guizhoumaotai", "payh", "pinganyinhang", "cqyh",
		"chongqingyinhang", "万科", "万科A", "wka", "五粮液", "wly", "yh", "银行", "深天马A", "xmyh", "zgky", "cjdl",
	}
	type answer struct {
		code market.Code
		ok   bool
	}
	cliSays := map[string]answer{}
	a := &App{root: &Root{DB: db}, dbPath: db}
	for _, in := range inputs {
		c, err := a.resolveCode(in)
		if m := firstCandidate.FindStringSubmatch(fmt.Sprint(err)); m != nil {
			c, err = market.ParseCode(m[1]) // ambiguous: the first candidate listed
		}
		cliSays[in] = answer{c, err == nil}
		if err != nil {
			t.Errorf("zixuan show %q: %v", in, err)
		}
	}

	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	onList := map[market.Code]bool{}
	for _, tk := range snap.Tickers {
		onList[tk.Code] = tk.OnList()
	}
	for _, in := range inputs {
		want := cliSays[in]
		if !want.ok {
			continue
		}
		m, err := ui.New(st, ui.Options{Lang: "en", NoColor: true, PollInterval: -1})
		if err != nil {
			t.Fatal(err)
		}
		var tm tea.Model = m
		tm, _ = tm.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		where := "/"
		if !onList[want.code] {
			where = "a"
		}
		tm, _ = tm.Update(tea.KeyPressMsg{Code: rune(where[0]), Text: where})
		for _, r := range in {
			tm, _ = tm.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		got, ok := tm.(ui.Model).Selected()
		if !ok || got != want.code {
			t.Errorf("%q: the CLI resolves %s, the TUI's %q puts %s (%v) first", in, want.code, where, got, ok)
		}
	}
}

func TestCLIResolvesNamesCodesAndRefusals(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	if out := mustRun(t, db, "add", "贵州茅", "--sector", "compute"); !strings.Contains(out, "SH600519 贵州茅台") {
		t.Errorf("add 贵州茅: %q", out)
	}
	if out := mustRun(t, db, "add", "万科", "--sector", "compute"); !strings.Contains(out, "SZ000002 万科A") {
		t.Errorf("add 万科: %q", out)
	}
	if out := mustRun(t, db, "show", "万科"); !strings.HasPrefix(out, "SZ000002  万科A") {
		t.Errorf("show 万科: %q", out)
	}
	if out := mustRun(t, db, "show", "华铁应急"); !strings.HasPrefix(out, "SH603300") {
		t.Errorf("a former name: %q", out)
	}
	for _, c := range []struct{ in, want string }{
		{"830799", "the BSE moved its stocks to 920 codes, and 艾融软件 is now BJ920799"},
		{"839999", "search by name"},
		{"wly", "fits 3 stocks (SZ000858 五粮液"},
	} {
		_, errs, code := run(t, db, "", "add", c.in, "--sector", "compute")
		if code != 2 || !strings.Contains(errs, c.want) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("add %s: exit %d, %q; want one line with %q", c.in, code, errs, c.want)
		}
	}
	// an index goes on the list as an index, by the number no stock has
	// or by its exchange; a bare number a stock has is the stock
	if out := mustRun(t, db, "add", "000300", "--sector", "compute"); !strings.Contains(out, "SH000300 沪深300 (index)") {
		t.Errorf("add 000300: %q", out)
	}
	if out := mustRun(t, db, "add", "sz399001", "--sector", "compute"); !strings.Contains(out, "SZ399001 深证成指 (index)") {
		t.Errorf("add sz399001: %q", out)
	}
	if out := mustRun(t, db, "add", "sh000001", "--sector", "compute"); !strings.Contains(out, "SH000001 上证指数 (index)") {
		t.Errorf("add sh000001: %q", out)
	}
	if out := mustRun(t, db, "add", "000016", "--sector", "compute"); !strings.Contains(out, "SZ000016 *ST康佳A") || !strings.Contains(out, "for the index 上证50 give sh000016") {
		t.Errorf("add 000016: %q", out)
	}
}

func TestMoveToItsOwnSectorSaysSo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	out := mustRun(t, db, "move", "002230", "ai")
	if !strings.Contains(out, "already") || strings.Contains(out, "moved") {
		t.Errorf("move to its own sector: %q", out)
	}
	if out := mustRun(t, db, "show", "688088"); strings.Contains(out, "unrated -> unrated") || strings.Contains(strings.ToLower(out), "unrated → unrated") {
		t.Errorf("an entry from a rating to itself:\n%s", out)
	}
}
