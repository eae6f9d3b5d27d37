package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/alecthomas/kong"
	"github.com/posener/complete"
	"github.com/willabides/kongplete"

	"zixuan/export"
	"zixuan/sectors"
	"zixuan/store"
)

// Shell completion: kongplete turns the kong grammar into a
// posener/complete command tree. The shell runs zixuan itself to
// complete: bash's `complete -C` (and zsh's, through bashcompinit) and the
// fish function below set COMP_LINE to the line being typed, and zixuan
// prints the candidates, one per line, instead of running a command.

// completing reports whether a shell asked for completions.
func completing() bool { return os.Getenv("COMP_LINE") != "" }

// complete prints the candidates for COMP_LINE and returns the exit status.
func runCompletion(parser *kong.Kong, out io.Writer) int {
	code := 0
	parser.Stdout = out
	kongplete.Complete(parser,
		kongplete.WithPredictors(predictors()),
		kongplete.WithExitFunc(func(c int) { code = c }),
		kongplete.WithErrorHandler(func(err error) { fmt.Fprintf(parser.Stderr, "zixuan: completion: %v\n", err) }),
	)
	return code
}

// predictors are named by the predictor:"…" struct tags of the grammar.
func predictors() map[string]complete.Predictor {
	var formats []string
	for _, f := range export.Formats() {
		formats = append(formats, string(f))
	}
	var ratings []string
	for _, r := range sectors.Ratings {
		ratings = append(ratings, r.ID())
	}
	return map[string]complete.Predictor{
		"code":   complete.PredictFunc(func(a complete.Args) []string { return watchlist(a, false) }),
		"sector": complete.PredictFunc(func(a complete.Args) []string { return watchlist(a, true) }),
		"report": complete.PredictFunc(func(complete.Args) []string { return reportIDs() }),
		"rating": complete.PredictSet(ratings...),
		"format": complete.PredictSet(formats...),
		"file":   complete.PredictFiles("*"),
	}
}

// watchlist is the codes on the watchlist, or the sector ids, of the
// database the line being completed names (--db), else the default one.
// A database that does not exist is not created: there is nothing to
// complete then.
func watchlist(_ complete.Args, sectorIDs bool) []string {
	snap := completionSnapshot()
	if snap == nil {
		return nil
	}
	var out []string
	if sectorIDs {
		for _, s := range snap.Sectors {
			out = append(out, s.ID)
		}
		return out
	}
	for _, t := range snap.Tickers {
		if t.OnList() {
			out = append(out, t.Code.Number)
		}
	}
	return out
}

// completionSnapshot loads the database the line being completed names
// (--db), else the default one; nil when there is none to read.
func completionSnapshot() *sectors.Snapshot {
	// The predictor's Args start after the subcommand: --db is before it.
	path := dbFromArgs(strings.Fields(os.Getenv("COMP_LINE")))
	if path == "" {
		path = store.DefaultPath()
	}
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	st, err := store.OpenReadOnly(path) // a TAB never creates, upgrades or writes
	if err != nil {
		return nil
	}
	snap, err := st.Load()
	if err != nil {
		return nil
	}
	return snap
}

// dbFromArgs finds --db PATH or --db=PATH among the words typed.
func dbFromArgs(words []string) string {
	for i, w := range words {
		if w == "--db" && i+1 < len(words) {
			return expandHome(words[i+1])
		}
		if p, ok := strings.CutPrefix(w, "--db="); ok {
			return expandHome(p)
		}
	}
	return ""
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

// CompletionCmd prints the shell code that hooks zixuan's completion in.
type CompletionCmd struct {
	Shell string `arg:"" enum:"bash,zsh,fish" help:"bash, zsh or fish."`
}

// Help is the longer help of `zixuan completion`.
func (CompletionCmd) Help() string {
	return `Completes commands, flags, sector ids, watchlist codes, ratings, formats and file names.

  bash: add to ~/.bashrc:                     source <(zixuan completion bash)
  zsh:  add to ~/.zshrc:                      source <(zixuan completion zsh)
  fish: add to ~/.config/fish/config.fish:    zixuan completion fish | source`
}

var completionScripts = map[string]string{
	"bash": "complete -o default -C %[1]s %[2]s\n",
	"zsh": `(( $+functions[compdef] )) || { autoload -Uz compinit && compinit }
autoload -U +X bashcompinit && bashcompinit
complete -o default -C %[1]s %[2]s
`,
	"fish": `function __complete_%[2]s
    set -lx COMP_LINE (commandline -cp)
    test -z (commandline -ct)
    and set COMP_LINE "$COMP_LINE "
    %[1]s
end
complete -f -c %[2]s -a "(__complete_%[2]s)"
`,
}

// Run prints the script for the shell.
func (c *CompletionCmd) Run(a *App) error {
	bin, err := os.Executable()
	if err != nil {
		return fmt.Errorf("cannot find the zixuan program to complete with: %w", err)
	}
	if abs, err := filepath.Abs(bin); err == nil {
		bin = abs
	}
	fmt.Fprintf(a.Out, "# zixuan completion for %s: %s\n", c.Shell, firstLine(CompletionCmd{}.Help()))
	fmt.Fprintf(a.Out, completionScripts[c.Shell], shellQuote(bin, c.Shell == "fish"), "zixuan")
	return nil
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// shellQuote quotes s for bash and zsh, or for fish.
func shellQuote(s string, fish bool) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r == '+' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	if fish {
		return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// reportIDs is the ids of the reports the database of the line being
// completed keeps.
func reportIDs() []string {
	snap := completionSnapshot()
	if snap == nil {
		return nil
	}
	ids := make([]string, len(snap.Reports))
	for i, r := range snap.Reports {
		ids[i] = r.ID
	}
	return ids
}
