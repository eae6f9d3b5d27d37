package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/natefinch/atomic"

	"zixuan/sectors"
	"zixuan/ui"
)

// What the TUI keeps between runs: the columns chosen in its C dialog go
// into the config file's columns key (the one line rewritten, the rest of
// the file as it was); with remember_view the sort and the rating filter
// at quit go into view.json beside the config file.

// tuiSettings fills the TUI's options from the config in force.
func (a *App) tuiSettings(opts *ui.Options) {
	cfg := a.Config()
	if cfg == nil {
		return
	}
	opts.Columns = cfg.Columns
	opts.Sort, opts.RatingFilter = cfg.Sort, cfg.RatingFilter
	opts.TodayStaleDays = cfg.TodayStaleDays
	path := cfg.Path
	if path != "" {
		opts.SaveColumns = func(ids []string) error { return setConfigKey(path, "columns", quotedList(ids)) }
	}
	if cfg.RememberView && path != "" {
		vp := viewPath(path)
		if v, err := readView(vp); err == nil {
			opts.Sort, opts.RatingFilter = v.sort()
		}
		opts.SaveView = func(sort string, rs []sectors.Rating) error { return writeView(vp, sort, rs) }
	}
}

// viewPath is view.json in the config file's folder.
func viewPath(configPath string) string { return filepath.Join(filepath.Dir(configPath), "view.json") }

type savedView struct {
	Sort    string   `json:"sort"`
	Ratings []string `json:"rating_filter"`
}

func (v savedView) sort() (string, []sectors.Rating) {
	var rs []sectors.Rating
	for _, id := range v.Ratings {
		if r, err := sectors.ParseRating(id); err == nil {
			rs = append(rs, r)
		}
	}
	return v.Sort, rs
}

func readView(path string) (savedView, error) {
	var v savedView
	data, err := os.ReadFile(path)
	if err != nil {
		return v, err
	}
	return v, json.Unmarshal(data, &v)
}

func writeView(path, sort string, rs []sectors.Rating) error {
	v := savedView{Sort: sort, Ratings: []string{}}
	for _, r := range rs {
		v.Ratings = append(v.Ratings, r.ID())
	}
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(data, '\n'))
}

// setConfigKey sets key = value in the TOML file at path: the key's line
// (with the lines of a multi-line array) replaced, or the line added at
// the end; the file and its folder are made when missing.
func setConfigKey(path, key, value string) error {
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(data) == 0 {
		lines = nil
	}
	line := key + " = " + value
	out := make([]string, 0, len(lines)+1)
	done := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		name, rest, ok := strings.Cut(strings.TrimSpace(l), "=")
		if !ok || strings.TrimSpace(name) != key || done || strings.HasPrefix(strings.TrimSpace(l), "[") {
			out = append(out, l)
			continue
		}
		// a multi-line array: skip to its closing bracket
		if v := strings.TrimSpace(rest); strings.HasPrefix(v, "[") && !strings.Contains(v, "]") {
			for i+1 < len(lines) && !strings.Contains(lines[i], "]") {
				i++
			}
		}
		out = append(out, line)
		done = true
	}
	if !done {
		// before any table, so the key stays at the top level
		at := len(out)
		for i, l := range out {
			if strings.HasPrefix(strings.TrimSpace(l), "[") {
				at = i
				break
			}
		}
		out = append(out[:at:at], append([]string{line}, out[at:]...)...)
	}
	return writeFileAtomic(path, []byte(strings.Join(out, "\n")+"\n"))
}

// writeFileAtomic replaces the config file through a synced temporary
// file in its folder: a crash leaves the old file or the new one. A config
// that is a link (dotfiles kept elsewhere) is written where it points, so
// the link stays a link; the file keeps its mode.
func writeFileAtomic(path string, data []byte) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomic.WriteFile(path, bytes.NewReader(data))
}
