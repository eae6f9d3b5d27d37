// Command zixuan (自选) is a terminal watchlist for A-share investors: the
// 25 tickers of a broker's 2024-05-12 computer-industry weekly to start,
// browsed by sector, filtered by rating and pinyin, annotated and re-rated,
// exported to the tools investors already use. See README.md.
package main

import (
	"os"

	"zixuan/cli"
)

func main() { os.Exit(cli.Run()) }
