package sectors

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
	"zixuan/sectors/market"
)

// benchHistory is two years of daily bars from 2024-05-06 for code.
func benchHistory(code market.Code, r *rand.Rand) PriceHistory {
	h := PriceHistory{Code: code}
	p := 10 + r.Float64()*90
	for d := time.Date(2024, 5, 6, 0, 0, 0, 0, market.China); len(h.Bars) < 490; d = d.AddDate(0, 0, 1) {
		if !market.IsTradingDay(d) {
			continue
		}
		p *= 1 + (r.Float64()-0.5)/20
		c := float64(int(p*100)) / 100
		h.Bars = append(h.Bars, DailyBar{Date: d, Open: c, Close: c, High: c, Low: c, Volume: 1e6})
	}
	return h
}

// BenchmarkScorecard scores n calls (one a ticker, made 2024-05-12)
// against 沪深300 from two years of stored daily history each: the 25 of
// the seed and the whole market.
func BenchmarkScorecard(b *testing.B) {
	for _, n := range []int{25, len(market.Master())} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 2))
			in := ScoreInput{History: map[string]PriceHistory{}, Benchmark: benchHistory(Benchmark, r)}
			var calls []Scorable
			for _, s := range market.Master()[:n] {
				in.History[s.Code.Key()] = benchHistory(s.Code, r)
				calls = append(calls, Scorable{Key: s.Code.Key(), Code: s.Code, Name: s.Name, Source: ReportSourceID, Report: true,
					Rating: Buy, Day: time.Date(2024, 5, 12, 0, 0, 0, 0, market.China), Sector: SectorAI})
			}
			b.ResetTimer()
			for b.Loop() {
				sc := Score(calls, in)
				if len(sc.Calls) != n || sc.Calls[0].Err != nil {
					b.Fatalf("%d calls scored, first: %v", len(sc.Calls), sc.Calls[0].Err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/scorecard")
		})
	}
}
