// Package picker is the rating picker: it chooses a new rating for one
// ticker and takes an optional reason. On the ratings a digit picks the
// rating it labels and j/k (or the arrows) move the choice; tab goes into
// the reason, where every key is text, and back; enter saves, esc cancels
// (asking first when a reason was typed).
package picker
