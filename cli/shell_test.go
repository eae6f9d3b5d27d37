package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// TestMain keeps the tests off the developer's own settings: the default
// config file is looked for in a folder that does not exist.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "zixuan-cfg-")
	if err != nil {
		panic(err)
	}
	os.Chmod(dir, 0o755) // the permission tests run zixuan as nobody
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "none"))
	os.Unsetenv("ZIXUAN_CONFIG")
	os.Unsetenv("ZIXUAN_DB")
	os.Unsetenv("COMP_LINE")
	// In-process commands run on a fixed day, the evening after the fake
	// quote servers' last bar: what they fetch must not depend on today.
	nowFunc = func() time.Time { return time.Date(2026, 4, 1, 20, 0, 0, 0, market.China) }
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestVersionFlagAndCommandAgree(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	flag, _, code := run(t, db, "", "--version")
	cmd := mustRun(t, db, "version")
	if code != 0 || flag != cmd || !strings.HasPrefix(flag, "zixuan ") {
		t.Errorf("--version (exit %d) %q, version %q", code, flag, cmd)
	}
}

func TestHelpCommandIsTheCommandsHelp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	for _, args := range [][]string{{"rate"}, {"sector", "add"}, {}} {
		viaHelp, _, code := run(t, db, "", append([]string{"help"}, args...)...)
		direct, _, _ := run(t, db, "", append(args, "--help")...)
		if code != 0 || viaHelp != direct || !strings.HasPrefix(viaHelp, "Usage: zixuan") {
			t.Errorf("help %v (exit %d):\n%s\nwant:\n%s", args, code, viaHelp, direct)
		}
	}
	_, errs, code := run(t, db, "", "help", "lst")
	if code != 2 || !strings.Contains(errs, "did you mean list?") {
		t.Errorf("help lst: exit %d: %s", code, errs)
	}
}

func TestMistypedCommandsAndFlagsGetASuggestion(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	cases := map[string][]string{
		`"lst" is not a zixuan command: did you mean list? (see zixuan --help)`:               {"lst"},
		`"lsit" is not a zixuan command: did you mean list?`:                                  {"lsit"},
		`"expotr" is not a zixuan command: did you mean export?`:                              {"expotr"},
		`"lst" is not a zixuan sector command: did you mean list? (see zixuan sector --help)`: {"sector", "lst"},
		`unknown flag --fromat: did you mean --format? (see zixuan list --help)`:              {"list", "--fromat", "csv"},
	}
	for want, args := range cases {
		_, errs, code := run(t, db, "", args...)
		if code != 2 || !strings.Contains(errs, want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("zixuan %v: exit %d: %q, want %q", args, code, errs, want)
		}
	}
	if _, errs, _ := run(t, db, "", "qqqqqq"); strings.Contains(errs, "did you mean") {
		t.Errorf("a word far from every command got a suggestion: %s", errs)
	}
}

func TestParserMessagesArePlainAndPointToTheCommandsHelp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"rate", "688111", "buy", "--why"}, "--why needs a value after it (see zixuan rate --help)"},
		{[]string{"rate", "688111"}, "missing <rating>: the command is zixuan rate <code> <rating> [flags] (see zixuan rate --help)"},
		{[]string{"--lang", "fr", "list"}, `--lang "fr" is not a choice: use en or zh`},
		{[]string{"list", "--format", "xml"}, `--format "xml" is not a choice: use table, csv or json (see zixuan list --help)`},
		{[]string{"--refresh", "soon", "list"}, `--refresh "soon" is not a duration`},
		{[]string{"rate", "688111", "buy", "--ref-price", "abc"}, `--ref-price "abc" is not a number (see zixuan rate --help)`},
		{[]string{"note", "688111", "--edit", "x"}, `--edit "x" is not a whole number (see zixuan note --help)`},
		{[]string{"add", "600519"}, "--sector S is required here (see zixuan add --help)"},
		{[]string{"show", "688111", "688031"}, "688031 is one argument too many: the command is zixuan show <code> [flags] (see zixuan show --help)"},
	}
	raw := regexp.MustCompile(`EOL|must be one of|expected .* but got|"",|<EOL>|\(string\)`)
	for _, c := range cases {
		_, errs, code := run(t, db, "", c.args...)
		if code != 2 || !strings.Contains(errs, c.want) || raw.MatchString(errs) || strings.Count(errs, "\n") != 1 {
			t.Errorf("zixuan %v: exit %d: %q, want %q", c.args, code, errs, c.want)
		}
	}
}

