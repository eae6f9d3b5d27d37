package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/ui/common"
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
		st := m.st
		return tea.Batch(ask, func() tea.Msg { return loadFirst(st) })
	}
	if m.partial {
		return tea.Batch(ask, m.fullLoadCmd()) // the rest starts when it is in
	}
	return tea.Batch(ask, m.startCmds())
}

// setBackground draws with the colours for the terminal's background.
func (m *Model) setBackground(dark bool) {
	if dark == m.dark {
		return
	}
	m.dark = dark
	m.styles = common.NewStyles(m.plain, dark)
	m.help.Styles = m.styles.Help
}

// startCmds is what runs once the whole store is loaded: the watch for
// other processes' changes (or the poll), the quotes, the positions, and
// the list index for the next start.
func (m Model) startCmds() tea.Cmd {
	return tea.Batch(m.nextChange(), m.quoteInit(), m.positionsCmdAt(m.ps.seq), saveListIndexLater(m.st, m.hs.snap), m.keysCmd())
}

func (m Model) poll() tea.Cmd {
	if m.opts.PollInterval < 0 {
		return nil
	}
	// The tick reads the generation itself: one message a second, one
	// redraw, where a tick then a read made two.
	st := m.st
	return tea.Tick(m.opts.PollInterval, func(time.Time) tea.Msg {
		g, err := st.Generation()
		if err != nil {
			g = 0
		}
		return pollMsg{gen: g}
	})
}

// genSeen reloads the store when the file's generation gen (0: unknown)
// is not the data's. While a write of ours is pending the generation has
// moved for it; its result patches the data, and the next poll looks again.
func (m *Model) genSeen(gen uint64) tea.Cmd {
	if gen != 0 && gen != m.data.gen && m.writes.pending() == 0 {
		return m.loadCmd()
	}
	return nil
}

// checkGen reads the generation counter off the UI goroutine.
func (m Model) checkGen() tea.Cmd {
	st := m.st
	return func() tea.Msg {
		g, err := st.Generation()
		if err != nil {
			return genMsg{gen: 0}
		}
		return genMsg{gen: g}
	}
}

// loadCmd reloads the store off the UI goroutine. Each load is numbered,
// our own synchronous reloads too, so that a slow background load started
// before a write of ours cannot put older data back on the screen.
func (m *Model) loadCmd() tea.Cmd {
	st := m.st
	m.loadSeq++
	seq := m.loadSeq
	return func() tea.Msg {
		snap, err := st.Load()
		if err != nil {
			return reloadErrMsg{err}
		}
		return reloadedMsg{snap: snap, seq: seq}
	}
}
