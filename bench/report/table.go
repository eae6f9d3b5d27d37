//go:build linux

package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// figures maps a benchmark (without "Benchmark" and the -GOMAXPROCS
// suffix) or a process figure to its metrics by unit.
type figures map[string]map[string]float64

var benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

func readFigures(paths ...string) (figures, error) {
	f := figures{}
	put := func(name, unit string, v float64) {
		if f[name] == nil {
			f[name] = map[string]float64{}
		}
		f[name][unit] = v
	}
	for _, p := range paths {
		file, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(file)
		for sc.Scan() {
			line := sc.Text()
			if m := benchLine.FindStringSubmatch(line); m != nil {
				fs := strings.Fields(m[2])
				for i := 0; i+1 < len(fs); i += 2 {
					if v, err := strconv.ParseFloat(fs[i], 64); err == nil {
						put(m[1], fs[i+1], v)
					}
				}
				continue
			}
			if fs := strings.Fields(line); len(fs) == 3 && strings.HasPrefix(fs[0], "proc/") {
				if v, err := strconv.ParseFloat(fs[1], 64); err == nil {
					put(fs[0], fs[2], v)
				}
			}
		}
		file.Close()
	}
	return f, nil
}

var sizes = []int{25, 550, 5538}

// A row is one figure at each size. key holds %d for the size, or not
// (a figure measured at one size only, shown in the 5,538 column).
type row struct {
	label, key, unit string
	max              bool // also show the ms-max beside the ms-p50
	target           string
	limit            map[int]float64 // size → the figure must be below this
	maxLimit         float64         // the ms-max must be below this
}

func (f figures) get(key, unit string, n int) (float64, bool) {
	if strings.Contains(key, "%d") {
		key = fmt.Sprintf(key, n)
	} else if n != 5538 {
		return 0, false
	}
	v, ok := f[key][unit]
	return v, ok
}

func keystrokeRows(label, key string) row {
	return row{label: label, key: key, unit: "ms-p50", max: true, target: "p50 < 1 ms, max < 4 ms",
		limit: map[int]float64{25: 1, 550: 1, 5538: 1}, maxLimit: 4}
}

// The import targets for csv and for json.
var (
	importNew       = map[string]string{"csv": "< 100 ms at 5,538", "json": "< 200 ms at 5,538"}
	importNewLimit  = map[string]float64{"csv": 100, "json": 200}
	importSame      = map[string]string{"csv": "< 60 ms at 5,538", "json": "< 200 ms at 5,538"}
	importSameLimit = map[string]float64{"csv": 60, "json": 200}
)

