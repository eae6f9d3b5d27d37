// Package confirm is the yes/no question drawn in the status line over
// what it asks about: yes hands the action it holds to the root, no (or
// esc, q) closes it.
package confirm
