package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A config path that is not a regular file (a FIFO, a device) is refused
// at once, without waiting for a writer or reading it; a huge one too.
func TestConfigFileMustBeARegularSmallFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", 2<<20)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{fifo: "not a regular file", "/dev/zero": "not a regular file", big: "over 1024 KB", dir: "not a regular file"} {
		_, errs, code := run(t, db, "", "--config", path, "list")
		if code != 1 || !strings.Contains(errs, want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%s: exit %d %q", path, code, errs)
		}
	}
}

func TestRefreshIsAtLeastASecond(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	if _, errs, code := run(t, db, "", "--refresh", "1ns", "list"); code != 2 || !strings.Contains(errs, "at least 1s") {
		t.Errorf("--refresh 1ns: exit %d %q", code, errs)
	}
	cfg := filepath.Join(dir, "c.toml")
	os.WriteFile(cfg, []byte("refresh = \"500ms\"\n"), 0o600)
	if _, errs, code := run(t, db, "", "--config", cfg, "list"); code != 1 || !strings.Contains(errs, "key refresh") {
		t.Errorf("refresh 500ms: exit %d %q", code, errs)
	}
	for _, ok := range []string{"0s", "1s", "1m"} {
		if _, errs, code := run(t, db, "", "--refresh", ok, "list"); code != 0 {
			t.Errorf("--refresh %s: exit %d %q", ok, code, errs)
		}
	}
}

// zixuan config prints any list whole, its comments lined up as far as a
// width, never a formatting error.
func TestConfigPrintsLongLists(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.toml")
	cols := strings.Repeat(`"code",`, 140_000) + `"name"` // under the size limit, printed over fmt's width limit
	os.WriteFile(cfg, []byte("columns = ["+cols+"]\nquote_redirect_hosts = [\"web.ifzq.gtimg.cn\"]\n"), 0o600)
	out, errs, code := run(t, filepath.Join(dir, "z.db"), "", "--config", cfg, "config")
	if code != 0 || strings.Contains(out, "%!") || !strings.Contains(out, `quote_redirect_hosts = ["web.ifzq.gtimg.cn"]`) {
		t.Fatalf("exit %d %q\n%.500s", code, errs, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, "#") && !strings.Contains(line, "  # ") {
			t.Errorf("no comment: %.100s", line)
		}
	}
}

// The quote csv goes through the same formula guard as the export.
func TestQuoteCSVGuardsFormulas(t *testing.T) {
	ts := newTickServer(t)
	ts.name = "x,=HYPERLINK(1)"
	ts.set(tick{Last: 51, Prev: 48, Open: 48, Volume: 1000, Time: "20260402095930"})
	db := filepath.Join(t.TempDir(), "z.db")
	out, errs, code := run(t, db, "", "--quotes-url", ts.URL, "quote", "600519", "--format", "csv", "--no-refs")
	if code != 0 || !strings.Contains(out, `"x,'=HYPERLINK(1)"`) || strings.Contains(out, ",=HYPERLINK") {
		t.Errorf("exit %d %q\n%s", code, errs, out)
	}
}
