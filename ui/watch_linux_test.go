//go:build linux

package ui

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

func inotifyEvent(mask uint32, name string) []byte {
	n := (len(name) + 1 + 15) / 16 * 16 // the kernel pads names with NULs
	if name == "" {
		n = 0
	}
	b := make([]byte, unix.SizeofInotifyEvent+n)
	binary.NativeEndian.PutUint32(b[4:8], mask)
	binary.NativeEndian.PutUint32(b[12:16], uint32(n))
	copy(b[unix.SizeofInotifyEvent:], name)
	return b
}

func TestInotifyEventsOfTheDatabaseOnly(t *testing.T) {
	name := []byte("zixuan.db")
	cases := []struct {
		what string
		b    []byte
		want bool
	}{
		{"a write to it", inotifyEvent(unix.IN_MODIFY, "zixuan.db"), true},
		{"renamed over it", inotifyEvent(unix.IN_MOVED_TO, "zixuan.db"), true},
		{"another file", inotifyEvent(unix.IN_MODIFY, "zixuan.db.schema-1.bak"), false},
		{"a prefix of its name", inotifyEvent(unix.IN_MODIFY, "zixuan"), false},
		{"another, then it", append(inotifyEvent(unix.IN_CREATE, "x.csv"), inotifyEvent(unix.IN_CLOSE_WRITE, "zixuan.db")...), true},
		{"the directory moved", inotifyEvent(unix.IN_MOVE_SELF, ""), true},
		{"events lost", inotifyEvent(unix.IN_Q_OVERFLOW, ""), true},
		{"cut short", inotifyEvent(unix.IN_MODIFY, "zixuan.db")[:20], true},
		{"nothing", nil, false},
	}
	for _, c := range cases {
		if got := changes(c.b, name); got != c.want {
			t.Errorf("%s: changes = %v, want %v", c.what, got, c.want)
		}
	}
}

// A database reached through a symbolic link into another folder: a write
// there is seen.
func TestWatchFollowsASymlinkedDatabase(t *testing.T) {
	real, links := t.TempDir(), t.TempDir()
	target := filepath.Join(real, "data.db")
	if err := os.WriteFile(target, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(links, "zixuan.db")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	fw, err := watchFile(link)
	if err != nil {
		t.Fatal(err)
	}
	defer fw.close()
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("y")
	f.Close()
	select {
	case <-fw.changed:
	case <-time.After(5 * time.Second):
		t.Fatal("a write through the link's target was not seen")
	}
}
