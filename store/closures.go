package store

import (
	"errors"
	"io/fs"
	"os"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// The market's closures after the exchanges' notices are learned from
// the benchmark's stored history (a weekday 沪深300 did not trade, between
// days it did): the bars are the record, so what was learned survives
// with the history and is read back at every open.

// benchmarkBars decodes the stored history of the benchmark, nil when
// none is kept.
func benchmarkBars(tx *bolt.Tx) []sectors.DailyBar {
	b := tx.Bucket(bucketHistory)
	if b == nil {
		return nil
	}
	v := b.Get([]byte(sectors.Benchmark.Key()))
	if v == nil {
		return nil
	}
	h, err := decodeHistory(sectors.Benchmark, v)
	if err != nil {
		return nil // doctor reports a damaged history; the calendar goes on without it
	}
	return h.Bars
}

// learnClosures installs the closures the stored benchmark history shows.
func learnClosures(tx *bolt.Tx) {
	sectors.SetLearnedClosures(sectors.LearnedClosures(benchmarkBars(tx)))
}

// relearnClosures re-reads the closures after the benchmark's history
// changed.
func (s *Store) relearnClosures() {
	_ = s.view(func(tx *bolt.Tx) error { learnClosures(tx); return nil })
}

// CalendarDisagreements lists the days on which the stored benchmark
// history and the exchanges' notices disagree (the notices win).
func (s *Store) CalendarDisagreements() ([]sectors.CalendarDisagreement, error) {
	var out []sectors.CalendarDisagreement
	err := s.view(func(tx *bolt.Tx) error {
		out = sectors.CalendarDisagreements(benchmarkBars(tx))
		return nil
	})
	return out, err
}

// CalendarDisagreementsIn is CalendarDisagreements for the file at path,
// read as it is (no upgrade, no write): for doctor.
func CalendarDisagreementsIn(path string) ([]sectors.CalendarDisagreement, error) {
	s := &Store{path: path}
	return s.CalendarDisagreements()
}

// LearnClosuresFrom installs the closures the file at path shows, reading
// it as it is; a missing file teaches nothing and is not created.
func LearnClosuresFrom(path string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	s := &Store{path: path}
	return s.view(func(tx *bolt.Tx) error { learnClosures(tx); return nil })
}
