// Package export writes the watchlist in the formats other tools read
// (spreadsheets, 通达信, Yahoo-symbol trackers, scripts) and reads them back.
// The CLI's `export`/`import`/`list --format` and the TUI's `e` all go
// through it, so every path writes the same bytes.
package export
