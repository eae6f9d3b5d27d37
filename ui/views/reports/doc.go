// Package reports is the reports view (p on the list): the reports the
// watchlist keeps, newest first, and a report's calls with what became of
// each ticker; the dialog that adds a report file after a dry run of the
// add (add.go); and the question whether the tickers only a removed
// report brought leave the list with it.
//
// The view draws what the root gives it (Data) and asks the root for the
// rest by typed messages: filter the list by a report, go to a ticker,
// open the add dialog, remove a report, add the one previewed. The writes
// are the root's; the add's preview and the removal's plan are dry runs
// of the store's, made off the UI goroutine.
//
// It imports ui/common, the store and the domain packages (sectors,
// sectors/market, report, safetext); never the root ui package nor
// another view.
package reports
