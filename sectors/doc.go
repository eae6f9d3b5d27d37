// Package sectors is the watchlist's domain: the broker rating scale and
// how ratings are read, the sectors of the 2024-05-12 computer-industry
// weekly with its 25 recommended tickers, tickers with their notes and
// rating history, broker reports and the calls they make, quotes (limit
// states, a tab's breadth) and price histories with their distributions
// (送/转/派/配), candles and the minute line, the returns measured on them
// against 沪深300, the scorecard, alerts, and positions kept as FIFO lots.
//
// The market it stands on (codes, exchanges and boards, the securities
// master and its pinyin, the one resolver of what a user types, the
// exchange calendar) is the subpackage market.
//
// It is pure data and rules: no I/O, no clock of its own (the time is
// always given). It imports only market and safetext, so every other
// package may import it.
package sectors
