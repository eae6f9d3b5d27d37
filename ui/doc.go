// Package ui is zixuan's terminal interface: a Bubble Tea app over the store
// that lets an investor browse the watchlist by sector, filter it by rating
// and by keyboard-wizard search (code, name, pinyin initials), annotate and
// re-rate tickers, add from the whole market, and export the current view.
//
// Structure. The root Model (model.go) is small: it owns the store handle,
// the loaded data (watchData: the tickers and their search index,
// filter.go), the view (filter, sort, visible rows) and the stack of open
// dialogs (stack.go), and it routes: every message goes to its part, keys
// to the dialog on top or to the list when none is open (route.go,
// update.go). Its parts keep their own state and take their own messages:
// the watch of the database and the numbering of loads (storeSync,
// sync.go), the quotes (quoteState: refresh, price cells, the quote status,
// the detail pane's quote lines; quotes.go; the last known quotes kept
// and shown until a live answer, or offline: quotekeep.go), the index
// strip and the
// breadth in the header (strip.go), the alerts (alertState: the check
// through the service layer, the detail pane's alert lines; alerts.go,
// alertedit.go), the list's position columns (posState, poscols.go), the
// price history and the scorecard (histPart: the histories, the benchmark,
// the list's history cells and the chart's history; history.go), the list
// pane (listModel), the detail pane (detailModel) and the frame that draws
// the screen (frame.go). A part reads what it needs of the root in a small
// value built for the call (partCtx, histEnv, listIn, detailIn), never the
// root itself, and asks for what only the root does (a status, a dialog, a
// store write) in what it returns (Model.route). What every part shares is
// in ui/common: the context a component embeds (its size, the keys, the
// styles, the texts, the store), the key map, the light and dark styles,
// and the one translation table. Every key is a key.Binding of its KeyMap,
// and the help bar is the top dialog's own ShortHelp, so help cannot drift
// from what keys do. ui/structure_test.go keeps every file under 400 lines
// and every type under 41 methods.
//
// Dialogs and views. Each implements common.Dialog (Update, View,
// ShortHelp, FullHelp, SetSize) and says where it is drawn (a box, the
// status line, the body, the detail pane). The question, the rating
// picker, the note editor, the add wizard, the export dialog, the sector
// picker, the sectors' management, the columns dialog, the notes' history
// and search, the search line, the alert line, the trade dialog and the
// full help are packages under ui/dialogs; the reports view (and adding a
// report), the scorecard, the positions view, the alerts view, the day's
// summary and the K-line chart are packages under ui/views, each made from
// the data the root gives it and made again when that changes (views.go),
// and the detail pane's small chart is drawn by ui/views/chart. A view is
// a folder and a line in the router. The root opens a dialog and takes in
// its messages; the stack treats every dialog alike.
//
// Messages. A dialog answers the root with the typed messages it declares
// (picker.SubmitMsg, editor.SubmitMsg, sectorpick.MoveMsg, search.TypedMsg,
// common.PassKeyMsg, removeMsg, openEditorMsg, …) returned from its Update
// and taken in within the same Update, so a key that confirms something
// acts before the next key is read.
// Background work (quotes, price history, exports, reloads for changes
// by other processes, found by watching the database's directory where the
// system allows it and by reading its generation each second elsewhere:
// sync.go) runs as tea.Cmds and comes back as messages; the heavy ones
// (the histories, their fetch a batch at a time, the positions, the
// scorecard, the alert check, reloads) take turns, one at a time (jobs.go).
//
// Writes. A confirmed change is queued at once and written, in order, by
// the writer's goroutine (writes.go), never inside Update: a busy file can
// make a write wait a second, and the screen must not freeze. Its result
// patches the one changed ticker into the loaded data (patch.go) exactly
// where a full load would put it, and takes the generation the write
// produced, so the watch does not reload the whole store for our own write.
// Keys typed on the list while one of the user's writes is pending wait
// for it and are applied in order (Model.held), each on the data the write
// left. q while a write is pending quits when it is in (a failed save
// brings its editor back instead), and runProgram waits for every write started, so a
// confirmed note is on disk when zixuan exits, even after a panic.
//
// Drawing. View gathers the screen into a frame (frame.go, view.go): the
// header, the tabs, the body, the status and the help line, the body
// being a dialog or the list pane (listModel: cursor, columns, rows drawn
// from a listIn) and the detail pane (detailModel: note selection and
// scroll, drawn from a detailIn with the quote, chart and alert sections
// other parts draw). Neither pane sees the root, only what it hands them.
// Rows, the tab bar, the help line and wrapped notes are cached
// (render.go) and the body is put together line by line; the plain,
// uncached drawing lives on only as the test oracle the cached frames must
// equal byte for byte (oracle_test.go).
//
// Imports. It is a front end: it may import every package below the front
// ends (service, store, quote, report, export, the domain in sectors and
// sectors/market, safetext) and its own parts under ui/, and only cli
// imports it.
package ui
