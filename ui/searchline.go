package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/ui/common"
)

// searchLine is the / search in the status line: the list filters live as
// the user types; enter keeps the filter, esc clears it; the arrows move
// the list meanwhile (letters are the query).
type searchLine struct {
	input textinput.Model
	keys  *common.KeyMap
}

// What the search line asks of the root.
type (
	searchTypedMsg   struct{ query string } // filter by the query as typed now
	searchClearedMsg struct{}               // esc: no filter
	listMoveMsg      struct{ rows, pages int }
)

func newSearchLine(query string, keys *common.KeyMap, s *common.Styles) (searchLine, tea.Cmd) {
	in := common.NewInput(s)
	in.Prompt = "/"
	in.CharLimit = 40
	in.SetValue(query)
	in.CursorEnd()
	cmd := in.Focus()
	return searchLine{input: in, keys: keys}, cmd
}

func (s searchLine) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok: // pasted text, the cursor's blink
	case key.Matches(k, s.keys.Cancel):
		return common.CloseWith(searchClearedMsg{}), nil
	case key.Matches(k, s.keys.Keep):
		return nil, nil
	case key.Matches(k, s.keys.SearchUp):
		return common.Tell(s, listMoveMsg{rows: -1}), nil
	case key.Matches(k, s.keys.SearchDown):
		return common.Tell(s, listMoveMsg{rows: 1}), nil
	case key.Matches(k, s.keys.SearchPageUp):
		return common.Tell(s, listMoveMsg{pages: -1}), nil
	case key.Matches(k, s.keys.SearchPageDown):
		return common.Tell(s, listMoveMsg{pages: 1}), nil
	}
	// typed or pasted, the text filters as it changes
	before := s.input.Value()
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if v := s.input.Value(); v != before {
		return common.Tell(s, searchTypedMsg{v}), cmd
	}
	return s, cmd
}

func (s searchLine) Placement() common.Placement { return common.InStatusLine }
func (s searchLine) View() string                { return s.input.View() }
func (s searchLine) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Keep, s.keys.Cancel}
}
func (s searchLine) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
func (s searchLine) SetSize(width, _ int) common.Dialog {
	s.input.SetWidth(max(width-4, 10))
	return s
}
