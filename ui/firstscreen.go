package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"
)

// The first screen. Loading the whole store decodes every
// rating and note: 15-30 ms for the whole market, most of a start. The
// first screen needs only what the list shows of each ticker and the
// selected ticker in full, which the store's list index (store/listindex.go)
// gives in a few milliseconds. The TUI's first data is read in Init, while
// bubbletea sets up the terminal and waits for its first frame tick (Run's
// model draws nothing until then), and when the file holds an index at its
// current generation, that data is the index, the whole store loading in
// the background straight after; until it is in (a few tens of milliseconds)
// the model is partial: keys and other messages wait and are replayed in
// order once it is, and nothing that needs every ticker's history starts
// (quotes, history, the scorecard, positions, the poll). The screen is
// the same either way (TestFirstScreenFromTheIndexIsTheSame).

// fullLoadMsg is the whole store, loaded after a first screen drawn from
// the list index.
type fullLoadMsg struct {
	snap *sectors.Snapshot
	err  error
}

// firstLoadMsg is the first data: the list index when the file has one at
// its generation (partial), else the whole store; and the alerts, which
// the detail pane shows.
type firstLoadMsg struct {
	snap    *sectors.Snapshot
	partial bool
	alerts  []sectors.Alert
	err     error
}

// loadFirst reads the first data. Any problem with the index leaves it to
// the full load, whose error, if it has one, is the one to tell.
func loadFirst(st *store.Store) firstLoadMsg {
	var msg firstLoadMsg
	if snap, ok, err := st.LoadListIndex(); err == nil && ok {
		msg.snap, msg.partial = snap, true
	} else if msg.snap, msg.err = st.Load(); msg.err != nil {
		return msg
	}
	msg.alerts, _ = st.Alerts()
	return msg
}

// takeFirst installs the first data. From the list index, the selected
// ticker is read in full, and the model stays partial until the whole
// store is in (Init, then fullLoadMsg).
func (m *Model) takeFirst(msg firstLoadMsg) {
	m.loading = false
	m.al.list = msg.alerts
	if !msg.partial {
		m.partial = false
		m.setData(msg.snap, false)
		return
	}
	m.partial = true
	m.setData(msg.snap, true) // nothing but the data uses this snapshot's tickers
	// the selected ticker in full (rating history, every note): the
	// detail pane shows it on the first screen
	if tk, ok := m.selected(); ok {
		if d, err := m.st.Detail(tk.Code); err == nil { // else the full load says what is wrong
			m.patchTicker(d.Ticker, m.data.gen)
		}
	}
}

// fullLoadCmd loads the whole store off the UI goroutine.
func fullLoadCmd(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		snap, err := st.Load()
		return fullLoadMsg{snap: snap, err: err}
	}
}

// updatePartial handles a message while the data is partial: the window
// size is laid out at once, the full load is taken in, and everything
// else waits for it.
func (m Model) updatePartial(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		if !m.loading {
			m.list.fit(bodyHeight(m.height))
			m.resize()
		}
		return m, nil
	case firstLoadMsg:
		if msg.err != nil {
			m.loadErr, m.quitting = msg.err, true
			return m, tea.Quit
		}
		m.takeFirst(msg)
		m.list.fit(bodyHeight(m.height))
		m.resize()
		if m.partial {
			return m, loadAfterCheck(m.st, &m.opts)
		}
		start := []tea.Cmd{m.startCmds(), m.hs.needHistory(histEnvOf(&m))} // before m is copied for the replay
		early := m.early
		m.early = nil
		return replay(m, early, start...)
	case fullLoadMsg:
		if msg.err != nil {
			// as if New had failed: the TUI does not go on with data it
			// cannot load in full (runProgram returns the error)
			m.loadErr, m.quitting = msg.err, true
			return m, tea.Quit
		}
		m.partial = false
		m.setData(msg.snap, false)
		start := []tea.Cmd{m.startCmds(), m.hs.needHistory(histEnvOf(&m))} // before m is copied for the replay
		early := m.early
		m.early = nil
		return replay(m, early, start...)
	}
	m.early = append(m.early, msg)
	return m, nil
}

// replay hands next the messages that waited for the whole store, in
// order, and returns their commands with cmds.
func replay(next tea.Model, early []tea.Msg, cmds ...tea.Cmd) (tea.Model, tea.Cmd) {
	for _, e := range early {
		var cmd tea.Cmd
		next, cmd = next.Update(e)
		cmds = append(cmds, cmd)
	}
	return next, tea.Batch(cmds...)
}

// saveListIndexCmd stores the list index of snap, the whole store just
// loaded, when the file's index is of another generation, so that the next
// start draws its first screen from it. It is a cache: a failure (a
// read-only file, another process writing) only means the next start loads
// everything first.
func saveListIndexCmd(st *store.Store, snap *sectors.Snapshot) tea.Cmd {
	if snap == nil {
		return nil
	}
	return func() tea.Msg {
		if g, err := st.ListIndexGen(); err == nil && g != snap.Gen {
			_ = st.SaveListIndex(snap)
		}
		return nil
	}
}

// listIndexDelay is how long after the start the list index is saved: not
// beside the start's own work (quotes, history, positions), since the
// store's check before its first write reads the whole file.
const listIndexDelay = 2 * time.Second

// saveListIndexLater is saveListIndexCmd after listIndexDelay, in its
// turn among the background jobs (jobs.go).
func saveListIndexLater(st *store.Store, snap *sectors.Snapshot, jobs *jobQueue) tea.Cmd {
	save := saveListIndexCmd(st, snap)
	if save == nil {
		return nil
	}
	return tea.Tick(listIndexDelay, func(time.Time) tea.Msg { return jobs.run(save)() })
}

// saveListIndexAtExit brings the list index up to date after a session
// that changed the file (its own writes, or another process's it saw), so
// that the next start is quick too; it reads the store afresh rather than
// trusting the patched data. seen is the generation the session's data
// was last at.
func saveListIndexAtExit(st *store.Store, seen uint64) {
	if st == nil {
		return
	}
	g, err := st.ListIndexGen()
	if err != nil || g == seen {
		return
	}
	if snap, err := st.Load(); err == nil {
		_ = st.SaveListIndex(snap)
	}
}
