package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// waitChange waits for the watch's next change; the deadline only keeps a
// broken watch from hanging the test (it answers in milliseconds).
func waitChange(t *testing.T, changed <-chan struct{}) {
	t.Helper()
	select {
	case _, ok := <-changed:
		if !ok {
			t.Fatal("the watch ended")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no change seen")
	}
}

// waitGeneration takes changes until the file's generation is want: a
// commit is several writes, and a change may be reported between them,
// but the last write always wakes the watch after it.
func waitGeneration(t *testing.T, st *Store, changed <-chan struct{}, want uint64) {
	t.Helper()
	for {
		waitChange(t, changed)
		if g, err := st.Generation(); err == nil && g == want {
			return
		}
	}
}

// stopWatch cancels the watch and waits for its goroutine to end (the
// channel is closed as it returns).
func stopWatch(t *testing.T, cancel context.CancelFunc, changed <-chan struct{}) {
	t.Helper()
	cancel()
	for range changed {
	}
}

func firstCode(t *testing.T, s *Store) string {
	t.Helper()
	snap, err := s.Load()
	if err != nil || len(snap.Tickers) == 0 {
		t.Fatalf("load: %v, %d tickers", err, len(snap.Tickers))
	}
	return snap.Tickers[0].Code.String()
}

// Another process's write and a file renamed over the path (a restore)
// are changes.
func TestWatchFileSeesWritesAndRenames(t *testing.T) {
	st := newStore(t)
	path := st.Path()
	ctx, cancel := context.WithCancel(context.Background())
	changed, err := WatchFile(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer stopWatch(t, cancel, changed)

	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.AddNote(code(firstCode(t, other)), "written elsewhere"); err != nil {
		t.Fatal(err)
	}
	want, err := other.Generation()
	if err != nil {
		t.Fatal(err)
	}
	waitGeneration(t, st, changed, want)

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
	waitChange(t, changed)
}

// A database reached through a symbolic link into another folder is
// written where the link points: that write is seen.
func TestWatchFileFollowsASymlinkedDatabase(t *testing.T) {
	st := newStore(t)
	link := filepath.Join(t.TempDir(), "zixuan.db")
	if err := os.Symlink(st.Path(), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	changed, err := WatchFile(ctx, link)
	if err != nil {
		t.Fatal(err)
	}
	defer stopWatch(t, cancel, changed)
	viaLink, err := Open(link)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := viaLink.AddNote(code(firstCode(t, viaLink)), "through the link"); err != nil {
		t.Fatal(err)
	}
	want, err := viaLink.Generation()
	if err != nil {
		t.Fatal(err)
	}
	waitGeneration(t, viaLink, changed, want)
}

// Only the database's own events count, not those of its neighbours
// (exports, backups) in the same directory.
func TestWatchFilterCountsTheDatabaseOnly(t *testing.T) {
	real, links := t.TempDir(), t.TempDir()
	target := filepath.Join(real, "data.db")
	if err := os.WriteFile(target, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(links, "zixuan.db")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	f := newWatchFilter(link)
	// t.TempDir may itself lie under a link (macOS's /var): compare with
	// the resolved directory as the watch does.
	realDir, err := filepath.EvalSymlinks(real)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		want bool
	}{
		{link, true},
		{filepath.Join(realDir, "data.db"), true},
		{filepath.Join(realDir, "data.db.schema-1.bak"), false},
		{filepath.Join(links, "zixuan.db.export.csv"), false},
		{filepath.Join(links, "zixuan"), false},
		{realDir, true}, // the directory itself moved or removed
		{links, true},
	}
	for _, c := range cases {
		if got := f.counts(fsnotify.Event{Name: c.name, Op: fsnotify.Write}); got != c.want {
			t.Errorf("%s: counts = %v, want %v", c.name, got, c.want)
		}
	}
}

// A watch whose context ends closes its channel: the TUI then polls, and
// nothing is left running.
func TestWatchFileEndsWithItsContext(t *testing.T) {
	st := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	changed, err := WatchFile(ctx, st.Path())
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case <-changed:
		for range changed {
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the watch did not end with its context")
	}
}
