package cli

import (
	"fmt"
	"os"
	"runtime/debug"
	"zixuan/sectors/market"

	"github.com/mattn/go-isatty"
	"github.com/mattn/go-runewidth"
	"zixuan/ui"
	"zixuan/ui/notify"
)

// tuiMemoryLimit is the TUI's soft limit on the Go runtime's memory. At
// the whole market with two years of history its live heap is some 26 MB,
// but its start (the list, the histories, the positions, the scorecard,
// read and computed at once) allocates several times that, and the
// collector's default target lets the heap grow to three times the live
// data before it runs: near the limit it collects sooner instead, and
// gives the memory back. A limit below the live heap costs CPU, never
// correctness (the runtime caps the collector's share); GOMEMLIMIT, when
// set, is the user's choice and is kept.
const tuiMemoryLimit = 48 << 20

// TUICmd starts the terminal UI.
type TUICmd struct{}

// Run opens the TUI. The terminal check comes before the store is opened,
// so that a pipe never creates a database as a side effect.
func (TUICmd) Run(a *App) error {
	if !isatty.IsTerminal(os.Stdout.Fd()) || !isatty.IsTerminal(os.Stdin.Fd()) {
		return fmt.Errorf("the TUI needs a terminal, and stdin or stdout is not one: for scripts use `zixuan list` (see zixuan --help)")
	}
	// Not historyStore: its check of the whole file before anything is
	// held would come before the first frame (seconds with two years of
	// history). The TUI's fetch checks the file when it starts, with the
	// first screen drawn and the heap given back first (service's
	// FetchHistory), and the check lets go of the pages it reads.
	st, err := a.Store()
	if err != nil {
		return err
	}
	warmWidths()
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(tuiMemoryLimit)
	}
	opts := ui.Options{Lang: a.lang, Offline: a.root.Offline, Refresh: a.root.Refresh, Western: a.root.Colors == "western", FuzzyPinyin: a.root.FuzzyPinyin}
	if opts.Refresh == 0 {
		opts.Refresh = -1 // --refresh 0: only at start and on R
	}
	opts.Quotes, opts.History = a.QuoteProvider()
	if a.cfg == nil || a.cfg.AlertBell {
		opts.Bell = func() { _, _ = os.Stdout.WriteString("\a") } // a fired alert (alert_bell = false: none)
	}
	mode := notify.Auto
	if a.cfg != nil {
		mode = notify.Mode(a.cfg.AlertNotify)
	}
	if n := notify.New(mode, notify.System()); n.Mode != notify.Off {
		opts.Notify = n.Cmd // a fired alert on the desktop (alert_notify = "off": none)
	}
	a.tuiSettings(&opts)
	if a.cfg != nil && a.cfg.Benchmark != "" {
		if opts.Benchmark, opts.BenchmarkName, err = benchmarkOf(a.cfg.Benchmark); err != nil {
			return err
		}
	}
	if a.cfg != nil && a.cfg.Strip != nil {
		opts.Strip = make([]market.Code, 0, len(a.cfg.Strip))
		for _, s := range a.cfg.Strip {
			code, _, err := benchmarkOf(s)
			if err != nil {
				return err
			}
			opts.Strip = append(opts.Strip, code)
		}
	}
	if a.cfg != nil && len(a.cfg.SectorBenchmarks) > 0 {
		snap, err := st.Load()
		if err != nil {
			return err
		}
		per, err := a.sectorBenchmarks(snap)
		if err != nil {
			return err
		}
		opts.SectorBenchmarks = map[string]market.Code{}
		for id, sb := range per {
			opts.SectorBenchmarks[id] = sb.code
		}
	}
	return ui.Run(st, opts)
}

// warmWidths builds, on a goroutine of its own, the table of character
// widths the terminal renderer builds the first time it measures a
// character outside Latin (go-runewidth's, 2 MB, lazily): in the 20-40 ms
// the TUI spends loading and setting up the terminal before its first
// frame, rather than in the first frame's write.
func warmWidths() {
	go runewidth.RuneWidth('自')
}
