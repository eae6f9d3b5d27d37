package export

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// noteHead is the pattern noteHeads matches by hand.
var noteHead = regexp.MustCompile(`(?m)^\[(\d{4}-\d{2}-\d{2} \d{2}:\d{2})\] `)

// Each json ticker's row names the line it starts on, however many tickers
// come before it (lineAt counts incrementally), and a syntax error after
// them names its own line.
func TestJSONTickerLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\n  \"version\": 1,\n  \"tickers\": [\n")
	want := map[int]bool{}
	line := 4
	for i := range 40 {
		if i > 0 {
			b.WriteString(",\n")
			line++
		}
		if i%7 == 3 {
			want[line] = true
			b.WriteString("    {\"key\": \"XX00000\",\n     \"name\": \"bad\"}")
			line++
			continue
		}
		b.WriteString("    {\"key\": \"SH688111\", \"name\": \"金山办公\"}")
	}
	b.WriteString("\n  ]\n}\n")
	f, err := Parse([]byte(b.String()), "lines.json", JSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Bad) != len(want) {
		t.Fatalf("%d bad rows, want %d: %v", len(f.Bad), len(want), f.Bad)
	}
	for _, r := range f.Bad {
		if !want[r.Line] {
			t.Errorf("bad row at line %d, want one of %v: %v", r.Line, want, r)
		}
	}
	for i, r := range f.Repeats {
		if i == 0 && r.Line != 5 {
			t.Errorf("first repeat at line %d, want 5", r.Line)
		}
	}
	_, err = Parse([]byte("{\n\"version\": 1,\n\"tickers\": [\n{\"key\": \"SH688111\"},\n{\"key\": \"SZ002230\"},\n{\"key\" 1}\n]}\n"), "broken.json", JSON)
	if err == nil || !strings.Contains(err.Error(), "line 6") {
		t.Errorf("syntax error on line 6 reported as %v", err)
	}
}

func TestNoteHeadsMatchRegexp(t *testing.T) {
	cells := []string{"", "[2026-11-28 09:35] a", "x\n[2026-11-28 09:35] a\n\n[2026-11-27 09:35] b", "[2026-11-28 09:35]a",
		"[2026-1-28 09:35] a", "\n\n[2026-11-28 09:35] \n[2026-11-28 09:3] [2026-11-28 09:35] ", "[2026-11-28 09:35] [2026-11-28 09:35] x",
		"a\r\n[2026-11-28 09:35] x", "[2026-11-28 09:35] x\n", "\n"}
	for _, c := range cells {
		if got, want := noteHeads(c), noteHead.FindAllStringSubmatchIndex(c, -1); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: %v, regexp %v", c, got, want)
		}
	}
}
