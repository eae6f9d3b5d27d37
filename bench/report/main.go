//go:build linux

// Command report is bench/run.sh's helper for the performance figures.
//
//	report universe N PATH        write the benchmark universe of N tickers to PATH
//	report proc BIN DB N OUT      time BIN --db DB list (exec to output) and its RSS; DB holds N tickers
//	report tui BIN DB N OUT       time BIN --db DB under tmux to its first full frame, and its peak RSS
//	report tui-cold BIN DB N OUT  the same, each run on a fresh copy of DB (no list index: the first start after a CLI write)
//	report tui-note BIN DB N OUT  the same, each run after a CLI note (the list index serves with that ticker read afresh)
//	report tui-hist BIN DB N OUT  tui, for a DB with two years of history stored (report history)
//	report floor BIN OUT          the same for bench/floor, the bare bubbletea program zixuan is measured against
//	report idle FLOOR BIN OUT DB:N...  idle CPU (quotes off) and RSS growth of BIN on each DB beside FLOOR's, side by side
//	report history DB             store two years of daily history (synthetic) for every ticker of DB, and 沪深300's
//	report table BENCH PROC...    print the figures of `go test -bench` output and proc/tui files against the targets
//
// proc and tui append lines "name value unit" to OUT, read back by table.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"zixuan/bench/universe"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "universe":
		if len(os.Args) != 4 {
			usage()
		}
		n, _ := strconv.Atoi(os.Args[2])
		err = universe.Build(os.Args[3], n)
	case "proc", "tui", "tui-cold", "tui-note", "tui-hist":
		if len(os.Args) != 6 {
			usage()
		}
		n, _ := strconv.Atoi(os.Args[4])
		switch os.Args[1] {
		case "proc":
			err = proc(os.Args[2], os.Args[3], n, os.Args[5])
		case "tui":
			err = tui(os.Args[2], os.Args[3], n, os.Args[5], "")
		default:
			err = tui(os.Args[2], os.Args[3], n, os.Args[5], strings.TrimPrefix(os.Args[1], "tui"))
		}
	case "floor":
		if len(os.Args) != 4 {
			usage()
		}
		err = floor(os.Args[2], os.Args[3])
	case "idle":
		if len(os.Args) < 6 {
			usage()
		}
		var dbs []string
		var ns []int
		for _, a := range os.Args[5:] {
			db, n, _ := strings.Cut(a, ":")
			size, _ := strconv.Atoi(n)
			dbs, ns = append(dbs, db), append(ns, size)
		}
		err = idle(os.Args[2], os.Args[3], dbs, ns, os.Args[4])
	case "history":
		if len(os.Args) != 3 {
			usage()
		}
		err = storeHistory(os.Args[2])
	case "table":
		if len(os.Args) < 3 {
			usage()
		}
		err = table(os.Args[2], os.Args[3:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: report universe N PATH | proc BIN DB N OUT | tui BIN DB N OUT | floor BIN OUT | idle FLOOR BIN OUT DB:N... | history DB | table BENCH [PROC...]")
	os.Exit(2)
}

func appendFigures(out string, lines ...string) error {
	f, err := os.OpenFile(out, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	for _, l := range lines {
		fmt.Fprintln(f, l)
	}
	return f.Close()
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// proc runs `BIN --db DB list` 15 times: exec to exit, and peak RSS.
func proc(bin, db string, n int, out string) error {
	var times []time.Duration
	var rss int64
	for range 15 {
		cmd := exec.Command(bin, "--db", db, "list")
		t := time.Now()
		if err := cmd.Run(); err != nil {
			return err
		}
		times = append(times, time.Since(t))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = max(rss, ru.Maxrss)
		}
	}
	lines := []string{
		fmt.Sprintf("proc/list-ms/n=%d %.1f ms", n, ms(median(times))),
		fmt.Sprintf("proc/list-rss/n=%d %.1f MB", n, float64(rss)/1024),
	}
	for _, cmd := range []string{"list", "export"} {
		x, t, err := versusCat(bin, db, cmd)
		if err != nil {
			return err
		}
		lines = append(lines, fmt.Sprintf("proc/%s-json-ms/n=%d %.1f ms", cmd, n, t), fmt.Sprintf("proc/%s-json-x-cat/n=%d %.1f x", cmd, n, x))
	}
	return appendFigures(out, lines...)
}

// versusCat runs `BIN --db DB CMD --format json > F` and `cat F >
// /dev/null` in turn, 15 pairs, each a whole process: the median ratio
// of the pairs and the command's median time in ms.
func versusCat(bin, db, cmd string) (x, msMedian float64, err error) {
	f, err := os.CreateTemp("", "zixuan-json-*")
	if err != nil {
		return 0, 0, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return 0, 0, err
	}
	defer devNull.Close()
	var ratios []float64
	var times []time.Duration
	for range 15 {
		if err := f.Truncate(0); err != nil {
			return 0, 0, err
		}
		if _, err := f.Seek(0, 0); err != nil {
			return 0, 0, err
		}
		c := exec.Command(bin, "--db", db, cmd, "--format", "json")
		c.Stdout = f
		t := time.Now()
		if err := c.Run(); err != nil {
			return 0, 0, fmt.Errorf("%s --format json: %w", cmd, err)
		}
		a := time.Since(t)
		c = exec.Command("cat", f.Name())
		c.Stdout = devNull
		t = time.Now()
		if err := c.Run(); err != nil {
			return 0, 0, err
		}
		ratios = append(ratios, float64(a)/float64(time.Since(t)))
		times = append(times, a)
	}
	slices.Sort(ratios)
	return ratios[len(ratios)/2], ms(median(times)), nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

var rowRE = regexp.MustCompile(`(?m)^> +\d{6} `)

// tui starts BIN --db DB in a detached 120x40 tmux session, polls the pane
// until the first full frame (a selected row and the help bar) is on it,
// searches, moves, and reads the process's peak RSS; five runs, median,
// after one not counted (which leaves the list index a start finds). With
// kind "-cold" every run starts on a fresh copy of DB instead, as the
// first start after another process wrote (no index at its generation).
func tui(bin, db string, n int, out, kind string) error {
	args := []string{"--db", db}
	var before func() error
	if kind == "-note" { // each run after a CLI note, as a script writes between starts
		i := 0
		before = func() error {
			i++
			return exec.Command(bin, "--db", db, "note", "688111", fmt.Sprintf("a note from the shell, %d", i)).Run()
		}
		if _, err := timeFramesOnce(bin, args); err != nil {
			return err
		}
	} else if kind == "-cold" {
		pristine, err := os.ReadFile(db)
		if err != nil {
			return err
		}
		copyPath := db + ".cold"
		defer os.Remove(copyPath)
		args[1] = copyPath
		before = func() error { return os.WriteFile(copyPath, pristine, 0o600) }
	} else if _, err := timeFramesOnce(bin, args); err != nil {
		return err
	}
	f, err := timeFrames(bin, args,
		func(s string) bool { return rowRE.MatchString(s) && strings.Contains(s, "q ") }, true, before)
	if err != nil {
		return err
	}
	return appendFigures(out,
		fmt.Sprintf("proc/first-frame%s-ms/n=%d %.1f ms", kind, n, ms(median(f.times))),
		fmt.Sprintf("proc/tui%s-rss-start/n=%d %.1f MB", kind, n, f.rssStart),
		fmt.Sprintf("proc/tui%s-rss-peak/n=%d %.1f MB", kind, n, f.rssPeak))
}

// frames is what timeFrames measured: exec to the frame of each run, and
// the largest of the runs' RSS at that frame, their peak after use and
// their RSS once settled (settledAt after the start: the TUI hands the
// start's freed memory back at 3 s).
type frames struct {
	times                         []time.Duration
	rssStart, rssPeak, rssSettled float64
}

const settledAt = 4 * time.Second

// timeFramesOnce is one uncounted run of zixuan, for what it leaves behind.
func timeFramesOnce(bin string, args []string) (frames, error) {
	return timeFramesN(1, bin, args, func(s string) bool { return rowRE.MatchString(s) && strings.Contains(s, "q ") }, false, nil)
}

// floor times bench/floor, the bare bubbletea program, as tui times zixuan.
func floor(bin, out string) error {
	f, err := timeFrames(bin, nil, func(s string) bool { return strings.Contains(s, "q quit") }, false, nil)
	if err != nil {
		return err
	}
	return appendFigures(out,
		fmt.Sprintf("proc/floor-first-frame-ms %.1f ms", ms(median(f.times))),
		fmt.Sprintf("proc/floor-rss %.1f MB", f.rssStart))
}

// timeFrames starts bin with args under tmux five times and times exec to
// the frame drawn (done says when), with its RSS then and, when use is
// set, its peak after some keys.
func timeFrames(bin string, args []string, done func(string) bool, use bool, before func() error) (frames, error) {
	return timeFramesN(5, bin, args, done, use, before)
}

func timeFramesN(runs int, bin string, args []string, done func(string) bool, use bool, before func() error) (f frames, err error) {
	if _, err := exec.LookPath("tmux"); err != nil {
		return f, fmt.Errorf("tmux is not installed: no TUI figures")
	}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = strconv.Quote(a)
	}
	for run := range runs {
		if before != nil {
			if err := before(); err != nil {
				return f, err
			}
		}
		name := fmt.Sprintf("zixuan-bench-%d-%d", os.Getpid(), run)
		// A shell waits for a go signal, then execs zixuan: the clock starts
		// at the exec, not at tmux's own start.
		ready := fmt.Sprintf("%s/zixuan-bench-go-%d", os.TempDir(), os.Getpid())
		os.Remove(ready)
		script := fmt.Sprintf("while [ ! -e %q ]; do sleep 0.001; done; exec %q %s", ready, bin, strings.Join(quoted, " "))
		c := exec.Command("tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", "env", "LANG=C.UTF-8", "TERM=xterm-256color", "sh", "-c", script)
		if b, err := c.CombinedOutput(); err != nil {
			return f, fmt.Errorf("tmux: %v: %s", err, b)
		}
		kill := func() { exec.Command("tmux", "kill-session", "-t", name).Run() }
		time.Sleep(100 * time.Millisecond)
		pidOut, _ := exec.Command("tmux", "list-panes", "-t", name, "-F", "#{pane_pid}").Output()
		pid := strings.TrimSpace(string(pidOut))
		t := time.Now()
		if err := os.WriteFile(ready, nil, 0o644); err != nil {
			kill()
			return f, err
		}
		frame, err := waitFor(name, done, 5*time.Second)
		if err != nil {
			kill()
			return f, fmt.Errorf("%w; the pane shows:\n%s", err, frame)
		}
		f.times = append(f.times, time.Since(t))
		f.rssStart = max(f.rssStart, hwm(pid))
		if use { // use it a little: search, delete, move, switch tabs, filter
			for _, k := range [][]string{{"/"}, {"k"}, {"d"}, {"x"}, {"BSpace"}, {"BSpace"}, {"Escape"}, {"j"}, {"j"}, {"Tab"}, {"1"}, {"1"}, {"G"}, {"g"}} {
				exec.Command("tmux", append([]string{"send-keys", "-t", name}, k...)...).Run()
				time.Sleep(20 * time.Millisecond)
			}
			time.Sleep(200 * time.Millisecond)
		}
		f.rssPeak = max(f.rssPeak, hwm(pid))
		exec.Command("tmux", "send-keys", "-t", name, "q").Run()
		// let it exit on its own (zixuan brings its list index up to date
		// as it quits), then make sure
		for end := time.Now().Add(3 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
			if _, err := os.Stat("/proc/" + pid); err != nil {
				break
			}
		}
		kill()
		os.Remove(ready)
	}
	return f, nil
}

func waitFor(session string, ok func(string) bool, limit time.Duration) (string, error) {
	end := time.Now().Add(limit)
	var last string
	for time.Now().Before(end) {
		b, _ := exec.Command("tmux", "capture-pane", "-p", "-t", session).Output()
		last = string(b)
		if ok(last) {
			return last, nil
		}
		time.Sleep(time.Millisecond)
	}
	return last, fmt.Errorf("no full frame within %s", limit)
}

// hwm is a process's peak resident set (VmHWM) in MB.
func hwm(pid string) float64 { return statusMB(pid, "VmHWM:") }

// rssNow is a process's resident set (VmRSS) in MB.
func rssNow(pid string) float64 { return statusMB(pid, "VmRSS:") }

// statusMB reads a field of /proc/PID/status given in kB, in MB; 0 when
// the process is gone.
func statusMB(pid, field string) float64 {
	b, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == field {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