func TestHelpNamesEveryEnvironmentVariableAndDefault(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	help := mustRun(t, db, "--help")
	vars := []string{"LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "XDG_DATA_HOME", "XDG_CONFIG_HOME"}
	// and every variable the program reads by name
	getenv := regexp.MustCompile(`Getenv\("(\w+)"\)`)
	err := filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && filepath.Base(path) == "bench" {
			return filepath.SkipDir // the benchmark tools' own settings (IDLE_SECONDS)
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		for _, m := range getenv.FindAllStringSubmatch(string(src), -1) {
			if m[1] != "COMP_LINE" && !slices.Contains(vars, m[1]) {
				vars = append(vars, m[1])
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	env := help[strings.Index(help, "Environment:"):]
	for _, v := range vars {
		if !strings.Contains(env, v) {
			t.Errorf("--help's environment does not name %s:\n%s", v, env)
		}
	}
	for _, def := range []string{"default https://qt.gtimg.cn", "default ~/.config/zixuan", "default ~/.local/share/zixuan", "English (the default)"} {
		if !strings.Contains(env, def) {
			t.Errorf("--help does not give the default %q", def)
		}
	}
}

func TestRateNoteAddHelpSayANameOrPinyinWorks(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	for _, cmd := range []string{"rate", "note", "add"} {
		help := mustRun(t, db, cmd, "--help")
		if !strings.Contains(help, "name") || !strings.Contains(help, "pinyin") {
			t.Errorf("%s --help does not say a name or pinyin works:\n%s", cmd, help)
		}
	}
}

// writeConfig writes a config file and returns its path.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const fullConfig = `# mine
lang = "zh"
colors = "western"
refresh = "30s"
offline = true
columns = ["code", "name", "last", "change_pct", "return"]
sort = "rating"
rating_filter = ["buy", "增持"]
remember_view = true
import_sector = "compute"
alert_bell = false
alert_notify = "osc777"
quote_redirect_hosts = ["web.ifzq.gtimg.cn"]
benchmark = "中证500"
sector_benchmarks = { compute = "399006" }
strip = ["000300", "创业板指"]
today_stale_days = 14
`

func TestLoadConfigReadsEveryKey(t *testing.T) {
	cfg, err := LoadConfig(writeConfig(t, fullConfig))
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Found || cfg.Lang != "zh" || cfg.Colors != "western" || cfg.Refresh != 30*time.Second || !cfg.Offline ||
		!slices.Equal(cfg.Columns, []string{"code", "name", "last", "change_pct", "return"}) || cfg.Sort != "rating" ||
		!slices.Equal(cfg.RatingFilter, []sectors.Rating{sectors.Buy, sectors.Overweight}) || !cfg.RememberView || cfg.ImportSector != "compute" || cfg.AlertBell || cfg.AlertNotify != "osc777" ||
		!slices.Equal(cfg.QuoteRedirectHosts, []string{"web.ifzq.gtimg.cn"}) ||
		cfg.Benchmark != "中证500" || cfg.SectorBenchmarks["compute"] != "399006" ||
		!slices.Equal(cfg.Strip, []string{"000300", "创业板指"}) || cfg.TodayStaleDays != 14 {
		t.Errorf("%+v", cfg)
	}
	for _, k := range ConfigKeys {
		if cfg.From[k] != "config file" {
			t.Errorf("%s from %q", k, cfg.From[k])
		}
	}
	none, err := LoadConfig(filepath.Join(t.TempDir(), "missing.toml"))
	if err != nil || none.Found || none.Colors != "china" || none.Refresh != 10*time.Second || none.Sort != "sector" || none.From["sort"] != "default" || none.TodayStaleDays != 30 {
		t.Errorf("no file: %+v, %v", none, err)
	}
}

func TestConfigCommandSaysWhereEachSettingCameFrom(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	cfg := writeConfig(t, "colors = \"western\"\nrefresh = \"30s\"\nsort = \"name\"\n")
	out := mustRun(t, db, "--config", cfg, "--refresh", "5s", "config")
	for _, want := range []string{
		"# config file: " + cfg + " (found)",
		`colors = "western"`, `# config file`,
		`refresh = "5s"`, `# flag --refresh`,
		`sort = "name"`,
		`offline = false`, `# default`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("zixuan config lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`(?m)^refresh = "5s" +# flag --refresh$`).MatchString(out) || !regexp.MustCompile(`(?m)^colors = "western" +# config file$`).MatchString(out) {
		t.Errorf("sources are not on their keys' lines:\n%s", out)
	}
	// The output is itself a config file that gives the same settings.
	settings := func(out string) string { return regexp.MustCompile(`(?m) *#.*$`).ReplaceAllString(out, "") }
	if back := mustRun(t, db, "--config", writeConfig(t, out), "config"); settings(back) != settings(out) {
		t.Errorf("zixuan config's output read back:\n%s\nwas:\n%s", back, out)
	}
}

func TestConfigErrorsAreOneLineNamingTheFileAndKey(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	cases := map[string]string{
		"colour = \"western\"\n":          "key colour: unknown key",
		"colors = \"purple\"\n":           `key colors: "purple" is not one of "china", "western"`,
		"refresh = 10\n":                  `key refresh: 10 is not a duration`,
		"refresh = \"ten\"\n":             `key refresh: "ten" is not a duration`,
		"offline = \"yes\"\n":             `key offline: "yes" is not true or false`,
		"sort = \"prize\"\n":              `key sort: unknown sort column "prize": use one of sector, code`,
		"sort = \"last:up-ish\"\n":        `key sort: sort direction "up-ish"`,
		"columns = [\"code\", \"pe2\"]\n": `key columns: "pe2" is not a column`,
		"rating_filter = [\"b\"]\n":       `key rating_filter: "b" is not a rating`,
		"lang = \"fr\"\n":                 `key lang: "fr" is not one of "en", "zh"`,
		"alert_notify = \"growl\"\n":      `key alert_notify: "growl" is not one of "auto", "osc9", "osc777", "notify-send", "off"`,
		"alert_notify = false\n":          `key alert_notify: false is not one of "auto"`,
		"lang = \"zh\n":                   "line 1:",
		"strip = [\"600519\"]\n":          `key strip: `,
		"strip = \"000300\"\n":            `key strip: "000300" is not a list`,
		"today_stale_days = 0\n":          `key today_stale_days: 0 is not a number of days: give a whole number from 1 to 36500`,
		"today_stale_days = \"30\"\n":     `key today_stale_days: "30" is not a number of days`,
		"today_stale_days = 2.5\n":        `key today_stale_days: 2.5 is not a number of days`,
	}
	for text, want := range cases {
		cfg := writeConfig(t, text)
		out, errs, code := run(t, db, "", "--config", cfg, "list")
		if code != 1 || out != "" || !strings.HasPrefix(errs, "zixuan: config file "+cfg+": ") || !strings.Contains(errs, want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("config %q: exit %d: %q, want %q", text, code, errs, want)
		}
	}
}

func TestConfigOfflineAndFlagsOverIt(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	cfg := writeConfig(t, "offline = true\n")
	if _, errs, code := run(t, db, "", "--config", cfg, "quote"); code != 1 || !strings.Contains(errs, "quotes are off") {
		t.Errorf("offline = true: quote exit %d: %s", code, errs)
	}
	out := mustRun(t, db, "--config", cfg, "--no-offline", "config")
	if !regexp.MustCompile(`(?m)^offline = false +# flag --offline$`).MatchString(out) {
		t.Errorf("--no-offline over offline = true:\n%s", out)
	}
}

func TestConfigImportSectorTakesNewTickers(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	cfg := writeConfig(t, "import_sector = \"compute\"\n")
	file := filepath.Join(dir, "more.txt")
	if err := os.WriteFile(file, []byte("600519\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, db, "--config", cfg, "import", file); !strings.Contains(out, "into compute") {
		t.Errorf("import with import_sector = compute:\n%s", out)
	}
	bad := writeConfig(t, "import_sector = \"nowhere\"\n")
	if _, errs, code := run(t, db, "", "--config", bad, "import", file); code != 1 || !strings.Contains(errs, "key import_sector") {
		t.Errorf("import_sector naming no sector: exit %d: %s", code, errs)
	}
}

func TestCompletionOfCommandsFlagsSectorsAndCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "sector", "add", "Banks")
	mustRun(t, db, "rm", "688031")
	complete := func(line string) []string {
		t.Helper()
		t.Setenv("COMP_LINE", line)
		out, errs, code := run(t, "ignored-by-completion.db", "", "zixuan", "x", "y")
		if code != 0 || errs != "" {
			t.Fatalf("completing %q: exit %d: %s", line, code, errs)
		}
		return strings.Fields(out)
	}
	if got := complete("zixuan ra"); !slices.Equal(got, []string{"rate"}) {
		t.Errorf("zixuan ra: %v", got)
	}
	if got := complete("zixuan comp"); !slices.Equal(got, []string{"completion"}) {
		t.Errorf("zixuan comp: %v", got)
	}
	if got := complete("zixuan list --fo"); !slices.Equal(got, []string{"--format"}) {
		t.Errorf("zixuan list --fo: %v", got)
	}
	if got := complete("zixuan --db " + db + " move 688111 "); !slices.Contains(got, "banks") || !slices.Contains(got, "ai") || len(got) != 5 {
		t.Errorf("sector ids: %v", got)
	}
	got := complete("zixuan --db=" + db + " rate 688")
	if !slices.Contains(got, "688111") || slices.Contains(got, "688031") || slices.Contains(got, "002230") {
		t.Errorf("watchlist codes (688031 removed): %v", got)
	}
	if got := complete("zixuan --db " + db + " rate 688111 "); !slices.Contains(got, "strongsell") && !slices.Equal(got, []string{"buy", "overweight", "neutral", "underweight", "sell", "unrated"}) {
		t.Errorf("ratings: %v", got)
	}
	if got := complete("zixuan export -f "); !slices.Contains(got, "tdx") || !slices.Contains(got, "csv") {
		t.Errorf("formats: %v", got)
	}
	got = complete("zixuan completion ")
	if slices.Sort(got); !slices.Equal(got, []string{"bash", "fish", "zsh"}) {
		t.Errorf("shells: %v", got)
	}
	missing := filepath.Join(t.TempDir(), "none.db")
	if got := complete("zixuan --db " + missing + " rate "); len(got) != 0 {
		t.Errorf("codes of a missing database: %v", got)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("completion created a database")
	}
}

func TestCompletionScriptsWorkInTheirShells(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	if _, errs, code := runShell(t, nil, "", "--db", db, "sector", "add", "Banks"); code != 0 {
		t.Fatal(errs)
	}
	for _, sh := range []string{"bash", "zsh", "fish"} {
		script, errs, code := runShell(t, nil, "", "completion", sh)
		if code != 0 || !strings.Contains(script, binary(t)) {
			t.Fatalf("completion %s: exit %d: %s\n%s", sh, code, errs, script)
		}
	}
	// What the shells run: zixuan with COMP_LINE set.
	line := "zixuan --db " + db + " sector rm b"
	out, _, code := runShell(t, []string{"COMP_LINE=" + line, "COMP_POINT=" + strconv.Itoa(len(line))}, "", "zixuan", "b", "rm")
	if code != 0 || strings.TrimSpace(out) != "banks" {
		t.Errorf("COMP_LINE completion: exit %d: %q", code, out)
	}
	if _, err := exec.LookPath("bash"); err == nil {
		script, _, _ := runShell(t, nil, "", "completion", "bash")
		got, err := exec.Command("bash", "-c", script+"\ncomplete -p zixuan").CombinedOutput()
		if err != nil || !strings.Contains(string(got), "-C") || !strings.Contains(string(got), binary(t)) {
			t.Errorf("bash: %v %s", err, got)
		}
	}
	if _, err := exec.LookPath("fish"); err == nil {
		script, _, _ := runShell(t, nil, "", "completion", "fish")
		cmd := exec.Command("fish", "--no-config", "-c", script+"\ncomplete -C 'zixuan --db "+db+" sector rm '")
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
		got, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(got), "banks") || !strings.Contains(string(got), "quantum") {
			t.Errorf("fish: %v %s", err, got)
		}
	} else {
		t.Log("fish is not installed: its script is not run")
	}
	if _, err := exec.LookPath("zsh"); err == nil {
		script, _, _ := runShell(t, nil, "", "completion", "zsh")
		cmd := exec.Command("zsh", "-f", "-c", script+"\nprint -r -- $_comps[zixuan]")
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
		got, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(got), binary(t)) {
			t.Errorf("zsh: %v %s", err, got)
		}
	} else {
		t.Log("zsh is not installed: its script is not run")
	}
}

