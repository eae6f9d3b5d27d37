// Package store keeps zixuan's watchlist in a bbolt file and speaks the
// domain: tickers, sectors, ratings with their history, notes with their
// revisions. Buckets and encoding stay inside.
//
// Layout (schema 1), every value JSON unless said otherwise:
//
//	meta/                 app = "zixuan", schema = "1", gen = uint64 (big-endian), source = the seed report
//	sectors/<id>          Sector
//	tickers/<SH688111>    tickerRecord, keyed by exchange and code (always 8 bytes)
//	ratings/<SH688111><seq>  ratingRecord, seq a big-endian uint64 counting per ticker: oldest first
//	notes/<SH688111><id>     Note, with its revisions (deleted notes are kept, marked); ids count per ticker
//	prices/<SH688111>/<day>  reference closes (see prices.go)
//	cache/list            the list index: what the TUI's first screen needs, binary, valid only at the
//	                      generation it was made at (see listindex.go); a cache, rebuilt from the records
//
// The layout is flat: a ticker's rating changes and notes sort under its
// key in two shared buckets, so thousands of tickers pack densely and Load
// reads each bucket with one cursor. (A bucket per ticker cost two mostly
// empty pages each: 40 MB for the whole market, against 13-16.)
//
// The file is opened for each operation and closed straight after, so that
// a TUI left open for hours never locks out `zixuan list` or `zixuan note`
// in another terminal: bbolt allows one writer per file, and a process
// holding the file open holds its lock. Every write is one transaction,
// committed (fsync included) before the method returns, and bumps gen, which
// is how an open TUI notices another process's changes: WatchFile (fsnotify)
// says when the file may have changed, Generation says whether it did.
package store
