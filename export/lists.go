package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"
)

func init() {
	register(TDX, writeTDX)
	register(Codes, writeCodes)
	register(Yahoo, writeYahoo)
	register(Ticker, writeTicker)
}

// onList keeps the tickers on the watchlist: only the json export carries
// removed ones (it is the lossless format); a code list that brought back
// removed tickers would surprise whoever imports it.
func onList(tickers []sectors.Ticker) []sectors.Ticker {
	out := make([]sectors.Ticker, 0, len(tickers))
	for _, t := range tickers {
		if t.OnList() {
			out = append(out, t)
		}
	}
	return out
}

// writeLines writes one line per ticker with the given line ending.
func writeLines(w io.Writer, tickers []sectors.Ticker, eol string, line func(sectors.Ticker) string) error {
	bw := bufio.NewWriter(w)
	for _, t := range onList(tickers) {
		bw.WriteString(line(t))
		bw.WriteString(eol)
	}
	return bw.Flush()
}

// writeTDX writes a 通达信 block file (T0002/blocknew/*.blk): the market
// digit (1 Shanghai, 0 Shenzhen, 2 Beijing) then the code, one a line, with
// CRLF endings as Windows TDX writes them. Digits only, so the file is the
// same in GBK and UTF-8.
func writeTDX(w io.Writer, tickers []sectors.Ticker, _ Options) error {
	return writeLines(w, tickers, "\r\n", func(t sectors.Ticker) string { return t.Code.TDX() })
}

// writeCodes writes exchange-prefixed codes, one a line: SH688111.
func writeCodes(w io.Writer, tickers []sectors.Ticker, _ Options) error {
	return writeLines(w, tickers, "\n", func(t sectors.Ticker) string { return t.Code.Key() })
}

// writeYahoo writes Yahoo Finance symbols, one a line: 688111.SS, 000977.SZ;
// Beijing codes get .BJ, which Yahoo has not confirmed.
func writeYahoo(w io.Writer, tickers []sectors.Ticker, _ Options) error {
	return writeLines(w, tickers, "\n", func(t sectors.Ticker) string { return t.Code.Yahoo() })
}

// writeTicker writes a snippet of ~/.ticker.yaml for the terminal tracker
// `ticker` (achannarasappa/ticker): a watchlist of Yahoo symbols, each with
// its name as a comment.
func writeTicker(w io.Writer, tickers []sectors.Ticker, opts Options) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# zixuan watchlist, exported %s: paste into ~/.ticker.yaml\n", opts.Now().In(market.China).Format("2006-01-02"))
	bw.WriteString("watchlist:\n")
	for _, t := range onList(tickers) {
		fmt.Fprintf(bw, "  - %q", t.Code.Yahoo())
		if name := yamlComment(market.DisplayName(t.Name)); name != "" {
			bw.WriteString(" # " + name)
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// yamlComment makes a name safe inside a one-line YAML comment.
func yamlComment(s string) string {
	return strings.TrimSpace(safetext.Line(s))
}
