package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"zixuan/sectors/market"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"
	"github.com/alecthomas/kong"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/ui/notify"
)

// Config is zixuan's settings as they are in force: the defaults, then
// the config file ($XDG_CONFIG_HOME/zixuan/config.toml), then the command
// line, each overriding the one before. The TUI reads it through
// App.Config.
type Config struct {
	Lang    string        // "en", "zh", or "" for LC_ALL / LC_MESSAGES / LANG
	Colors  string        // "china" (red up) or "western" (green up)
	Refresh time.Duration // TUI quote refresh; 0 = only at start and on R
	Offline bool          // never contact a quote server

	// Columns are the TUI list's columns, in order (ConfigColumns lists
	// the names); nil is the TUI's own choice for the width.
	Columns []string
	// Sort is the TUI's sort order at start: one of ConfigSorts.
	Sort string
	// RatingFilter is the TUI's rating filter at start; nil shows all.
	RatingFilter []sectors.Rating
	// RememberView makes the TUI keep the sort order and rating filter the
	// user last chose, across restarts, instead of Sort and RatingFilter.
	RememberView bool
	// ImportSector takes the new tickers of an import that gives no sector
	// for them when --sector is not given (id, English or Chinese name).
	ImportSector string
	// AlertBell rings the terminal bell when an alert fires in the TUI.
	AlertBell bool
	// AlertNotify is how a fired alert is told to the desktop in the TUI:
	// auto (what the terminal or system offers), osc9, osc777,
	// notify-send or off.
	AlertNotify string
	// QuoteRedirectHosts are the hosts a quote server may redirect to
	// besides its own (none by default).
	QuoteRedirectHosts []string
	// Benchmark is the index the scorecard measures calls against (a code
	// or a name, such as "000905" or "中证500"); "" is 沪深300.
	Benchmark string
	// SectorBenchmarks measure a sector's calls (by the sector's id or
	// name) against an index of their own.
	SectorBenchmarks map[string]string
	// Strip are the indexes the TUI's header shows with their last and
	// change (codes or names); nil is 上证指数, 深证成指, 创业板指,
	// 沪深300 and 科创50, an empty list none.
	Strip []string
	// TodayStaleDays is how many days without a note make a buy call
	// quiet in the day's summary (zixuan today, T in the TUI); today's
	// --stale-days overrides it.
	TodayStaleDays int

	// Path is the config file looked for; Found says whether it exists.
	Path  string
	Found bool
	// From says where each key's value came from: "default", "config
	// file", or "flag --name".
	From map[string]string
}

// ConfigKeys are the config file's keys, in the order `zixuan config`
// prints them.
var ConfigKeys = []string{"lang", "colors", "refresh", "offline", "columns", "sort", "rating_filter", "remember_view", "import_sector", "alert_bell", "alert_notify", "quote_redirect_hosts", "benchmark", "sector_benchmarks", "strip", "today_stale_days"}

// ConfigColumns are the names the columns key accepts.
var ConfigColumns = []string{"code", "name", "board", "sector", "rating", "since", "last", "change", "change_pct", "return", "excess", "qty", "cost", "pnl", "pnl_pct", "volume", "amount", "turnover", "pe", "note", "spark", "changed", "volume_ratio", "amplitude", "total_cap", "float_cap", "pb", "order_ratio"}

// ConfigSorts are the values the sort key accepts, in the TUI's `s` order;
// besides them it takes any column `list --sort` takes, with :desc to
// reverse it (change_pct:desc).
var ConfigSorts = []string{"sector", "code", "name", "rating", "changed"}

// configSort is the sort key's value: one of ConfigSorts (and the TUI's
// name-reverse, which a saved view may hold) as it is, a column sort as
// ParseSortOrder reads it, named by its id.
func configSort(v any) (string, error) {
	if s, ok := v.(string); ok {
		if slices.Contains(ConfigSorts, s) || s == "name-reverse" {
			return s, nil
		}
		o, err := sectors.ParseSortOrder(s)
		if err != nil {
			return "", fmt.Errorf("%w (or one of %s)", err, strings.Join(ConfigSorts, ", "))
		}
		return o.String(), nil
	}
	return oneOf(v, ConfigSorts...)
}

// configFlags are the keys a flag of the same meaning overrides.
var configFlags = map[string]string{"lang": "lang", "colors": "colors", "refresh": "refresh", "offline": "offline"}

