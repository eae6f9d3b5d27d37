package confirm

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/ui/common"
)

// Model is the question.
type Model struct {
	common.Common
	Question string
	Action   tea.Msg // handed to the root on yes
}

// New asks question; yes hands action to the root.
func New(c common.Common, question string, action tea.Msg) Model {
	return Model{Common: c, Question: question, Action: action}
}

// Update answers the question on y or n (esc, q).
func (c Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return c, nil
	}
	switch {
	case key.Matches(k, c.Keys.Yes):
		return common.CloseWith(c.Action), nil
	case key.Matches(k, c.Keys.Decline):
		return nil, nil
	}
	return c, nil
}

// Placement puts the question in the status line.
func (c Model) Placement() common.Placement { return common.InStatusLine }

func (c Model) View() string              { return c.Styles.Error.Render(c.Question) }
func (c Model) ShortHelp() []key.Binding  { return []key.Binding{c.Keys.Yes, c.Keys.Decline} }
func (c Model) FullHelp() [][]key.Binding { return [][]key.Binding{c.ShortHelp()} }

// SetSize keeps the question as it is: the status line is one line.
func (c Model) SetSize(w, h int) common.Dialog { c.Common.SetSize(w, h); return c }

// WritesStore: a yes may write (a removal, a deletion).
func (Model) WritesStore() {}
