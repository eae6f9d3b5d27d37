package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zixuan/sectors"
	"zixuan/ui"
)

func TestTUIColumnsAndViewPersist(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "zixuan", "config.toml")
	// no file yet: the key makes one, which reads back
	if err := setConfigKey(path, "columns", quotedList([]string{"last", "note"})); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(path)
	if err != nil || !slices.Equal(cfg.Columns, []string{"last", "note"}) {
		t.Fatalf("read back %v %v", cfg.Columns, err)
	}
	// the user's other lines, a multi-line array and comments are kept
	os.WriteFile(path, []byte("# mine\nlang = \"zh\"\ncolumns = [\n  \"board\",\n  \"note\",\n]\nremember_view = true\n"), 0o644)
	if err := setConfigKey(path, "columns", quotedList([]string{"changed", "pe"})); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "# mine\nlang = \"zh\"\ncolumns = [\"changed\", \"pe\"]\nremember_view = true\n") {
		t.Errorf("file now:\n%s", data)
	}
	cfg, err = LoadConfig(path)
	if err != nil || !slices.Equal(cfg.Columns, []string{"changed", "pe"}) || cfg.Lang != "zh" || !cfg.RememberView {
		t.Fatalf("read back %+v %v", cfg, err)
	}
	// remember_view: what SaveView writes is the next start's view
	a := &App{cfg: cfg}
	var opts ui.Options
	a.tuiSettings(&opts)
	if opts.SaveView == nil || opts.SaveColumns == nil || !slices.Equal(opts.Columns, []string{"changed", "pe"}) {
		t.Fatalf("options %+v", opts)
	}
	if err := opts.SaveView("rating", []sectors.Rating{sectors.Buy, sectors.Sell}); err != nil {
		t.Fatal(err)
	}
	var next ui.Options
	a.tuiSettings(&next)
	if next.Sort != "rating" || !slices.Equal(next.RatingFilter, []sectors.Rating{sectors.Buy, sectors.Sell}) {
		t.Errorf("next start: sort %q filter %v", next.Sort, next.RatingFilter)
	}
	// without remember_view the config's own sort is used, and nothing is saved
	cfg.RememberView, cfg.Sort = false, "code"
	var plain ui.Options
	a.tuiSettings(&plain)
	if plain.Sort != "code" || plain.SaveView != nil {
		t.Errorf("without remember_view: %q %v", plain.Sort, plain.SaveView != nil)
	}
}

// A config file that is a link (dotfiles kept in a repository) is
// rewritten where it points: the link stays a link, the file its mode.
func TestConfigKeyWrittenThroughALink(t *testing.T) {
	dotfiles, home := t.TempDir(), t.TempDir()
	real := filepath.Join(dotfiles, "config.toml")
	if err := os.WriteFile(real, []byte("lang = \"en\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(real, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(home, "config.toml")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := setConfigKey(link, "columns", `["code", "name"]`); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v %v", fi.Mode(), err)
	}
	data, err := os.ReadFile(real)
	if err != nil || !strings.Contains(string(data), "columns") || !strings.Contains(string(data), `lang = "en"`) {
		t.Fatalf("the linked file holds %q (%v)", data, err)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
}

// The sort key takes column sorts as list --sort does, named by the
// column's id; the s key's orders are kept as they are.
func TestConfigSortTakesColumnSorts(t *testing.T) {
	cases := map[string]string{
		"涨跌幅:desc": "change_pct:desc", "CHG%": "change_pct", "pnl_pct:desc": "pnl_pct:desc",
		"market_cap:asc": "cap", "name-reverse": "name-reverse", "changed": "changed", "rating": "rating",
	}
	for in, want := range cases {
		path := filepath.Join(t.TempDir(), "config.toml")
		os.WriteFile(path, []byte("sort = \""+in+"\"\n"), 0o644)
		cfg, err := LoadConfig(path)
		if err != nil || cfg.Sort != want {
			t.Errorf("sort = %q: %q %v, want %q", in, cfg.Sort, err, want)
		}
	}
	// remembered: what the TUI saves at quit is the next start's sort
	path := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(path, []byte("remember_view = true\nsort = \"code\"\n"), 0o644)
	cfg, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	a := &App{cfg: cfg}
	var opts ui.Options
	a.tuiSettings(&opts)
	if err := opts.SaveView("change_pct:desc", nil); err != nil {
		t.Fatal(err)
	}
	var next ui.Options
	a.tuiSettings(&next)
	if next.Sort != "change_pct:desc" {
		t.Errorf("next start: sort %q", next.Sort)
	}
}
