package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A database the user may read but not write serves every command that
// writes nothing: dry runs, a check where nothing fires; only a command
// that would change it is refused, and the file is never changed.
func TestReadOnlyFileServesWhatWritesNothing(t *testing.T) {
	dir, err := os.MkdirTemp("", "zixuan-ro-") // t.TempDir's parent is closed to nobody
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	db := filepath.Join(dir, "z.db")
	if out, code := runBin(t, false, "--db", db, "alert", "add", "002230", "--no-note", "3000"); code != 0 {
		t.Fatal(out)
	}
	file := filepath.Join(dir, "in.json")
	body := `{"version":1,"tickers":[{"key":"SH600519","sector":"ai","rating":"buy"}],
"trades":[{"code":"SH600519","side":"buy","date":"2026-01-05","price":1500,"qty":100,"created":"2026-01-02T03:00:00Z"}]}`
	os.WriteFile(file, []byte(body), 0o644)
	report, err := filepath.Abs(weekly)
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(db, 0o644) // readable by nobody, writable only by root
	before := sum(t, db)
	for _, args := range [][]string{
		{"import", file, "--dry-run"},
		{"report", "add", report, "--dry-run"},
		{"--offline", "alert", "check"},
		{"export", "--format", "json", "--out", "/dev/null"},
	} {
		out, code := runBin(t, true, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Errorf("%v on a read-only database: exit %d %q", args, code, out)
		}
	}
	out, code := runBin(t, true, "--db", db, "import", file)
	if code == 0 || !strings.Contains(out, "permission denied") {
		t.Errorf("a real import on a read-only database: exit %d %q", code, out)
	}
	if sum(t, db) != before {
		t.Error("the read-only file changed")
	}
}

// A TAB never changes the database: completion on a file of an older
// schema neither upgrades it nor writes a backup, and on a missing one
// creates nothing.
func TestCompletionNeverWrites(t *testing.T) {
	dir := t.TempDir()
	old, err := os.ReadFile("../store/testdata/schema1.db")
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "z.db")
	if err := os.WriteFile(db, old, 0o600); err != nil {
		t.Fatal(err)
	}
	before := sum(t, db)
	for _, line := range []string{"zixuan --db " + db + " rate 688", "zixuan --db " + filepath.Join(dir, "new.db") + " rate 688"} {
		t.Setenv("COMP_LINE", line)
		if _, errs, code := run(t, "ignored-by-completion.db", "", "zixuan", "x", "y"); code != 0 || errs != "" {
			t.Fatalf("completing %q: exit %d: %s", line, code, errs)
		}
	}
	if sum(t, db) != before {
		t.Error("completion changed the file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("completion left files: %v", entries)
	}
}
