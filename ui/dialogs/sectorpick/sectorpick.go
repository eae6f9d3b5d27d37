package sectorpick

import (
	"fmt"
	"strings"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// Model is the picker.
type Model struct {
	common.Common

	code    market.Code
	label   string
	sectors []sectors.Sector
	choice  int
	// prompt ("Move %s to") and submit (the answer for the sector chosen)
	// make it the sector picker of another action: adding from the All
	// tab, adding to a group; nil is a move.
	prompt string
	submit func(sectors.Sector) tea.Msg
}

// MoveMsg asks the root to move Code to Sector.
type MoveMsg struct {
	Code   market.Code
	Sector sectors.Sector
}

// New picks one of list for code (label: its code and name), current
// first chosen. prompt ("Move %s to", "" for that) and submit (the
// answer for the sector chosen, nil for a MoveMsg) make it the picker of
// another action.
func New(c common.Common, code market.Code, label, current string, list []sectors.Sector, prompt string, submit func(sectors.Sector) tea.Msg) Model {
	m := Model{Common: c, code: code, label: label, sectors: list, prompt: prompt, submit: submit}
	for i, s := range list {
		if s.ID == current {
			m.choice = i
		}
	}
	return m
}

func (m Model) update(msg tea.KeyPressMsg, k *common.KeyMap) (Model, tea.Cmd, tea.Msg) {
	switch {
	case key.Matches(msg, k.Dismiss):
		return m, nil, common.CancelMsg{}
	case key.Matches(msg, k.Confirm):
		if m.choice < len(m.sectors) {
			if m.submit != nil {
				return m, nil, m.submit(m.sectors[m.choice])
			}
			return m, nil, MoveMsg{Code: m.code, Sector: m.sectors[m.choice]}
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

func (m Model) view(t *common.Text, s *common.Styles, width, height int) string {
	prompt := t.MovePrompt
	if m.prompt != "" {
		prompt = m.prompt
	}
	lines := []string{s.Title.Render(safetext.Truncate(fmt.Sprintf(prompt, m.label), width))}
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

// The sector picker as a dialog (common.Dialog).

func (m Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	m, cmd, act := m.update(k, m.Keys)
	return common.Answer(m, act), cmd
}

func (m Model) View() string              { return m.view(m.T, m.Styles, m.Width, m.Height) }
func (m Model) ShortHelp() []key.Binding  { return m.Keys.MoverHelp().ShortHelp() }
func (m Model) FullHelp() [][]key.Binding { return m.Keys.MoverHelp().FullHelp() }
func (m Model) SetSize(width, height int) common.Dialog {
	m.Common.SetSize(width, height)
	return m
}

func (Model) WritesStore() {}
