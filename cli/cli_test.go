package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"maps"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"
)

// run calls the command line in-process against db.
func run(t *testing.T, db, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(append([]string{"--db", db}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func mustRun(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, errs, code := run(t, db, "", args...)
	if code != 0 {
		t.Fatalf("zixuan %v: exit %d: %s", args, code, errs)
	}
	return out
}

func TestListCSVHasTheReportsTickers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	out := mustRun(t, db, "list", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 26 {
		t.Fatalf("%d csv rows, want header + 25", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"code", "name", "exchange", "sector", "rating", "notes"} {
		if _, ok := col[h]; !ok {
			t.Errorf("csv lacks column %q", h)
		}
	}
	got := map[string][]string{}
	for _, r := range rows[1:] {
		got[r[col["exchange"]]+r[col["code"]]] = r
	}
	for _, st := range sectors.ReportTickers {
		r, ok := got[st.Code.Key()]
		if !ok {
			t.Errorf("%s missing", st.Code)
			continue
		}
		master, _ := market.LookupMaster(st.Code)
		if r[col["name"]] != master.Name || r[col["rating"]] != st.Rating.ID() || r[col["sector"]] != st.Sector {
			t.Errorf("%s row %v", st.Code, r)
		}
	}
}

func TestTableAlignsDoubleWidthNames(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "note", "688031", "星环 note")
	out := mustRun(t, db, "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	// every row's BOARD column starts at the same display column as the header's
	want := safetext.Width(lines[0][:strings.Index(lines[0], "BOARD")])
	for _, l := range lines[1:] {
		for _, board := range []string{"STAR", "SZSE Main", "SSE Main", "ChiNext"} {
			if i := strings.Index(l, "  "+board+" "); i >= 0 {
				if got := safetext.Width(l[:i+2]); got != want {
					t.Errorf("BOARD at column %d, want %d: %q", got, want, l)
				}
				break
			}
		}
	}
}

func TestEditCommandsAndHistory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "rate", "002230.SZ", "增持", "--why", "估值")
	if _, errs, code := run(t, db, "第一条\n第二行\n", "note", "sz002230"); code != 0 {
		t.Fatal(errs)
	}
	mustRun(t, db, "note", "002230", "second")
	out := mustRun(t, db, "show", "002230")
	for _, want := range []string{"科大讯飞", "overweight 增持", "buy → overweight", "估值", "第一条", "      第二行", "#2", "notes (2)"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	mustRun(t, db, "note", "002230", "--delete", "1")
	if out := mustRun(t, db, "show", "002230"); strings.Contains(out, "第一条") {
		t.Errorf("deleted note still shown:\n%s", out)
	}
	var doc struct {
		Tickers []struct {
			Key     string
			Rating  string
			History []struct{ From, To, Reason string } `json:"rating_history"`
			Notes   []struct {
				Text    string
				Deleted *string
			}
		}
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--format", "json", "--sector", "AI 应用")), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Tickers) != 6 {
		t.Fatalf("%d AI tickers", len(doc.Tickers))
	}
	for _, tk := range doc.Tickers {
		if tk.Key == "SZ002230" && (tk.Rating != "overweight" || len(tk.History) != 2 || len(tk.Notes) != 2 || tk.Notes[1].Deleted == nil) {
			t.Errorf("json for 002230: %+v", tk)
		}
	}
}

func TestAddRemoveUndoMove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "add", "600519", "--sector", "compute", "--rating", "buy")
	if out := mustRun(t, db, "list", "--rating", "buy", "--sector", "算力"); !strings.Contains(out, "贵州茅台") {
		t.Errorf("added ticker not listed:\n%s", out)
	}
	mustRun(t, db, "rm", "600519")
	if out := mustRun(t, db, "list"); strings.Contains(out, "贵州茅台") {
		t.Error("removed ticker still listed")
	}
	mustRun(t, db, "rm", "--undo")
	mustRun(t, db, "sector", "add", "Baijiu", "--zh", "白酒")
	mustRun(t, db, "move", "600519", "白酒")
	if out := mustRun(t, db, "list", "-s", "baijiu"); !strings.Contains(out, "SH600519") {
		t.Errorf("moved ticker not in new sector:\n%s", out)
	}
	mustRun(t, db, "sector", "rename", "baijiu", "Spirits")
	if out := mustRun(t, db, "sector", "list"); !strings.Contains(out, "Spirits / 白酒") {
		t.Errorf("rename: %s", out)
	}
	_, errs, code := run(t, db, "", "add", "688999", "-s", "ai")
	if code == 0 || !strings.Contains(errs, "--name") {
		t.Errorf("unknown code without name: %d %s", code, errs)
	}
	mustRun(t, db, "add", "688999", "-s", "ai", "--name", "新股-U")
}

func TestBadInputIsOneLineAndNonZero(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	cases := [][]string{
		{"show", "6881111"},
		{"show", "HK00700"},
		{"rate", "688111", "strong"},
		{"list", "--rating", "great"},
		{"list", "--sector", "nope"},
		{"move", "688111", "nope"},
		{"show", "600519"},
		{"note", "688111", ""},
		{"frobnicate"},
		{"show", "\x1b]2;pwned\x07"},
		{"note", "688111", "--delete", "0"},
		{"note", "688111", "--edit", "0", "x"},
	}
	for _, args := range cases {
		_, errs, code := run(t, db, "", args...)
		if code == 0 {
			t.Errorf("%q: exit 0", args)
		}
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if len(lines) != 1 || !strings.HasPrefix(lines[0], "zixuan: ") {
			t.Errorf("%q: error is not one line: %q", args, errs)
		}
		if strings.ContainsAny(errs, "\x1b\x07") {
			t.Errorf("%q: control bytes reached the terminal: %q", args, errs)
		}
	}
}

func TestHostileTextIsInertInTableAndShow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	evil := "\x1b]2;owned\x07\x1b[2J\u202Egnp.exe\r\x9b31m"
	mustRun(t, db, "note", "688111", evil)
	mustRun(t, db, "rate", "688111", "buy", "--why", evil)
	mustRun(t, db, "add", "688999", "-s", "ai", "--name", evil)
	for _, args := range [][]string{{"list"}, {"show", "688111"}, {"show", "688999"}, {"sector", "list"}} {
		out := mustRun(t, db, args...)
		for _, r := range out {
			if r == 0x1b || r == 0x07 || r == '\r' || r == 0x9b || r == 0x202E {
				t.Errorf("%v printed control %U", args, r)
				break
			}
		}
	}
	// the stored text is unchanged
	out := mustRun(t, db, "list", "--format", "json", "-s", "ai")
	if !strings.Contains(out, `\u001b]2;owned\u0007`) {
		t.Error("the note's stored text was altered")
	}
}

