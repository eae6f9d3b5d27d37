package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A name under risk warning carries its mark where the TUI puts it,
// before the name ("!ST海王"; "*ST" carries its own star), in the list's
// table and in show; the CSV keeps the plain name.
func TestRiskWarningMarkedAsTheTUIMarksIt(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "add", "000078", "--sector", "compute")
	mustRun(t, db, "add", "000016", "--sector", "compute")
	table := mustRun(t, db, "list")
	if !strings.Contains(table, "!ST海王") || strings.Contains(table, "ST海王 !") {
		t.Errorf("list marks ST海王 elsewhere:\n%s", table)
	}
	if !strings.Contains(table, "*ST康佳A") || strings.Contains(table, "!*ST") {
		t.Errorf("list marks *ST康佳A twice or drops it:\n%s", table)
	}
	if out := mustRun(t, db, "show", "000078"); !strings.Contains(out, "SZ000078  !ST海王  ") {
		t.Errorf("show:\n%s", out)
	}
	if csv := mustRun(t, db, "list", "--format", "csv"); strings.Contains(csv, "!ST") || !strings.Contains(csv, "ST海王") {
		t.Errorf("the CSV carries the mark:\n%s", csv)
	}
}
