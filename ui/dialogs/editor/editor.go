package editor

import (
	"fmt"
	"strings"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"

	"zixuan/ui/common"
)

// Model is the editor of one note, new or kept.
type Model struct {
	common.Common

	area  textarea.Model
	code  market.Code
	label string // ticker shown in the title, inert
	id    uint64 // note being edited; 0 for a new note
	orig  string // the text it opened with
	ask   bool   // esc on changed text: asking before it is thrown away

}

// SubmitMsg asks the root to store the note: a new one when ID is 0.
type SubmitMsg struct {
	Code market.Code
	ID   uint64
	Text string
}

// New edits the note id of code (label: its code and name; 0 for a new
// note) holding body, in width x height cells.
func New(c common.Common, code market.Code, label string, id uint64, body string, width, height int) (Model, tea.Cmd) {
	s := c.Styles
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
	return Model{Common: c, area: a, code: code, label: label, id: id, orig: body}, cmd
}

func (e Model) update(msg tea.KeyPressMsg, k *common.KeyMap) (Model, tea.Cmd, tea.Msg) {
	if e.ask { // "discard what you typed?"
		switch {
		case key.Matches(msg, k.Yes):
			return e, nil, common.CancelMsg{}
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
			return e, nil, common.CancelMsg{}
		}
		return e, nil, SubmitMsg{Code: e.code, ID: e.id, Text: text}
	case key.Matches(msg, k.Cancel):
		if e.HasDraft() {
			e.ask = true // months of thinking are not thrown away by one key
			return e, nil, nil
		}
		return e, nil, common.CancelMsg{}
	}
	var cmd tea.Cmd
	e.area, cmd = e.area.Update(msg)
	return e, cmd, nil
}

// HasDraft reports whether closing the editor would throw typed text away.
func (e Model) HasDraft() bool {
	return strings.TrimSpace(e.area.Value()) != strings.TrimSpace(e.orig)
}

func (e Model) view(title string, s *common.Styles, t *common.Text) string {
	if e.ask {
		title = s.Error.Render(t.ConfirmDiscard)
	} else {
		title = s.Title.Render(title)
	}
	return title + "\n" + e.area.View()
}

// The editor as a dialog (common.Dialog).

func (e Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok { // the cursor's blink
		var cmd tea.Cmd
		e.area, cmd = e.area.Update(msg)
		return e, cmd
	}
	e, cmd, act := e.update(k, e.Keys)
	return common.Answer(e, act), cmd
}

// Input is the text typed (common.Inputter): a refusal of the save stays
// on the status line until the text changes.
func (e Model) Input() string { return e.area.Value() }

func (e Model) View() string {
	title := fmt.Sprintf(e.T.NewNote, e.label)
	if e.id != 0 {
		title = fmt.Sprintf(e.T.EditNote, e.label)
	}
	return e.view(safetext.Truncate(title, e.Width), e.Styles, e.T)
}

func (e Model) ShortHelp() []key.Binding {
	if e.ask {
		return e.Keys.ConfirmHelp().ShortHelp()
	}
	return e.Keys.EditorHelp().ShortHelp()
}

func (e Model) FullHelp() [][]key.Binding { return [][]key.Binding{e.ShortHelp()} }

func (e Model) SetSize(width, height int) common.Dialog {
	e.Common.SetSize(width, height)
	e.area.SetWidth(width)
	e.area.SetHeight(max(height-2, 3))
	return e
}

func (Model) WritesStore() {}

// Text is the text in the editor now.
func (e Model) Text() string { return e.area.Value() }
