// Package sectors is zixuan's domain: A-share codes and the exchanges and
// boards they belong to, the broker rating scale, the sectors of the
// 2024-05-12 computer-industry weekly with its 25 recommended tickers, and the
// securities master (every A-share's code and short name, embedded in the
// binary, with pinyin keys computed ahead of time).
//
// It is pure data and rules: it does no I/O beyond reading its embedded files
// and imports no other zixuan package, so every other package may import it.
package sectors
