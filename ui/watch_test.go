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
// wake the watch with the file's new generation; the reload follows.
func TestWatchSeesOtherProcessesChanges(t *testing.T) {
	st, path := newTestStore(t)
	opts := testOptions(t, "en")
	opts.PollInterval = time.Second
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m.startWatch()
	if m.watch == nil {
		t.Skip("no inotify here: the TUI polls (TestReloadsChangesFromAnotherProcess)")
	}
	defer m.watch.close()
	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tk, _ := m.selected()
	cmd := m.nextChange()
	go func() {
		time.Sleep(50 * time.Millisecond)
		other.AddNote(tk.Code, "written elsewhere")
	}()
	msg, ok := waitMsg(t, cmd).(pollMsg)
	want, _ := other.Generation()
	if !ok || msg.gen != want {
		t.Fatalf("the watch gave %+v, want the generation %d", msg, want)
	}
	if _, cmd := m.Update(msg); cmd == nil {
		t.Fatal("a change seen by the watch does not reload")
	}

	// a restore: another file renamed over the path
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cmd = m.nextChange()
	go func() {
		time.Sleep(50 * time.Millisecond)
		os.WriteFile(path+".new", data, 0o600)
		os.Rename(path+".new", path)
	}()
	if _, ok := waitMsg(t, cmd).(pollMsg); !ok {
		t.Fatal("a file renamed over the database was not seen")
	}

	// events of other files in the directory are not changes
	cmd = m.nextChange()
	go func() {
		time.Sleep(50 * time.Millisecond)
		os.WriteFile(path+".export.csv", []byte("x"), 0o600)
		time.Sleep(100 * time.Millisecond)
		other.AddNote(tk.Code, "again")
	}()
	msg, _ = waitMsg(t, cmd).(pollMsg)
	if want, _ := other.Generation(); msg.gen != want {
		t.Fatalf("woken by another file: generation %d, want %d (the write after it)", msg.gen, want)
	}
}
