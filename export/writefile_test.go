package export

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestWriteFileRefusesToOverwrite(t *testing.T) {
	_, tickers, opts := fixture(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, CSV, tickers, opts, false)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "precious" {
		t.Error("the existing file changed without force")
	}
	if err := WriteFile(path, CSV, tickers, opts, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "code,name") {
		t.Error("force did not replace the file")
	}
	assertOnly(t, dir, "out.csv")
}

// A file replaced with --force keeps its mode (a shared 0644 export stays
// readable by others); a new export is the user's alone.
func TestWriteFileKeepsTheReplacedFilesMode(t *testing.T) {
	_, tickers, opts := fixture(t)
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared.csv")
	if err := os.WriteFile(shared, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o644); err != nil { // whatever the umask
		t.Fatal(err)
	}
	if err := WriteFile(shared, CSV, tickers, opts, true); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "new.csv")
	if err := WriteFile(fresh, CSV, tickers, opts, false); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{shared: 0o644, fresh: 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want && runtime.GOOS != "windows" {
			t.Errorf("%s: mode %v, want %v", filepath.Base(path), got, want)
		}
	}
	assertOnly(t, dir, "new.csv", "shared.csv")
}

// A failure after the data is written (the rename) leaves no temporary
// file and no partial target.
func TestWriteFileFailureLeavesNothing(t *testing.T) {
	_, tickers, opts := fixture(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "a-folder")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(target, JSON, tickers, opts, true)
	if err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("export over a folder: %v", err)
	}
	assertOnly(t, dir, "a-folder")

	if err := WriteFile(filepath.Join(dir, "missing", "x.csv"), CSV, tickers, opts, false); err == nil {
		t.Error("export into a missing folder succeeded")
	}
	assertOnly(t, dir, "a-folder")
}

func TestWriteFileReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores folder permissions")
	}
	_, tickers, opts := fixture(t)
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	err := WriteFile(filepath.Join(dir, "x.tdx"), TDX, tickers, opts, false)
	if err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("err = %v", err)
	}
	assertOnly(t, dir)
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}
