// Package store keeps zixuan's watchlist in a bbolt file and speaks the
// domain: tickers, sectors, ratings with their history, notes with their
// revisions. Buckets and encoding stay inside.
//
// Layout (schema 1), every value JSON unless said otherwise:
//
//	meta/                 app = "zixuan", schema = "1", gen = uint64 (big-endian), source = the seed report
//	sectors/<id>          Sector
//	tickers/<SH688111>/   one bucket per ticker, keyed by exchange and code
//	    info              tickerRecord
//	    ratings/<seq>     RatingChange, seq big-endian, oldest first
//	    notes/<id>        Note (with its revisions; deleted notes are kept, marked)
//	prices/<SH688111>/<YYYY-MM-DD>   a rating's reference close (prices.go), made on first use
//
// The file is opened for each operation and closed straight after, so that
// a TUI left open for hours never locks out `zixuan list` or `zixuan note`
// in another terminal: bbolt allows one writer per file, and a process
// holding the file open holds its lock. Every write is one transaction,
// committed (fsync included) before the method returns, and bumps gen, which
// is how an open TUI notices another process's changes.
package store
