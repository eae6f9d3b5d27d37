// Package today is the day's summary (T on the list): the tab's gainers
// and losers, its tickers at their limits, the alerts fired, the buy calls
// whose thesis has gone without a note, the reports added and the
// positions' day P&L, on the China trading day (the last session on a
// closed day, said so). The summary is the service's (service.Today, the
// rules `zixuan today` prints), made off the UI goroutine (New's command,
// LoadedMsg) from what the root hands the view: the tab's tickers, the
// quotes it holds (none: the summary says so), the loaded snapshot.
//
// It imports ui/common, the service and the domain packages; never the
// root ui package nor another view.
package today
