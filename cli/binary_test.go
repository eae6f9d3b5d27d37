package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binOut  []byte
)

// binary builds the real zixuan once per test run, for tests that need
// separate processes (locking, crashes, permissions).
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zixuan-bin-")
		if err != nil {
			binErr = err
			return
		}
		os.Chmod(dir, 0o755) // the permission tests run it as nobody
		binPath = filepath.Join(dir, "zixuan")
		binOut, binErr = exec.Command("go", "build", "-o", binPath, "zixuan").CombinedOutput()
	})
	if binErr != nil {
		t.Fatalf("build zixuan: %v\n%s", binErr, binOut)
	}
	return binPath
}
