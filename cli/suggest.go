package cli

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"zixuan/sectors/market"

	"github.com/alecthomas/kong"

	"zixuan/safetext"
	"zixuan/store"
)

// versionFlag is --version: it prints what `zixuan version` prints.
type versionFlag bool

// BeforeReset prints the version and exits, before any other check.
func (versionFlag) BeforeReset(app *kong.Kong) error {
	fmt.Fprintln(app.Stdout, versionLine())
	fmt.Fprintln(app.Stdout, market.CalendarCoverage())
	app.Exit(0)
	return nil
}

// HelpCmd is `zixuan help [COMMAND]`.
type HelpCmd struct {
	Command []string `arg:"" optional:"" help:"The command (and subcommand) to explain: zixuan help sector add."`
}

// Run prints the help of the command named, as COMMAND --help would.
func (c *HelpCmd) Run(a *App) error {
	args := append(append([]string{}, c.Command...), "--help")
	if len(c.Command) > 0 {
		if name, ok := unknownCommand(a.parser.Model.Node, c.Command); ok {
			return usageError{errors.New(commandSuggestion(name, a.parser.Model.Node))}
		}
	}
	*a.exited = -1
	_, err := a.parser.Parse(args)
	if *a.exited >= 0 { // the help was printed
		return nil
	}
	if err != nil {
		return usageError{errors.New(parseMessage(err))}
	}
	return nil
}

// unknownCommand walks names down the command tree and returns the first
// that is not a command there.
func unknownCommand(node *kong.Node, names []string) (string, bool) {
	for _, name := range names {
		if strings.HasPrefix(name, "-") {
			return "", false
		}
		next := childNamed(node, name)
		if next == nil {
			if len(commands(node)) == 0 {
				return "", false // a command's argument
			}
			return name, true
		}
		node = next
	}
	return "", false
}

func childNamed(node *kong.Node, name string) *kong.Node {
	for _, c := range node.Children {
		if c.Name == name {
			return c
		}
		for _, al := range c.Aliases {
			if al == name {
				return c
			}
		}
	}
	return nil
}

// commands are the visible subcommands of node.
func commands(node *kong.Node) []*kong.Node {
	var out []*kong.Node
	for _, c := range node.Children {
		if c.Type == kong.CommandNode && !c.Hidden {
			out = append(out, c)
		}
	}
	return out
}

// commandPath is "zixuan rate" for the command a parse reached, "zixuan"
// for the root and the default TUI command.
func commandPath(ctx *kong.Context) string {
	if ctx == nil {
		return "zixuan"
	}
	node := ctx.Selected()
	if node == nil || node.Name == "tui" {
		return "zixuan"
	}
	return node.FullPath()
}

var (
	reMustBeOneOf = regexp.MustCompile(`^(-[-\w]+|<[-\w]+>) must be one of (.*) but got "(.*)"$`)
	reExpected    = regexp.MustCompile(`^(-[-\w]+)(?:=\S+)?: expected (?:an? )?([\w.]+) value but got "(.*)" \((.*)\)$`)
	reExpectedArg = regexp.MustCompile(`^expected "(.*)"$`)
	reExpectedBut = regexp.MustCompile(`^(-[-\w]+)(?:=\S+)?: expected (?:an? )?(?:valid )?(?:\d+ bit )?(\w+) but got "(.*?)"(?: \(\w+\))?(?:: .*)?$`)
	reUnknownFlag = regexp.MustCompile(`^unknown flag (\S+?)(?:, did you mean "(.*)"\?)?$`)
	reUnexpected  = regexp.MustCompile(`^unexpected argument (.*?)(?:, did you mean "(.*)"\?)?$`)
	reMissingFlag = regexp.MustCompile(`^missing flags?: (.*)$`)
	reFlagError   = regexp.MustCompile(`^(-[-\w]+)(?:=\S+)?: (.*)$`)
	reQuoted      = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)
)

// parseMessage turns one of kong's parser messages into a plain sentence
// that ends by pointing at the help of the command it concerns.
func parseMessage(err error) string {
	var ctx *kong.Context
	var pe *kong.ParseError
	if errors.As(err, &pe) {
		ctx = pe.Context
	}
	see := " (see " + commandPath(ctx) + " --help)"
	msg := strings.TrimSpace(err.Error())
	switch m := reMustBeOneOf.FindStringSubmatch(msg); {
	case m != nil:
		var choices []string
		for _, q := range reQuoted.FindAllStringSubmatch(m[2], -1) {
			if q[1] != "" {
				choices = append(choices, q[1])
			}
		}
		return fmt.Sprintf("%s %s is not a choice: use %s", m[1], strconv.Quote(m[3]), orList(choices)) + see
	}
	if m := reExpected.FindStringSubmatch(msg); m != nil {
		if m[3] == "EOL" || m[4] == "long flag" || m[4] == "short flag" {
			return fmt.Sprintf("%s needs a value after it", m[1]) + see
		}
		return fmt.Sprintf("%s wants a %s, not %q", m[1], m[2], m[3]) + see
	}
	if m := reExpectedBut.FindStringSubmatch(msg); m != nil {
		what := map[string]string{"duration": "a duration: use such as 10s, 1m or 0", "float": "a number", "int": "a whole number", "uint": "a whole number"}[m[2]]
		if what == "" {
			what = "a " + m[2]
		}
		return fmt.Sprintf("%s %s is not %s", m[1], strconv.Quote(m[3]), what) + see
	}
	if m := reExpectedArg.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("missing %s: the command is %s", m[1], usageLine(ctx)) + see
	}
	if m := reUnknownFlag.FindStringSubmatch(msg); m != nil {
		return flagSuggestion(m[1], ctx) + see
	}
	if m := reUnexpected.FindStringSubmatch(msg); m != nil {
		if ctx != nil {
			node := ctx.Selected()
			if node == nil || node.Name == "tui" {
				node = ctx.Model.Node
			}
			// A word where a command could be: a mistyped command.
			if len(node.Positional) == 0 || node == ctx.Model.Node {
				parent := node
				if len(commands(parent)) == 0 && parent.Parent != nil {
					parent = parent.Parent
				}
				if len(commands(parent)) > 0 && !strings.HasPrefix(m[1], "-") {
					return commandSuggestion(m[1], parent) + see
				}
			}
		}
		return fmt.Sprintf("%s is one argument too many: the command is %s", m[1], usageLine(ctx)) + see
	}
	if m := reMissingFlag.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s is required here", strings.ReplaceAll(m[1], "=", " ")) + see
	}
	if m := reFlagError.FindStringSubmatch(msg); m != nil {
		// time: invalid duration "x", strconv messages and the like
		return fmt.Sprintf("%s: %s", m[1], plainValueError(m[2])) + see
	}
	return msg + see
}