// DefaultConfigPath is $XDG_CONFIG_HOME/zixuan/config.toml
// (~/.config/zixuan/config.toml), or $ZIXUAN_CONFIG.
func DefaultConfigPath() string {
	if p := os.Getenv("ZIXUAN_CONFIG"); p != "" {
		return p
	}
	if d := os.Getenv("XDG_CONFIG_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "zixuan", "config.toml")
	}
	return filepath.Join(xdg.ConfigHome, "zixuan", "config.toml")
}

func defaultConfig() *Config {
	c := &Config{Colors: "china", Refresh: 10 * time.Second, Sort: "sector", AlertBell: true, AlertNotify: string(notify.Auto),
		TodayStaleDays: service.DefaultStaleDays, From: map[string]string{}}
	for _, k := range ConfigKeys {
		c.From[k] = "default"
	}
	return c
}

// maxConfigSize bounds the config file: a settings file is a few hundred
// bytes, and a path that is not one (a FIFO, /dev/zero) is never read.
const maxConfigSize = 1 << 20

// MinRefresh is the shortest quote refresh: the quote servers are free
// public services.
const MinRefresh = time.Second

// checkRefresh refuses a refresh that is neither 0 (only at start and on
// R) nor at least MinRefresh.
func checkRefresh(d time.Duration) error {
	if d < 0 || d > 0 && d < MinRefresh {
		return fmt.Errorf("%s is too often: give 0 (only at start and on R) or at least %s", d, MinRefresh)
	}
	return nil
}

// readConfigFile reads path when it is a regular file of at most
// maxConfigSize bytes.
func readConfigFile(path string) ([]byte, error) {
	fi, err := os.Stat(path) // before opening: opening a FIFO waits for a writer
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("config file %s is not a regular file: give a settings file with --config", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("config file %s is not a regular file: give a settings file with --config", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxConfigSize {
		return nil, fmt.Errorf("config file %s is over %d KB: it is not a settings file", path, maxConfigSize>>10)
	}
	return data, nil
}

// LoadConfig reads the config file at path over the defaults. A missing
// file is no error; a file that cannot be read or parsed, an unknown key
// or a bad value is, in one line naming the file and the key.
func LoadConfig(path string) (*Config, error) {
	c := defaultConfig()
	c.Path = path
	data, err := readConfigFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("config file %s cannot be read: %w", path, pe.Err)
	}
	if err != nil {
		return nil, err
	}
	c.Found = true
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("config file %s: line %d: %s", path, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("config file %s: %v", path, err)
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if err := c.set(k, raw[k]); err != nil {
			return nil, fmt.Errorf("config file %s: key %s: %w", path, k, err)
		}
		c.From[k] = "config file"
	}
	return c, nil
}

// set validates and stores one key's value from the file.
func (c *Config) set(key string, v any) error {
	switch key {
	case "lang":
		s, err := oneOf(v, "en", "zh", "")
		c.Lang = s
		return err
	case "colors":
		s, err := oneOf(v, "china", "western")
		c.Colors = s
		return err
	case "refresh":
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s is not a duration: write it in quotes, such as \"10s\" or \"1m\"", tomlValue(v))
		}
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 {
			return fmt.Errorf("%q is not a duration: use such as \"10s\" or \"1m\" (\"0s\" = only at start and on R)", s)
		}
		if err := checkRefresh(d); err != nil {
			return err
		}
		c.Refresh = d
	case "offline", "remember_view", "alert_bell":
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("%s is not true or false", tomlValue(v))
		}
		switch key {
		case "offline":
			c.Offline = b
		case "alert_bell":
			c.AlertBell = b
		default:
			c.RememberView = b
		}
	case "alert_notify":
		names := make([]string, len(notify.Modes))
		for i, m := range notify.Modes {
			names[i] = string(m)
		}
		s, err := oneOf(v, names...)
		c.AlertNotify = s
		return err
	case "columns":
		list, err := stringList(v)
		if err != nil {
			return err
		}
		for _, col := range list {
			if !slices.Contains(ConfigColumns, col) {
				return fmt.Errorf("%q is not a column: use %s", col, strings.Join(ConfigColumns, ", "))
			}
		}
		c.Columns = list
	case "sort":
		s, err := configSort(v)
		c.Sort = s
		return err
	case "rating_filter":
		list, err := stringList(v)
		if err != nil {
			return err
		}
		c.RatingFilter = nil
		for _, s := range list {
			r, err := sectors.ParseRating(s)
			if err != nil {
				return err
			}
			if !slices.Contains(c.RatingFilter, r) {
				c.RatingFilter = append(c.RatingFilter, r)
			}
		}
	case "quote_redirect_hosts":
		list, err := stringList(v)
		if err != nil {
			return err
		}
		for _, h := range list {
			if h == "" || strings.ContainsAny(h, "/:@ ") {
				return fmt.Errorf("%s is not a host name: give names such as \"qt.gtimg.cn\"", tomlValue(h))
			}
		}
		c.QuoteRedirectHosts = list
	case "import_sector":
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s is not a sector name: write it in quotes", tomlValue(v))
		}
		c.ImportSector = strings.TrimSpace(s)
	case "benchmark":
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s is not an index: write its code in quotes, such as \"000905\"", tomlValue(v))
		}
		if strings.TrimSpace(s) != "" { // "": 沪深300
			if _, _, err := benchmarkOf(s); err != nil {
				return errors.New(strings.TrimPrefix(err.Error(), "--benchmark: "))
			}
		}
		c.Benchmark = strings.TrimSpace(s)
	case "sector_benchmarks":
		table, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s is not a table of sector = index: write such as { compute = \"000905\" }", tomlValue(v))
		}
		c.SectorBenchmarks = map[string]string{}
		for sec, iv := range table {
			s, ok := iv.(string)
			if !ok {
				return fmt.Errorf("%s: %s is not an index: write its code in quotes", sec, tomlValue(iv))
			}
			if _, _, err := benchmarkOf(s); err != nil {
				return fmt.Errorf("%s: %s", sec, strings.TrimPrefix(err.Error(), "--benchmark: "))
			}
			c.SectorBenchmarks[sec] = strings.TrimSpace(s)
		}
	case "strip":
		list, err := stringList(v)
		if err != nil {
			return err
		}
		strip := make([]string, 0, len(list))
		for _, s := range list {
			if _, _, err := benchmarkOf(s); err != nil {
				return errors.New(strings.Replace(err.Error(), "--benchmark: ", "", 1))
			}
			strip = append(strip, strings.TrimSpace(s))
		}
		c.Strip = strip
	case "today_stale_days":
		n, ok := v.(int64)
		if !ok || n < 1 || n > maxStaleDays {
			return fmt.Errorf("%s is not a number of days: give a whole number from 1 to %d", tomlValue(v), maxStaleDays)
		}
		c.TodayStaleDays = int(n)
	default:
		return fmt.Errorf("unknown key: the keys are %s", strings.Join(ConfigKeys, ", "))
	}
	return nil
}

