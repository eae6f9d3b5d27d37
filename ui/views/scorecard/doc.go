// Package scorecard is the scorecard view (c on the list): how every call
// has done against the benchmark, grouped by report, sector, rating or
// source, and a group's calls, the best first, with their returns, the
// benchmark's and the excess. Its tables drop their least needed columns
// to fit a narrow screen.
//
// The view draws the scorecard the root holds (Data), made again when a
// refresh or a new quote brings a newer one; enter on a call asks the root
// to go to its ticker (common.GoToTickerMsg).
//
// It imports ui/common, ui/views/reports (for the reports' labels) and
// the domain packages (sectors, sectors/market, safetext); never the root
// ui package.
package scorecard
