// Package ui is zixuan's terminal interface: a bubbletea app over the store
// that lets an investor browse the watchlist by sector, filter it by rating
// and by keyboard-wizard search (code, name, pinyin initials), annotate and
// re-rate tickers, add from the whole market, and export the current view.
//
// The root Model owns the store handle and routes messages; each pane (tabs,
// list, detail, editor, rating picker, add wizard, sector picker, export
// dialog) is a small model in its own file. Writes to the store happen
// synchronously in Update the moment the user confirms them, so nothing
// confirmed is lost by quitting at once; reloads caused by other processes
// and exports run as tea.Cmds.
package ui
