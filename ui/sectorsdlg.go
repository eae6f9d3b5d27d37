package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// sectorsModel manages the sectors (S): a list of them with their counts;
// a (or n) names a new one, r renames the selected one, d deletes it
// (after a yes), enter goes to its tab. The writes are the root's
// (manage.go), through the writer.
type sectorsModel struct {
	list   []sectors.Sector
	counts map[string]int
	choice int
	mode   int // sectorsList, sectorsNew, sectorsRename, sectorsDelete
	input  textinput.Model

	keys          *common.KeyMap
	t             *common.Text
	styles        *common.Styles
	width, height int
}

const (
	sectorsList = iota
	sectorsNew
	sectorsRename
	sectorsDelete
)

// What the sectors dialog asks of the root.
type (
	sectorAddMsg    struct{ name string }
	sectorRenameMsg struct {
		sector sectors.Sector
		name   string
	}
	sectorDeleteMsg struct{ sector sectors.Sector }
	gotoTabMsg      struct{ id string }
)

func newSectorsDialog(list []sectors.Sector, counts map[string]int, current string, s *common.Styles) sectorsModel {
	d := sectorsModel{list: list, counts: counts}
	for i, s := range list {
		if s.ID == current {
			d.choice = i
		}
	}
	d.input = common.NewInput(s)
	d.input.Prompt = "> "
	d.input.CharLimit = 40
	return d
}

func (d sectorsModel) selected() (sectors.Sector, bool) {
	if d.choice < 0 || d.choice >= len(d.list) {
		return sectors.Sector{}, false
	}
	return d.list[d.choice], true
}

func (d sectorsModel) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if d.mode == sectorsNew || d.mode == sectorsRename {
			var cmd tea.Cmd
			d.input, cmd = d.input.Update(msg)
			return d, cmd
		}
		return d, nil
	}
	keys := d.keys
	switch d.mode {
	case sectorsNew, sectorsRename:
		switch {
		case key.Matches(k, keys.Cancel):
			d.mode = sectorsList
			d.input.Blur()
			return d, nil
		case key.Matches(k, keys.Confirm):
			name := strings.TrimSpace(d.input.Value())
			if name == "" {
				return d, nil
			}
			if d.mode == sectorsNew {
				return common.CloseWith(sectorAddMsg{name: name}), nil
			}
			sec, _ := d.selected()
			return common.CloseWith(sectorRenameMsg{sector: sec, name: name}), nil
		}
		var cmd tea.Cmd
		d.input, cmd = d.input.Update(k)
		return d, cmd
	case sectorsDelete:
		switch {
		case key.Matches(k, keys.Yes):
			sec, _ := d.selected()
			return common.CloseWith(sectorDeleteMsg{sector: sec}), nil
		case key.Matches(k, keys.Decline):
			d.mode = sectorsList
		}
		return d, nil
	}
	switch {
	case key.Matches(k, keys.Dismiss):
		return nil, nil
	case key.Matches(k, keys.Up):
		d.choice = max(d.choice-1, 0)
	case key.Matches(k, keys.Down):
		d.choice = min(d.choice+1, len(d.list)-1)
	case key.Matches(k, keys.Top):
		d.choice = 0
	case key.Matches(k, keys.Bottom):
		d.choice = len(d.list) - 1
	case key.Matches(k, keys.New):
		d.mode = sectorsNew
		d.input.SetValue("")
		d.input.Placeholder = d.t.Watch.SectorNew
		return d, d.input.Focus()
	case key.Matches(k, keys.Rename):
		if sec, ok := d.selected(); ok {
			d.mode = sectorsRename
			d.input.SetValue(sec.Label(d.t.ZH))
			d.input.CursorEnd()
			return d, d.input.Focus()
		}
	case key.Matches(k, keys.DeleteItem):
		if _, ok := d.selected(); ok {
			d.mode = sectorsDelete
		}
	case key.Matches(k, keys.Confirm):
		if sec, ok := d.selected(); ok {
			return common.CloseWith(gotoTabMsg{id: sec.ID}), nil
		}
	}
	return d, nil
}

func (d sectorsModel) View() string {
	s, w := d.styles, d.t.Watch
	lines := []string{s.Title.Render(safetext.Truncate(w.SectorsTitle, d.width))}
	room := max(d.height-3, 1)
	first := 0
	if d.choice >= room {
		first = d.choice - room + 1
	}
	for i := first; i < len(d.list) && i < first+room; i++ {
		n := sprintf(w.SectorCount, d.counts[d.list[i].ID])
		label := safetext.Truncate(d.t.SectorLabel(d.list[i]), max(d.width-2-safetext.Width(n)-1, 4))
		line := safetext.Fit(label, max(d.width-2-safetext.Width(n), 1)) + n
		if i == d.choice {
			lines = append(lines, s.Selected.Render("> "+line))
		} else {
			lines = append(lines, "  "+line)
		}
	}
	lines = append(lines, "")
	sec, _ := d.selected()
	switch d.mode {
	case sectorsNew:
		lines = append(lines, s.Prompt.Render(safetext.Truncate(w.SectorNew, d.width)))
	case sectorsRename:
		lines = append(lines, s.Prompt.Render(safetext.Truncate(sprintf(w.SectorRename, d.t.SectorLabel(sec)), d.width)))
	case sectorsDelete:
		lines = append(lines, s.Error.Render(safetext.Truncate(sprintf(w.ConfirmSectorDelete, d.t.SectorLabel(sec)), d.width)))
	}
	if d.mode == sectorsNew || d.mode == sectorsRename {
		d.input.SetWidth(max(d.width-4, 10))
		lines = append(lines, d.input.View())
	}
	return strings.Join(lines, "\n")
}

func (d sectorsModel) ShortHelp() []key.Binding {
	k := d.keys
	switch d.mode {
	case sectorsNew, sectorsRename:
		return []key.Binding{k.Confirm, k.Cancel}
	case sectorsDelete:
		return []key.Binding{k.Yes, k.Decline}
	}
	return []key.Binding{k.Up, k.Down, k.New, k.Rename, k.DeleteItem, k.GoToSector, k.Dismiss}
}

func (d sectorsModel) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
func (d sectorsModel) SetSize(width, height int) common.Dialog {
	d.width, d.height = width, height
	return d
}
