package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"zixuan/store"
)

// Changes made by other processes are noticed by a watch of the database
// file (store.WatchFile) rather than by reading the file's generation
// every second: an idle TUI then sleeps until something changes. Where
// watching is not possible the TUI polls as before.

// fileWatch is the watch of the database file: changed gets a value
// (coalesced) whenever the file is written, replaced or removed.
type fileWatch struct {
	changed <-chan struct{}
	stop    context.CancelFunc
}

type watchEndedMsg struct{}

// nextCmd waits for the next change of the database file and returns a
// pollMsg with the generation then, or watchEndedMsg when the watch
// ended (the TUI then polls).
func (fw *fileWatch) nextCmd(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-fw.changed; !ok {
			return watchEndedMsg{}
		}
		g, err := st.Generation()
		if err != nil {
			g = 0
		}
		return pollMsg{gen: g}
	}
}

func (fw *fileWatch) close() {
	if fw != nil {
		fw.stop()
	}
}

// startWatch sets up the watch of the database for Run's model; without
// it (or with polling off) the TUI polls.
func (m *Model) startWatch() {
	if m.opts.PollInterval < 0 || m.st == nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	changed, err := store.WatchFile(ctx, m.st.Path())
	if err != nil {
		cancel()
		return
	}
	m.watch = &fileWatch{changed: changed, stop: cancel}
}

// nextChange waits for the next change by another process: on the watch
// when there is one, else by the poll's tick.
func (m *Model) nextChange() tea.Cmd {
	if m.watch != nil {
		return m.watch.nextCmd(m.st)
	}
	return m.poll()
}
