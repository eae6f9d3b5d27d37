//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releasePagesWhile lets go of nothing outside Linux: the pages of a
// whole-file read stay resident until the file is closed.
func releasePagesWhile(*bolt.Tx) (stop func()) { return func() {} }

// pageCounter counts nothing outside Linux (see releasePagesWhile).
type pageCounter struct{}

func countPages(*bolt.Tx) *pageCounter { return &pageCounter{} }
func (*pageCounter) read()             {}
func (*pageCounter) done()             {}
