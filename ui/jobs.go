package ui

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"zixuan/store"
)

// The TUI's heavy background work, one job at a time. Its start asks for
// much at once: the holdings, the price histories, the fetch of the days
// missing (with the store's check of the whole file before its first
// write), the alert check on the first quotes, the scorecard; later a
// reload for another process's change. Each is a few MB alone, but run
// together at the whole market they held some 60 MB of heap at the peak,
// with no single holder. The queue lets one run at a time, in the order
// they were asked for, so that the peak is the largest job's rather than
// their sum. Nothing the user sees waits long for it: the fetch takes its
// turn a batch at a time, so a reload or an alert check asked for
// meanwhile runs between two batches, not after the whole fetch; and the
// light work (quotes, the list index of the first screen, writes the
// user confirms) never queues.

// jobQueue hands out turns first come, first served. It is shared by
// every copy of the Model (through Options), as the writer is.
type jobQueue struct {
	turn chan struct{} // holds the one turn while nobody has it
}

func newJobQueue() *jobQueue {
	q := &jobQueue{turn: make(chan struct{}, 1)}
	q.turn <- struct{}{}
	return q
}

// wait blocks until it is the caller's turn, and returns what ends it
// (once; calling it again does nothing). A nil queue gives every caller
// its turn at once. The turn goes to the callers in the order they began
// to wait: a channel hands a value sent to the receiver that has waited
// longest.
func (q *jobQueue) wait() (done func()) {
	if q == nil {
		return func() {}
	}
	<-q.turn
	var once sync.Once
	return func() { once.Do(func() { q.turn <- struct{}{} }) }
}

// run is cmd run in its turn: its goroutine waits, holding only what cmd
// captured, until the jobs asked for before it are done.
func (q *jobQueue) run(cmd tea.Cmd) tea.Cmd {
	if q == nil || cmd == nil {
		return cmd
	}
	return func() tea.Msg {
		done := q.wait()
		defer done()
		return cmd()
	}
}

// loadAfterCheck is fullLoadCmd preceded, when this session will fetch
// and store price history, by the check the store makes before its first
// write. The check reads every page of the file, and however often it
// lets go of them, 20–35 MB of a two-year file are resident at once
// while bbolt walks it: made when the fetch starts, that came on top of
// everything the TUI holds by then (its peak); made now, with only the
// first screen's list held, it does not. Keys typed meanwhile wait for
// the load, as they wait for the load itself.
func loadAfterCheck(st *store.Store, opts *Options) tea.Cmd {
	load := fullLoadCmd(st)
	if st == nil || dailyOf(opts) == nil {
		return load
	}
	return func() tea.Msg {
		st.Precheck()
		return load()
	}
}
