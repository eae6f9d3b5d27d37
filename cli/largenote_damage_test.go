package cli

import (
	"bytes"
	bin "encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Writers saving long notes (100–300 KB, read from stdin) killed with
// SIGKILL at random moments: bbolt's check passes, and so do `doctor` and
// `backup` — a killed writer leaves note text in pages nothing refers to,
// which is not damage — and every confirmed note is there.
func TestCrashMidWriteLargeNotes(t *testing.T) {
	zx := binary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	if out, code := runBin(t, false, "--db", db, "list"); code != 0 {
		t.Fatal(out)
	}
	seed := uint64(time.Now().UnixNano()) // the kill timings vary run to run; the seed replays them
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 11))
	saved := regexp.MustCompile(`saved note #\d+`)
	var confirmed []string
	kills, i, falseDamaged := 0, 0, 0
	deadline := time.Now().Add(crashSeconds())
	for ; time.Now().Before(deadline); i++ {
		head := fmt.Sprintf("large-note-%d ", i)
		text := head + strings.Repeat("BBBB", (100<<10+rng.IntN(200<<10))/4)
		cmd := exec.Command(zx, "--db", db, "note", "688111")
		cmd.Stdin = strings.NewReader(text)
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if rng.IntN(3) > 0 {
			time.Sleep(time.Duration(rng.IntN(30000)) * time.Microsecond)
			cmd.Process.Signal(syscall.SIGKILL)
		}
		err := cmd.Wait()
		if err == nil && saved.MatchString(out.String()) {
			confirmed = append(confirmed, head)
		} else {
			kills++
			if out, code := runBin(t, false, "--db", db, "doctor"); code != 0 {
				falseDamaged++
				t.Errorf("doctor after kill %d: %s", kills, out)
			}
		}
	}
	t.Logf("%d writers, %d killed, %d confirmed, %d called damaged", i, kills, len(confirmed), falseDamaged)
	if len(confirmed) == 0 || kills == 0 {
		t.Fatalf("the test did not exercise both outcomes: %d confirmed, %d killed", len(confirmed), kills)
	}
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("database does not open after crashes: %v", err)
	}
	err = bdb.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	})
	bdb.Close()
	if err != nil {
		t.Fatalf("bbolt check after crashes: %v", err)
	}
	if out, code := runBin(t, false, "--db", db, "doctor"); code != 0 || !strings.Contains(out, "is healthy") {
		t.Errorf("doctor after crashes: %d %s", code, out)
	}
	backup := filepath.Join(dir, "b.db")
	if out, code := runBin(t, false, "--db", db, "backup", backup); code != 0 || !strings.Contains(out, "checked") {
		t.Errorf("backup after crashes: %d %s", code, out)
	}
	out, code := runBin(t, false, "--db", backup, "list", "--format", "json", "--sector", "ai")
	if code != 0 {
		t.Fatal(out)
	}
	for _, head := range confirmed {
		if !strings.Contains(out, `"`+head) {
			t.Errorf("confirmed note %q lost", head)
		}
	}
}

// Files with 8 bytes damaged in some page: whenever `list` or `doctor`
// refuses the file, every write refuses it too and leaves its bytes as
// they were.
func TestDamagedFileIsNotWrittenTo(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	for i := 0; i < 40; i++ {
		mustRun(t, good, "note", "688111", fmt.Sprint(i, strings.Repeat(" 笔记", 80)))
	}
	base, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	codes := filepath.Join(dir, "codes.txt")
	os.WriteFile(codes, []byte("600519\n"), 0o600)
	writes := [][]string{
		{"add", "600519", "-s", "ai"}, {"note", "688111", "x"}, {"rm", "688111"},
		{"move", "688111", "chips"}, {"sector", "add", "New", "新"}, {"import", codes},
	}
	rng := rand.New(rand.NewPCG(42, 13))
	refused, tried := 0, 0
	for trial := 0; trial < 120 && refused < 25; trial++ {
		b := append([]byte(nil), base...)
		off := (2+rng.IntN(len(b)/4096-2))*4096 + rng.IntN(64)
		for i := 0; i < 8; i++ {
			b[off+i] = byte(rng.Uint32())
		}
		p := filepath.Join(dir, fmt.Sprintf("d%d.db", trial))
		os.WriteFile(p, b, 0o600)
		_, _, listCode := run(t, p, "", "list")
		_, _, doctorCode := run(t, p, "", "doctor")
		if listCode == 0 && doctorCode == 0 {
			continue
		}
		refused++
		for _, args := range writes {
			tried++
			before := sum(t, p)
			_, errs, code := run(t, p, "", args...)
			if code == 0 {
				t.Errorf("trial %d: list exit %d, doctor exit %d, yet %v exit 0", trial, listCode, doctorCode, args)
			} else if args[0] != "import" && strings.Count(strings.TrimSpace(errs), "\n") != 0 { // import first says what it read
				t.Errorf("trial %d %v: more than one line: %q", trial, args, errs)
			}
			if sum(t, p) != before {
				t.Errorf("trial %d: %v changed a file reads refuse", trial, args)
			}
		}
	}
	t.Logf("%d damaged files refused, %d writes tried on them", refused, tried)
	if refused == 0 {
		t.Fatal("no damaged file was refused")
	}
}

