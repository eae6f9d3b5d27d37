package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// tref reaches one ticker's records inside a transaction. The layout is
// flat (see doc.go): the record in tickers/<KEY>, and its rating changes
// and notes in two shared buckets under <KEY><8-byte sequence>. A flat
// layout packs thousands of tickers into few pages, where a bucket per
// ticker took two mostly empty pages each; and Load reads each of the
// three buckets with one cursor, in the same key order.
type tref struct {
	tx  *bolt.Tx
	key []byte // "SH688111": always 8 bytes (sectors.Code.Key)
}

func refOf(tx *bolt.Tx, code market.Code) tref { return tref{tx: tx, key: []byte(code.Key())} }

// childKey is a rating's or note's key: the ticker's key, then seq.
func (r tref) childKey(seq uint64) []byte {
	k := make([]byte, len(r.key)+8)
	copy(k, r.key)
	binary.BigEndian.PutUint64(k[len(r.key):], seq)
	return k
}

// exists reports whether the ticker has a record.
func (r tref) exists() bool { return r.tx.Bucket(bucketTickers).Get(r.key) != nil }

// info decodes the ticker's record.
func (r tref) info(rec *tickerRecord) error {
	data := r.tx.Bucket(bucketTickers).Get(r.key)
	if data == nil {
		return fmt.Errorf("ticker %s: %w", r.key, ErrNotFound)
	}
	if err := decodeTickerRecord(data, rec); err != nil {
		return fmt.Errorf("decode ticker %s: %w", r.key, err)
	}
	return nil
}

func (r tref) putInfo(rec tickerRecord) error {
	data, err := encodeTickerRecord(&rec)
	if err != nil {
		return err
	}
	return r.tx.Bucket(bucketTickers).Put(r.key, data)
}

// each calls fn for the ticker's entries of bucket b in key order.
func (r tref) each(b []byte, fn func(seq uint64, v []byte) error) error {
	c := r.tx.Bucket(b).Cursor()
	for k, v := c.Seek(r.key); k != nil && bytes.HasPrefix(k, r.key); k, v = c.Next() {
		if len(k) != len(r.key)+8 {
			return fmt.Errorf("%s/%x: malformed key", b, k)
		}
		if err := fn(binary.BigEndian.Uint64(k[len(r.key):]), v); err != nil {
			return err
		}
	}
	return nil
}

// lastSeq is the highest sequence the ticker uses in bucket b (0: none).
// Sequences are never reused: deleted notes stay, marked.
func (r tref) lastSeq(b []byte) uint64 {
	c := r.tx.Bucket(b).Cursor()
	end := append(append([]byte(nil), r.key...), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
	k, _ := c.Seek(end)
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, r.key) || len(k) != len(r.key)+8 {
		return 0
	}
	return binary.BigEndian.Uint64(k[len(r.key):])
}

// ratings reads the rating history, oldest first, as it is shown.
func (r tref) ratings() ([]sectors.RatingChange, error) {
	out, err := r.storedRatings()
	return startAtFirstRating(out), err
}

// storedRatings reads the rating history as stored, the entries from a
// rating to itself that older files open it with included.
func (r tref) storedRatings() ([]sectors.RatingChange, error) {
	var out []sectors.RatingChange
	err := r.each(bucketRatings, func(seq uint64, v []byte) error {
		rc, err := decodeRatingChange(seq, v)
		out = append(out, rc)
		return err
	})
	return out, err
}

func decodeRatingChange(seq uint64, v []byte) (sectors.RatingChange, error) {
	var rr ratingRecord
	if err := decodeRatingRecord(v, &rr); err != nil {
		return sectors.RatingChange{}, fmt.Errorf("rating %d: %w", seq, err)
	}
	from, _ := sectors.ParseRating(rr.From)
	to, _ := sectors.ParseRating(rr.To)
	return sectors.RatingChange{Seq: seq, From: from, To: to, At: rr.At, Source: rr.Source, Reason: rr.Reason}, nil
}

// appendRatings adds entries after the last one.
func (r tref) appendRatings(entries ...sectors.RatingChange) error {
	seq := r.lastSeq(bucketRatings)
	for _, e := range entries {
		seq++
		rr := ratingRecord{From: e.From.ID(), To: e.To.ID(), At: e.At, Source: e.Source, Reason: e.Reason}
		data, err := encodeRatingRecord(&rr)
		if err != nil {
			return err
		}
		if err := r.tx.Bucket(bucketRatings).Put(r.childKey(seq), data); err != nil {
			return err
		}
	}
	return nil
}

// deleteRatings removes the whole history (an import rewrites it merged).
func (r tref) deleteRatings() error {
	var keys [][]byte
	_ = r.each(bucketRatings, func(seq uint64, _ []byte) error {
		keys = append(keys, r.childKey(seq))
		return nil
	})
	for _, k := range keys {
		if err := r.tx.Bucket(bucketRatings).Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// notes reads every note, deleted ones included, newest first.
func (r tref) notes() ([]sectors.Note, error) {
	var out []sectors.Note
	err := r.each(bucketNotes, func(seq uint64, v []byte) error {
		var n sectors.Note
		if err := decodeNote(v, &n); err != nil {
			return fmt.Errorf("note %d: %w", seq, err)
		}
		out = append(out, n)
		return nil
	})
	reverseNotes(out)
	return out, err
}

// noteTexts reads the texts of every note, deleted ones included, in id
// order: what an import compares.
func (r tref) noteTexts() ([]string, error) {
	var out []string
	err := r.each(bucketNotes, func(seq uint64, v []byte) error {
		var n sectors.Note
		if err := decodeNote(v, &n); err != nil {
			return fmt.Errorf("note %d: %w", seq, err)
		}
		out = append(out, n.Text)
		return nil
	})
	return out, err
}

func reverseNotes(ns []sectors.Note) {
	for i, j := 0, len(ns)-1; i < j; i, j = i+1, j-1 {
		ns[i], ns[j] = ns[j], ns[i]
	}
}

// note reads one note; ok is false when there is none with that id.
func (r tref) note(id uint64) (n sectors.Note, ok bool, err error) {
	v := r.tx.Bucket(bucketNotes).Get(r.childKey(id))
	if v == nil {
		return sectors.Note{}, false, nil
	}
	if err := decodeNote(v, &n); err != nil {
		return sectors.Note{}, true, fmt.Errorf("note %d of %s: %w", id, r.key, err)
	}
	return n, true, nil
}

// putNote stores n under its id.
func (r tref) putNote(n sectors.Note) error {
	data, err := encodeNote(&n)
	if err != nil {
		return err
	}
	return r.tx.Bucket(bucketNotes).Put(r.childKey(n.ID), data)
}

// nextNoteID is the id a new note of this ticker gets: ids count per
// ticker (#1, #2, …) and are never reused.
func (r tref) nextNoteID() uint64 { return r.lastSeq(bucketNotes) + 1 }