// plainValueError rewrites Go's value parsing messages.
func plainValueError(msg string) string {
	if strings.HasPrefix(msg, "time: invalid duration") || strings.HasPrefix(msg, "time: unknown unit") || strings.HasPrefix(msg, "time: missing unit") {
		q := reQuoted.FindStringSubmatch(msg)
		v := ""
		if q != nil {
			v = strconv.Quote(q[1]) + " "
		}
		return v + "is not a duration: use such as 10s, 1m or 0"
	}
	return msg
}

func usageLine(ctx *kong.Context) string {
	if ctx == nil || ctx.Selected() == nil {
		return "zixuan [COMMAND]"
	}
	n := ctx.Selected()
	return strings.TrimSpace(n.Parent.FullPath() + " " + n.Summary())
}

func orList(items []string) string {
	switch len(items) {
	case 0:
		return "another value"
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// commandSuggestion says that name is not a command of node and, when
// one is close, which it probably meant.
func commandSuggestion(name string, node *kong.Node) string {
	var names []string
	for _, c := range commands(node) {
		names = append(names, c.Name)
		names = append(names, c.Aliases...)
	}
	where := "zixuan"
	if node.Parent != nil {
		where = node.FullPath()
	}
	msg := fmt.Sprintf("%q is not a %s command", safetext.Clip(name), where)
	if best := closest(name, names); best != "" {
		return msg + ": did you mean " + best + "?"
	}
	return msg
}

// flagSuggestion is the same for an unknown flag.
func flagSuggestion(flag string, ctx *kong.Context) string {
	var names []string
	if ctx != nil {
		node := ctx.Selected()
		if node == nil {
			node = ctx.Model.Node
		}
		for n := node; n != nil; n = n.Parent {
			for _, f := range n.Flags {
				if !f.Hidden {
					names = append(names, "--"+f.Name)
					if f.Tag.Negatable != "" {
						names = append(names, "--no-"+f.Name)
					}
				}
			}
		}
	}
	name, _, _ := strings.Cut(flag, "=")
	msg := fmt.Sprintf("unknown flag %s", safetext.Clip(name))
	if best := closest(name, names); best != "" {
		return msg + ": did you mean " + best + "?"
	}
	return msg
}

// closest is the candidate nearest to s in edits, when it is near enough
// to be what was meant; a unique prefix counts too.
func closest(s string, candidates []string) string {
	best, bestD := "", 0
	limit := 1 + len([]rune(s))/4
	for _, c := range candidates {
		d := editDistance(s, c)
		if strings.HasPrefix(c, s) && len(s) >= 2 {
			d = min(d, 1)
		}
		if d <= limit && (best == "" || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each cost one.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// environment lists every variable zixuan reads, for --help and the man
// page.
const environment = `  LC_ALL, LC_MESSAGES, LANG    The TUI's language when --lang is not given: the first that is set; zh… is Chinese, else English (the default).
  NO_COLOR                     When set, the TUI draws without colours.
  ZIXUAN_DB                    The database file (--db); default ${default_db}.
  XDG_DATA_HOME                The default database's folder: $XDG_DATA_HOME/zixuan (default ~/.local/share/zixuan).
  ZIXUAN_CONFIG                The settings file (--config); default ${default_config}.
  XDG_CONFIG_HOME              The settings file's folder: $XDG_CONFIG_HOME/zixuan (default ~/.config/zixuan).
  ZIXUAN_QUOTES_URL            The quote server (--quotes-url); default https://qt.gtimg.cn, falling back to Sina.
  GOGC, GOMEMLIMIT             Go's garbage collector settings; when neither is set, list and export collect nothing below 256 MB.
`

func environmentText() string {
	return strings.NewReplacer("${default_db}", store.DefaultPath(), "${default_config}", DefaultConfigPath()).Replace(environment)
}

// helpWithEnvironment is kong's help, with the environment the program
// reads after the top-level help.
func helpWithEnvironment(options kong.HelpOptions, ctx *kong.Context) error {
	if err := kong.DefaultHelpPrinter(options, ctx); err != nil {
		return err
	}
	if node := ctx.Selected(); node == nil || node.Name == "tui" {
		_, err := fmt.Fprint(ctx.Stdout, "\nEnvironment:\n"+environmentText())
		return err
	}
	return nil
}
