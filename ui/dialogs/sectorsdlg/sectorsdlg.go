package sectorsdlg

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/store"

	"zixuan/ui/common"
)

// Model is the dialog.
type Model struct {
	common.Common

	list    []sectors.Sector
	counts  map[string]int
	choice  int
	mode    int // sectorsList, sectorsNew, sectorsRename, sectorsDelete
	input   textinput.Model
	refused common.Notice // why the last key was refused (a full sector's d, a name no sector may have)
}

const (
	sectorsList = iota
	sectorsNew
	sectorsRename
	sectorsDelete
)

// What the sectors dialog asks of the root.
type (
	AddMsg    struct{ Name string } // a new sector named Name
	RenameMsg struct {
		Sector sectors.Sector
		Name   string
	}
	DeleteMsg  struct{ Sector sectors.Sector }
	GoToTabMsg struct{ ID string } // show the sector's tab
)

// New lists the sectors with their counts (by id), current chosen.
func New(c common.Common, list []sectors.Sector, counts map[string]int, current string) Model {
	d := Model{Common: c, list: list, counts: counts}
	for i, s := range list {
		if s.ID == current {
			d.choice = i
		}
	}
	d.input = common.NewInput(c.Styles)
	d.input.Prompt = "> "
	d.input.CharLimit = 40
	return d
}

func (d Model) selected() (sectors.Sector, bool) {
	if d.choice < 0 || d.choice >= len(d.list) {
		return sectors.Sector{}, false
	}
	return d.list[d.choice], true
}

func (d Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	next, cmd := d.update(msg)
	if n, ok := next.(Model); ok {
		n.refused.Track(n.Input()) // said once, until a key changes what it was about
		return n, cmd
	}
	return next, cmd
}

// Input is the mode, the sector chosen and the name typed
// (common.Inputter).
func (d Model) Input() string { return fmt.Sprint(d.mode, " ", d.choice, " ", d.input.Value()) }

func (d Model) update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if d.mode == sectorsNew || d.mode == sectorsRename {
			var cmd tea.Cmd
			d.input, cmd = d.input.Update(msg)
			return d, cmd
		}
		return d, nil
	}
	keys := d.Keys
	switch d.mode {
	case sectorsNew, sectorsRename:
		switch {
		case key.Matches(k, keys.Cancel):
			d.mode = sectorsList
			d.input.Blur()
			return d, nil
		case key.Matches(k, keys.Confirm):
			name := strings.TrimSpace(d.input.Value())
			if d.mode == sectorsNew {
				// refused here as the store would refuse it, the add
				// wizard's new sector alike
				if err := store.CheckNewSector(d.list, name, ""); err != nil {
					d.refused.Say(safetext.Line(d.T.StoreError(err)), d.Input())
					return d, nil
				}
				return common.CloseWith(AddMsg{Name: name}), nil
			}
			if name == "" {
				return d, nil
			}
			sec, _ := d.selected()
			return common.CloseWith(RenameMsg{Sector: sec, Name: name}), nil
		}
		var cmd tea.Cmd
		d.input, cmd = d.input.Update(k)
		return d, cmd
	case sectorsDelete:
		switch {
		case key.Matches(k, keys.Yes):
			sec, _ := d.selected()
			return common.CloseWith(DeleteMsg{Sector: sec}), nil
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
		d.input.CharLimit = 60 // past a sector's 40: a name too long is refused in words, not cut
		d.input.Placeholder = d.T.Watch.SectorNew
		return d, d.input.Focus()
	case key.Matches(k, keys.Rename):
		if sec, ok := d.selected(); ok {
			d.mode = sectorsRename
			d.input.CharLimit = 40
			d.input.SetValue(sec.Label(d.T.ZH))
			d.input.CursorEnd()
			return d, d.input.Focus()
		}
	case key.Matches(k, keys.DeleteItem):
		sec, ok := d.selected()
		switch {
		case !ok:
		case d.counts[sec.ID] > 0:
			// the store refuses to delete a sector that holds tickers:
			// say so now rather than ask a question whose yes fails
			d.refused.Say(fmt.Sprintf(d.T.Watch.SectorStillHolds, d.T.SectorLabel(sec), d.counts[sec.ID]), d.Input())
		default:
			d.mode = sectorsDelete
		}
	case key.Matches(k, keys.Confirm):
		if sec, ok := d.selected(); ok {
			return common.CloseWith(GoToTabMsg{ID: sec.ID}), nil
		}
	}
	return d, nil
}

func (d Model) View() string {
	s, w := d.Styles, d.T.Watch
	lines := []string{s.Title.Render(safetext.Truncate(w.SectorsTitle, d.Width))}
	room := max(d.Height-3, 1)
	first := 0
	if d.choice >= room {
		first = d.choice - room + 1
	}
	for i := first; i < len(d.list) && i < first+room; i++ {
		n := fmt.Sprintf(w.SectorCount, d.counts[d.list[i].ID])
		label := safetext.Truncate(d.T.SectorLabel(d.list[i]), max(d.Width-2-safetext.Width(n)-1, 4))
		line := safetext.Fit(label, max(d.Width-2-safetext.Width(n), 1)) + n
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
		lines = append(lines, s.Prompt.Render(safetext.Truncate(w.SectorNew, d.Width)))
	case sectorsRename:
		lines = append(lines, s.Prompt.Render(safetext.Truncate(fmt.Sprintf(w.SectorRename, d.T.SectorLabel(sec)), d.Width)))
	case sectorsDelete:
		lines = append(lines, s.Error.Render(safetext.Truncate(fmt.Sprintf(w.ConfirmSectorDelete, d.T.SectorLabel(sec)), d.Width)))
	}
	if d.mode == sectorsNew || d.mode == sectorsRename {
		d.input.SetWidth(max(d.Width-4, 10))
		lines = append(lines, d.input.View())
	}
	if r := d.refused.Text(); r != "" {
		lines = append(lines, s.Error.Render(safetext.Truncate(r, d.Width)))
	}
	return strings.Join(lines, "\n")
}

func (d Model) ShortHelp() []key.Binding {
	k := d.Keys
	switch d.mode {
	case sectorsNew, sectorsRename:
		return []key.Binding{k.Confirm, k.Cancel}
	case sectorsDelete:
		return []key.Binding{k.Yes, k.Decline}
	}
	return []key.Binding{k.Up, k.Down, k.New, k.Rename, k.DeleteItem, k.GoToSector, k.Dismiss}
}

func (d Model) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
func (d Model) SetSize(width, height int) common.Dialog {
	d.Common.SetSize(width, height)
	return d
}

// Type types v into the name being asked for (a new sector, a rename).
func (d Model) Type(v string) Model {
	d.input.SetValue(v)
	return d
}