// damageNewestMeta flips a byte in the meta page bbolt would use, as a
// commit torn by a crash (or a bad sector) leaves it.
func damageNewestMeta(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	txid := func(i int) uint64 { return bin.LittleEndian.Uint64(b[i*4096+16+48:]) }
	newest := 0
	if txid(1) > txid(0) {
		newest = 1
	}
	b[newest*4096+16+48] ^= 0xFF
	os.WriteFile(path, b, 0o600)
}

// A damaged meta page makes bbolt fall back to the previous transaction:
// doctor says so and exits non-zero, the CLI says it once when it opens
// the file, and writes carry on (the next commit rewrites that page).
func TestDamagedMetaPageIsReported(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "note", "688111", "older")
	mustRun(t, db, "note", "688111", "newest")
	damageNewestMeta(t, db)
	out, errs, code := run(t, db, "", "doctor")
	if code == 0 || !strings.Contains(out+errs, "meta page") || !strings.Contains(out+errs, "incomplete or has been lost") {
		t.Errorf("doctor on a damaged meta page: %d %q %q", code, out, errs)
	}
	out, errs, code = run(t, db, "", "list")
	if code != 0 || strings.Count(errs, "meta page") != 1 || !strings.Contains(out, "金山办公") {
		t.Errorf("list on a damaged meta page: %d %q %q", code, out, errs)
	}
	if _, errs, code = run(t, db, "", "note", "688111", "after"); code != 0 {
		t.Errorf("a write on a damaged meta page: %d %q", code, errs)
	}
	if out := mustRun(t, db, "doctor"); !strings.Contains(out, "is healthy") {
		t.Errorf("doctor after the next write: %q", out)
	}
	if _, errs, _ = run(t, db, "", "list"); errs != "" {
		t.Errorf("a warning after the page was rewritten: %q", errs)
	}
}

// A write that fails for a full disk says so, and leaves a file doctor
// calls healthy (it may have grown: bbolt extends it before writing).
func TestFullDiskWrite(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs")
	}
	dir := t.TempDir()
	mnt := filepath.Join(dir, "small")
	os.Mkdir(mnt, 0o700)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=640k", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	db := filepath.Join(mnt, "z.db")
	mustRun(t, db, "note", "688111", "before the disk filled")
	fill, _ := os.Create(filepath.Join(mnt, "fill"))
	fill.Write(make([]byte, 2<<20)) // as much as fits
	fill.Close()
	before, _ := os.Stat(db)
	_, errs, code := run(t, db, strings.Repeat("满", 100<<10), "note", "688111")
	if code == 0 {
		t.Fatal("a 300 KB note was saved on a full disk")
	}
	if !strings.Contains(errs, "disk is full") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Errorf("full disk: %q", errs)
	}
	after, _ := os.Stat(db)
	t.Logf("the file went from %d to %d bytes", before.Size(), after.Size())
	os.Remove(filepath.Join(mnt, "fill"))
	if out, errs, code := run(t, db, "", "doctor"); code != 0 || !strings.Contains(out, "is healthy") {
		t.Errorf("doctor after a full disk: %d %q %q", code, out, errs)
	}
	if out := mustRun(t, db, "show", "688111"); !strings.Contains(out, "before the disk filled") {
		t.Errorf("the saved note is gone: %s", out)
	}
}

