package ui

import (
	"sync"
	"sync/atomic"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The background jobs run one at a time, every one of them, each with
// its own result; a job whose turn is taken waits, and a nil queue (a
// model built without New) runs everything at once.
func TestJobQueueRunsOneJobAtATime(t *testing.T) {
	q := newJobQueue()
	var running, most atomic.Int32
	job := func(i int) tea.Cmd {
		return q.run(func() tea.Msg {
			n := running.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			for range 1000 { // long enough for another to start if it could
				_ = running.Load()
			}
			running.Add(-1)
			return i
		})
	}
	var wg sync.WaitGroup
	got := make([]tea.Msg, 20)
	for i := range got {
		wg.Go(func() { got[i] = job(i)() })
	}
	wg.Wait()
	if most.Load() != 1 {
		t.Errorf("%d jobs ran at once", most.Load())
	}
	for i, msg := range got {
		if msg != i {
			t.Errorf("job %d answered %v", i, msg)
		}
	}

	// a turn taken elsewhere (the fetch storing a batch) holds the jobs
	done := q.wait()
	ran := make(chan tea.Msg)
	go func() { ran <- job(99)() }()
	select {
	case <-ran:
		t.Fatal("a job ran while the turn was taken")
	default:
	}
	done()
	done() // a second call gives nothing back twice
	if msg := <-ran; msg != 99 {
		t.Errorf("the job answered %v", msg)
	}
	if d := q.wait(); d != nil {
		d()
	}

	var none *jobQueue
	if none.run(nil) != nil {
		t.Error("no command made one")
	}
	if msg := none.run(func() tea.Msg { return 1 })(); msg != 1 {
		t.Errorf("a nil queue's job answered %v", msg)
	}
	none.wait()()
}
