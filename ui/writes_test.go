package ui

import (
	"strings"
	"testing"
	"time"

	"zixuan/ui/dialogs/editor"

	tea "charm.land/bubbletea/v2"
	bolt "go.etcd.io/bbolt"
)

// holdLock opens the database as another program would, holding its lock
// until release is called.
func holdLock(t *testing.T, path string) (release func()) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return func() { db.Close() }
}

// A save while another program holds the file: Update returns at once with
// the editor closed (the write waits off the UI goroutine), q then waits
// for the write instead of quitting, and when the file is free the note is
// on disk and the program quits.
func TestSlowSaveDoesNotBlockUpdate(t *testing.T) {
	st, path := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	code := selectedCode(m)
	m = press(m, "n", "written while the file was busy")
	release := holdLock(t, path)
	next, wait := m.Update(keyMsg("ctrl+s")) // returns with the lock still held
	m = next.(Model)
	if showing(m) != "list" || m.writes.pending() != 1 || wait == nil {
		t.Fatalf("ctrl+s on a busy file: showing %s, %d writes pending", showing(m), m.writes.pending())
	}
	select {
	case <-m.writes.unsettled()[0].done:
		t.Fatal("the write finished while another program held the file")
	default: // still waiting for the lock, and Update has returned
	}
	if _, cmd := m.Update(genMsg{gen: m.data.gen + 1}); cmd != nil {
		t.Error("the poll reloads the store while our own write is pending")
	}
	next, cmd := m.Update(keyMsg("q"))
	m = next.(Model)
	if cmd != nil || m.quitting {
		t.Fatal("q quit with a write still pending")
	}
	if !strings.Contains(m.plainView(), "saving") {
		t.Errorf("no word that the note is being saved:\n%s", m.plainView())
	}
	release()
	next, cmd = m.Update(wait()) // the write's result
	m = next.(Model)
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatalf("the write is in but q did not quit: %q", m.status)
	}
	tk, err := st.Get(code)
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := tk.LatestNote(); !ok || n.Text != "written while the file was busy" {
		t.Errorf("after quitting the note is not on disk: %+v", tk.Notes)
	}
}

// The same through a real program: n, the note, ctrl+s and q typed at
// once while another program holds the file for a moment. The program
// ends, and when runProgram returns the note is on disk.
func TestNoteSavedOnABusyFileSurvivesQuit(t *testing.T) {
	st, path := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	code := selectedCode(m)
	release := holdLock(t, path)
	go func() {
		time.Sleep(300 * time.Millisecond) // well inside the store's lock timeout
		release()
	}()
	input := "n" + "saved on a busy file" + "\x13" + "q"
	var out, stderr strings.Builder
	p := tea.NewProgram(m, tea.WithInput(strings.NewReader(input)), tea.WithOutput(&out), tea.WithoutSignalHandler())
	if err := runProgram(p, path, &stderr); err != nil {
		t.Fatal(err)
	}
	tk, err := st.Get(code)
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := tk.LatestNote(); !ok || n.Text != "saved on a busy file" {
		t.Errorf("the note confirmed before q is not on disk: %+v", tk.Notes)
	}
}

// A save that fails after q was pressed keeps the program open with the
// editor and its text back, rather than exiting without the note.
func TestFailedSaveAfterQuitStays(t *testing.T) {
	st, path := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "n", "do not lose me")
	release := holdLock(t, path)
	next, wait := m.Update(keyMsg("ctrl+s"))
	m = next.(Model)
	next, _ = m.Update(keyMsg("q"))
	m = next.(Model)
	next, cmd := m.Update(wait()) // the lock timeout passes: the write fails
	m = next.(Model)
	release()
	if cmd != nil || m.quitting || showing(m) != "editor" || !strings.Contains(topOf[editor.Model](m).Text(), "do not lose me") || !m.statusErr {
		t.Fatalf("after a failed save and q: quitting %v, showing %s, text %q, status %q", m.quitting, showing(m), topOf[editor.Model](m).Text(), m.status)
	}
}
