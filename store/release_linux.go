package store

import (
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// releaseInterval is how often a whole-file read lets go of the pages it
// has read: at the check's pace, a few MB at most are resident between two.
const releaseInterval = 5 * time.Millisecond

// releasePagesWhile hands the pages of tx's file mapping that this
// process has read back to the page cache every releaseInterval until
// the returned func is called, and once more then. A read of every page
// (the check) would otherwise keep the whole file resident in this
// process until the file is closed: 72 MB of a two-year history, counted
// in its RSS on top of its heap. The file is mapped shared and read-only,
// so a page let go is read again from the page cache if it is touched
// again: nothing is lost, only the mapping is emptied.
func releasePagesWhile(tx *bolt.Tx) (stop func()) {
	data := tx.DB().Info().Data
	size := int(tx.Size())
	if data == 0 || size <= 0 {
		return func() {}
	}
	// the mapping's address as bbolt gives it, straight to the system
	// call: no Go pointer is made of it
	release := func() { _, _, _ = unix.Syscall(unix.SYS_MADVISE, data, uintptr(size), unix.MADV_DONTNEED) }
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(releaseInterval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				release()
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		release()
	}
}
