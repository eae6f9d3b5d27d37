package store

import (
	"runtime"
	"sync"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// noteStream decodes the notes bucket on a goroutine of its own, in key
// order, a chunk ahead of Load's walk over the tickers: notes are half of
// Load's decoding, and a second core does them while the first does the
// tickers, their ratings and calls. Load reads it as it read the bucket's
// cursor (peek, next), so which notes a ticker gets, and which error it
// meets first, are the same. The goroutine reads through a read
// transaction of its own on the same open file, which is consistent with
// Load's: the file is open read-only, under a shared lock no writer gets
// while it is held, and both transactions are checked to see the same
// commit.
type noteStream struct {
	chunks <-chan []decodedNote
	free   chan<- []decodedNote
	done   chan struct{}
	wg     sync.WaitGroup
	err    error // the goroutine's own: a transaction, a fault
	cur    []decodedNote
	i      int
}

// decodedNote is one record of the notes bucket: its key (valid while the
// transaction is open), the note, or why it does not decode.
type decodedNote struct {
	key  []byte
	note sectors.Note
	err  error
}

const noteChunk = 256

// streamFromTickers is the number of tickers from which Load decodes the
// notes on a goroutine of their own: below it the goroutine costs more
// than it saves.
var streamFromTickers = 500

// noteReader is the notes bucket as Load walks it.
type noteReader interface {
	peek() *decodedNote // the record at the position, nil past the last
	next()              // move past it
	stop() error        // done: call before the transaction ends
}

// readNotes reads tx's notes on a goroutine of their own when there are
// many tickers and a second core, else through a cursor as Load walks.
func readNotes(tx *bolt.Tx, tickers int) noteReader {
	if tickers >= streamFromTickers && runtime.GOMAXPROCS(0) > 1 {
		if s := streamNotes(tx); s != nil {
			return s
		}
	}
	c := &cursorNotes{c: tx.Bucket(bucketNotes).Cursor()}
	c.k, c.v = c.c.First()
	return c
}

// cursorNotes decodes each note as Load comes to it.
type cursorNotes struct {
	c       *bolt.Cursor
	k, v    []byte
	decoded bool
	d       decodedNote
}

func (c *cursorNotes) peek() *decodedNote {
	if c.k == nil {
		return nil
	}
	if !c.decoded {
		c.d = decodedNote{key: c.k}
		c.d.err = decodeNote(c.v, &c.d.note)
		c.decoded = true
	}
	return &c.d
}

func (c *cursorNotes) next() {
	c.k, c.v = c.c.Next()
	c.decoded = false
}

func (c *cursorNotes) stop() error { return nil }

// streamNotes starts decoding tx's notes; nil when a second transaction
// cannot be had at tx's commit (Load then reads the bucket itself).
func streamNotes(tx *bolt.Tx) *noteStream {
	tx2, err := tx.DB().Begin(false)
	if err != nil {
		return nil
	}
	if tx2.ID() != tx.ID() {
		_ = tx2.Rollback()
		return nil
	}
	chunks := make(chan []decodedNote, 2)
	free := make(chan []decodedNote, 3)
	for range 3 {
		free <- make([]decodedNote, 0, noteChunk)
	}
	s := &noteStream{chunks: chunks, free: free, done: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer close(chunks)
		defer tx2.Rollback()
		s.err = guard(func() error {
			c := tx2.Bucket(bucketNotes).Cursor()
			var chunk []decodedNote
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if chunk == nil {
					select {
					case chunk = <-free:
						chunk = chunk[:0]
					case <-s.done:
						return nil
					}
				}
				chunk = append(chunk, decodedNote{key: k})
				d := &chunk[len(chunk)-1]
				d.err = decodeNote(v, &d.note)
				if len(chunk) == noteChunk {
					select {
					case chunks <- chunk:
						chunk = nil
					case <-s.done:
						return nil
					}
				}
			}
			if len(chunk) > 0 {
				select {
				case chunks <- chunk:
				case <-s.done:
				}
			}
			return nil
		})
	}()
	return s
}

func (s *noteStream) peek() *decodedNote {
	for s.i >= len(s.cur) {
		if s.cur != nil {
			s.free <- s.cur
			s.cur = nil
		}
		chunk, ok := <-s.chunks
		if !ok {
			return nil
		}
		s.cur, s.i = chunk, 0
	}
	return &s.cur[s.i]
}

func (s *noteStream) next() { s.i++ }

// stop ends the goroutine (and its transaction) and returns its error.
func (s *noteStream) stop() error {
	close(s.done)
	for range s.chunks { // let a blocked send go
	}
	s.wg.Wait()
	return s.err
}
