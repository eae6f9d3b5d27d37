package ui

import (
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/store"
)

// waitMsg runs cmd and returns its message, failing after a generous
// deadline (the watch answers in milliseconds; this is no timing test).
func waitMsg(t *testing.T, cmd tea.Cmd) tea.Msg {
	t.Helper()
	got := make(chan tea.Msg, 1)
	go func() { got <- cmd() }()
	select {
	case msg := <-got:
		return msg
	case <-time.After(10 * time.Second):
		t.Fatal("no change seen")
		return nil
	}
}

// Another process's write, and a file renamed over the path (a restore),
// wake the watch with the file's new generation; the reload follows. The
// writes are made before the watch is waited on, so nothing here depends
// on goroutines being scheduled in some order.
func TestWatchSeesOtherProcessesChanges(t *testing.T) {
	st, path := newTestStore(t)
	opts := testOptions(t, "en")
	opts.PollInterval = time.Second
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m.sync.start()
	if m.sync.watch == nil {
		t.Skip("no file watch here: the TUI polls (TestReloadsChangesFromAnotherProcess)")
	}
	defer func() {
		m.sync.close()
		for range m.sync.watch.changed { // the watch's goroutine has ended
		}
	}()
	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tk, _ := m.selected()
	if _, err := other.AddNote(tk.Code, "written elsewhere"); err != nil {
		t.Fatal(err)
	}
	want, _ := other.Generation()
	// A commit is several writes: the watch may report the first before
	// the last, which then wakes it again.
	var msg pollMsg
	for msg.gen != want {
		var ok bool
		if msg, ok = waitMsg(t, m.sync.next()).(pollMsg); !ok {
			t.Fatalf("the watch ended instead of seeing the write")
		}
	}
	if _, cmd := m.Update(msg); cmd == nil {
		t.Fatal("a change seen by the watch does not reload")
	}

	// a restore: another file renamed over the path
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".new", data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path+".new", path); err != nil {
		t.Fatal(err)
	}
	if _, ok := waitMsg(t, m.sync.next()).(pollMsg); !ok {
		t.Fatal("a file renamed over the database was not seen")
	}
}
