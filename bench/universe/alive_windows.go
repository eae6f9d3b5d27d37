package universe

import "os"

// processAlive says whether a process with this pid still runs: on
// Windows, finding it opens it, which fails once it has gone.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
