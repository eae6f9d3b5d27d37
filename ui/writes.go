package ui

import (
	"slices"
	"sync"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"
)

// Store writes off the Update path. A write the user confirms
// is queued the moment the key is read and carried out, in order, by a
// goroutine of the writer, never inside Update: a file held by another
// program can make a write wait up to the store's lock timeout, and the
// screen must not freeze meanwhile. The tea.Cmd Update returns only waits
// for the result and hands it back as a writeDoneMsg, which patches the
// ticker into the loaded data (patch.go). Keys typed on the list while a
// write is pending wait for it (Model.held) and are applied in order once
// it is in: each acts on the data as the write before it left it, so a
// burst of K moves a ticker as many places as K was pressed, and p p pins
// then unpins. Keys typed into a dialog go to it at once.
//
// The goroutine is started by the writer, not by bubbletea, because
// bubbletea drops commands still running when the program quits; and the
// guarantee that a confirmed note is on disk before zixuan exits is kept
// twice: q (or ctrl+c) while a write is pending quits only when its result
// is in (so a failed save brings its dialog back instead of exiting), and
// runProgram waits for every write started before it returns, however the
// program ended (a panic, a kill).

// inflight counts the writes started in this process and not finished.
var inflight sync.WaitGroup

// writer runs one model's writes in the order they were confirmed. It is
// shared by every copy of the Model (bubbletea passes models by value).
type writer struct {
	st      *store.Store
	mu      sync.Mutex
	queue   []*writeJob // waiting for the goroutine
	running bool        // the goroutine is working through the queue
	open    []*writeJob // started, and their result not yet taken in by Update
	lastID  uint64
}

// writeOp is one confirmed change: it carries it out and says which
// ticker it changed (read back afterwards; none when it wrote nothing) and
// what to tell the user.
type writeOp func(st *store.Store) (code market.Code, say string, err error)

type writeJob struct {
	id   uint64
	do   writeOp
	done chan struct{} // closed when res is set
	res  writeDoneMsg
	warm bool // no write: the store's check made ahead of one (precheck)
	// awaited: the user's change, which keys typed on the list after it
	// wait for (not a background write such as the alert check's)
	awaited bool
}

// writeDoneMsg is a write's result, for the root.
type writeDoneMsg struct {
	id   uint64
	err  error // the write failed: nothing changed
	say  string
	code market.Code
	// ticker as read back right after the write, at generation gen;
	// readErr when that read failed (the whole store is loaded instead)
	ticker  sectors.Ticker
	gen     uint64
	readErr error
	// then, on the root, with the ticker patched in
	then func(m *Model, code market.Code) tea.Cmd
	// back is what to reopen when the write failed, with what was typed
	back func(m *Model)
	// awaited: the user's change, which the keys typed after it waited for
	awaited bool
}

func newWriter(st *store.Store) *writer { return &writer{st: st} }

// start queues op, a write in the background, and returns the command
// that waits for its result.
func (w *writer) start(op writeOp, then func(*Model, market.Code) tea.Cmd, back func(*Model)) tea.Cmd {
	return w.enqueue(op, then, back, false)
}

// startAwaited is start for a change the user asked for: keys typed on
// the list wait for it (awaited).
func (w *writer) startAwaited(op writeOp, then func(*Model, market.Code) tea.Cmd, back func(*Model)) tea.Cmd {
	return w.enqueue(op, then, back, true)
}

func (w *writer) enqueue(op writeOp, then func(*Model, market.Code) tea.Cmd, back func(*Model), awaited bool) tea.Cmd {
	inflight.Add(1)
	w.mu.Lock()
	w.lastID++
	j := &writeJob{id: w.lastID, do: op, done: make(chan struct{}), awaited: awaited, res: writeDoneMsg{id: w.lastID, then: then, back: back, awaited: awaited}}
	w.queue = append(w.queue, j)
	w.open = append(w.open, j)
	if !w.running {
		w.running = true
		go w.work()
	}
	w.mu.Unlock()
	return func() tea.Msg {
		<-j.done
		return j.res
	}
}

