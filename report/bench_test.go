package report

import (
	"bytes"
	"testing"
	"time"
)

// fiftyPages builds a report of about 100 KB, the text of a 50-page weekly:
// the seed, then the other fixtures' text as further chapters, repeated.
func fiftyPages(tb testing.TB) []byte {
	var b bytes.Buffer
	fx := fixtures(tb)
	b.Write(fx[0])
	for i := 0; b.Len() < 100<<10; i++ {
		f := fx[1+i%(len(fx)-1)]
		if !bytes.Contains(f, []byte("投资")) {
			continue // the GBK note and the empty one would not read as UTF-8 chapters
		}
		b.WriteString("\n\n## 附录：行业跟踪\n\n")
		b.Write(f)
	}
	return b.Bytes()
}

// BenchmarkParseFiftyPages reads a 100 KB report end to end; the budget is
// 50 ms. The name automaton is built once per process, outside the loop.
func BenchmarkParseFiftyPages(b *testing.B) {
	data := fiftyPages(b)
	names()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(time.Millisecond)/float64(b.N), "ms/report")
}

// BenchmarkNameIndex is the one-time cost of the automaton over the master.
func BenchmarkNameIndex(b *testing.B) {
	for b.Loop() {
		buildNameIndex()
	}
}

// A 50-page report reads whole: every chapter's calls are found. Its speed
// (the 50 ms budget) is BenchmarkParseFiftyPages's to measure, not a
// test's to assert on a shared machine.
func TestFiftyPagesRead(t *testing.T) {
	data := fiftyPages(t)
	r, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Calls) < 25 {
		t.Errorf("%d calls from the 50-page report", len(r.Calls))
	}
}
