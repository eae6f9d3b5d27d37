package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"zixuan/sectors/market"

	"github.com/alecthomas/kong"

	"zixuan/safetext"
	"zixuan/store"
)

// Version is set at build time with -ldflags "-X zixuan/cli.Version=…".
var Version = "dev"

// Root is the command line grammar.
type Root struct {
	DB         string      `name:"db" env:"ZIXUAN_DB" placeholder:"PATH" help:"Database file (default ${default_db}; the default folder follows XDG_DATA_HOME)."`
	ConfigFile string      `name:"config" env:"ZIXUAN_CONFIG" placeholder:"FILE" help:"Settings file (default ${default_config}; the default folder follows XDG_CONFIG_HOME). Flags override it; zixuan config prints what is in force."`
	Lang       string      `name:"lang" enum:"en,zh," default:"" placeholder:"en|zh" help:"Language of the TUI (default: from the first of LC_ALL, LC_MESSAGES and LANG that is set: zh_CN.UTF-8 or any zh… is zh, anything else en)."`
	VersionF   versionFlag `name:"version" help:"Print the version and exit."`

	// Quotes: an addition, never a dependency (see cli/quote.go).
	Offline   bool          `negatable:"" help:"No quotes: never contact a quote server (--no-offline undoes offline = true in the config file)."`
	Refresh   time.Duration `default:"10s" placeholder:"DUR" help:"How often the TUI refreshes quotes during trading hours, such as 10s or 1m (0 = only at start and on R)."`
	QuotesURL string        `name:"quotes-url" env:"ZIXUAN_QUOTES_URL" placeholder:"URL" help:"Quote server replacing https://qt.gtimg.cn (requests go to URL/q=sh600519,...); a mirror, proxy or test server."`
	Colors    string        `enum:"china,western" default:"china" placeholder:"china|western" help:"Price colours: china (red up, green down) or western (green up, red down)."`

	FuzzyPinyin bool `name:"fuzzy-pinyin" help:"Match pinyin with fuzzy sounds, as TDX offers: z=zh, c=ch, s=sh, n=l."`

	TUI        TUICmd        `cmd:"" name:"tui" default:"withargs" help:"Start the terminal UI (what zixuan does with no command)."`
	List       ListCmd       `cmd:"" help:"List the watchlist."`
	Show       ShowCmd       `cmd:"" help:"Show one ticker with its rating history and notes."`
	Rate       RateCmd       `cmd:"" help:"Change a ticker's rating; the change is kept in its history."`
	Quote      QuoteCmd      `cmd:"" help:"Print live quotes and each rating's return since its date (table, csv or json)."`
	Today      TodayCmd      `cmd:"" help:"The day in one screen: movers, limit hits, alerts fired, buy calls without a recent note, reports added, positions' day P&L."`
	Prices     PricesCmd     `cmd:"" help:"List or import the reference closes ratings' returns are measured from."`
	Note       NoteCmd       `cmd:"" help:"Add a note to a ticker (text from stdin when not given), or edit/delete one."`
	Add        AddCmd        `cmd:"" help:"Add a ticker to the watchlist (or bring back a removed one)."`
	Rm         RmCmd         `cmd:"" help:"Remove a ticker from the watchlist (its notes and history are kept; --undo brings it back)."`
	Move       MoveCmd       `cmd:"" help:"Move a ticker to another sector."`
	Sector     SectorCmd     `cmd:"" help:"List, add, rename or delete sectors."`
	Group      GroupCmd      `cmd:"" help:"Show a ticker in more sectors than its home one, or take it out of one: group add|rm CODE SECTOR."`
	Report     ReportCmd     `cmd:"" help:"Read broker reports and keep every call they make: add, list, show, rm."`
	Scorecard  ScorecardCmd  `cmd:"" help:"How every call has done against 沪深300: return, the index's return over the same days, the excess, grouped."`
	Alert      AlertCmd      `cmd:"" help:"Alerts on the watchlist's tickers: add, list, rm, rearm, and check (exit 3 when one fired; see alert check --help for every status)."`
	Position   PositionCmd   `cmd:"" help:"Positions: buys (lots) and sells (FIFO) with cost, P&L and the return against 沪深300."`
	Export     ExportCmd     `cmd:"" help:"Export the watchlist: csv, json, md, tdx (通达信), codes, yahoo or ticker."`
	Import     ImportCmd     `cmd:"" help:"Import a file (json, csv, tdx, code list, ticker YAML), merging it into the watchlist."`
	Backup     BackupCmd     `cmd:"" help:"Write a consistent, checked copy of the database (safe while zixuan runs)."`
	Restore    RestoreCmd    `cmd:"" help:"Replace the database with a checked backup (the current one is kept beside it)."`
	Doctor     DoctorCmd     `cmd:"" help:"Check the database (bbolt's consistency check and zixuan's own) and say whether it is healthy."`
	Config     ConfigCmd     `cmd:"" help:"Print the settings in force and where each came from (the config file, a flag or the default)."`
	Completion CompletionCmd `cmd:"" help:"Print the shell code that completes zixuan's commands, flags, sectors and codes: bash, zsh or fish."`
	Man        ManCmd        `cmd:"" help:"Print the manual page (roff): zixuan man | man -l -"`
	Help       HelpCmd       `cmd:"" help:"Show the help of zixuan or of a command: zixuan help rate."`
	Version    VersionCmd    `cmd:"" help:"Print the version."`
	Calendar   CalendarCmd   `cmd:"" help:"Say whether the exchanges open on a day, and why."`
}

