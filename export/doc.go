// Package export writes the watchlist in the formats other tools read
// (spreadsheets, 通达信, Yahoo-symbol trackers, scripts) and reads them back.
// The CLI's `export`/`import`/`list --format` and the TUI's `e` all go
// through it, so every path writes the same bytes.
//
// Formats: csv (a spreadsheet's, with the formula guard and an optional
// BOM), json (everything zixuan knows, re-importable without loss), md,
// tdx (通达信 block files), codes, yahoo and ticker (YAML). Detect names
// the format from the content and Parse reads it (UTF-8, UTF-16 or GBK);
// WriteFile writes a file atomically.
//
// It imports the domain (sectors, sectors/market) and safetext, never the
// store: it turns a snapshot into bytes and bytes into what to import, and
// its caller writes the database.
package export
