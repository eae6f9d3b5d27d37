// Package positions is the positions view (P on the list): every position
// with its quantity, cost and average price and, priced with the quotes
// the root holds, its value and unrealised P&L; subtotals per sector and a
// total. It reads the positions from the store itself, off the UI
// goroutine (New's command, LoadedMsg).
//
// It imports ui/common, the store (through common.Common) and the domain
// packages (sectors, safetext); never the root ui package nor another
// view.
package positions
