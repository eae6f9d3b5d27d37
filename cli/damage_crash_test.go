package cli

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// runBin runs the binary; as non-root when asUser is set and we are root,
// so that permission checks are real even in CI, which runs as root.
func runBin(t *testing.T, asNobody bool, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	if asNobody {
		if os.Geteuid() != 0 {
			t.Skip("needs root to run a process as nobody")
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), code
}

func TestDamagedDatabaseFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	if out, code := runBin(t, false, "--db", good, "note", "688111", "keep me"); code != 0 {
		t.Fatal(out)
	}
	goodBytes, _ := os.ReadFile(good)
	put := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o600)
		return p
	}
	noise := make([]byte, 32*1024)
	chacha := rand.NewChaCha8([32]byte{1, 2, 3})
	chacha.Read(noise)
	other := filepath.Join(dir, "other.db")
	odb, _ := bolt.Open(other, 0o600, nil)
	odb.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("kv")); return err })
	odb.Close()
	newer := put("newer.db", goodBytes)
	ndb, _ := bolt.Open(newer, 0o600, nil)
	ndb.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("7")) })
	ndb.Close()

	files := map[string]string{
		"truncated": put("trunc.db", goodBytes[:len(goodBytes)/3]),
		"random":    put("random.db", noise),
		"empty":     put("empty.db", nil),
		"other":     other,
		"newer":     newer,
	}
	for name, path := range files {
		before := sum(t, path)
		for _, args := range [][]string{{"list"}, {"note", "688111", "x"}, {"rate", "688111", "buy"}} {
			out, code := runBin(t, false, append([]string{"--db", path}, args...)...)
			if code == 0 {
				t.Errorf("%s %v: exit 0", name, args)
			}
			if strings.Count(strings.TrimSpace(out), "\n") != 0 || !strings.Contains(out, path) || !strings.Contains(out, "--db") {
				t.Errorf("%s %v: want one line naming the file and what to do, got %q", name, args, out)
			}
			if strings.Contains(out, "panic") || strings.Contains(out, "goroutine") {
				t.Errorf("%s %v: panicked: %s", name, args, out)
			}
		}
		if sum(t, path) != before {
			t.Errorf("%s: the file's bytes changed", name)
		}
	}
	out, code := runBin(t, false, "--db", dir, "list")
	if code == 0 || !strings.Contains(out, "is a directory") {
		t.Errorf("directory as db: %d %q", code, out)
	}
	out, code = runBin(t, false, "--db", filepath.Join(dir, "no", "such", "z.db"), "list")
	if code == 0 || !strings.Contains(out, "does not exist") {
		t.Errorf("missing parent: %d %q", code, out)
	}
}

func TestReadOnlyFileAndFolder(t *testing.T) {
	dir, err := os.MkdirTemp("", "zixuan-ro-") // t.TempDir's parent is closed to nobody
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	db := filepath.Join(dir, "z.db")
	if out, code := runBin(t, false, "--db", db, "note", "688111", "before"); code != 0 {
		t.Fatal(out)
	}
	os.Chmod(db, 0o644) // readable by nobody, writable only by root
	before := sum(t, db)
	out, code := runBin(t, true, "--db", db, "list")
	if code != 0 || !strings.Contains(out, "金山办公") {
		t.Errorf("reading a read-only database should work: %d %s", code, out)
	}
	out, code = runBin(t, true, "--db", db, "note", "688111", "after")
	if code == 0 || !strings.Contains(out, "permission denied") || !strings.Contains(out, db) || strings.Count(strings.TrimSpace(out), "\n") != 0 {
		t.Errorf("writing a read-only database: %d %q", code, out)
	}
	if sum(t, db) != before {
		t.Error("the read-only file changed")
	}
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o555)
	out, code = runBin(t, true, "--db", filepath.Join(ro, "z.db"), "list")
	if code == 0 || !strings.Contains(out, "permission denied") || strings.Count(strings.TrimSpace(out), "\n") != 0 {
		t.Errorf("creating in a read-only folder: %d %q", code, out)
	}
}

// crashSeconds bounds the SIGKILL test: a few seconds in CI, longer with
// ZIXUAN_CRASH_SECONDS=60 go test ./cli -run Crash.
func crashSeconds() time.Duration {
	if s, err := strconv.Atoi(os.Getenv("ZIXUAN_CRASH_SECONDS")); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	return 3 * time.Second
}

