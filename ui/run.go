package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/mattn/go-isatty"

	"zixuan/store"

	"zixuan/ui/common"
)

// Run starts the TUI on st and returns when the user quits. It restores the
// terminal on panic, prints where the data is and that it is intact, and
// returns an error.
func Run(st *store.Store, opts Options) (err error) {
	if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
		return errors.New("zixuan's interactive view needs a terminal (stdin and stdout are not both a terminal): use `zixuan list` to print the watchlist instead")
	}
	var popts []tea.ProgramOption
	if opts.NoColor || common.NoColorAsked() {
		// no colours, text attributes kept (bold, reverse mark the
		// selection); NO_COLOR alone Bubble Tea would honour by itself
		popts = append(popts, tea.WithColorProfile(colorprofile.ASCII))
	} else {
		// The profile lipgloss detected when the program started, for the
		// same output and environment: bubbletea would detect it again,
		// and inside tmux that runs `tmux info` a second time (15-30 ms
		// before the first frame).
		popts = append(popts, tea.WithColorProfile(lipgloss.Writer.Profile))
	}
	// The first data is read from here on, while bubbletea sets up the
	// terminal and waits for its first frame tick, and Init's command
	// hands it over: the first screen is then drawn as soon as a bare
	// program's would be (firstscreen.go).
	m := newShell(st, opts)
	m.loading, m.partial = true, true
	first := make(chan firstLoadMsg, 1) // read from the start, beside the terminal's setup
	go func() {
		defer func() { // as a command's would be: said, not a crash
			if r := recover(); r != nil {
				first <- firstLoadMsg{err: fmt.Errorf("reading %s: %v", st.Path(), r)}
			}
		}()
		first <- loadFirst(st)
	}()
	m.first = first
	m.sync.start()
	defer m.sync.close()
	return runProgram(tea.NewProgram(m, popts...), st.Path(), os.Stderr)
}

// runProgram runs the TUI and turns a crash into a message that says where
// the data is and that it is intact. Every change the user confirmed was
// queued for writing at once; runProgram returns only when those writes
// are done (writes.go), so a quit or a panic can lose nothing but an
// unsaved draft. bubbletea recovers panics in Update and View itself
// (restoring the terminal); the recover here covers the rest.
func runProgram(p *tea.Program, dbPath string, stderr io.Writer) (err error) {
	safe := func() {
		fmt.Fprintf(stderr, "Your data is safe in %s: every change was saved when you confirmed it (check it with `zixuan doctor`).\n", dbPath)
	}
	defer func() {
		if r := recover(); r != nil {
			_ = p.ReleaseTerminal()
			inflight.Wait()
			fmt.Fprintf(stderr, "zixuan: internal error: %v\n%s\n", r, debug.Stack())
			safe()
			err = fmt.Errorf("zixuan crashed (%v); the data in %s is intact", r, dbPath)
		}
	}()
	final, err := p.Run()
	inflight.Wait() // bubbletea does not wait for commands still running
	if fm, ok := final.(Model); ok && err == nil {
		if fm.loadErr != nil {
			return fm.loadErr
		}
		if serr := saveView(fm.opts, &fm.view); serr != nil { // remember_view: the view for the next start
			fmt.Fprintf(stderr, "zixuan: the sort and rating filter were not kept for the next start: %v\n", serr)
		}
		if !fm.partial {
			saveListIndexAtExit(fm.st, fm.data.gen)
		}
		fm.qs.keepAtExit(partCtxOf(&fm)) // the last known quotes for the next start (quotekeep.go)
	}
	if err != nil {
		if errors.Is(err, tea.ErrProgramPanic) {
			safe()
			return fmt.Errorf("zixuan crashed (%w); the data in %s is intact", err, dbPath)
		}
		return fmt.Errorf("terminal UI: %w", err)
	}
	return nil
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}
