package exportdlg

import (
	"errors"
	"fmt"
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

	"zixuan/ui/common"
)

// Model is the dialog. On the format row left/right choose the format;
// up/down (tab) move between the format and the file name; the file name's
// extension follows the format, typed or not, and the full path it will
// be written to is shown under it.
type Model struct {
	common.Common

	formats   []export.Format
	choice    int
	onPath    bool // the file name has the keys (else the format row)
	path      textinput.Model
	dir       string
	now       time.Time
	edited    bool // the user typed a path: keep it when the format changes
	overwrite bool // asking whether to overwrite
	n         int  // tickers in the view

}

// SubmitMsg asks the root to write the view in Format to Path; Force
// overwrites a file there.
type SubmitMsg struct {
	Format export.Format
	Path   string
	Force  bool
}

// New exports the n tickers in view, suggesting a file in dir named for
// the day now.
func New(c common.Common, dir string, now time.Time, n int) (Model, tea.Cmd) {
	t, s := c.T, c.Styles
	e := Model{Common: c, formats: export.Formats(), dir: dir, now: now, n: n}
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
func (e *Model) followFormat(from export.Format) {
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

func (e *Model) chooseFormat(by int) {
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

func (e *Model) format() export.Format {
	if e.choice < len(e.formats) {
		return e.formats[e.choice]
	}
	return export.CSV
}

func (e *Model) setDefaultPath() {
	name := export.DefaultFileName(e.format(), e.now)
	if e.dir != "" {
		name = filepath.Join(e.dir, name)
	}
	e.path.SetValue(name)
	e.path.CursorEnd()
}

// target is the file the user asked for, ~/ read as the home folder; a
// name typed without an extension gets the format's, as the other tools
// that open it expect (a name with one is kept as typed).
func (e Model) target() string {
	p := common.ExpandHome(strings.TrimSpace(e.path.Value()))
	if p != "" && !strings.HasSuffix(p, string(filepath.Separator)) && filepath.Ext(p) == "" {
		p += "." + extOf(e.format())
	}
	return p
}

func (e Model) update(msg tea.KeyPressMsg, k *common.KeyMap) (Model, tea.Cmd, tea.Msg) {
	if e.overwrite {
		switch {
		case key.Matches(msg, k.Yes):
			return e, nil, SubmitMsg{Format: e.format(), Path: e.target(), Force: true}
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
			return e, nil, SubmitMsg{Format: e.format(), Path: p} // the write reports it
		}
		return e, nil, SubmitMsg{Format: e.format(), Path: p}
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

func (e Model) view(t *common.Text, s *common.Styles, width int) string {
	lines := []string{s.Title.Render(safetext.Truncate(fmt.Sprintf(t.ExportPrompt, e.n), width))}
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
		lines = append(lines, "  "+e.path.Prompt+safetext.Truncate(safetext.Line(e.path.Value()), max(width-safetext.Width(e.path.Prompt)-2, 4)))
	}
	// the full path, as it will be written (the folder in front of a bare name)
	full := e.target()
	if abs, err := filepath.Abs(full); err == nil && full != "" {
		full = abs
	}
	lines = append(lines, s.Dim.Render(safetext.Truncate("  → "+safetext.Line(full), width)))
	if e.overwrite {
		lines = append(lines, s.Error.Render(safetext.Truncate(fmt.Sprintf(t.ConfirmOverwrite, safetext.Line(full)), width)))
	}
	return strings.Join(lines, "\n")
}

// The export dialog as a dialog (common.Dialog).

func (e Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
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
	e, cmd, act := e.update(k, e.Keys)
	return common.Answer(e, act), cmd
}

func (e Model) View() string { return e.view(e.T, e.Styles, e.Width) }
func (e Model) ShortHelp() []key.Binding {
	if e.overwrite { // the question's own keys
		return []key.Binding{e.Keys.Yes, e.Keys.No}
	}
	if e.onPath {
		return []key.Binding{e.Keys.Choose, e.Keys.Confirm, e.Keys.Cancel}
	}
	return e.Keys.ExportHelp().ShortHelp()
}
func (e Model) FullHelp() [][]key.Binding { return e.Keys.ExportHelp().FullHelp() }
func (e Model) SetSize(width, height int) common.Dialog {
	e.Common.SetSize(width, height)
	return e
}

// Path is the file name as typed (or suggested).
func (e Model) Path() string { return e.path.Value() }

// SetPath types path as the file name.
func (e Model) SetPath(path string) Model {
	e.path.SetValue(path)
	e.edited = true
	return e
}

// Overwriting reports whether the dialog asks before overwriting a file.
func (e Model) Overwriting() bool { return e.overwrite }
