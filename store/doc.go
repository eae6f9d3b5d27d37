// Package store keeps zixuan's watchlist in a bbolt file and speaks the
// domain: tickers, sectors, ratings with their history, notes with their
// revisions, reports and their calls, reference prices and daily price
// history, alerts and trades. Buckets and encoding stay inside.
//
// Layout (schema 3), every value JSON unless said otherwise:
//
//	meta/                 app = "zixuan", schema = "3", gen = uint64 (big-endian), source = the seed report,
//	                      alert-exec = when a check with --exec first ran (see alerts.go)
//	sectors/<id>          Sector
//	tickers/<SH688111>    tickerRecord, keyed by exchange and code (always 8 bytes); schema 2 adds
//	                      pinned, position (the user's order) and groups (the other sectors it is in);
//	                      schema 3 lets the key be a fund's or an index's (SH510300, SH000300) and
//	                      adds quote_name, the quote server's name of a code the master does not list
//	ratings/<SH688111><seq>  ratingRecord, seq a big-endian uint64 counting per ticker: oldest first
//	notes/<SH688111><id>     Note, with its revisions (deleted notes are kept, marked); ids count per ticker
//	prices/<SH688111>/<day>  priceRecord: a reference close, a bucket per ticker (see prices.go)
//	reports/<id>          reportRecord: a report, its themes and the sectors they went to (schema 2)
//	calls/<SH688111>/<report id>  callRecord: a report's call on a ticker, as the report made it (schema 2)
//	history/<SH688111>    historyRecord, binary: daily bars, distributions and the days held (schema 2;
//	                      see history.go)
//	alerts/<id>           alertRecord with its firings and the deliveries still owed; id from the
//	                      bucket's sequence, big-endian (schema 2; see alerts.go)
//	trades/<id>           tradeRecord: a buy or a sell; positions are replayed from them (schema 2;
//	                      see positions.go)
//	list-index-value/list the list index: what the TUI's first screen needs, binary, valid only at the
//	list-index/gen        generation in gen, with the tickers changed since named in dirty (see
//	list-index/dirty      listindex.go, listpatch.go); a cache, rebuilt from the records. Each big
//	                      value is alone in its bucket: bbolt writes a changed key's whole leaf
//	quote-cache/quotes    the last known quotes, binary, one per code watched (see quotecache.go); a cache
//	                      written without moving the generation
//	cache/...             the same caches as builds before kept them in one bucket: removed when an
//	                      index is saved
//
// Schema changes go through numbered migrations (migrate.go): schema 1 → 2
// created reports, calls, history, alerts and trades and recorded the seed
// report with its calls; 2 → 3 changed no record but let funds and indexes
// on the list (see migrateFunds). An older file is backed up beside itself and
// upgraded in one transaction; a newer one is refused and never written.
//
// The layout is flat: a ticker's rating changes, notes and calls sort under
// its key in shared buckets, so thousands of tickers pack densely and Load
// reads each bucket with one cursor. (A bucket per ticker cost two mostly
// empty pages each: 40 MB for the whole market, against 13-16.)
//
// The file is opened for each operation and closed straight after, so that
// a TUI left open for hours never locks out `zixuan list` or `zixuan note`
// in another terminal: bbolt allows one writer per file, and a process
// holding the file open holds its lock. Every write is one transaction,
// committed (fsync included) before the method returns, and bumps gen,
// which is how an open TUI notices another process's changes: WatchFile
// (fsnotify, a watch of the database's folder) says when the file may have
// changed, Generation says whether it did.
//
// It imports the domain (sectors, sectors/market), report (to read the
// seed report a new database starts from) and safetext, and nothing that
// stands above it: no front end, no quote server.
package store
