// Package keyhelp is every key of the list (or of the focused detail
// pane), over the body (?), the groups side by side as far as they fit and
// the rest below. ? or esc closes it; any other key closes it and does
// what it does where the help was opened. Taller than the room, it shows a
// window of the keys and scrolls it with the keys that move the list.
package keyhelp
