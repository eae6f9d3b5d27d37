// Package positions is the positions view (P on the list): every position
// with its quantity, cost and average price and, priced with the quotes
// the root holds, its value and unrealised P&L; subtotals per sector and a
// total. A cursor selects a position: a records a buy (of it, or of a code
// typed), s a sell of it, d deletes its latest trade, enter opens its page
// (page.go: its lots, trades, distributions and realised P&L), where d
// deletes the trade selected. It reads the positions from the store
// itself, off the UI goroutine (New's and Reload's command, LoadedMsg).
//
// It talks to the root by typed messages: OpenTradeMsg asks for the trade
// dialog (ui/dialogs/tradedlg), AskRemoveMsg for the question before a
// trade is deleted; the root does the writes and reloads the view.
//
// It imports ui/common, the store (through common.Common) and the domain
// packages (sectors, safetext); never the root ui package nor another
// view.
package positions
