//go:build !windows

package universe

import "syscall"

// processAlive says whether a process with this pid still runs.
func processAlive(pid int) bool { return syscall.Kill(pid, 0) != syscall.ESRCH }
