package report

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func fixtures(t testing.TB) [][]byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	md, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	out := [][]byte{SeedText()}
	for _, f := range append(files, md...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// FuzzParse: any input either fails with an *Error or gives a report whose
// calls are one per stock, under themes the result lists, with its id.
func FuzzParse(f *testing.F) {
	// Small seeds: the fuzzer minimises what it finds by trying cuts, and on
	// an 18 KB input that takes longer than it fuzzes (golang/go#48820).
	for _, data := range fixtures(f) {
		for len(data) > 2048 {
			cut := bytes.LastIndexByte(data[:2048], '\n') + 1
			if cut <= 0 {
				cut = 2048
			}
			f.Add(data[:cut])
			data = data[cut:]
		}
		f.Add(data)
	}
	f.Add([]byte("投资建议\n（（（688111，，买入"))
	f.Add([]byte("代码 名称\n600519"))
	f.Add([]byte("# \n##\n投资建议：\n重点推荐"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse(data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error message has a line break: %q", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, c := range r.Calls {
			if seen[c.Code.Key()] {
				t.Fatalf("%s called twice", c.Code)
			}
			seen[c.Code.Key()] = true
			// A call has a listed theme, or none where no heading applies and
			// the report names no industry.
			if _, ok := r.Theme(c.Theme); !ok && c.Theme != "" || c.ReportID != r.Report.ID {
				t.Fatalf("call %+v: theme not listed or wrong report id %q", c, r.Report.ID)
			}
		}
		if r.Report.ID == "" || len(r.Calls) == 0 || len(r.Calls) > maxCalls {
			t.Fatalf("report %+v with %d calls", r.Report, len(r.Calls))
		}
	})
}

// Inputs built to be expensive, at the size limit: every step must stay
// linear in them (no hang) and memory bounded.
func TestHostileInputsStayBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 4 MB inputs")
	}
	fill := func(unit string) []byte {
		var b bytes.Buffer
		b.WriteString("投资建议\n")
		for b.Len()+len(unit) <= MaxSize {
			b.WriteString(unit)
		}
		return b.Bytes()
	}
	inputs := map[string][]byte{
		"one long line of calls": fill("金山办公(688111,增持)、"),
		"brackets without close": fill("(688111,"),
		"intros only":            fill("重点推荐建议关注"),
		"headings":               fill("\n## 投资建议\n**算力领域**\n"),
		"names only":             fill("重点推荐中科曙光和海光信息和"),
		"theses and themes":      []byte(strings.Repeat("## 核心观点\n- 量子技术与低空经济算力AI应用制造业数字化\n", 30000) + "投资建议\n" + strings.Repeat("1）主题甲乙：重点推荐中科曙光(603019,买入)\n", 20000)),
		"table rows":             append([]byte("代码\t名称\t评级\n"), bytes.Repeat([]byte("600519\t贵州茅台\t买入\n"), MaxSize/40)...),
	}
	for name, data := range inputs {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, err := Parse(data)
		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: %d KB in %v, %d MB allocated, err %v", name, len(data)>>10, elapsed, alloc>>20, err)
		if elapsed > 20*time.Second {
			t.Errorf("%s took %v", name, elapsed)
		}
		if alloc > 600<<20 {
			t.Errorf("%s allocated %d MB", name, alloc>>20)
		}
	}
}
