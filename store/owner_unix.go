//go:build unix

package store

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives tmp the owner, group and mode of fi, the file it is to
// replace: a restore run by root on another user's database leaves it
// theirs. A chown this process may not make (not root) is skipped: the
// file is then the user's own anyway.
func keepOwner(tmp string, fi fs.FileInfo) error {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		if err := os.Lchown(tmp, int(st.Uid), int(st.Gid)); err != nil && !os.IsPermission(err) {
			return err
		}
	}
	return os.Chmod(tmp, fi.Mode().Perm())
}
