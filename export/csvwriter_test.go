package export

import (
	"encoding/csv"
	"strings"
	"testing"
)

// The csv writer every command shares: text that a spreadsheet would run
// as a formula is neutralised wherever it starts, numbers stay numbers,
// and every cell reads back whole.
func TestCSVWriterGuardsFormulas(t *testing.T) {
	var b strings.Builder
	cw := NewCSVWriter(&b)
	row := []string{"x;=HYPERLINK(\"http://evil\",\"click\")", "=1+1", "-3.25", "+2", "@SUM(A1)", "1500", "2026-04-02", "a,b", "\tx", "-1+1"}
	cw.Write(row)
	if err := cw.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(strings.NewReader(b.String())).Read()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"x;'=HYPERLINK(\"http://evil\",\"click\")", "'=1+1", "-3.25", "+2", "'@SUM(A1)", "1500", "2026-04-02", "a,b", "'\tx", "'-1+1"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cell %d: %q, want %q", i, got[i], want[i])
		}
	}
}
