package sectors

import (
	"testing"
	"time"

	"zixuan/sectors/market"
)

// The whole market sorted by a live column and by name: the work a sorted
// column costs a frame of the TUI (keys worked out, then a stable sort).
func benchSort(b *testing.B, spec string) {
	master := market.Master()
	ts := make([]Ticker, len(master))
	quotes := make([]Quote, len(master))
	day := time.Date(2026, 4, 2, 15, 0, 3, 0, market.China)
	for i, s := range master {
		ts[i] = Ticker{Code: s.Code, Name: s.Name, Pinned: i%500 == 0}
		pct := float64(i*7919%2001)/100 - 10
		quotes[i] = Quote{Last: 10 + pct/10, PrevClose: 10, Change: pct / 10, ChangePct: pct, Volume: 100, Time: day}
		if i%97 == 0 {
			quotes[i].Suspended = true
		}
	}
	o, err := ParseSortOrder(spec)
	if err != nil {
		b.Fatal(err)
	}
	facts := func(i int) SortFacts { return SortFacts{Quote: &quotes[i]} }
	b.ResetTimer()
	for b.Loop() {
		o.Order(SortKeys(ts, o.Column, facts, nil))
	}
}

func BenchmarkSortMarketByChangePct(b *testing.B) { benchSort(b, "change_pct:desc") }
func BenchmarkSortMarketByName(b *testing.B)      { benchSort(b, "name") }
