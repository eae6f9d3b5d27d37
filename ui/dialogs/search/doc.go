// Package search is the / search in the status line: the list filters
// live as the user types (or pastes); enter keeps the filter, esc clears
// it; the arrows move the list meanwhile (letters are the query).
package search