func rows() []row {
	var r []row
	add := func(x ...row) { r = append(r, x...) }
	at5538 := func(v float64) map[int]float64 { return map[int]float64{5538: v} }
	add(
		row{label: "(1) cold start in process: open, load, index, first frame 120x40", key: "ColdStart/n=%d", unit: "ms-p50", target: "< 30 ms at 5,538", limit: at5538(30)},
		row{label: "    of which store.Load", key: "Load/n=%d", unit: "ms/load"},
		row{label: "    securities master parse (once per process)", key: "MasterLoad", unit: "ms/load"},
		row{label: "(1) process: exec to full first frame (tmux 120x40)", key: "proc/first-frame-ms/n=%d", unit: "ms", target: "< 50 ms at 25, < 100 at 5,538", limit: map[int]float64{25: 50, 5538: 100}},
		row{label: "    process: exec to `zixuan list` output", key: "proc/list-ms/n=%d", unit: "ms"},
		row{label: "    process: `list --format json` to a file", key: "proc/list-json-ms/n=%d", unit: "ms"},
		row{label: "(9) process: `list --format json` ÷ `cat` of its output, x", key: "proc/list-json-x-cat/n=%d", unit: "x", target: "≤ 15 at 5,538", limit: at5538(15)},
		row{label: "(9) process: `export --format json` ÷ `cat` of its output, x", key: "proc/export-json-x-cat/n=%d", unit: "x", target: "≤ 15 at 5,538", limit: at5538(15)},
		row{label: "    in process: `list --format json` (open, load, write)", key: "ListJSON/list/n=%d", unit: "ms/op"},
	)
	for _, q := range []struct{ name, what string }{{"code", "688→6881"}, {"pinyin", "kd→kdx"}, {"hanzi", "科→科大"}, {"first", "→z"}, {"initials", "gz→gzm"}} {
		add(keystrokeRows("(2) search, type one char ("+q.what+")", "SearchType/"+q.name+"/n=%d"))
	}
	for _, q := range []string{"code", "pinyin", "hanzi", "first", "initials"} {
		add(keystrokeRows("(2) search, delete one char ("+q+")", "SearchDelete/"+q+"/n=%d"))
	}
	add(
		keystrokeRows("(3) cursor one row", "Cursor/n=%d"),
		keystrokeRows("(3) next sector tab", "Tab/n=%d"),
		keystrokeRows("(3) toggle rating filter", "RatingFilter/n=%d"),
	)
	for _, q := range []string{"code", "pinyin", "hanzi", "first", "initials"} {
		add(row{label: "    search keystroke ÷ DefaultFilter (" + q + "), x", key: "SearchVsDefaultFilter/" + q, unit: "x-vs-DefaultFilter", target: "≤ 0.5", limit: at5538(0.5)})
	}
	for _, q := range []string{"code", "pinyin", "hanzi", "first", "initials"} {
		add(row{label: "    bubbles list.DefaultFilter alone (" + q + ")", key: "DefaultFilter/" + q + "/n=%d", unit: "ms-p50", max: true})
	}
	for _, q := range []string{"code", "first"} {
		add(row{label: "    bubbles list: whole filter keystroke (" + q + ")", key: "ListKeystroke/" + q + "/n=%d", unit: "ms-p50", max: true})
	}
	add(
		row{label: "(4) save a note (committed, fsync)", key: "AddNote/n=%d", unit: "ms/note", target: "< 10 ms", limit: map[int]float64{25: 10, 550: 10, 5538: 10}},
		row{label: "(4) change a rating (committed, fsync)", key: "SetRating/n=%d", unit: "ms/rating", target: "< 10 ms", limit: map[int]float64{25: 10, 550: 10, 5538: 10}},
		row{label: "    a CLI write: open, full-file check, commit", key: "FirstWrite/n=%d", unit: "ms/write"},
		row{label: "    of which the full-file check (as doctor)", key: "Check/n=%d", unit: "ms/check"},
	)
	for _, w := range []string{"note", "rate", "move", "remove"} {
		add(
			row{label: "(4) TUI " + w + ", keystroke to next frame, app work median", key: "Write/" + w + "/n=%d", unit: "ms-p50", target: "< 2 ms at 5,538", limit: at5538(2)},
			row{label: "    TUI " + w + ", app work worst", key: "Write/" + w + "/n=%d", unit: "ms-max", target: "< 16.7 ms", limit: at5538(16.7)},
		)
	}
	add(
		row{label: "(7) read a 50-page report (100 KB of text)", key: "ParseFiftyPages", unit: "ms/report", target: "< 50 ms", limit: map[int]float64{5538: 50}},
		row{label: "(8) scorecard of n calls from stored history (scoring)", key: "Scorecard/n=%d", unit: "ms/scorecard", target: "< 10 ms at 25, < 200 at 5,538 with the read", limit: map[int]float64{25: 10, 5538: 200}},
		row{label: "(8) read two years of history, whole market", key: "Histories", unit: "ms/read"},
		row{label: "    file size with it stored, MB", key: "Histories", unit: "MB/file", target: "< 100 MB", limit: map[int]float64{5538: 100}},
	)
	for _, f := range []string{"csv", "json"} {
		add(
			row{label: "(5) export " + f + " (to memory)", key: "Export/" + f + "/n=%d", unit: "ms/op", target: "< 200 ms at 5,538", limit: at5538(200)},
			row{label: "    export " + f + " to a file (WriteFile, fsync)", key: "ExportFile/" + f + "/n=%d", unit: "ms/op", target: "< 200 ms", limit: at5538(200)},
			row{label: "    parse " + f + " back", key: "Parse/" + f + "/n=%d", unit: "ms/op"},
			row{label: "(5) import " + f + " into a new store (parse + Import)", key: "Import/new/" + f + "/n=%d", unit: "ms/op", target: importNew[f], limit: at5538(importNewLimit[f])},
			row{label: "(5) import " + f + " onto itself (all unchanged)", key: "Import/same/" + f + "/n=%d", unit: "ms/op", target: importSame[f], limit: at5538(importSameLimit[f])},
		)
	}
	add(row{label: "(9) export json, bytes allocated per byte written", key: "Export/json/n=%d", unit: "alloc-B/B", target: "< 2", limit: at5538(2)})
	add(
		row{label: "(6) TUI live heap after first frame, MB", key: "Heap/n=%d", unit: "MB-live"},
		row{label: "    process: exec to first frame, no list index (the first start after another process wrote)", key: "proc/first-frame-cold-ms/n=%d", unit: "ms"},
		row{label: "    process: exec to first frame after a CLI note (the index serves, that ticker read afresh)", key: "proc/first-frame-note-ms/n=%d", unit: "ms"},
		row{label: "(6) TUI process RSS at first frame, MB", key: "proc/tui-rss-start/n=%d", unit: "MB"},
		row{label: "(6) TUI process peak RSS after use, MB", key: "proc/tui-rss-peak/n=%d", unit: "MB", target: "≤ 15 MB at 25, < 40 at 5,538", limit: map[int]float64{25: 15, 5538: 40}},
		row{label: "    `zixuan list` peak RSS, MB", key: "proc/list-rss/n=%d", unit: "MB"},
		row{label: "(17) TUI RSS at first frame / peak after use, two years of history stored, MB", key: "proc/tui-hist-rss-peak/n=%d", unit: "MB", target: "< 40 at 5,538", limit: at5538(40)},
		row{label: "(17) bare bubbletea program (bench/floor): exec to first frame, ms", key: "proc/floor-first-frame-ms", unit: "ms"},
		row{label: "(17) bare bubbletea program: RSS at first frame, MB", key: "proc/floor-rss", unit: "MB"},
		row{label: "(17) exec to first full frame ÷ the floor's, x", key: "proc/first-frame-floor/n=%d", unit: "x", target: "≤ 1.3 at 25, ≤ 1.5 at 5,538", limit: map[int]float64{25: 1.3, 5538: 1.5}},
		row{label: "(17) RSS at first frame ÷ the floor's, x", key: "proc/rss-floor/n=%d", unit: "x", target: "≤ 2.5 at 25", limit: map[int]float64{25: 2.5}},
		row{label: "(17) bare bubbletea program: CPU while idle (60 s, or IDLE_SECONDS), s", key: "proc/floor-idle-cpu-s", unit: "s"},
		row{label: "(17) TUI CPU while idle, quotes off, s", key: "proc/idle-cpu-s/n=%d", unit: "s"},
		row{label: "(17) TUI CPU while idle ÷ the floor's, side by side, x", key: "proc/idle-cpu-floor/n=%d", unit: "x", target: "≤ 1.2", limit: map[int]float64{25: 1.2, 5538: 1.2}},
		row{label: "    TUI RSS growth while idle, MB", key: "proc/idle-rss-growth/n=%d", unit: "MB"},
		row{label: "    TUI RSS idle, at the end of that minute, MB", key: "proc/idle-rss/n=%d", unit: "MB"},
	)
	return r
}