func oneOf(v any, choices ...string) (string, error) {
	s, ok := v.(string)
	if !ok || !slices.Contains(choices, s) {
		quoted := make([]string, 0, len(choices))
		for _, c := range choices {
			if c != "" {
				quoted = append(quoted, strconv.Quote(c))
			}
		}
		return "", fmt.Errorf("%s is not one of %s", tomlValue(v), strings.Join(quoted, ", "))
	}
	return s, nil
}

func stringList(v any) ([]string, error) {
	arr, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s is not a list: write it as [\"a\", \"b\"]", tomlValue(v))
	}
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := e.(string)
		if !ok {
			return nil, fmt.Errorf("%s in the list is not a name in quotes", tomlValue(e))
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out, nil
}

// tomlValue writes v as it would look in the file, for messages.
func tomlValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(oneLine(safetext.Clip(x)))
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = tomlValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		return "a table"
	case time.Time:
		return x.Format(time.RFC3339)
	}
	return fmt.Sprint(v)
}

// applyFlags lays the flags given on the command line over c, and c's
// values under the flags not given, so that root holds what is in force.
func (c *Config) applyFlags(root *Root, ctx *kong.Context) {
	given := map[string]bool{}
	for _, p := range ctx.Path {
		if p.Flag != nil && !p.Resolved {
			given[p.Flag.Name] = true
		}
	}
	for key, flag := range configFlags {
		if given[flag] {
			c.From[key] = "flag --" + flag
			continue
		}
		switch key {
		case "lang":
			root.Lang = c.Lang
		case "colors":
			root.Colors = c.Colors
		case "refresh":
			root.Refresh = c.Refresh
		case "offline":
			root.Offline = c.Offline
		}
	}
	c.Lang, c.Colors, c.Refresh, c.Offline = root.Lang, root.Colors, root.Refresh, root.Offline
}

