//go:build unix

package cli

import (
	"os/exec"
	"syscall"
)

// killGroup makes cmd's cancellation kill its whole process group: sh -c
// and whatever it started (a sleep, a curl), not sh alone.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