// The real binary, two processes writing at once: every write lands.
func TestTwoProcessesShareTheFile(t *testing.T) {
	bin := binary(t)
	db := filepath.Join(t.TempDir(), "z.db")
	if out, err := exec.Command(bin, "--db", db, "version").CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	var wg sync.WaitGroup
	const each = 15
	errs := make(chan string, 2*each)
	for p := 0; p < 2; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				args := []string{"--db", db, "note", "688111", "from process " + string(rune('A'+p))}
				if i%5 == 0 {
					args = []string{"--db", db, "list"}
				}
				if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
					errs <- string(out)
				}
			}
		}(p)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("a process failed: %s", e)
	}
	out, _ := exec.Command(bin, "--db", db, "show", "688111").CombinedOutput()
	if n := strings.Count(string(out), "from process"); n != 2*(each-3) {
		t.Errorf("%d notes landed, want %d", n, 2*(each-3))
	}
}

func TestTUINeedsATerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	_, errs, code := run(t, db, "")
	if code == 0 || !strings.Contains(errs, "zixuan list") {
		t.Errorf("no terminal: exit %d, %q", code, errs)
	}
}

// Whatever the arguments, the command line answers with exit 0, 1 or 2 and
// at most one line of error, and never panics.
func FuzzArgs(f *testing.F) {
	db := filepath.Join(f.TempDir(), "z.db")
	for _, s := range []string{"list", "list --rating buy", "show 688111", "rate 688111 \xff", "note 688111 x --edit 99", "sector add", "move 688111 ai", "--db", "list --format xml", "rm --undo"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		for _, a := range args {
			if a == "--db" || strings.HasPrefix(a, "--db=") || a == "tui" {
				return // keep to the test's database, and no TUI
			}
		}
		var out, errb bytes.Buffer
		code := Main(append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errb)
		if code < 0 || code > 2 {
			t.Errorf("%q: exit %d", line, code)
		}
		if code != 0 && strings.Count(strings.TrimSpace(errb.String()), "\n") > 0 {
			t.Errorf("%q: multi-line error %q", line, errb.String())
		}
	})
}

