package ui

import (
	tea "charm.land/bubbletea/v2"
)

// Starting, watching for other processes' changes, and loading.

// Init starts loading the first data (Run's model), the rest of the
// store after a first screen from the list index, or what runs once the
// whole store is in (startCmds).
func (m Model) Init() tea.Cmd {
	// The terminal is asked for its background only now that the TUI
	// runs (no other command queries the terminal); its answer, a
	// tea.BackgroundColorMsg, picks the light or the dark colours.
	ask := tea.RequestBackgroundColor
	if m.plain {
		ask = nil
	}
	if m.loading {
		st, first := m.st, m.first
		return tea.Batch(ask, func() tea.Msg {
			if first != nil { // started by Run before the program
				return <-first
			}
			return loadFirst(st)
		})
	}
	if m.partial {
		return tea.Batch(ask, loadAfterCheck(m.st, &m.opts)) // the rest starts when it is in
	}
	return tea.Batch(ask, m.startCmds())
}

// startCmds is what runs once the whole store is loaded: the watch for
// other processes' changes (or the poll), the quotes, the positions, and
// the list index for the next start.
func (m Model) startCmds() tea.Cmd {
	quotes, _ := m.route(startQuotesMsg{})
	return tea.Batch(m.sync.next(), quotes, m.ps.cmdAt(m.st), saveListIndexLater(m.st, m.hs.snap, m.opts.jobs), m.data.keysCmd(m.dataEpoch))
}
