package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exportedLine is the json export's own time, the one line two exports
// of the same data may differ in.
var exportedLine = regexp.MustCompile(`(?m)^\s*"exported": .*\n`)

func exportJSON(t *testing.T, db, out string) string {
	t.Helper()
	mustRun(t, db, "export", "--format", "json", "--out", out, "--force")
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return exportedLine.ReplaceAllString(string(b), "")
}

// export → import into a new database → export gives the same bytes (but
// for the export's own time), and importing the file again changes
// nothing: every field, unrated tickers' rating dates and sources, empty
// sectors, removed tickers, edited and deleted notes, alerts and trades.
func TestJSONRoundTripIsLossless(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.db")
	mustRun(t, a, "note", "688111", "first thoughts")
	mustRun(t, a, "note", "688111", "to be edited")
	mustRun(t, a, "note", "688111", "--edit", "2", "edited")
	mustRun(t, a, "note", "300634", "to be deleted")
	mustRun(t, a, "note", "300634", "--delete", "1")
	mustRun(t, a, "rate", "688111", "buy", "--why", "thesis")
	mustRun(t, a, "add", "600519", "--sector", "ai")
	mustRun(t, a, "sector", "add", "Banks")
	mustRun(t, a, "group", "add", "688111", "compute")
	mustRun(t, a, "rm", "688031")
	mustRun(t, a, "alert", "add", "688111", "--above", "500", "--note", "breakout")
	mustRun(t, a, "position", "add", "688111", "--qty", "200", "--price", "300", "--date", "2026-01-05")
	first := exportJSON(t, a, filepath.Join(dir, "a.json"))

	b := filepath.Join(dir, "b.db")
	mustRun(t, b, "import", filepath.Join(dir, "a.json"))
	second := exportJSON(t, b, filepath.Join(dir, "b.json"))
	if first != second {
		t.Errorf("export → import → export differs:\n%s", lineDiff(first, second))
	}
	out := mustRun(t, b, "import", filepath.Join(dir, "a.json"))
	if !strings.Contains(out, " 0 added, 0 updated,") || !strings.Contains(out, "0 of 1 alerts") || !strings.Contains(out, "0 of 1 buys") {
		t.Errorf("the second import changed something:\n%s", out)
	}
	if third := exportJSON(t, b, filepath.Join(dir, "c.json")); third != first {
		t.Errorf("the second import changed the export:\n%s", lineDiff(first, third))
	}
}

// lineDiff shows the first lines where two texts differ.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < max(len(al), len(bl)) && len(out) < 20; i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "- "+x, "+ "+y)
		}
	}
	return strings.Join(out, "\n")
}
