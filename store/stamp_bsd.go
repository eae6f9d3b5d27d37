//go:build darwin || freebsd || netbsd

package store

import (
	"os"
	"syscall"
)

// The BSDs name the times of a stat differently from Linux.
func statStamp(fi os.FileInfo) *fileStamp {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	return &fileStamp{
		dev: uint64(st.Dev), ino: uint64(st.Ino), size: uint64(st.Size),
		mtime: st.Mtimespec.Nano(), ctime: st.Ctimespec.Nano(),
	}
}
