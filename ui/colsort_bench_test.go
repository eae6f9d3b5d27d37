package ui

import (
	"context"
	"runtime"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/bench/universe"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
)

// marketQuotes answers every code with a quote of its own, moved by round:
// each refresh reorders the list sorted by a live column. Every 50th code
// is suspended (it sorts last).
type marketQuotes struct{ round int }

func (f *marketQuotes) Name() string { return "market" }

func (f *marketQuotes) Quotes(_ context.Context, codes []market.Code) (map[string]sectors.Quote, error) {
	f.round++
	out := make(map[string]sectors.Quote, len(codes))
	for i, c := range codes {
		pct := float64((i*7919+f.round*104729)%2001-1000) / 100 // -10.00% .. +10.00%
		q := sectors.Quote{Code: c, PrevClose: 10, Last: 10 * (1 + pct/100), Change: pct / 10, ChangePct: pct,
			Volume: int64(1000 + i), Amount: float64(1e5 * (i + 1)), Time: tradingNow}
		q.Suspended = i%50 == 0
		out[c.Key()] = q
	}
	return out, nil
}

// BenchmarkSortLiveColumn is the whole market's watchlist (5,538 tickers,
// the benchmark universe) sorted by 涨跌幅: ms-p50/ms-max of the sort
// alone (the keys from the quotes, the order, the rows), of a key that
// sorts it (I, reversing the order: every ticker's key worked out and
// sorted), and of a refresh of the quotes (the order made again from the
// new prices, the cursor kept on its ticker), each to the next frame
// drawn at 120x40. ms-cpu-p50 is the thread's CPU time, which a busy
// machine does not inflate as it does the wall clock.
func BenchmarkSortLiveColumn(b *testing.B) {
	n := universe.All()
	st, err := store.Open(universe.Copy(b, n))
	if err != nil {
		b.Fatal(err)
	}
	opts := testOptions(b, "zh")
	opts.Now = func() time.Time { return tradingNow }
	p := &marketQuotes{}
	opts.Quotes, opts.Sort = p, "change_pct:desc"
	m, err := New(st, opts)
	if err != nil {
		b.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = fetch(m)
	if len(m.view.rows) != n || !m.view.liveSort() {
		b.Fatalf("%d rows, sort %v", len(m.view.rows), m.view.col)
	}
	report := func(b *testing.B, l, cpu []time.Duration) {
		slices.Sort(l)
		slices.Sort(cpu)
		b.ReportMetric(float64(l[len(l)/2])/1e6, "ms-p50")
		b.ReportMetric(float64(l[len(l)-1])/1e6, "ms-max")
		b.ReportMetric(float64(cpu[len(cpu)/2])/1e6, "ms-cpu-p50")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.Run("sort", func(b *testing.B) { // the order alone: every key worked out, sorted, the rows
		var l, cpu []time.Duration
		for b.Loop() {
			m.qs.epoch = nextEpoch() // as new quotes make it
			t0, c0 := time.Now(), threadCPU()
			m.refilter(m.selectedKey())
			l, cpu = append(l, time.Since(t0)), append(cpu, threadCPU()-c0)
		}
		report(b, l, cpu)
	})
	b.Run("key", func(b *testing.B) {
		var l, cpu []time.Duration
		rev := keyMsg("I")
		for b.Loop() {
			t0, c0 := time.Now(), threadCPU()
			next, _ := m.Update(rev)
			m = next.(Model)
			_ = m.View().Content
			l, cpu = append(l, time.Since(t0)), append(cpu, threadCPU()-c0)
		}
		report(b, l, cpu)
	})
	b.Run("refresh", func(b *testing.B) {
		var l, cpu []time.Duration
		for b.Loop() {
			msg := m.qs.fetchCmd(partCtxOf(&m))() // the fetch runs off the UI goroutine: not timed
			t0, c0 := time.Now(), threadCPU()
			next, _ := m.Update(msg)
			m = next.(Model)
			_ = m.View().Content
			l, cpu = append(l, time.Since(t0)), append(cpu, threadCPU()-c0)
		}
		report(b, l, cpu)
	})
}
