package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/ui/common"
)

// confirmModel asks a yes/no question in the status line; yes carries out
// the action it holds.
type confirmModel struct {
	question string
	action   tea.Msg // sent to the root on yes

	keys   *common.KeyMap
	styles *common.Styles
}

func (c confirmModel) update(msg tea.KeyPressMsg, k *common.KeyMap) (confirmModel, tea.Msg) {
	switch {
	case key.Matches(msg, k.Yes):
		return c, c.action
	case key.Matches(msg, k.Decline):
		return c, cancelMsg{}
	}
	return c, nil
}

// The question as a dialog (dialog.go), drawn in the status line over
// what it asks about.

func (c confirmModel) Update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return c, nil
	}
	c, act := c.update(k, c.keys)
	return answer(c, act), nil
}

func (c confirmModel) placement() placement      { return inStatusLine }
func (c confirmModel) View() string              { return c.styles.Error.Render(c.question) }
func (c confirmModel) ShortHelp() []key.Binding  { return []key.Binding{c.keys.Yes, c.keys.Decline} }
func (c confirmModel) FullHelp() [][]key.Binding { return [][]key.Binding{c.ShortHelp()} }
func (c confirmModel) SetSize(int, int) dialog   { return c }

func (confirmModel) writesStore() {}
