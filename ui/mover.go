package ui

import (
	"strings"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// moverModel picks the sector to move a ticker to.
type moverModel struct {
	code    market.Code
	label   string
	sectors []sectors.Sector
	choice  int
	// prompt ("Move %s to") and submit (the answer for the sector chosen)
	// make it the sector picker of another action: adding from the All
	// tab, adding to a group; nil is a move.
	prompt string
	submit func(sectors.Sector) tea.Msg

	keys          *common.KeyMap
	t             *common.Text
	styles        *common.Styles
	width, height int
}

type moveSubmitMsg struct {
	code   market.Code
	sector sectors.Sector
}

func newMover(code market.Code, label, current string, list []sectors.Sector) moverModel {
	m := moverModel{code: code, label: label, sectors: list}
	for i, s := range list {
		if s.ID == current {
			m.choice = i
		}
	}
	return m
}

func (m moverModel) update(msg tea.KeyPressMsg, k *common.KeyMap) (moverModel, tea.Cmd, tea.Msg) {
	switch {
	case key.Matches(msg, k.Dismiss):
		return m, nil, common.CancelMsg{}
	case key.Matches(msg, k.Confirm):
		if m.choice < len(m.sectors) {
			if m.submit != nil {
				return m, nil, m.submit(m.sectors[m.choice])
			}
			return m, nil, moveSubmitMsg{code: m.code, sector: m.sectors[m.choice]}
		}
	case key.Matches(msg, k.Top):
		m.choice = 0
	case key.Matches(msg, k.Bottom):
		m.choice = len(m.sectors) - 1
	case key.Matches(msg, k.Up):
		if m.choice > 0 {
			m.choice--
		}
	case key.Matches(msg, k.Down):
		if m.choice < len(m.sectors)-1 {
			m.choice++
		}
	}
	return m, nil, nil
}

func (m moverModel) view(t *common.Text, s *common.Styles, width, height int) string {
	prompt := t.MovePrompt
	if m.prompt != "" {
		prompt = m.prompt
	}
	lines := []string{s.Title.Render(safetext.Truncate(sprintf(prompt, m.label), width))}
	room := max(height-1, 1)
	first := 0
	if m.choice >= room {
		first = m.choice - room + 1
	}
	for i := first; i < len(m.sectors) && i < first+room; i++ {
		label := safetext.Truncate(t.SectorLabel(m.sectors[i]), width-2)
		if i == m.choice {
			lines = append(lines, s.Selected.Render("> "+label))
		} else {
			lines = append(lines, "  "+label)
		}
	}
	return strings.Join(lines, "\n")
}

// The sector picker as a dialog (dialog.go).

func (m moverModel) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	m, cmd, act := m.update(k, m.keys)
	return common.Answer(m, act), cmd
}

func (m moverModel) View() string              { return m.view(m.t, m.styles, m.width, m.height) }
func (m moverModel) ShortHelp() []key.Binding  { return m.keys.MoverHelp().ShortHelp() }
func (m moverModel) FullHelp() [][]key.Binding { return m.keys.MoverHelp().FullHelp() }
func (m moverModel) SetSize(width, height int) common.Dialog {
	m.width, m.height = width, height
	return m
}

func (moverModel) WritesStore() {}
