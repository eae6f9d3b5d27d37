package cli

import (
	"bytes"
	"errors"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// onAnswerlessTerminal runs the real binary with a pseudo-terminal as its
// controlling terminal, stdin, stdout and stderr, a terminal that never
// answers a query, and returns everything it wrote there.
func onAnswerlessTerminal(t *testing.T, args ...string) string {
	t.Helper()
	bin := binary(t)
	master, slave := openPTY(t)
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.Env = append(cmd.Environ(), "TERM=xterm-256color", "NO_COLOR=")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close() // the child's copies stay open until it exits
	var out bytes.Buffer
	read := make(chan error, 1)
	go func() {
		_, err := io.Copy(&out, master)
		read <- err
	}()
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Fatalf("zixuan %v: %v\n%q", args, err, out.String())
		}
	case <-time.After(time.Minute): // a safety net, not a measurement
		_ = cmd.Process.Kill()
		t.Fatalf("zixuan %v did not finish on a terminal that never answers", args)
	}
	// the output is all read once every copy of the slave is closed (EIO)
	if err := <-read; err != nil && !errors.Is(err, syscall.EIO) {
		t.Fatal(err)
	}
	// the terminal's line discipline turns \n into \r\n
	return strings.ReplaceAll(out.String(), "\r\n", "\n")
}

// No command but the TUI talks to the terminal: --version and a CSV to a
// terminal write what they print and nothing else, no query for the
// background colour or the cursor position that a terminal which never
// answers would keep them waiting for.
func TestCommandsWriteNoTerminalQueries(t *testing.T) {
	version := onAnswerlessTerminal(t, "--version")
	if !strings.HasPrefix(version, "zixuan ") || strings.ContainsRune(version, '\x1b') {
		t.Errorf("--version on a terminal wrote %q", version)
	}
	db := filepath.Join(t.TempDir(), "z.db")
	want := mustRun(t, db, "list", "--format", "csv")
	if got := onAnswerlessTerminal(t, "--db", db, "list", "--format", "csv"); got != want {
		t.Errorf("list --format csv on a terminal wrote\n%q\nwant only the CSV\n%q", got, want)
	}
}
