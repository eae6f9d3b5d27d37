//go:build unix

package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func ownerOf(fi fs.FileInfo) (uid, gid int) {
	st := fi.Sys().(*syscall.Stat_t)
	return int(st.Uid), int(st.Gid)
}

// A restore keeps the replaced file's owner, group and mode: root
// restoring a user's database leaves it the user's.
func TestRestoreKeepsOwnerAndMode(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give the file to another user")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "z.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	bak := filepath.Join(dir, "b.db")
	if _, err := s.Backup(bak, false); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o640)
	if _, err := s.Restore(bak); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	uid, gid := ownerOf(fi)
	if uid != 65534 || gid != 65534 || fi.Mode().Perm() != 0o640 {
		t.Errorf("after restore: owner %d:%d mode %v", uid, gid, fi.Mode().Perm())
	}
}
