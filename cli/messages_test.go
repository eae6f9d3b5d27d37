package cli

import (
	"bytes"
	"errors"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runShell runs the real binary with a clean environment of its own: a
// config folder and a database in t.TempDir().
func runShell(t *testing.T, env []string, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(binary(t), args...)
	cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir,
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_DATA_HOME=" + filepath.Join(dir, "data"),
	}, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestSectorAddSaysEachNameOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	if out := mustRun(t, db, "sector", "add", "白酒"); out != "added sector 白酒\n" {
		t.Errorf("sector add 白酒: %q", out)
	}
	if out := mustRun(t, db, "sector", "add", "Steel", "钢铁"); out != "added sector steel (Steel / 钢铁)\n" {
		t.Errorf("sector add Steel 钢铁: %q", out)
	}
}

func TestSectorListHasNoDanglingSlash(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "sector", "add", "Banks")
	mustRun(t, db, "sector", "add", "白酒")
	out := mustRun(t, db, "sector", "list")
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasSuffix(strings.TrimSpace(l), "/") || strings.Contains(l, "白酒 / 白酒") {
			t.Errorf("sector list line %q", l)
		}
	}
	if !strings.Contains(out, "AI applications / AI 应用") {
		t.Errorf("sector list lost the two names of a report sector:\n%s", out)
	}
}

func TestPricesWithNothingStoredPrintsNothingOnStdout(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	out, errs, code := run(t, db, "", "prices")
	if code != 0 || out != "" || !strings.Contains(errs, "no reference closes stored") {
		t.Errorf("prices on an empty store: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestDoctorOnAMissingFileSaysItDoesNotExist(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	missing := filepath.Join(t.TempDir(), "gone.db")
	_, errs, code := run(t, db, "", "doctor", missing)
	if code != 1 || !strings.Contains(errs, missing+" does not exist") || strings.Contains(errs, "restore") {
		t.Errorf("doctor on a missing file: exit %d: %s", code, errs)
	}
}

func TestExportIntoAMissingFolderNamesTheFolder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	dir := filepath.Join(t.TempDir(), "nope")
	_, errs, code := run(t, db, "", "export", "-f", "csv", "-o", filepath.Join(dir, "w.csv"))
	if code != 1 || !strings.Contains(errs, "the folder "+dir+" does not exist") || strings.Contains(errs, ".w.csv") {
		t.Errorf("export into a missing folder: exit %d: %s", code, errs)
	}
}

func TestQuoteWithoutNetworkIsOneShortLine(t *testing.T) {
	srv := httptest.NewServer(nil)
	url := srv.URL
	srv.Close() // nothing listens there any more
	_, errs, code := runShell(t, nil, "", "--quotes-url", url, "quote")
	if code != 1 || strings.Count(errs, "\n") != 1 || len(errs) > 120 || strings.Contains(errs, "q=") {
		t.Errorf("quote with no connection: exit %d: %q", code, errs)
	}
}

func TestRatingAliasesAreSymmetricAndNotSingleLetters(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	if out := mustRun(t, db, "rate", "688111", "strongsell"); !strings.Contains(out, "rated sell") {
		t.Errorf("rate strongsell: %q", out)
	}
	if out := mustRun(t, db, "rate", "688111", "strong buy"); !strings.Contains(out, "rated buy") {
		t.Errorf("rate 'strong buy': %q", out)
	}
	for _, letter := range []string{"b", "s", "n"} {
		if _, errs, code := run(t, db, "", "rate", "688111", letter); code != 2 || !strings.Contains(errs, "is not a rating") {
			t.Errorf("rate %s: exit %d: %s", letter, code, errs)
		}
	}
}

func TestImportPutsNewTickersInASectorNamedForTheFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	file := filepath.Join(dir, "白酒.txt")
	if err := os.WriteFile(file, []byte("600519\n000858\n688111\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dry := mustRun(t, db, "import", "--dry-run", file)
	for _, want := range []string{"sector 白酒 would be created", "+ SH600519 贵州茅台: into 白酒", "+ SZ000858"} {
		if !strings.Contains(dry, want) {
			t.Errorf("dry run lacks %q:\n%s", want, dry)
		}
	}
	mustRun(t, db, "import", file)
	out := mustRun(t, db, "list", "--sector", "白酒", "--format", "csv")
	if !strings.Contains(out, "600519") || !strings.Contains(out, "000858") || strings.Contains(out, "688111") {
		t.Errorf("白酒 holds:\n%s", out) // 688111 was on the list already: it stays where it was
	}
	if ai := mustRun(t, db, "list", "--sector", "ai", "--format", "csv"); strings.Contains(ai, "600519") {
		t.Error("a new ticker went into the first sector")
	}
}

func TestImportFollowsTheFilesSectorColumn(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	file := filepath.Join(dir, "mine.csv")
	if err := os.WriteFile(file, []byte("code,sector\n600519,Liquor\n601398,compute\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dry := mustRun(t, db, "import", "-n", file)
	for _, want := range []string{"sector liquor would be created", "SH600519 贵州茅台: into liquor", "SH601398 工商银行: into compute"} {
		if !strings.Contains(dry, want) {
			t.Errorf("dry run lacks %q:\n%s", want, dry)
		}
	}
}

func TestImportFromStdinWithoutASectorSaysSo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	_, errs, code := run(t, db, "600519\n", "import", "-")
	if code == 0 || !strings.Contains(errs, "give --sector") {
		t.Errorf("import from stdin with no sector: exit %d: %s", code, errs)
	}
}