// Zero-width characters in a name or note are shown in `show`, and kept
// as they are in the database.
func TestShowMakesZeroWidthVisible(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "note", "688111", "a\u200bb\u2028c")
	out := mustRun(t, db, "show", "688111")
	if strings.ContainsAny(out, "\u200b\u2028") || !strings.Contains(out, "U+200B") || !strings.Contains(out, "U+2028") {
		t.Errorf("show: %q", out)
	}
	var doc struct {
		Tickers []struct{ Notes []struct{ Text string } }
	}
	json.Unmarshal([]byte(mustRun(t, db, "list", "--format", "json", "--sector", "ai")), &doc)
	if !strings.Contains(fmt.Sprint(doc), "a\u200bb\u2028c") {
		t.Error("the stored note changed")
	}
}

// onTerminal runs the binary with a terminal as its stdout and returns
// what the terminal received.
func onTerminal(t *testing.T, args ...string) string {
	t.Helper()
	master, slave := openPTY(t)
	cmd := exec.Command(binary(t), args...)
	cmd.Stdout = slave
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %v %s", args, err, errb.String())
	}
	slave.Close()
	var out bytes.Buffer
	buf := make([]byte, 64<<10)
	for {
		n, err := master.Read(buf)
		out.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return out.String()
}

// CSV of a hostile note, on a terminal, is shown inert: no escape
// sequence, BEL, C1 or bidi control reaches it. To a pipe it is the
// exact data.
func TestCSVToTerminalIsInert(t *testing.T) {
	const note = "t\x1b]2;PWNED\x07 \x1b]52;c;aGk=\x07 \u009b31m \u202eevil\u202c"
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "note", "688111", note)
	for _, args := range [][]string{{"list", "--format", "csv"}, {"export", "--format", "csv"}} {
		out := onTerminal(t, append([]string{"--db", db}, args...)...)
		if !strings.Contains(out, "688111") {
			t.Fatalf("%v on a terminal: %q", args, out)
		}
		if strings.ContainsAny(out, "\x1b\x07\u009b\u202e\u202c") {
			t.Errorf("%v: raw controls reached the terminal: %q", args, out)
		}
		if !strings.Contains(out, "PWNED") || !strings.Contains(out, "U+202E") {
			t.Errorf("%v: the note is not shown: %q", args, out)
		}
		piped := mustRun(t, db, args...)
		if !strings.Contains(piped, note) {
			t.Errorf("%v to a pipe is not the exact data: %q", args, piped)
		}
	}
}

// Every per-line list an import prints is capped, as the bad rows are: a
// file of one code repeated a hundred thousand times prints a few lines.
func TestImportListsAreCapped(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	repeated := filepath.Join(dir, "repeated.txt")
	os.WriteFile(repeated, []byte(strings.Repeat("600519\n", 100000)), 0o600)
	var many strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&many, "%06d\n", 600000+i)
	}
	distinct := filepath.Join(dir, "many.txt")
	os.WriteFile(distinct, []byte(many.String()), 0o600)
	for _, args := range [][]string{
		{"import", repeated, "--sector", "ai"},
		{"import", distinct, "--sector", "ai", "--skip-invalid", "--dry-run"},
		{"import", distinct, "--sector", "ai", "--skip-invalid"},
	} {
		out, errs, code := run(t, db, "", args...)
		if n := strings.Count(out+errs, "\n"); n > 2*maxListed+10 {
			t.Errorf("%v (exit %d) printed %d lines:\n%.2000s", args, code, n, out+errs)
		}
	}
}

// export --out /dev/stdout (or any FIFO) carries the export and nothing
// else: the confirmation goes to stderr.
func TestExportToStdoutPath(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "list")
	cmd := exec.Command(binary(t), "--db", db, "export", "-f", "codes", "--out", "/dev/stdout")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	if strings.Contains(out.String(), "exported") || !strings.HasPrefix(out.String(), "SZ002230\n") {
		t.Errorf("stdout: %q", out.String())
	}
	if !strings.Contains(errb.String(), "exported 25 tickers") {
		t.Errorf("stderr: %q (stdout %q)", errb.String(), out.String())
	}
}
