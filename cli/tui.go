package cli

import (
	"fmt"
	"os"

	"github.com/mattn/go-isatty"
)

// TUICmd starts the terminal UI.
type TUICmd struct{}

// Run opens the TUI, or explains why it cannot when there is no terminal.
func (TUICmd) Run(a *App) error {
	if !isatty.IsTerminal(os.Stdout.Fd()) || !isatty.IsTerminal(os.Stdin.Fd()) {
		return fmt.Errorf("the TUI needs a terminal, and stdin or stdout is not one: for scripts use `zixuan list` (see zixuan --help)")
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	return runTUI(st, a.lang)
}
