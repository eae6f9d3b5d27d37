// Package sectors is zixuan's domain: A-share codes and the exchanges and
// boards they belong to, the broker rating scale, the sectors of the
// 2024-05-12 computer-industry weekly with its 25 recommended tickers, and the
// securities master (every A-share's code and short name, embedded in the
// binary, with pinyin keys computed ahead of time from phrase readings), and
// the one resolver of what a user types for a stock (resolve.go: code in
// any spelling, name, name prefix, pinyin, former name, with one ranking),
// which the CLI, the TUI's search and its add wizard all use.
//
// It is pure data and rules: it does no I/O beyond reading its embedded files
// and imports no other zixuan package, so every other package may import it.
package sectors
