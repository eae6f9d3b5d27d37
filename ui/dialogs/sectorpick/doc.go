// Package sectorpick picks a sector: where to move a ticker, or (with a
// prompt and an answer of its own) where to add one from the All tab or
// which group to add it to. Adding, it also takes a new sector's name
// (WithNew), refused at once as the store would refuse it.
package sectorpick
