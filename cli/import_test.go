package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportImportEveryFormat(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.db")
	mustRun(t, a, "rate", "688111", "buy")
	mustRun(t, a, "note", "688111", "=1+2 目标价")
	for _, f := range []string{"csv", "json", "tdx", "codes", "yahoo", "ticker"} {
		out := filepath.Join(dir, "out."+f)
		mustRun(t, a, "export", "--format", f, "--out", out)
		b := filepath.Join(dir, "b-"+f+".db")
		got := mustRun(t, b, "import", out)
		if !strings.Contains(got, "0 rejected") {
			t.Errorf("%s: %s", f, got)
		}
	}
	// Overwrite refused without --force, the file unchanged.
	out := filepath.Join(dir, "out.csv")
	before, _ := os.ReadFile(out)
	if _, errs, code := run(t, a, "", "export", "-f", "csv", "-o", out, "--bom"); code == 0 || !strings.Contains(errs, "--force") {
		t.Errorf("overwrite: exit %d %s", code, errs)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Error("refused export changed the file")
	}
	mustRun(t, a, "export", "-f", "csv", "-o", out, "--bom", "--force")
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "\ufeffcode,") {
		t.Error("--bom missing")
	}
}

func TestImportRejectsMalformedFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	mustRun(t, db, "list")
	file := filepath.Join(dir, "bad.txt")
	os.WriteFile(file, []byte("SH688111\n68811\n300750\n600519.SZ\n"), 0o644)
	before := mustRun(t, db, "list", "--format", "csv")
	_, errs, code := run(t, db, "", "import", file)
	if code != 1 || !strings.Contains(errs, "bad.txt:2:") || !strings.Contains(errs, "bad.txt:4:") || !strings.Contains(errs, "nothing was imported") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if mustRun(t, db, "list", "--format", "csv") != before {
		t.Error("a rejected import changed the watchlist")
	}
	out := mustRun(t, db, "import", file, "--skip-invalid", "--dry-run")
	if !strings.Contains(out, "1 added") || !strings.Contains(out, "2 rejected") || !strings.Contains(out, "dry run") {
		t.Errorf("dry run: %s", out)
	}
	if mustRun(t, db, "list", "--format", "csv") != before {
		t.Error("a dry run changed the watchlist")
	}
	out = mustRun(t, db, "import", file, "--skip-invalid", "--sector", "量子技术与低空经济")
	if !strings.Contains(out, "SZ300750") || !strings.Contains(out, "into quantum") {
		t.Errorf("import: %s", out)
	}
}

func TestBackupRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	bk := filepath.Join(dir, "bk.db")
	mustRun(t, db, "rate", "002230", "sell")
	mustRun(t, db, "backup", bk)
	mustRun(t, db, "rate", "002230", "buy")
	out := mustRun(t, db, "restore", bk)
	if !strings.Contains(out, ".before-restore-") {
		t.Errorf("restore: %s", out)
	}
	if show := mustRun(t, db, "show", "002230"); !strings.Contains(show, "sell") {
		t.Errorf("restored rating: %s", show)
	}
	if _, errs, code := run(t, db, "", "restore", filepath.Join(dir, "nope.db")); code == 0 || !strings.Contains(errs, "not changed") {
		t.Errorf("restore from a missing file: %d %s", code, errs)
	}
}
