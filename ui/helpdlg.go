package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// fullHelp is every key of the list, over the body (?). ? or esc closes
// it; any other key closes it and does what it does on the list.
type fullHelp struct {
	keys *keyMap
	help help.Model
}

func (h fullHelp) Update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return h, nil
	}
	if key.Matches(k, h.keys.Help, h.keys.Back) && !key.Matches(k, h.keys.Quit) {
		return nil, nil
	}
	return closeWith(passKeyMsg{k}), nil
}

func (h fullHelp) placement() placement        { return inBody }
func (h fullHelp) View() string                { return h.help.FullHelpView(h.keys.listHelp().FullHelp()) }
func (h fullHelp) ShortHelp() []key.Binding    { return h.keys.listHelp().ShortHelp() }
func (h fullHelp) FullHelp() [][]key.Binding   { return h.keys.listHelp().FullHelp() }
func (h fullHelp) SetSize(width, _ int) dialog { h.help.Width = width; return h }
