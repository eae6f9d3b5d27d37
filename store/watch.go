package store

import (
	"context"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Changes made by other processes (a CLI note, a cron `alert check`, a
// restore) are noticed by watching the database's directory rather than by
// reading the file's generation every second: an idle TUI then sleeps
// until something changes. The directory is watched, not the file, so that
// a file renamed over the path (a restore) is seen too.

// changeSettle is how long the events of one change are gathered: a
// commit is several writes (pages, then the meta page after the sync).
const changeSettle = 20 * time.Millisecond

// WatchFile watches the database file at path for changes by anyone:
// writes, a file renamed over it, its removal. Each value on the channel
// is one change whose events have settled; changes that come while one is
// waiting to be taken are merged into it. The channel is closed when ctx
// is done or the watch fails (then the caller polls, with
// Store.Generation). A database reached through a symbolic link is watched
// where the link points, which is where it is written, and the link's own
// directory for the link being replaced.
func WatchFile(ctx context.Context, path string) (<-chan struct{}, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	f := newWatchFilter(path)
	for dir := range f.dirs {
		if err := w.Add(dir); err != nil {
			w.Close()
			return nil, err
		}
	}
	out := make(chan struct{}, 1)
	go func() {
		defer close(out)
		defer w.Close()
		settle := time.NewTimer(changeSettle)
		settle.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if f.counts(ev) {
					settle.Reset(changeSettle)
				}
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
				// Events were lost (the queue overflowed): anything may have
				// changed.
				settle.Reset(changeSettle)
			case <-settle.C:
				select {
				case out <- struct{}{}:
				default: // one waiting is enough
				}
			}
		}
	}()
	return out, nil
}

// watchFilter says which events of the watched directories are changes
// of the database: those of its path, of the file that path resolves to
// when it is a symbolic link (the file is written there), and of a watched
// directory itself (moved or removed: anything may have happened).
type watchFilter struct {
	files, dirs map[string]bool
}

func newWatchFilter(path string) watchFilter {
	f := watchFilter{files: map[string]bool{}, dirs: map[string]bool{}}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	paths := []string{abs}
	if target, err := filepath.EvalSymlinks(abs); err == nil && target != abs {
		paths = append(paths, target)
	}
	for _, p := range paths {
		f.files[p] = true
		f.dirs[filepath.Dir(p)] = true
	}
	return f
}

func (f watchFilter) counts(ev fsnotify.Event) bool {
	name := filepath.Clean(ev.Name)
	return f.files[name] || f.dirs[name]
}
