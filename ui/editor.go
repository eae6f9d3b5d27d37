package ui

import (
	"strings"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"

	"zixuan/ui/common"
)

// editorModel is the multi-line note editor: ctrl+s saves, esc cancels.
type editorModel struct {
	area  textarea.Model
	code  market.Code
	label string // ticker shown in the title, inert
	id    uint64 // note being edited; 0 for a new note
	orig  string // the text it opened with
	ask   bool   // esc on changed text: asking before it is thrown away

	keys   *common.KeyMap
	t      *common.Text
	styles *common.Styles
	width  int
}

// Actions the editor asks the root to carry out.
type (
	noteSubmitMsg struct {
		code market.Code
		id   uint64
		text string
	}
	cancelMsg struct{}
)

func newEditor(code market.Code, label string, id uint64, body string, width, height int, s *common.Styles) (editorModel, tea.Cmd) {
	a := textarea.New()
	a.SetStyles(s.Area)
	a.ShowLineNumbers = false
	// No length or line limit: a note written with `zixuan note` can be
	// any length, and opening it here must not cut it on save.
	a.CharLimit = 0
	a.MaxHeight = 0
	a.Prompt = ""
	a.SetWidth(width)
	a.SetHeight(height)
	a.SetValue(body)
	cmd := a.Focus()
	return editorModel{area: a, code: code, label: label, id: id, orig: body}, cmd
}

func (e editorModel) update(msg tea.KeyPressMsg, k *common.KeyMap) (editorModel, tea.Cmd, tea.Msg) {
	if e.ask { // "discard what you typed?"
		switch {
		case key.Matches(msg, k.Yes):
			return e, nil, cancelMsg{}
		case key.Matches(msg, k.No), key.Matches(msg, k.Cancel):
			e.ask = false
		}
		return e, nil, nil
	}
	if key.Matches(msg, k.ForceQuit) { // the root quits only when nothing is typed
		e.ask = true
		return e, nil, nil
	}
	switch {
	case key.Matches(msg, k.Save):
		text := strings.TrimRight(e.area.Value(), " \t\r\n")
		if strings.TrimSpace(text) == "" {
			return e, nil, cancelMsg{}
		}
		return e, nil, noteSubmitMsg{code: e.code, id: e.id, text: text}
	case key.Matches(msg, k.Cancel):
		if e.hasDraft() {
			e.ask = true // months of thinking are not thrown away by one key
			return e, nil, nil
		}
		return e, nil, cancelMsg{}
	}
	var cmd tea.Cmd
	e.area, cmd = e.area.Update(msg)
	return e, cmd, nil
}

// hasDraft reports whether closing the editor would throw typed text away.
func (e editorModel) hasDraft() bool {
	return strings.TrimSpace(e.area.Value()) != strings.TrimSpace(e.orig)
}

func (e editorModel) view(title string, s *common.Styles, t *common.Text) string {
	if e.ask {
		title = s.Error.Render(t.ConfirmDiscard)
	} else {
		title = s.Title.Render(title)
	}
	return title + "\n" + e.area.View()
}

// The editor as a dialog (dialog.go).

func (e editorModel) Update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok { // the cursor's blink
		var cmd tea.Cmd
		e.area, cmd = e.area.Update(msg)
		return e, cmd
	}
	e, cmd, act := e.update(k, e.keys)
	return answer(e, act), cmd
}

func (e editorModel) View() string {
	title := sprintf(e.t.NewNote, e.label)
	if e.id != 0 {
		title = sprintf(e.t.EditNote, e.label)
	}
	return e.view(safetext.Truncate(title, e.width), e.styles, e.t)
}

func (e editorModel) ShortHelp() []key.Binding {
	if e.ask {
		return e.keys.ConfirmHelp().ShortHelp()
	}
	return e.keys.EditorHelp().ShortHelp()
}

func (e editorModel) FullHelp() [][]key.Binding { return [][]key.Binding{e.ShortHelp()} }

func (e editorModel) SetSize(width, height int) dialog {
	e.width = width
	e.area.SetWidth(width)
	e.area.SetHeight(max(height-2, 3))
	return e
}

func (editorModel) writesStore() {}
