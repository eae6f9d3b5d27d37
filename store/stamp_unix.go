//go:build unix && !darwin && !freebsd && !netbsd

package store

import (
	"os"
	"syscall"
)

func statStamp(fi os.FileInfo) *fileStamp {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	return &fileStamp{
		dev: uint64(st.Dev), ino: uint64(st.Ino), size: uint64(st.Size),
		mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano(),
	}
}
