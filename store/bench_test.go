package store_test

// Benchmarks of the store: open, load, and the committed
// (fsynced) transactions of saving a note and changing a rating, on the
// benchmark universe (bench/universe) at 25, 550 and 5,538 tickers.
// Run them with bench/run.sh, or:
//
//	go test -run '^$' -bench . ./store

import (
	"fmt"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/bench/universe"
	"zixuan/sectors"
	"zixuan/store"
)

func sizeName(n int) string { return fmt.Sprintf("n=%d", n) }

// openUniverse copies the universe of size n, opens it and checks it loads
// as built.
func openUniverse(b *testing.B, n int) *store.Store {
	b.Helper()
	st, err := store.Open(universe.Copy(b, n))
	if err != nil {
		b.Fatal(err)
	}
	snap, err := st.Load()
	if err != nil {
		b.Fatal(err)
	}
	want := universe.Want(n)
	notes := 0
	for _, t := range snap.Tickers {
		notes += len(t.Notes)
	}
	if len(snap.Tickers) != want.Tickers || notes != want.Notes {
		b.Fatalf("universe of %d loads as %d tickers, %d notes; want %d, %d", n, len(snap.Tickers), notes, want.Tickers, want.Notes)
	}
	return st
}

func reportMS(b *testing.B, unit string) {
	b.ReportMetric(float64(b.Elapsed())/float64(time.Millisecond)/float64(b.N), unit)
}

// BenchmarkOpen is store.Open on an existing file: stat, read-only open,
// meta check, close.
func BenchmarkOpen(b *testing.B) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			path := openUniverse(b, n).Path()
			b.ResetTimer()
			for b.Loop() {
				if _, err := store.Open(path); err != nil {
					b.Fatal(err)
				}
			}
			reportMS(b, "ms/open")
		})
	}
}

// BenchmarkLoad reads the whole store (every ticker, rating history and
// note) in one read transaction: the data half of a cold start.
func BenchmarkLoad(b *testing.B) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			st := openUniverse(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := st.Load(); err != nil {
					b.Fatal(err)
				}
			}
			reportMS(b, "ms/load")
		})
	}
}

// BenchmarkLoadListIndex reads what the TUI's first screen needs (issue
// 17): the list index saved from a full load, with the sectors, reports
// and source, in one read transaction.
func BenchmarkLoadListIndex(b *testing.B) { benchLoadListIndex(b, false) }

// BenchmarkLoadListIndexDirty is LoadListIndex after a note written since
// the index was saved (a CLI note): that ticker is read afresh.
func BenchmarkLoadListIndexDirty(b *testing.B) { benchLoadListIndex(b, true) }

func benchLoadListIndex(b *testing.B, noted bool) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			st, snap := indexedUniverse(b, n)
			if noted {
				if _, err := st.AddNote(universe.Securities(n)[n/2].Code, "a note from the shell"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				part, ok, err := st.LoadListIndex()
				if err != nil || !ok || len(part.Tickers) != len(snap.Tickers) {
					b.Fatalf("LoadListIndex: %v %v", ok, err)
				}
			}
			reportMS(b, "ms/load")
		})
	}
}

// indexedUniverse is openUniverse with its list index saved.
func indexedUniverse(b *testing.B, n int) (*store.Store, *sectors.Snapshot) {
	b.Helper()
	st := openUniverse(b, n)
	snap, err := st.Load()
	if err != nil {
		b.Fatal(err)
	}
	if err := st.SaveListIndex(snap); err != nil {
		b.Fatal(err)
	}
	return st, snap
}

// BenchmarkAddNote saves a note: one committed bbolt transaction, fsync
// included, as the TUI does the moment the user confirms it.
func BenchmarkAddNote(b *testing.B) { benchAddNote(b, false) }

// BenchmarkAddNoteKeepingIndex is BenchmarkAddNote with a current list
// index in the file: each note names its ticker dirty in it.
func BenchmarkAddNoteKeepingIndex(b *testing.B) { benchAddNote(b, true) }

func benchAddNote(b *testing.B, indexed bool) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			var st *store.Store
			if indexed {
				st, _ = indexedUniverse(b, n)
			} else {
				st = openUniverse(b, n)
			}
			code := universe.Securities(n)[n/2].Code
			b.ResetTimer()
			i := 0
			for b.Loop() {
				i++
				if _, err := st.AddNote(code, fmt.Sprintf("基准笔记 %d：关注算力订单", i)); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			if _, ok, err := st.LoadListIndex(); indexed && (err != nil || !ok) {
				b.Fatalf("no list index after the notes (%v)", err)
			}
			reportMS(b, "ms/note")
		})
	}
}

// BenchmarkFirstWrite is what one CLI write command costs in the store:
// Open, then a first write (a note), whose full-file check (the pages,
// bbolt's own check, every record) runs before its transaction because
// this Store has not checked the file yet.
func BenchmarkFirstWrite(b *testing.B) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			path := openUniverse(b, n).Path()
			code := universe.Securities(n)[n/2].Code
			b.ResetTimer()
			i := 0
			for b.Loop() {
				i++
				st, err := store.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := st.AddNote(code, fmt.Sprintf("基准笔记 %d：关注算力订单", i)); err != nil {
					b.Fatal(err)
				}
			}
			reportMS(b, "ms/write")
		})
	}
}

// BenchmarkCheck is that check alone, as doctor runs it.
func BenchmarkCheck(b *testing.B) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			path := openUniverse(b, n).Path()
			b.ResetTimer()
			for b.Loop() {
				problems, err := store.CheckFile(path)
				if err != nil || len(problems) > 0 {
					b.Fatal(err, problems)
				}
			}
			reportMS(b, "ms/check")
		})
	}
}

// BenchmarkSetRating changes a rating back and forth, each change one
// committed transaction with its history entry.
func BenchmarkSetRating(b *testing.B) {
	for _, n := range universe.Sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			st := openUniverse(b, n)
			code := universe.Securities(n)[n/2].Code
			b.ResetTimer()
			i := 0
			for b.Loop() {
				i++
				to := sectors.Buy
				if i%2 == 0 {
					to = sectors.Sell
				}
				if _, err := st.SetRating(code, to, "", ""); err != nil {
					b.Fatal(err)
				}
			}
			reportMS(b, "ms/rating")
		})
	}
}

// BenchmarkAddTicker adds one ticker of the market to a watchlist of 550
// through the public API: what building the universe one AddTicker at a
// time would cost per ticker (and why bench/universe writes it directly).
func BenchmarkAddTicker(b *testing.B) {
	st := openUniverse(b, 550)
	in := map[market.Code]bool{}
	for _, m := range universe.Securities(550) {
		in[m.Code] = true
	}
	var free []market.Code
	for _, s := range market.Master() {
		if !in[s.Code] {
			free = append(free, s.Code)
		}
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if i == len(free) {
			b.Fatal("out of tickers to add")
		}
		if _, err := st.AddTicker(free[i], "", sectors.SectorAI, sectors.Buy, ""); err != nil {
			b.Fatal(err)
		}
		i++
	}
	reportMS(b, "ms/add")
}

// BenchmarkBuildUniverse is the cost of building the universe file itself
// (one transaction), for reference.
func BenchmarkBuildUniverse(b *testing.B) {
	for b.Loop() {
		if err := universe.Build(b.TempDir()+"/u.db", universe.All()); err != nil {
			b.Fatal(err)
		}
	}
	reportMS(b, "ms/build")
}