// Writers killed with SIGKILL at random moments: the database still opens,
// passes bbolt's check, and holds every note whose command reported success.
func TestCrashMidWriteKeepsConfirmedNotes(t *testing.T) {
	bin := binary(t)
	db := filepath.Join(t.TempDir(), "z.db")
	if out, code := runBin(t, false, "--db", db, "list"); code != 0 {
		t.Fatal(out)
	}
	seed := uint64(time.Now().UnixNano()) // the kill timings vary run to run; the seed replays them
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	saved := regexp.MustCompile(`saved note #\d+`)
	var confirmed []string
	kills, i := 0, 0
	deadline := time.Now().Add(crashSeconds())
	for ; time.Now().Before(deadline); i++ {
		text := fmt.Sprintf("crash-note-%d", i)
		cmd := exec.Command(bin, "--db", db, "note", "688111", text)
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if rng.IntN(3) > 0 {
			time.Sleep(time.Duration(rng.IntN(8000)) * time.Microsecond)
			cmd.Process.Signal(syscall.SIGKILL)
		}
		err := cmd.Wait()
		if err == nil && saved.MatchString(out.String()) {
			confirmed = append(confirmed, text)
		} else {
			kills++
		}
	}
	t.Logf("%d writers, %d killed, %d confirmed", i, kills, len(confirmed))
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
	out, code := runBin(t, false, "--db", db, "list", "--format", "json", "--sector", "ai")
	if code != 0 {
		t.Fatal(out)
	}
	for _, text := range confirmed {
		if !strings.Contains(out, `"`+text+`"`) {
			t.Errorf("confirmed note %q lost", text)
		}
	}
}

// A first start killed while it creates the database leaves either no file
// or a complete one: the next start always works.
func TestCrashDuringCreation(t *testing.T) {
	bin := binary(t)
	seed := uint64(time.Now().UnixNano()) // the kill timings vary run to run; the seed replays them
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 9))
	dir := t.TempDir()
	for i := 0; i < 40; i++ {
		db := filepath.Join(dir, fmt.Sprintf("z%d.db", i))
		cmd := exec.Command(bin, "--db", db, "note", "688111", "first")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.IntN(6000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if out, code := runBin(t, false, "--db", db, "list"); code != 0 {
			t.Fatalf("after a kill during creation: %s", out)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".zixuan-new-*"))
	t.Logf("%d temporary files left by killed first starts (harmless, never read)", len(leftovers))
}

func TestDoctor(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	mustRun(t, db, "note", "688111", "fine")
	if out := mustRun(t, db, "doctor"); !strings.Contains(out, "is healthy") {
		t.Errorf("doctor on a good file: %q", out)
	}
	// an invariant bbolt cannot see: a ticker on the list in a sector that is gone
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	bdb.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("sectors")).Delete([]byte("ai")) })
	bdb.Close()
	out, errs, code := run(t, db, "", "doctor")
	if code == 0 || !strings.Contains(out, "problem:") || !strings.Contains(errs, "restore") {
		t.Errorf("doctor on a file with a missing sector: %d %q %q", code, out, errs)
	}
	good, _ := os.ReadFile(db)
	trunc := filepath.Join(dir, "trunc.db")
	os.WriteFile(trunc, good[:len(good)/2], 0o600)
	before := sum(t, trunc)
	if _, errs, code := run(t, db, "", "doctor", trunc); code == 0 || !strings.Contains(errs, trunc) {
		t.Errorf("doctor on a truncated file: %d %q", code, errs)
	}
	if sum(t, trunc) != before {
		t.Error("doctor changed the file it checked")
	}
}

// Without --db the database goes under $XDG_DATA_HOME/zixuan, in a folder
// only its owner can read; ZIXUAN_DB overrides that.
func TestDefaultPathFollowsXDG(t *testing.T) {
	bin := binary(t)
	home := t.TempDir()
	cmd := exec.Command(bin, "note", "688111", "xdg")
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+filepath.Join(home, "data"), "ZIXUAN_DB=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	db := filepath.Join(home, "data", "zixuan", "zixuan.db")
	fi, err := os.Stat(db)
	if err != nil {
		t.Fatalf("no database at %s: %v", db, err)
	}
	di, _ := os.Stat(filepath.Dir(db))
	if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
		t.Errorf("modes: file %v, folder %v", fi.Mode().Perm(), di.Mode().Perm())
	}
	other := filepath.Join(home, "other.db")
	cmd = exec.Command(bin, "list")
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+filepath.Join(home, "data"), "ZIXUAN_DB="+other)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("ZIXUAN_DB was not used: %v", err)
	}
}
