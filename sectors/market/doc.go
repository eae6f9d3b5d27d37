// Package market is the A-share market as zixuan knows it, apart from any
// watchlist: codes in every spelling, the exchanges and boards they belong
// to, and what kind of security a code names (a stock, a listed fund — ETF,
// LOF, closed-end — or an index, with the rule for a bare number a stock
// and an index share: ParseSecurity); the securities master (every
// A-share's code and short name, embedded in the binary, with pinyin keys
// computed ahead of time from phrase readings); the one resolver of what a
// user types for a stock (code, name, name prefix, pinyin, former name,
// with one ranking), which the CLI, the TUI's search and its add wizard all
// use; and the exchange calendar (the exchanges' notices, the State
// Council's plans, the law's fixed holidays, and closures learned from a
// benchmark's trading days).
//
// It does no I/O beyond reading its embedded files and imports only
// safetext (names are made safe to show), so every package, sectors
// included, may import it.
// Regenerate the pinyin files with `go generate ./sectors/market` after
// replacing data/a_shares.csv.
package market
