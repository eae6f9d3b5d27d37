package ui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/export"
	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// exportModel asks for a format and a path, and for confirmation before
// it overwrites a file. On the format row left/right choose the format;
// up/down (tab) move between the format and the file name; the file name's
// extension follows the format, typed or not, and the full path it will
// be written to is shown under it.
type exportModel struct {
	formats   []export.Format
	choice    int
	onPath    bool // the file name has the keys (else the format row)
	path      textinput.Model
	dir       string
	now       time.Time
	edited    bool // the user typed a path: keep it when the format changes
	overwrite bool // asking whether to overwrite
	n         int  // tickers in the view

	keys   *common.KeyMap
	t      *common.Text
	styles *common.Styles
	width  int
}

type exportSubmitMsg struct {
	format export.Format
	path   string
	force  bool
}

func newExport(dir string, now time.Time, n int, t *common.Text, s *common.Styles) (exportModel, tea.Cmd) {
	e := exportModel{formats: export.Formats(), dir: dir, now: now, n: n}
	e.path = common.NewInput(s)
	e.path.Prompt = t.ExportPath + t.Colon
	e.path.CharLimit = 1024
	e.setDefaultPath()
	return e, nil
}

// extOf is the extension a format's files get: csv, blk, codes.txt…
func extOf(f export.Format) string {
	_, ext, _ := strings.Cut(export.DefaultFileName(f, time.Time{}), ".")
	return ext
}

// followFormat gives the typed file name the format's extension in place
// of another format's (or adds it).
func (e *exportModel) followFormat(from export.Format) {
	p := e.path.Value()
	old, ext := "."+extOf(from), "."+extOf(e.format())
	switch {
	case strings.HasSuffix(p, old):
		p = strings.TrimSuffix(p, old) + ext
	case strings.TrimSpace(p) != "" && !strings.HasSuffix(p, ext):
		p += ext
	}
	e.path.SetValue(p)
	e.path.CursorEnd()
}

func (e *exportModel) chooseFormat(by int) {
	n := len(e.formats)
	if n == 0 {
		return
	}
	from := e.format()
	e.choice = (e.choice + by + n) % n
	if e.edited {
		e.followFormat(from)
	} else {
		e.setDefaultPath()
	}
}

func (e *exportModel) format() export.Format {
	if e.choice < len(e.formats) {
		return e.formats[e.choice]
	}
	return export.CSV
}

func (e *exportModel) setDefaultPath() {
	name := export.DefaultFileName(e.format(), e.now)
	if e.dir != "" {
		name = filepath.Join(e.dir, name)
	}
	e.path.SetValue(name)
	e.path.CursorEnd()
}

// target is the file the user asked for, ~/ read as the home folder.
func (e exportModel) target() string {
	return expandHome(strings.TrimSpace(e.path.Value()))
}

func (e exportModel) update(msg tea.KeyPressMsg, k *common.KeyMap) (exportModel, tea.Cmd, tea.Msg) {
	if e.overwrite {
		switch {
		case key.Matches(msg, k.Yes):
			return e, nil, exportSubmitMsg{format: e.format(), path: e.target(), force: true}
		case key.Matches(msg, k.No):
			e.overwrite = false
		}
		return e, nil, nil
	}
	n := len(e.formats)
	switch {
	case key.Matches(msg, k.Cancel):
		return e, nil, common.CancelMsg{}
	case key.Matches(msg, k.Confirm):
		p := e.target()
		if p == "" || n == 0 {
			return e, nil, nil
		}
		if _, err := os.Stat(p); err == nil {
			e.overwrite = true
			return e, nil, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return e, nil, exportSubmitMsg{format: e.format(), path: p} // the write reports it
		}
		return e, nil, exportSubmitMsg{format: e.format(), path: p}
	case key.Matches(msg, k.ChoosePrev), key.Matches(msg, k.ChooseNext):
		e.onPath = !e.onPath
		if e.onPath {
			return e, e.path.Focus(), nil
		}
		e.path.Blur()
		return e, nil, nil
	case !e.onPath && key.Matches(msg, k.FormatPrev):
		e.chooseFormat(-1)
		return e, nil, nil
	case !e.onPath && key.Matches(msg, k.FormatNext):
		e.chooseFormat(1)
		return e, nil, nil
	case !e.onPath:
		return e, nil, nil // the format row takes no text
	}
	before := e.path.Value()
	var cmd tea.Cmd
	e.path, cmd = e.path.Update(msg)
	if e.path.Value() != before {
		e.edited = true
	}
	return e, cmd, nil
}