// App is what every command's Run receives: the parsed global flags and
// the output streams.
type App struct {
	root    *Root
	Out     io.Writer
	Err     io.Writer
	In      io.Reader
	st      *store.Store
	dbPath  string
	lang    string
	isTTYFn func() bool
	cfg     *Config
	parser  *kong.Kong
	exited  *int // set by the parser's exit hook: --help printed
}

// Config is the settings in force: the config file under the flags.
func (a *App) Config() *Config { return a.cfg }

// Store opens the database (creating and seeding it the first time).
func (a *App) Store() (*store.Store, error) {
	if a.st != nil {
		return a.st, nil
	}
	if a.root.DB != "" {
		// An explicit path with a missing folder is more likely a typo than
		// a wish for new folders; the default XDG folder is created.
		dir := filepath.Dir(a.dbPath)
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("the folder of %s does not exist: create it (mkdir -p %s) or give --db another path", a.dbPath, dir)
		}
	}
	st, err := store.Open(a.dbPath)
	if err != nil {
		return nil, err
	}
	if n := st.Notice(); n != "" {
		fmt.Fprintf(a.Err, "zixuan: warning: %s\n", safetext.Line(n))
	}
	a.st = st
	return st, nil
}

// DBPath is the database file in use.
func (a *App) DBPath() string { return a.dbPath }

// Main runs zixuan with args (without the program name) and returns the
// exit status: 0 on success, 1 on an error, 2 on a usage error.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var root Root
	exitCode := -1
	parser, err := kong.New(&root,
		kong.Name("zixuan"),
		kong.Description("自选 zixuan: a terminal watchlist for A-share investors.\nRun with no command to open the TUI."),
		kong.Writers(stdout, stderr),
		kong.Exit(func(code int) { exitCode = code }),
		kong.Vars{"default_db": store.DefaultPath(), "default_config": DefaultConfigPath()},
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
		kong.Help(helpWithEnvironment),
	)
	if err != nil {
		fmt.Fprintf(stderr, "zixuan: %v\n", err)
		return 1
	}
	if completing() {
		return runCompletion(parser, stdout)
	}
	ctx, err := parser.Parse(args)
	if exitCode >= 0 { // --help or --version printed and asked to exit
		return exitCode
	}
	if err != nil {
		fmt.Fprintf(stderr, "zixuan: %s\n", oneLine(parseMessage(err)))
		return 2
	}
	cfgPath := root.ConfigFile
	if cfgPath == "" {
		cfgPath = DefaultConfigPath()
	}
	cfg, err := LoadConfig(cfgPath)
	if err != nil {
		fmt.Fprintf(stderr, "zixuan: %s\n", oneLine(err.Error()))
		return 1
	}
	cfg.applyFlags(&root, ctx)
	if err := checkRefresh(root.Refresh); err != nil {
		fmt.Fprintf(stderr, "zixuan: --refresh %s\n", oneLine(err.Error()))
		return 2
	}
	app := &App{root: &root, Out: stdout, Err: stderr, In: stdin, dbPath: root.DB, lang: root.Lang, cfg: cfg, parser: parser, exited: &exitCode}
	if app.dbPath == "" {
		app.dbPath = store.DefaultPath()
	}
	if err := ctx.Run(app); err != nil {
		var es exitStatus
		if errors.As(err, &es) {
			return es.code // alert check: something fired (ExitFired), already printed
		}
		err = advise(err)
		var ue usageError
		if errors.As(err, &ue) {
			msg := oneLine(err.Error())
			if sel := ctx.Selected(); (sel == nil || sel.Name != "help") && !strings.Contains(msg, "--help)") {
				msg += " (see " + commandPath(ctx) + " --help)"
			}
			fmt.Fprintf(stderr, "zixuan: %s\n", msg)
			return 2
		}
		fmt.Fprintf(stderr, "zixuan: %s\n", oneLine(err.Error()))
		return 1
	}
	return 0
}

// usageError marks bad input on the command line (exit status 2).
type usageError struct{ error }

func usage(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// oneLine makes an error message one inert line: messages can quote input,
// and input can hold anything.
func oneLine(s string) string { return safetext.Line(strings.TrimSpace(s)) }

// parseCode wraps sectors.ParseCode as a usage error.
func parseCode(s string) (market.Code, error) {
	c, err := market.ParseCode(s)
	if err != nil {
		return c, usageError{err}
	}
	return c, nil
}

// Run is the program: main calls it.
func Run() int { return Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr) }

// VersionCmd prints the version.
type VersionCmd struct{}

// Run prints the version and the securities master it ships.
func (VersionCmd) Run(a *App) error {
	fmt.Fprintln(a.Out, versionLine())
	fmt.Fprintln(a.Out, market.CalendarCoverage())
	return nil
}

func versionLine() string {
	return fmt.Sprintf("zixuan %s (schema %d, securities master %d A-shares, July 2026)", Version, store.SchemaVersion, len(market.Master()))
}