// value is key's value written as in the file.
func (c *Config) value(key string) string {
	switch key {
	case "lang":
		return strconv.Quote(c.Lang)
	case "colors":
		return strconv.Quote(c.Colors)
	case "refresh":
		return strconv.Quote(c.Refresh.String())
	case "offline":
		return strconv.FormatBool(c.Offline)
	case "columns":
		return quotedList(c.Columns)
	case "sort":
		return strconv.Quote(c.Sort)
	case "rating_filter":
		ids := make([]string, len(c.RatingFilter))
		for i, r := range c.RatingFilter {
			ids[i] = r.ID()
		}
		return quotedList(ids)
	case "remember_view":
		return strconv.FormatBool(c.RememberView)
	case "import_sector":
		return strconv.Quote(oneLine(c.ImportSector))
	case "alert_bell":
		return strconv.FormatBool(c.AlertBell)
	case "alert_notify":
		return strconv.Quote(c.AlertNotify)
	case "quote_redirect_hosts":
		return quotedList(c.QuoteRedirectHosts)
	case "benchmark":
		return strconv.Quote(oneLine(c.Benchmark))
	case "sector_benchmarks":
		keys := slices.Sorted(maps.Keys(c.SectorBenchmarks))
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = strconv.Quote(oneLine(k)) + " = " + strconv.Quote(oneLine(c.SectorBenchmarks[k]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case "strip":
		if c.Strip == nil {
			keys := make([]string, len(sectors.StripIndexes))
			for i, code := range sectors.StripIndexes {
				keys[i] = code.Key()
			}
			return quotedList(keys)
		}
		return quotedList(c.Strip)
	case "today_stale_days":
		return strconv.Itoa(c.TodayStaleDays)
	}
	return ""
}

func quotedList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(oneLine(s))
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// ConfigCmd prints the settings in force.
type ConfigCmd struct{}

// Help is the longer help of `zixuan config`.
func (ConfigCmd) Help() string {
	return `The settings are read from the config file, TOML (default ` + "`$XDG_CONFIG_HOME/zixuan/config.toml`" + `, or ~/.config/zixuan/config.toml; --config or $ZIXUAN_CONFIG give another), and flags override them. The output is itself a valid config file: each line says in a comment where its value came from. Keys: ` + strings.Join(ConfigKeys, ", ") + `.`
}

// Run prints each key with its value and its source, as TOML.
func (ConfigCmd) Run(a *App) error {
	c := a.cfg
	state := "found"
	if !c.Found {
		state = "not found: the defaults are in force"
	}
	fmt.Fprintf(a.Out, "# config file: %s (%s)\n", oneLine(c.Path), state)
	// The comments line up after the values, up to a width: a long list
	// (columns) keeps its comment at its end rather than pushing every
	// other comment out.
	const maxAligned = 48
	w := 0
	lines := make([]string, len(ConfigKeys))
	for i, k := range ConfigKeys {
		lines[i] = k + " = " + c.value(k)
		if lw := safetext.Width(lines[i]); lw <= maxAligned {
			w = max(w, lw)
		}
	}
	for i, k := range ConfigKeys {
		from := c.From[k]
		switch {
		case k == "lang" && c.Lang == "":
			from += " (from LC_ALL, LC_MESSAGES or LANG)"
		case k == "columns" && len(c.Columns) == 0:
			from += " (the TUI fits them to the width)"
		case k == "rating_filter" && len(c.RatingFilter) == 0:
			from += " (all ratings)"
		case k == "quote_redirect_hosts" && len(c.QuoteRedirectHosts) == 0:
			from += " (redirects followed only within the quote server's host)"
		case k == "import_sector" && c.ImportSector == "":
			from += " (the file's sectors, or one named for the file)"
		case k == "benchmark" && c.Benchmark == "":
			from += " (沪深300 price index)"
		case k == "strip" && len(c.Strip) == 0 && c.Strip != nil:
			from += " (no strip)"
		}
		pad := max(0, w-safetext.Width(lines[i]))
		fmt.Fprintf(a.Out, "%s%s  # %s\n", lines[i], strings.Repeat(" ", pad), from)
	}
	fmt.Fprintf(a.Out, "# %s\n", market.CalendarCoverage())
	if o, warn := market.CalendarWarning(nowFunc()); warn {
		fmt.Fprintf(a.Out, "# note: %s\n", o)
	}
	return nil
}
