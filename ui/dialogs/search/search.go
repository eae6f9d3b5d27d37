package search

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/ui/common"
)

// Model is the search line.
type Model struct {
	common.Common
	input textinput.Model
}

// What the search line asks of the root.
type (
	TypedMsg   struct{ Query string }    // filter by the query as typed now
	ClearedMsg struct{}                  // esc: no filter
	MoveMsg    struct{ Rows, Pages int } // move the list's cursor
)

// New opens the line holding query.
func New(c common.Common, query string) (Model, tea.Cmd) {
	in := common.NewInput(c.Styles)
	in.Prompt = "/"
	in.CharLimit = 40
	in.SetValue(query)
	in.CursorEnd()
	cmd := in.Focus()
	return Model{Common: c, input: in}, cmd
}

func (s Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok: // pasted text, the cursor's blink
	case key.Matches(k, s.Keys.Cancel):
		return common.CloseWith(ClearedMsg{}), nil
	case key.Matches(k, s.Keys.Keep):
		return nil, nil
	case key.Matches(k, s.Keys.SearchUp):
		return common.Tell(s, MoveMsg{Rows: -1}), nil
	case key.Matches(k, s.Keys.SearchDown):
		return common.Tell(s, MoveMsg{Rows: 1}), nil
	case key.Matches(k, s.Keys.SearchPageUp):
		return common.Tell(s, MoveMsg{Pages: -1}), nil
	case key.Matches(k, s.Keys.SearchPageDown):
		return common.Tell(s, MoveMsg{Pages: 1}), nil
	}
	// typed or pasted, the text filters as it changes
	before := s.input.Value()
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if v := s.input.Value(); v != before {
		return common.Tell(s, TypedMsg{v}), cmd
	}
	return s, cmd
}

func (s Model) Placement() common.Placement { return common.InStatusLine }
func (s Model) View() string                { return s.input.View() }
func (s Model) ShortHelp() []key.Binding {
	return []key.Binding{s.Keys.Keep, s.Keys.Cancel}
}
func (s Model) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
func (s Model) SetSize(width, height int) common.Dialog {
	s.Common.SetSize(width, height)
	s.input.SetWidth(max(width-4, 10))
	return s
}

// ViewIn draws the line with its input width cells wide.
func (s Model) ViewIn(width int) string {
	s.input.SetWidth(width)
	return s.input.View()
}
