//go:build !linux

package ui

import "errors"

// watchFile is not there outside Linux: the TUI polls.
func watchFile(string) (*fileWatch, error) {
	return nil, errors.New("no file watch on this system")
}
