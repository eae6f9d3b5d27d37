package sectorpick

import (
	"fmt"
	"strconv"
	"strings"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/store"

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
	// create (WithNew) answers for a sector typed in, to be made with
	// the action; naming says its name is being typed
	create func(name string) tea.Msg
	naming bool
	name   textinput.Model
	notice common.Notice // why the name typed was refused
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

// WithNew lets the picker take a new sector's name (English or Chinese,
// as the sectors dialog takes one): create is the answer for it, given
// once the name is one a new sector may have among the sectors listed.
func (m Model) WithNew(create func(name string) tea.Msg) Model {
	m.create = create
	m.name = common.NewInput(m.Styles)
	m.name.Prompt = "> "
	m.name.Placeholder = m.T.Watch.SectorNew
	m.name.CharLimit = 60 // longer than a sector may be: refused in words, not cut
	return m
}

// Input is the choice, or the name being typed (common.Inputter).
func (m Model) Input() string {
	if m.naming {
		return "new:" + m.name.Value()
	}
	return strconv.Itoa(m.choice)
}

// named reads the keys while a new sector's name is typed.
func (m Model) named(msg tea.Msg, k *common.KeyMap) (Model, tea.Cmd, tea.Msg) {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, k.Cancel):
			m.naming = false
			m.name.Blur()
			m.notice.Track(m.Input())
			return m, nil, nil
		case key.Matches(msg, k.Confirm):
			name := m.name.Value()
			if err := store.CheckNewSector(m.sectors, name, ""); err != nil {
				m.notice.Say(safetext.Line(m.T.StoreError(err)), m.Input())
				return m, nil, nil
			}
			return m, nil, m.create(strings.TrimSpace(name))
		}
	}
	var cmd tea.Cmd
	m.name, cmd = m.name.Update(msg)
	m.notice.Track(m.Input())
	return m, cmd, nil
}

func (m Model) update(msg tea.KeyPressMsg, k *common.KeyMap) (Model, tea.Cmd, tea.Msg) {
	if m.naming {
		return m.named(msg, k)
	}
	switch {
	case m.create != nil && key.Matches(msg, k.New):
		m.naming = true
		m.name.SetValue("")
		return m, m.name.Focus(), nil
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
	if m.naming {
		lines = append(lines, s.Prompt.Render(safetext.Truncate(fmt.Sprintf(t.Wizard.NewSector, m.label), width)))
		m.name.SetWidth(max(width-4, 10))
		lines = append(lines, m.name.View())
		if n := m.notice.Text(); n != "" {
			lines = append(lines, s.Error.Render(safetext.Truncate(n, width)))
		}
		return strings.Join(lines, "\n")
	}
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
		if m.naming { // pasted text, the cursor's blink
			m, cmd, _ := m.named(msg, m.Keys)
			return m, cmd
		}
		return m, nil
	}
	m, cmd, act := m.update(k, m.Keys)
	return common.Answer(m, act), cmd
}

func (m Model) View() string { return m.view(m.T, m.Styles, m.Width, m.Height) }
func (m Model) ShortHelp() []key.Binding {
	k := m.Keys
	switch {
	case m.naming:
		return []key.Binding{k.Confirm, k.Cancel}
	case m.create != nil:
		return []key.Binding{k.Confirm, k.NewSector, k.Up, k.Down, k.Dismiss}
	}
	return k.MoverHelp().ShortHelp()
}
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
func (m Model) SetSize(width, height int) common.Dialog {
	m.Common.SetSize(width, height)
	return m
}

func (Model) WritesStore() {}
