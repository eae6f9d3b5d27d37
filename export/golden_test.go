package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current writers")

// TestGolden pins every format's bytes: go test ./export -run Golden -update
// refreshes them after a deliberate change (review the diff).
func TestGolden(t *testing.T) {
	_, tickers, opts := fixture(t)
	for _, f := range Formats() {
		for _, withBOM := range []bool{false, true} {
			if withBOM && f != CSV {
				continue
			}
			name := string(f)
			if withBOM {
				name += "-bom"
			}
			t.Run(name, func(t *testing.T) {
				o := opts
				o.BOM = withBOM
				var buf bytes.Buffer
				if err := Write(&buf, f, tickers, o); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", name+".golden")
				if *update {
					if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./export -run Golden -update)", err)
				}
				if !bytes.Equal(buf.Bytes(), want) {
					t.Errorf("%s export differs from %s:\n%s", f, path, diffLines(want, buf.Bytes()))
				}
			})
		}
	}
}

func diffLines(want, got []byte) string {
	w, g := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b []byte
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if !bytes.Equal(a, b) {
			return "line " + strconv.Itoa(i+1) + ":\n  want " + string(a) + "\n  got  " + string(b)
		}
	}
	return "(same lines, different bytes)"
}
