package store

import (
	"time"

	"errors"
	"io/fs"
	"os"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// The market's closures after the exchanges' notices are learned from
// the benchmark's stored history (a weekday 沪深300 did not trade, between
// days it did): the bars are the record, so what was learned survives
// with the history and is read back at every open.

// benchmarkDays decodes the days the benchmark traded from its stored
// history, nil when none is kept.
func benchmarkDays(tx *bolt.Tx) []time.Time {
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
	days := make([]time.Time, len(h.Bars))
	for i, b := range h.Bars {
		days[i] = b.Date
	}
	return days
}

// learnClosures installs the closures the stored benchmark history shows.
func learnClosures(tx *bolt.Tx) {
	market.SetLearnedClosures(market.LearnedClosures(benchmarkDays(tx)))
}

// relearnClosures re-reads the closures after the benchmark's history
// changed.
func (s *Store) relearnClosures() {
	_ = s.view(func(tx *bolt.Tx) error { learnClosures(tx); return nil })
}

// CalendarDisagreements lists the days on which the stored benchmark
// history and the exchanges' notices disagree (the notices win).
func (s *Store) CalendarDisagreements() ([]market.CalendarDisagreement, error) {
	var out []market.CalendarDisagreement
	err := s.view(func(tx *bolt.Tx) error {
		out = market.CalendarDisagreements(benchmarkDays(tx))
		return nil
	})
	return out, err
}

// CalendarDisagreementsIn is CalendarDisagreements for the file at path,
// read as it is (no upgrade, no write): for doctor.
func CalendarDisagreementsIn(path string) ([]market.CalendarDisagreement, error) {
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
