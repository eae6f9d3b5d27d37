// Package service is the work the command line and the TUI both do, done
// once: quotes and price history fetched and stored, alerts judged and
// recorded, broker reports read and added, scorecards computed. The front
// ends are thin callers: they parse what the user asked, call a Service,
// and say what happened in their own words and language.
//
// It stands between the domain (sectors, sectors/market), the store and
// the quote servers (store, quote, report), and is imported only by cli
// and ui. It writes nothing to a terminal and reads no configuration
// file: what it needs is given to it.
package service
