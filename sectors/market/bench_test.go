package market

// Start-up costs: parsing the embedded securities master with its
// precomputed pinyin (once per process, on first use), reading the
// character table (once, only for a name outside the master), and the
// per-name work. Run with bench/run.sh, or:
//
//	go test -run '^$' -bench . ./sectors/market

import (
	"sync"
	"testing"
	"time"
)

func perOp(b *testing.B, unit string) {
	b.ReportMetric(float64(b.Elapsed())/float64(time.Millisecond)/float64(b.N), unit)
}

// BenchmarkMasterLoad parses the 5,538-share master and its pinyin.tsv.
func BenchmarkMasterLoad(b *testing.B) {
	Master()
	b.ReportAllocs()
	for b.Loop() {
		loadMaster()
	}
	perOp(b, "ms/load")
}

// BenchmarkHanTableLoad is the first PinyinKeys of a name outside the
// master: it reads the embedded character table.
func BenchmarkHanTableLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		hanOnce = sync.Once{}
		readings('科')
	}
	perOp(b, "ms/load")
}

// BenchmarkPinyinKeys is one name's keys once the table is read.
func BenchmarkPinyinKeys(b *testing.B) {
	readings('科')
	b.ReportAllocs()
	for b.Loop() {
		PinyinKeys("*ST银行科技-U")
	}
}
