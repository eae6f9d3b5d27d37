//go:build linux

package ui

import (
	"encoding/binary"
	"testing"

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