// precheck queues the check the store makes before its first write, so
// that it runs while the user types a note or picks a rating, not after
// the confirming key (at 5,538 tickers with two years of prices it takes
// a tenth of a second). It runs on the writer's goroutine, so a write
// confirmed meanwhile waits for it in order instead of for its lock.
func (w *writer) precheck() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.queue) > 0 {
		return // a write is waiting: it checks for itself
	}
	w.queue = append(w.queue, &writeJob{warm: true, done: make(chan struct{})})
	if !w.running {
		w.running = true
		go w.work()
	}
}

// work carries out the queued writes in order, then ends.
func (w *writer) work() {
	for {
		w.mu.Lock()
		if len(w.queue) == 0 {
			w.running = false
			w.mu.Unlock()
			return
		}
		j := w.queue[0]
		w.queue = w.queue[1:]
		w.mu.Unlock()
		w.run(j)
	}
}

func (w *writer) run(j *writeJob) {
	if j.warm {
		w.st.Precheck()
		close(j.done)
		return
	}
	defer inflight.Done()
	defer close(j.done)
	code, say, err := j.do(w.st)
	j.res.code, j.res.say, j.res.err = code, say, err
	if err == nil && code != (market.Code{}) {
		j.res.ticker, j.res.gen, j.res.readErr = w.st.GetWithGen(code)
	}
}

// settled records that Update took in the result of write id.
func (w *writer) settled(id uint64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.open = slices.DeleteFunc(w.open, func(j *writeJob) bool { return j.id == id })
}

// pending is how many writes have been confirmed and not yet taken in.
func (w *writer) pending() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.open)
}

// awaited is how many of the user's changes are pending: keys typed on
// the list wait for them.
func (w *writer) awaited() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, j := range w.open {
		if j.awaited {
			n++
		}
	}
	return n
}

// unsettled are the writes not yet taken in, oldest first.
func (w *writer) unsettled() []*writeJob {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]*writeJob(nil), w.open...)
}

// write queues op and tells the user it is under way.
func (m *Model) write(op writeOp, then func(*Model, market.Code) tea.Cmd, back func(*Model)) tea.Cmd {
	m.say("%s", m.t.Saving)
	return m.writes.startAwaited(op, then, back)
}

// writeDone takes in a write's result.
func (m Model) writeDone(msg writeDoneMsg) (tea.Model, tea.Cmd) {
	m.writes.settled(msg.id)
	loads := m.sync.loaded
	var cmd tea.Cmd
	switch {
	case msg.err != nil:
		m.fail(msg.err)
		m.quitWhenWritten = false // stay: the dialog is back with what was typed
		if msg.awaited {
			// the keys typed after it were meant for the data as the
			// write would have left it: dropped, not typed into the
			// dialog that is back, nor done to data the write did not
			// change
			m.held = nil
		}
		if msg.back != nil {
			msg.back(&m)
		}
		return m.applyHeld(nil)
	case msg.code == (market.Code{}):
		// nothing was written (nothing to undo)
	case msg.readErr != nil:
		cmd = m.sync.load() // written; the one ticker could not be read back
	default:
		m.patchTicker(msg.ticker, msg.gen)
		if m.sync.watch != nil && m.data.gen != msg.gen {
			// another process wrote while ours was pending: its change
			// came while this was, and was left for now
			cmd = m.sync.checkGen()
		}
	}
	if msg.say != "" {
		m.say("%s", msg.say)
	}
	if msg.then != nil {
		cmd = tea.Batch(cmd, msg.then(&m, msg.code))
	}
	if m.quitWhenWritten && m.writes.pending() == 0 {
		m.quitting = true
		return m, tea.Quit
	}
	if msg.awaited && m.sync.loaded != loads {
		m.loadAwaited = m.sync.loaded // what it changed is shown by this load
	}
	return m.applyHeld(cmd)
}

// applyHeld applies the keys typed meanwhile, in order, on the data as
// the writes left it, once none of the user's is pending nor the load one
// of them needed; one that writes again holds the rest once more.
func (m Model) applyHeld(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	if len(m.held) == 0 || m.writes.awaited() > 0 || m.loadAwaited != 0 {
		return m, cmd
	}
	held := m.held
	m.held = nil
	return replay(m, held, cmd)
}
