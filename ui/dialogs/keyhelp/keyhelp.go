package keyhelp

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/ui/common"
)

// Model is the full help.
type Model struct {
	common.Common
	help help.Model
	of   help.KeyMap // whose keys: the list's, or the detail pane's
}

// New is the full help of the list's keys, drawn by h (its separators and
// styles).
func New(c common.Common, h help.Model) Model { return For(c, h, c.Keys.ListHelp()) }

// For is the full help of the keys of, drawn by h.
func For(c common.Common, h help.Model, of help.KeyMap) Model {
	return Model{Common: c, help: h, of: of}
}

func (h Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return h, nil
	}
	if key.Matches(k, h.Keys.Help, h.Keys.Back) && !key.Matches(k, h.Keys.Quit) {
		return nil, nil
	}
	return common.CloseWith(common.PassKeyMsg{Key: k}), nil
}

func (h Model) Placement() common.Placement { return common.InBody }

// View puts the groups of keys side by side as far as they fit in the
// width, and the rest below, so that no key is cut off on a narrow screen.
func (h Model) View() string {
	groups := h.of.FullHelp()
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
	if lines+len(blocks)-1 <= h.Height || h.Height == 0 {
		sep = "\n\n" // a blank line between the blocks while there is room
	}
	return strings.Join(blocks, sep)
}
func (h Model) ShortHelp() []key.Binding  { return h.of.ShortHelp() }
func (h Model) FullHelp() [][]key.Binding { return h.of.FullHelp() }
func (h Model) SetSize(width, height int) common.Dialog {
	h.help.SetWidth(width)
	h.Common.SetSize(width, height)
	return h
}
