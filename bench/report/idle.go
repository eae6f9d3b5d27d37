//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// idle runs the floor and zixuan on each database side by side, each in a
// tmux session of its own at 120x40 with quotes off, and reads the CPU
// time (utime + stime) each spends over IDLE_SECONDS (60 unless set),
// from five seconds after the start, and its RSS at the start and the end
// of that window.
func idle(floorBin, bin string, dbs []string, sizes []int, out string) error {
	if _, err := exec.LookPath("tmux"); err != nil {
		return fmt.Errorf("tmux is not installed: no idle figures")
	}
	seconds := 60
	if s, err := strconv.Atoi(os.Getenv("IDLE_SECONDS")); err == nil && s > 0 {
		seconds = s
	}
	type proc struct {
		name, session, pid string
		cpu0, rss0         float64
	}
	procs := []*proc{{name: "floor", session: fmt.Sprintf("zixuan-idle-%d-floor", os.Getpid())}}
	cmds := [][]string{{floorBin}}
	for i, db := range dbs {
		procs = append(procs, &proc{name: fmt.Sprintf("n=%d", sizes[i]), session: fmt.Sprintf("zixuan-idle-%d-%d", os.Getpid(), i)})
		cmds = append(cmds, []string{bin, "--db", db, "--offline"})
	}
	defer func() {
		for _, p := range procs {
			exec.Command("tmux", "kill-session", "-t", p.session).Run()
		}
	}()
	for i, p := range procs {
		quoted := make([]string, len(cmds[i]))
		for j, a := range cmds[i] {
			quoted[j] = strconv.Quote(a)
		}
		c := exec.Command("tmux", "new-session", "-d", "-s", p.session, "-x", "120", "-y", "40",
			"env", "LANG=C.UTF-8", "TERM=xterm-256color", "sh", "-c", "exec "+strings.Join(quoted, " "))
		if b, err := c.CombinedOutput(); err != nil {
			return fmt.Errorf("tmux: %v: %s", err, b)
		}
	}
	time.Sleep(5 * time.Second) // past the start: the full load, the index saved at 2 s, the memory handed back at 3
	for _, p := range procs {
		b, _ := exec.Command("tmux", "list-panes", "-t", p.session, "-F", "#{pane_pid}").Output()
		p.pid = strings.TrimSpace(string(b))
		p.cpu0, p.rss0 = cpuSeconds(p.pid), rssNow(p.pid)
	}
	time.Sleep(time.Duration(seconds) * time.Second)
	var lines []string
	floorCPU := 0.0
	for _, p := range procs {
		cpu := cpuSeconds(p.pid) - p.cpu0
		if p.name == "floor" {
			floorCPU = cpu
			lines = append(lines, fmt.Sprintf("proc/floor-idle-cpu-s %.2f s", cpu))
			continue
		}
		lines = append(lines,
			fmt.Sprintf("proc/idle-cpu-s/%s %.2f s", p.name, cpu),
			fmt.Sprintf("proc/idle-rss-growth/%s %.1f MB", p.name, rssNow(p.pid)-p.rss0),
			fmt.Sprintf("proc/idle-rss/%s %.1f MB", p.name, rssNow(p.pid)))
		if floorCPU > 0 {
			lines = append(lines, fmt.Sprintf("proc/idle-cpu-floor/%s %.2f x", p.name, cpu/floorCPU))
		}
	}
	lines = append(lines, fmt.Sprintf("proc/idle-seconds %d s", seconds))
	return appendFigures(out, lines...)
}

// cpuSeconds is a process's utime + stime in seconds (/proc counts them in
// USER_HZ, 100 a second on Linux).
func cpuSeconds(pid string) float64 {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	// the command name, in parentheses, may hold spaces: count after it
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseFloat(f[11], 64)
	k, _ := strconv.ParseFloat(f[12], 64)
	return (u + k) / 100
}
