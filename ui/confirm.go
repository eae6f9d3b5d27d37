package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// confirmModel asks a yes/no question in the status line; yes carries out
// the action it holds.
type confirmModel struct {
	question string
	action   tea.Msg // sent to the root on yes
	back     mode    // mode to return to
}

func (c confirmModel) update(msg tea.KeyMsg, k *keyMap) (confirmModel, tea.Msg) {
	switch {
	case key.Matches(msg, k.Yes):
		return c, c.action
	case key.Matches(msg, k.No), msg.String() == "q":
		return c, cancelMsg{}
	}
	return c, nil
}

func (k keyMap) confirmHelp() helpFor {
	return helpFor{short: []key.Binding{k.Yes, k.No}}
}