// againstFloor adds the ratios to the floor: zixuan's first frame and RSS
// over those of bench/floor, the bare bubbletea program, measured in the
// same run.
func (f figures) againstFloor() {
	frame, rss := f["proc/floor-first-frame-ms"]["ms"], f["proc/floor-rss"]["MB"]
	for _, n := range sizes {
		if v, ok := f[fmt.Sprintf("proc/first-frame-ms/n=%d", n)]["ms"]; ok && frame > 0 {
			f[fmt.Sprintf("proc/first-frame-floor/n=%d", n)] = map[string]float64{"x": v / frame}
		}
		if v, ok := f[fmt.Sprintf("proc/tui-rss-start/n=%d", n)]["MB"]; ok && rss > 0 {
			f[fmt.Sprintf("proc/rss-floor/n=%d", n)] = map[string]float64{"x": v / rss}
		}
	}
}

func num(v float64) string {
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	default:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
}

// table prints every figure against its target as a Markdown table. The
// growth column is the cost per ticker at 5,538 over that at 550: about 1
// or below is linear or better.
func table(bench string, procs []string) error {
	f, err := readFigures(append([]string{bench}, procs...)...)
	if err != nil {
		return err
	}
	f.againstFloor()
	fmt.Println("| figure | 25 | 550 | 5,538 | target | growth/ticker 550→5,538 | met |")
	fmt.Println("|---|---:|---:|---:|---|---:|---|")
	missed := 0
	for _, r := range rows() {
		cells := make([]string, len(sizes))
		vals := map[int]float64{}
		met, judged := true, false
		for i, n := range sizes {
			v, ok := f.get(r.key, r.unit, n)
			if !ok {
				cells[i] = "–"
				continue
			}
			vals[n] = v
			cells[i] = num(v)
			if r.max {
				if mx, ok := f.get(r.key, "ms-max", n); ok {
					cells[i] += " / " + num(mx)
					if r.maxLimit > 0 {
						judged = true
						met = met && mx < r.maxLimit
					}
				}
			}
			if lim, ok := r.limit[n]; ok {
				judged = true
				if r.unit == "x-vs-DefaultFilter" {
					met = met && v <= lim
				} else {
					met = met && v < lim
				}
			}
		}
		growth := ""
		if a, ok := vals[550]; ok && a > 0 && strings.Contains(r.key, "%d") {
			if b, ok := vals[5538]; ok {
				growth = num(b / a / (5538.0 / 550.0))
			}
		}
		verdict := ""
		if judged {
			verdict = "yes"
			if !met {
				verdict = "**no**"
				missed++
			}
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s | %s |\n", r.label, cells[0], cells[1], cells[2], r.target, growth, verdict)
	}
	fmt.Println()
	fmt.Println("Keystroke cells are median / worst in ms (Update + View at 120x40). Figures at one size only are at 5,538.")
	if missed > 0 {
		fmt.Printf("%d figure(s) miss their target: see bench/README.md for the causes.\n", missed)
	}
	return nil
}
