package export_test

// Benchmarks of exporting the whole universe (bench/universe)
// to csv and json, and importing it back: parsing the file, then
// store.Import, one committed transaction. Run them with bench/run.sh, or:
//
//	go test -run '^$' -bench . ./export

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"zixuan/bench/universe"
	"zixuan/export"
	"zixuan/sectors"
	"zixuan/store"
)

func sizeName(n int) string { return fmt.Sprintf("n=%d", n) }

var clock = func() time.Time { return universe.Base }

// loaded opens a copy of the universe of size n and loads it.
func loaded(b *testing.B, n int) (*store.Store, *sectors.Snapshot, export.Options) {
	b.Helper()
	st, err := store.Open(universe.Copy(b, n))
	if err != nil {
		b.Fatal(err)
	}
	snap, err := st.Load()
	if err != nil {
		b.Fatal(err)
	}
	if want := universe.Want(n).Tickers; len(snap.Tickers) != want {
		b.Fatalf("universe of %d loads %d tickers", n, len(snap.Tickers))
	}
	return st, snap, export.Options{BOM: true, Source: snap.Source, Sectors: snap.Sectors, Now: clock}
}

func perOp(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed())/float64(time.Millisecond)/float64(b.N), "ms/op")
}

var formats = []export.Format{export.CSV, export.JSON}

// BenchmarkExport writes every ticker, with its notes and history where
// the format has them, to memory.
func BenchmarkExport(b *testing.B) {
	for _, f := range formats {
		for _, n := range universe.Sizes() {
			b.Run(string(f)+"/"+sizeName(n), func(b *testing.B) {
				_, snap, opts := loaded(b, n)
				var buf bytes.Buffer
				b.ReportAllocs()
				b.ResetTimer()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				for b.Loop() {
					buf.Reset()
					if err := export.Write(&buf, f, snap.Tickers, opts); err != nil {
						b.Fatal(err)
					}
				}
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(buf.Len())/(1<<20), "MB-file")
				// bytes allocated per byte written (the buffer's own growth
				// is in the first run only)
				b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(buf.Len()), "alloc-B/B")
				perOp(b)
			})
		}
	}
}

// BenchmarkExportFile is the same through WriteFile: a temporary file,
// fsync, rename, as the TUI's export dialog does.
func BenchmarkExportFile(b *testing.B) {
	for _, f := range formats {
		n := universe.All()
		b.Run(string(f)+"/"+sizeName(n), func(b *testing.B) {
			_, snap, opts := loaded(b, n)
			path := filepath.Join(b.TempDir(), "out."+string(f))
			b.ResetTimer()
			for b.Loop() {
				if err := export.WriteFile(path, f, snap.Tickers, opts, true); err != nil {
					b.Fatal(err)
				}
			}
			perOp(b)
		})
	}
}

// exported is the universe of size n in format f.
func exported(b *testing.B, n int, f export.Format) []byte {
	b.Helper()
	_, snap, opts := loaded(b, n)
	var buf bytes.Buffer
	if err := export.Write(&buf, f, snap.Tickers, opts); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkParse reads an exported universe back into import items.
func BenchmarkParse(b *testing.B) {
	for _, f := range formats {
		for _, n := range universe.Sizes() {
			b.Run(string(f)+"/"+sizeName(n), func(b *testing.B) {
				data := exported(b, n, f)
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					file, err := export.Parse(data, "zixuan."+string(f), f)
					if err != nil {
						b.Fatal(err)
					}
					if err := file.Err(); err != nil {
						b.Fatal(err)
					}
					if len(file.Items) != n {
						b.Fatalf("parsed %d items, want %d", len(file.Items), n)
					}
				}
				perOp(b)
			})
		}
	}
}

// BenchmarkImport imports an exported universe (parse and store.Import,
// committed): into a new database (the report's 25, so nearly every
// ticker and note is added) and back onto the universe it came from
// (every ticker compared and found unchanged).
func BenchmarkImport(b *testing.B) {
	for _, f := range formats {
		for _, n := range universe.Sizes() {
			data := exported(b, n, f)
			b.Run("new/"+string(f)+"/"+sizeName(n), func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					st, err := store.Open(filepath.Join(b.TempDir(), "new.db"))
					if err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					importInto(b, st, data, f)
				}
				perOp(b)
			})
			b.Run("same/"+string(f)+"/"+sizeName(n), func(b *testing.B) {
				st, _, _ := loaded(b, n)
				for b.Loop() {
					importInto(b, st, data, f)
				}
				perOp(b)
			})
		}
	}
}

func importInto(b *testing.B, st *store.Store, data []byte, f export.Format) {
	file, err := export.Parse(data, "zixuan."+string(f), f)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.Import(file.Items, store.ImportOptions{Source: file.Source(), Sectors: file.Sectors}); err != nil {
		b.Fatal(err)
	}
}
