package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A name written in Chinese renames a sector's Chinese name; the English
// one stays.
func TestSectorRenameInChineseRenamesTheChineseName(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "sector", "rename", "ai", "人工智能")
	out := mustRun(t, db, "sector", "list")
	if !strings.Contains(out, "AI applications / 人工智能") {
		t.Errorf("after renaming to 人工智能:\n%s\nwant the English name kept and the Chinese one renamed", out)
	}
	mustRun(t, db, "sector", "rename", "ai", "Artificial intelligence")
	if out := mustRun(t, db, "sector", "list"); !strings.Contains(out, "Artificial intelligence / 人工智能") {
		t.Errorf("after renaming to an English name:\n%s", out)
	}
}

// --name never replaces the name the securities master gives a stock.
func TestAddNameDoesNotRenameAKnownStock(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	_, errs, code := run(t, db, "", "add", "603999", "--name", "新股", "--sector", "ai")
	if code == 0 || !strings.Contains(errs, "读者传媒") || !strings.Contains(errs, "drop --name") {
		t.Fatalf("add 603999 --name 新股: exit %d, %q; want a refusal naming 读者传媒", code, errs)
	}
	if out := mustRun(t, db, "list", "--format", "csv"); strings.Contains(out, "新股") || strings.Contains(out, "603999") {
		t.Errorf("the refused add changed the list:\n%s", out)
	}
	mustRun(t, db, "add", "603999", "--name", "读者传媒", "--sector", "ai") // the master's own name is fine
}

// The advice for a code that is not on the list is advice add takes.
func TestNotOnListAdviceIsAdviceAddTakes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	_, errs, _ := run(t, db, "", "show", "sz000300")
	if strings.Contains(errs, "zixuan add 000300 ") {
		t.Fatalf("show sz000300 advises adding 000300, which is 沪深300: %q", errs)
	}
	if !strings.Contains(errs, "zixuan add SZ000300 --name") {
		t.Errorf("show sz000300: %q; want the code spelled with its exchange and a name asked for", errs)
	}
	_, errs, _ = run(t, db, "", "show", "603999")
	if !strings.Contains(errs, "zixuan add 603999 --sector") {
		t.Errorf("show 603999: %q", errs)
	}
}

// A path in a folder that takes no file (/proc) is not "gone".
func TestDatabaseInAFolderThatTakesNoFile(t *testing.T) {
	_, errs, code := run(t, "/proc/zixuan-test.db", "", "list")
	if code == 0 || strings.Contains(errs, "gone") || !strings.Contains(errs, "a folder you can write") {
		t.Errorf("--db /proc/zixuan-test.db: exit %d, %q", code, errs)
	}
}

// doctor on a file that is not the database in use gives advice that
// works on that file: its export command runs and exports it.
func TestDoctorAdviceWorksOnTheFileDiagnosed(t *testing.T) {
	dir := t.TempDir()
	inUse, other := filepath.Join(dir, "in-use.db"), filepath.Join(dir, "other copy.db")
	mustRun(t, inUse, "list")
	mustRun(t, other, "note", "688111", "only in the other file")
	bdb, err := bolt.Open(other, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	bdb.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("sectors")).Delete([]byte("ai")) })
	bdb.Close()
	_, errs, code := run(t, inUse, "", "doctor", other)
	if code == 0 {
		t.Fatal("doctor found no problem in a file with a missing sector")
	}
	if !strings.Contains(errs, "zixuan --db '"+other+"' restore BACKUP") {
		t.Errorf("restore advice does not name the file diagnosed: %q", errs)
	}
	_, cmd, ok := strings.Cut(errs, "export what you can with `zixuan ")
	cmd, _, _ = strings.Cut(cmd, "`")
	if !ok {
		t.Fatalf("no export advice: %q", errs)
	}
	args := shellWords(t, cmd)
	if _, errs, code := run(t, args[1], "", args[2:]...); code != 0 {
		t.Fatalf("the advised `zixuan %s` fails: %s", cmd, errs)
	}
	out, err := os.ReadFile(other + ".json")
	if err != nil || !strings.Contains(string(out), "only in the other file") {
		t.Errorf("the advised export did not export the file diagnosed: %v", err)
	}
}

// shellWords splits a command as a POSIX shell would for the quoting
// shellQuote writes: words, and single-quoted words.
func shellWords(t *testing.T, s string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	in, any := false, false
	for _, r := range s {
		switch {
		case r == '\'':
			in, any = !in, true
		case r == ' ' && !in:
			if any {
				words = append(words, cur.String())
			}
			cur.Reset()
			any = false
		default:
			cur.WriteRune(r)
			any = true
		}
	}
	if any {
		words = append(words, cur.String())
	}
	return words
}
