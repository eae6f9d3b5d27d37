package ui

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-isatty"
	"github.com/muesli/termenv"

	"zixuan/store"
)

// Run starts the TUI on st and returns when the user quits. It restores the
// terminal on panic, prints where the data is and that it is intact, and
// returns an error.
func Run(st *store.Store, opts Options) (err error) {
	if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
		return errors.New("zixuan's interactive view needs a terminal (stdin and stdout are not both a terminal): use `zixuan list` to print the watchlist instead")
	}
	if opts.NoColor || noColor() {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	m, err := New(st, opts)
	if err != nil {
		return err
	}
	p := tea.NewProgram(m, tea.WithAltScreen())
	defer func() {
		if r := recover(); r != nil {
			_ = p.ReleaseTerminal()
			fmt.Fprintf(os.Stderr, "zixuan: internal error: %v\n%s\n", r, debug.Stack())
			fmt.Fprintf(os.Stderr, "Your data is safe in %s: every change was saved when you confirmed it.\n", st.Path())
			err = fmt.Errorf("zixuan crashed (%v); the data in %s is intact", r, st.Path())
		}
	}()
	if _, err := p.Run(); err != nil {
		if errors.Is(err, tea.ErrProgramPanic) {
			fmt.Fprintf(os.Stderr, "Your data is safe in %s: every change was saved when you confirmed it.\n", st.Path())
			return fmt.Errorf("zixuan crashed (%w); the data in %s is intact", err, st.Path())
		}
		return fmt.Errorf("terminal UI: %w", err)
	}
	return nil
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}
