package ui

import (
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/store"
)

// Changes made by other processes (a CLI note, a cron `alert check`, a
// restore) are noticed by watching the database's directory (inotify on
// Linux: watch_linux.go) rather than by reading the file's generation every
// second: an idle TUI then sleeps until something changes. A timer of its
// own beside bubbletea's frame ticker kept the Go scheduler waking its
// network poller thirty times a second, a third more idle CPU than a bare
// bubbletea program. The directory is watched, not the file, so
// that a file renamed over the path (a restore) is seen too. Where watching
// is not possible (another system, out of watches) the TUI polls as before.

// fileWatch is the watch of the database file's directory: changed gets
// a value (coalesced) whenever the file is written, replaced or removed.
type fileWatch struct {
	changed chan struct{}
	stop    func()
}

// changeSettle is how long the events of one change are gathered: a
// commit is several writes (pages, then the meta page after the sync).
const changeSettle = 20 * time.Millisecond

type watchEndedMsg struct{}

// nextCmd waits for the next change of the database file and returns a
// pollMsg with the generation then, or watchEndedMsg when the watch
// ended (the TUI then polls).
func (fw *fileWatch) nextCmd(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-fw.changed; !ok {
			return watchEndedMsg{}
		}
		fw.settle()
		g, err := st.Generation()
		if err != nil {
			g = 0
		}
		return pollMsg{gen: g}
	}
}

// settle takes the events that follow within changeSettle of each other
// as part of the same change.
func (fw *fileWatch) settle() {
	t := time.NewTimer(changeSettle)
	defer t.Stop()
	for {
		select {
		case _, ok := <-fw.changed:
			if !ok {
				return
			}
			t.Reset(changeSettle)
		case <-t.C:
			return
		}
	}
}

// watchedPaths are the paths whose directories the watch looks at: the
// database's path, and the file it names when it is a symbolic link (the
// file is written there).
func watchedPaths(path string) []string {
	out := []string{path}
	if target, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err := filepath.Abs(path); err == nil && target != abs {
			out = append(out, target)
		}
	}
	return out
}

func (fw *fileWatch) close() {
	if fw != nil {
		fw.stop()
	}
}

// startWatch sets up the watch of the database's directory for Run's
// model; without it (or with polling off) the TUI polls.
func (m *Model) startWatch() {
	if m.opts.PollInterval < 0 || m.st == nil {
		return
	}
	if fw, err := watchFile(m.st.Path()); err == nil {
		m.watch = fw
	}
}

// nextChange waits for the next change by another process: on the watch
// when there is one, else by the poll's tick.
func (m *Model) nextChange() tea.Cmd {
	if m.watch != nil {
		return m.watch.nextCmd(m.st)
	}
	return m.poll()
}
