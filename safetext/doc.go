// Package safetext makes untrusted text safe to put on a terminal. Names,
// notes, reasons and imported fields can hold anything: escape sequences
// that set the window title or write the clipboard, bare control bytes,
// bidi overrides that reverse what is shown, invalid UTF-8. Line and Block
// turn all of that into visible, inert text; the stored text is never
// changed, only what is shown.
//
// It also measures and cuts text by display width, as terminals draw it
// (a Han character is two cells: Width, Truncate, Fit), and writes JSON
// strings for the store and the exports (AppendJSONString).
//
// It imports nothing of zixuan, so every package may import it.
package safetext
