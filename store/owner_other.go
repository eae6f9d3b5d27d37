//go:build !unix

package store

import (
	"io/fs"
	"os"
)

// keepOwner gives tmp the mode of fi, the file it is to replace.
func keepOwner(tmp string, fi fs.FileInfo) error { return os.Chmod(tmp, fi.Mode().Perm()) }
