package sectors

import (
	"testing"
	"time"

	"zixuan/sectors/market"
)

// BenchmarkBuildHoldingsMarket replays a buy and a sell of every security
// of the market, with no distributions: what `position list` and the
// TUI's positions do at the whole market besides reading the histories.
func BenchmarkBuildHoldingsMarket(b *testing.B) {
	buy := time.Date(2025, 10, 10, 0, 0, 0, 0, market.China)
	sell := time.Date(2026, 3, 2, 0, 0, 0, 0, market.China)
	var trades []Trade
	for _, sec := range market.Master() {
		trades = append(trades,
			Trade{ID: uint64(len(trades) + 1), Code: sec.Code, Side: Bought, Qty: 1000, Price: 10, Date: buy},
			Trade{ID: uint64(len(trades) + 2), Code: sec.Code, Side: Sold, Qty: 300, Price: 11, Date: sell})
	}
	b.ReportAllocs()
	for b.Loop() {
		ps, err := BuildHoldings(trades, nil)
		if err != nil || len(ps) != len(trades)/2 || ps[0].Qty != 700 {
			b.Fatalf("%d positions, %v", len(ps), err)
		}
	}
}
