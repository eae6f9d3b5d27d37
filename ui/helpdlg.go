package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/ui/common"
)

// fullHelp is every key of the list, over the body (?). ? or esc closes
// it; any other key closes it and does what it does on the list.
type fullHelp struct {
	keys   *common.KeyMap
	help   help.Model
	height int
}

func (h fullHelp) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return h, nil
	}
	if key.Matches(k, h.keys.Help, h.keys.Back) && !key.Matches(k, h.keys.Quit) {
		return nil, nil
	}
	return common.CloseWith(passKeyMsg{k}), nil
}

func (h fullHelp) Placement() common.Placement { return common.InBody }

// View puts the groups of keys side by side as far as they fit in the
// width, and the rest below, so that no key is cut off on a narrow screen.
func (h fullHelp) View() string {
	groups := h.keys.ListHelp().FullHelp()
	wide := h.help
	wide.SetWidth(0) // measured uncut
	var blocks []string
	lines := 0
	for start := 0; start < len(groups); {
		n := len(groups) - start
		for n > 1 && lipgloss.Width(wide.FullHelpView(groups[start:start+n])) > h.help.Width() {
			n--
		}
		b := h.help.FullHelpView(groups[start : start+n])
		blocks = append(blocks, b)
		lines += lipgloss.Height(b)
		start += n
	}
	sep := "\n"
	if lines+len(blocks)-1 <= h.height || h.height == 0 {
		sep = "\n\n" // a blank line between the blocks while there is room
	}
	return strings.Join(blocks, sep)
}
func (h fullHelp) ShortHelp() []key.Binding  { return h.keys.ListHelp().ShortHelp() }
func (h fullHelp) FullHelp() [][]key.Binding { return h.keys.ListHelp().FullHelp() }
func (h fullHelp) SetSize(width, height int) common.Dialog {
	h.help.SetWidth(width)
	h.height = height
	return h
}