// Tickers can be named as in a trading terminal: by name or pinyin.
func TestTickersByNameOrPinyin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	for _, in := range []string{"kdxf", "科大讯飞", "KDXF", "kedaxunfei"} {
		if out := mustRun(t, db, "show", in); !strings.HasPrefix(out, "SZ002230") {
			t.Errorf("show %s: %q", in, out)
		}
	}
	if out := mustRun(t, db, "show", "星环科技"); !strings.HasPrefix(out, "SH688031") {
		t.Errorf("a name without its -U: %q", out)
	}
	mustRun(t, db, "rate", "寒武纪", "buy")
	if out := mustRun(t, db, "show", "688256"); !strings.Contains(out, "rating   buy") {
		t.Errorf("rate by name did not land: %s", out)
	}
	mustRun(t, db, "add", "gzmt", "--sector", "compute")
	// initials that fit several stocks of the market list them all
	byIni := map[string][]string{}
	for _, s := range market.Master() {
		byIni[s.Initials[0]] = append(byIni[s.Initials[0]], s.Code.Key())
	}
	// in a fixed order, and only initials none of whose stocks is on the
	// list already (the list's own ticker is then the one meant)
	onList := mustRun(t, db, "list", "--format", "csv")
	inis := slices.Sorted(maps.Keys(byIni))
	for _, ini := range inis {
		keys := byIni[ini]
		if len(keys) < 2 || len(keys) > 4 || slices.ContainsFunc(keys, func(k string) bool { return strings.Contains(onList, k[2:]) }) {
			continue
		}
		_, errs, code := run(t, db, "", "add", ini, "--sector", "ai")
		if code != 2 || !strings.Contains(errs, "fits") {
			t.Errorf("ambiguous %s: %d %q", ini, code, errs)
		}
		for _, k := range keys {
			if !strings.Contains(errs, k) {
				t.Errorf("ambiguous %s: %s not listed in %q", ini, k, errs)
			}
		}
		break
	}
	if _, errs, code := run(t, db, "", "show", "zzzzqx"); code != 2 || !strings.Contains(errs, "neither a code nor") {
		t.Errorf("unknown name: %d %q", code, errs)
	}
	if _, errs, code := run(t, db, "", "show", "600000"); code != 1 || !strings.Contains(errs, "浦发银行 is not on the watchlist") {
		t.Errorf("a known stock not on the list: %d %q", code, errs)
	}
}

// Importing an older export back never undoes what was changed since:
// a newer rating, a move, a removal, a return to the list.
func TestOldExportDoesNotUndoNewerChanges(t *testing.T) {
	for _, format := range []string{"csv", "json"} {
		dir := t.TempDir()
		db := filepath.Join(dir, "z.db")
		f := filepath.Join(dir, "old."+format)
		mustRun(t, db, "rm", "688590")
		mustRun(t, db, "export", "--format", format, "--out", f)
		time.Sleep(10 * time.Millisecond) // the changes below come after the file
		mustRun(t, db, "rate", "688111", "sell", "--why", "downgrade")
		mustRun(t, db, "move", "688088", "compute")
		mustRun(t, db, "rm", "002230")
		mustRun(t, db, "add", "688590", "--sector", "ai")
		mustRun(t, db, "import", f)
		out := mustRun(t, db, "list", "--format", "json")
		var doc struct {
			Tickers []struct {
				Key, Rating, Sector string
			}
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, tk := range doc.Tickers {
			got[tk.Key] = tk.Rating + "/" + tk.Sector
		}
		if got["SH688111"] != "sell/ai" {
			t.Errorf("%s: 688111 is %q, want the newer sell", format, got["SH688111"])
		}
		if got["SH688088"] != "unrated/compute" {
			t.Errorf("%s: 688088 is %q, want it left in compute", format, got["SH688088"])
		}
		if format == "json" {
			if _, back := got["SZ002230"]; back {
				t.Error("json: 002230, removed after the export, is back on the list")
			}
			if _, on := got["SH688590"]; !on {
				t.Error("json: 688590, added back after the export, was removed again")
			}
		}
	}
}
