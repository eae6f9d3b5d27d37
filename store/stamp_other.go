//go:build !unix

package store

import "os"

// Without an inode or a change time the stamp is the size and the
// modification time, which every write through the file system moves.
func statStamp(fi os.FileInfo) *fileStamp {
	return &fileStamp{size: uint64(fi.Size()), mtime: fi.ModTime().UnixNano()}
}