func (e exportModel) view(t *common.Text, s *common.Styles, width int) string {
	lines := []string{s.Title.Render(safetext.Truncate(sprintf(t.ExportPrompt, e.n), width))}
	var fm strings.Builder
	mark := "  "
	if !e.onPath {
		mark = "> "
	}
	fm.WriteString(mark + t.Format + t.Colon)
	for i, f := range e.formats {
		if i == e.choice {
			fm.WriteString(" " + s.Selected.Render("["+string(f)+"]"))
		} else {
			fm.WriteString("  " + string(f) + " ")
		}
	}
	lines = append(lines, safetext.Truncate(fm.String(), width))
	e.path.SetWidth(max(width-safetext.Width(e.path.Prompt)-4, 10))
	if e.onPath {
		lines = append(lines, "> "+e.path.View())
	} else {
		lines = append(lines, "  "+e.path.Prompt+safetext.Truncate(safeLine(e.path.Value()), max(width-safetext.Width(e.path.Prompt)-2, 4)))
	}
	// the full path, as it will be written (the folder in front of a bare name)
	full := e.target()
	if abs, err := filepath.Abs(full); err == nil && full != "" {
		full = abs
	}
	lines = append(lines, s.Dim.Render(safetext.Truncate("  → "+safeLine(full), width)))
	if e.overwrite {
		lines = append(lines, s.Error.Render(safetext.Truncate(sprintf(t.ConfirmOverwrite, safeLine(full)), width)))
	}
	return strings.Join(lines, "\n")
}

// expandHome reads a leading ~/ as the home folder, as a shell would.
func expandHome(path string) string {
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return path
}

// exportPrices is what the UI holds of the exported tickers' prices (the
// last quote round, the stored reference closes), for the formats that
// show them; nothing is fetched for an export. The entries are copied
// here, on the UI goroutine, because a refresh may merge into the maps
// while the export is written. nil when the UI holds neither (quotes off,
// or nothing has arrived yet): the export is then as without prices.
func exportPrices(f export.Format, tickers []sectors.Ticker, quotes map[string]sectors.Quote, refs map[string][]sectors.RefPrice) *export.Prices {
	if !export.PriceFormats(f) || (len(quotes) == 0 && len(refs) == 0) {
		return nil
	}
	p := &export.Prices{Quotes: map[string]sectors.Quote{}, Refs: map[string][]sectors.RefPrice{}}
	for _, t := range tickers {
		key := t.Code.Key()
		if q, ok := quotes[key]; ok {
			p.Quotes[key] = q
		}
		if r, ok := refs[key]; ok {
			p.Refs[key] = append([]sectors.RefPrice(nil), r...)
		}
	}
	return p
}

// exportCmd writes the file off the UI goroutine.
func exportCmd(sub exportSubmitMsg, tickers []sectors.Ticker, opts export.Options) tea.Cmd {
	return func() tea.Msg {
		path := sub.path
		err := export.WriteFile(path, sub.format, tickers, opts, sub.force)
		if abs, aerr := filepath.Abs(path); aerr == nil {
			path = abs // say exactly where the file went
		}
		return exportDoneMsg{path: path, n: len(tickers), err: err}
	}
}

// The export dialog as a dialog (dialog.go).

func (e exportModel) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok { // pasted text (a path typed by hand), the cursor's blink
		before := e.path.Value()
		var cmd tea.Cmd
		e.path, cmd = e.path.Update(msg)
		if e.path.Value() != before {
			e.edited = true
		}
		return e, cmd
	}
	e, cmd, act := e.update(k, e.keys)
	return common.Answer(e, act), cmd
}

func (e exportModel) View() string { return e.view(e.t, e.styles, e.width) }
func (e exportModel) ShortHelp() []key.Binding {
	if e.overwrite { // the question's own keys
		return []key.Binding{e.keys.Yes, e.keys.No}
	}
	if e.onPath {
		return []key.Binding{e.keys.Choose, e.keys.Confirm, e.keys.Cancel}
	}
	return e.keys.ExportHelp().ShortHelp()
}
func (e exportModel) FullHelp() [][]key.Binding          { return e.keys.ExportHelp().FullHelp() }
func (e exportModel) SetSize(width, _ int) common.Dialog { e.width = width; return e }
