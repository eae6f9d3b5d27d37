package store

import (
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// releaseInterval is how often a whole-file read lets go of the pages it
// has read: at the check's pace, a few MB at most are resident between two.
const releaseInterval = 5 * time.Millisecond

// releaseEvery is how many values a long read (a batch of histories)
// decodes between two releases of the pages it touched. Each page fault
// maps the pages around the one touched too (the kernel's fault-around,
// 64 KB), so a read of 256 histories of ~14 KB each held 9 MB of the
// file; 16 of them hold about 1 MB.
const releaseEvery = 16

// releasePagesWhile hands the pages of tx's file mapping that this
// process has read back to the page cache every releaseInterval until
// the returned func is called, and once more then. A read of every page
// (the check) would otherwise keep the whole file resident in this
// process until the file is closed: 72 MB of a two-year history, counted
// in its RSS on top of its heap. The file is mapped shared and read-only,
// so a page let go is read again from the page cache if it is touched
// again: nothing is lost, only the mapping is emptied.
func releasePagesWhile(tx *bolt.Tx) (stop func()) {
	release := releaser(tx)
	if release == nil {
		return func() {}
	}
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

// pageCounter lets go of tx's file pages, as releasePagesWhile does,
// after every releaseEvery values a loop reads (read, called once for
// each): a loop's pace rather than the clock's, so what is resident
// stays bounded however fast the values decode.
type pageCounter struct {
	release func()
	n       int
}

func countPages(tx *bolt.Tx) *pageCounter { return &pageCounter{release: releaser(tx)} }

// read counts one value read.
func (p *pageCounter) read() {
	if p.release == nil {
		return
	}
	if p.n++; p.n%releaseEvery == 0 {
		p.release()
	}
}

// done lets go of what the loop read last.
func (p *pageCounter) done() {
	if p.release != nil && p.n%releaseEvery != 0 {
		p.release()
	}
}

// releaser is the call that empties tx's file mapping, or nil when it
// has none.
func releaser(tx *bolt.Tx) func() {
	data := tx.DB().Info().Data
	size := int(tx.Size())
	if data == 0 || size <= 0 {
		return nil
	}
	// the mapping's address as bbolt gives it, straight to the system
	// call: no Go pointer is made of it
	return func() { _, _, _ = unix.Syscall(unix.SYS_MADVISE, data, uintptr(size), unix.MADV_DONTNEED) }
}
