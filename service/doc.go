// Package service is the work the command line and the TUI both do, done
// once, so that the two cannot drift apart. The front ends are thin
// callers: they parse what the user asked, call a Service, and say what
// happened in their own words and language.
//
//   - Alerts (alerts.go): CheckAlerts judges every armed alert of every
//     kind on the quotes the front end has (the CLI's from its quote
//     server, the TUI's from its last refresh), since-call and drawdown
//     on the daily history, and records what changed in one write
//     transaction whose stored state decides each firing, so that one
//     crossing fires once whichever front end saw it first. It says what
//     fired, what could not be judged and why, and which firings are owed
//     to a delivery command; running that command is the CLI's.
//   - Reports (reports.go): ReadReport reads a broker report and checks
//     what the user added to it (a theme mapped, a date); PreviewReport
//     runs the add as a dry run, AddReport adds it.
//   - Scorecards (scorecard.go): Score computes a scorecard from the
//     histories and quotes given (the TUI's, which holds them loaded);
//     Scorecard reads the histories it needs through a HistoryReader first
//     (the CLI's, which may fetch what is missing).
//
// History is read through a HistoryReader: StoredHistory reads the store
// only, cut to the bars a figure needs; a front end that fetches missing
// days gives its own reader, and what is neither stored nor fetched
// leaves an alert unjudged and a call unscored, each saying so.
//
// It stands between the domain (sectors, sectors/market), the store and
// the readers of the outside world (store, quote, report), and is
// imported only by cli and ui. It writes nothing to a terminal and reads
// no configuration file: what it needs is given to it.
package service
