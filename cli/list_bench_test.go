package cli

// BenchmarkListJSON is `zixuan list --format json` and `zixuan export
// --format json` on the whole market, in process: open, load, write to
// a file (what the command does after exec). bench/run.sh times the
// real binary against cat of the same bytes.

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zixuan/bench/universe"
)

func BenchmarkListJSON(b *testing.B) {
	n := universe.All()
	db := universe.Copy(b, n)
	out := filepath.Join(b.TempDir(), "out.json")
	for _, cmd := range []string{"list --format json", "export --format json"} {
		b.Run(strings.Fields(cmd)[0]+"/n=5538", func(b *testing.B) {
			var size int64
			b.ReportAllocs()
			for b.Loop() {
				f, err := os.Create(out)
				if err != nil {
					b.Fatal(err)
				}
				args := append([]string{"--db", db}, strings.Fields(cmd)...)
				if code := Main(args, strings.NewReader(""), f, io.Discard); code != 0 {
					b.Fatalf("%s: exit %d", cmd, code)
				}
				fi, _ := f.Stat()
				size = fi.Size()
				f.Close()
			}
			b.ReportMetric(float64(b.Elapsed())/float64(time.Millisecond)/float64(b.N), "ms/op")
			b.ReportMetric(float64(size)/(1<<20), "MB-out")
		})
	}
}
