//go:build linux

package ui

import (
	"bytes"
	"encoding/binary"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// watchFile watches path's directory with inotify, read in blocking mode
// on a goroutine of its own. fsnotify would do, but it reads through the
// Go network poller, and a goroutine parked there beside bubbletea's frame
// ticker makes the scheduler break into the poller on every tick: the very
// idle cost the watch is here to save. A blocked read costs nothing.
func watchFile(path string) (*fileWatch, error) {
	fd, err := unix.InotifyInit1(unix.IN_CLOEXEC)
	if err != nil {
		return nil, err
	}
	const mask = unix.IN_MODIFY | unix.IN_CLOSE_WRITE | unix.IN_CREATE | unix.IN_DELETE |
		unix.IN_MOVED_TO | unix.IN_MOVED_FROM | unix.IN_DELETE_SELF | unix.IN_MOVE_SELF
	// A database reached through a symbolic link is written where the
	// link points (the writes, and a restore's rename): that directory is
	// watched for the file's own name, and the link's directory for the
	// link's name (the link replaced).
	var names [][]byte
	for _, p := range watchedPaths(path) {
		if _, err := unix.InotifyAddWatch(fd, filepath.Dir(p), mask); err != nil {
			unix.Close(fd)
			return nil, err
		}
		names = append(names, []byte(filepath.Base(p)))
	}
	// stop closes the descriptor as Run ends; a read blocked on it is not
	// woken by that (Linux keeps the file until the read returns), so the
	// goroutine ends with the process.
	fw := &fileWatch{changed: make(chan struct{}, 1), stop: func() { unix.Close(fd) }}
	go func() {
		defer close(fw.changed)
		buf := make([]byte, 64*(unix.SizeofInotifyEvent+unix.NAME_MAX+1))
		for {
			n, err := unix.Read(fd, buf)
			if err == unix.EINTR {
				continue
			}
			if err != nil || n <= 0 {
				return // the watch is gone: the TUI polls
			}
			if changes(buf[:n], names...) {
				select {
				case fw.changed <- struct{}{}:
				default: // one pending is enough
				}
			}
		}
	}()
	return fw, nil
}

// changes reports whether the inotify events in b touch a file called
// one of names (or the directory itself, or overflowed: then anything may
// have).
func changes(b []byte, names ...[]byte) bool {
	for len(b) >= unix.SizeofInotifyEvent {
		mask := binary.NativeEndian.Uint32(b[4:8])
		n := int(binary.NativeEndian.Uint32(b[12:16]))
		if unix.SizeofInotifyEvent+n > len(b) {
			return true
		}
		evName := bytes.TrimRight(b[unix.SizeofInotifyEvent:unix.SizeofInotifyEvent+n], "\x00")
		if mask&(unix.IN_Q_OVERFLOW|unix.IN_DELETE_SELF|unix.IN_MOVE_SELF|unix.IN_IGNORED) != 0 {
			return true
		}
		for _, name := range names {
			if bytes.Equal(evName, name) {
				return true
			}
		}
		b = b[unix.SizeofInotifyEvent+n:]
	}
	return false
}
