package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/store"
)

// Staying in step with the database file. Changes made by other
// processes are noticed by a watch of the file (store.WatchFile) rather
// than by reading its generation every second: an idle TUI then sleeps
// until something changes. Where watching is not possible the TUI polls.
// Every load is numbered, so that a slow background load started before a
// write of ours cannot put older data back on the screen.

// storeSync is the watch (or the poll) and the numbering of loads.
type storeSync struct {
	st *store.Store
	// every is how often the generation is read when there is no watch;
	// negative turns both the watch and the poll off.
	every time.Duration
	watch *fileWatch // nil: polled
	seq   uint64     // the latest load started (load, reload)
	// loaded is the number of the latest load started by load itself
	// (outdate numbers none)
	loaded uint64
	jobs   *jobQueue // a reload takes its turn among the background jobs
}

// fileWatch is the watch of the database file: changed gets a value
// (coalesced) whenever the file is written, replaced or removed.
type fileWatch struct {
	changed <-chan struct{}
	stop    context.CancelFunc
}

type watchEndedMsg struct{}

// start sets up the watch of the database for Run's model; without it
// (or with polling off) the TUI polls.
func (s *storeSync) start() {
	if s.every < 0 || s.st == nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	changed, err := store.WatchFile(ctx, s.st.Path())
	if err != nil {
		cancel()
		return
	}
	s.watch = &fileWatch{changed: changed, stop: cancel}
}

// close ends the watch, if there is one.
func (s *storeSync) close() {
	if s.watch != nil {
		s.watch.stop()
	}
}

// watchEnded falls back to the poll once the watch has ended.
func (s *storeSync) watchEnded() tea.Cmd {
	s.close()
	s.watch = nil
	return s.poll()
}

// next waits for the next change by another process: on the watch when
// there is one, else by the poll's tick. It answers with a pollMsg with
// the generation then, or watchEndedMsg when the watch ended.
func (s storeSync) next() tea.Cmd {
	if s.watch == nil {
		return s.poll()
	}
	changed, st := s.watch.changed, s.st
	return func() tea.Msg {
		if _, ok := <-changed; !ok {
			return watchEndedMsg{}
		}
		return pollMsg{gen: generation(st)}
	}
}

// poll is the tick that reads the generation itself: one message a
// second, one redraw, where a tick then a read made two.
func (s storeSync) poll() tea.Cmd {
	if s.every < 0 {
		return nil
	}
	st := s.st
	return tea.Tick(s.every, func(time.Time) tea.Msg { return pollMsg{gen: generation(st)} })
}

// checkGen reads the generation counter off the UI goroutine.
func (s storeSync) checkGen() tea.Cmd {
	st := s.st
	return func() tea.Msg { return genMsg{gen: generation(st)} }
}

// generation is the file's generation, 0 when it cannot be read.
func generation(st *store.Store) uint64 {
	g, err := st.Generation()
	if err != nil {
		return 0
	}
	return g
}

// seen reloads the store when the file's generation gen (0: unknown) is
// not the data's. While a write of ours is pending the generation has
// moved for it; its result patches the data, and the next poll looks
// again. The price history and alerts this process wrote (the history is
// fetched and stored a batch at a time) change nothing a load holds: the
// data takes their generation instead of a whole reload.
func (s *storeSync) seen(gen uint64, data *watchData, writesPending int) tea.Cmd {
	switch {
	case gen == 0 || gen == data.gen || writesPending > 0:
		return nil
	case s.st != nil && s.st.AsideHere(data.gen, gen):
		data.gen = gen
		return nil
	}
	return s.load()
}

// load reloads the store off the UI goroutine, numbered.
func (s *storeSync) load() tea.Cmd {
	st := s.st
	s.seq++
	seq := s.seq
	s.loaded = seq
	return s.jobs.run(func() tea.Msg {
		snap, err := st.Load()
		if err != nil {
			return reloadErrMsg{err}
		}
		return reloadedMsg{snap: snap, seq: seq}
	})
}

// outdate makes every load started so far older than the data: a write
// of ours was just patched in.
func (s *storeSync) outdate() { s.seq++ }

// latest reports whether the load numbered seq is the latest started.
func (s storeSync) latest(seq uint64) bool { return seq == s.seq }