func TestManPageIsRoffWithEveryCommand(t *testing.T) {
	out, errs, code := runShell(t, nil, "", "man")
	if code != 0 || !strings.HasPrefix(out, ".TH ZIXUAN 1 ") {
		t.Fatalf("man: exit %d: %s\n%.300s", code, errs, out)
	}
	for _, want := range []string{".SH NAME", ".SH OPTIONS", ".SH ENVIRONMENT", "ZIXUAN_DB", "--offline", `\fBrate `, `\fBsector add `, `\fBcompletion `, `\fBconfig `} {
		if !strings.Contains(out, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
}

func TestBinaryReadsTheXDGConfigFile(t *testing.T) {
	dir := t.TempDir()
	cfgDir := filepath.Join(dir, "zixuan")
	if err := os.MkdirAll(cfgDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfgDir, "config.toml"), []byte("colors = \"western\"\nrefresh = \"1m\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runShell(t, []string{"XDG_CONFIG_HOME=" + dir}, "", "config")
	if code != 0 || !strings.Contains(out, filepath.Join(cfgDir, "config.toml")+" (found)") || !strings.Contains(out, `refresh = "1m0s"`) {
		t.Errorf("config from XDG_CONFIG_HOME: exit %d: %s\n%s", code, errs, out)
	}
	if err := os.WriteFile(filepath.Join(cfgDir, "config.toml"), []byte("colors = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code = runShell(t, []string{"XDG_CONFIG_HOME=" + dir}, "", "list")
	if code != 1 || errs != "zixuan: config file "+filepath.Join(cfgDir, "config.toml")+": key colors: 1 is not one of \"china\", \"western\"\n" {
		t.Errorf("bad config from the binary: exit %d: %q", code, errs)
	}
	_, errs, code = runShell(t, nil, "", "lst")
	if code != 2 || !strings.Contains(errs, "did you mean list?") {
		t.Errorf("binary: lst: exit %d: %s", code, errs)
	}
}

func TestUsageErrorsFromACommandPointToItsHelp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	_, errs, code := run(t, db, "", "rate", "688111", "bogus")
	if code != 2 || !strings.HasSuffix(errs, "(see zixuan rate --help)\n") {
		t.Errorf("rate with a bad rating: exit %d: %s", code, errs)
	}
	_, errs, code = run(t, db, "", "sector", "rm", "nowhere")
	if code != 2 || !strings.HasSuffix(errs, "(see zixuan sector rm --help)\n") {
		t.Errorf("sector rm of no sector: exit %d: %s", code, errs)
	}
}
