package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"zixuan/export"
	"zixuan/safetext"
	"zixuan/sectors"
)

// updateList handles keys on the main list.
func (m Model) updateList(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := &m.keys
	if m.help.ShowAll && !key.Matches(msg, k.Quit) {
		m.help.ShowAll = false // any key closes the full help
		if key.Matches(msg, k.Help, k.Back) {
			return m, nil
		}
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.help.ShowAll = true
	case key.Matches(msg, k.Refresh):
		return m.refreshNow()
	case key.Matches(msg, k.Cancel):
		if m.view.query != "" { // esc on the list clears a kept search too
			m.view.query = ""
			m.query.SetValue("")
			m.refilter(m.selectedKey())
		}
	case key.Matches(msg, k.Up):
		m.list.move(-1)
		m.det.reset()
	case key.Matches(msg, k.Down):
		m.list.move(1)
		m.det.reset()
	case key.Matches(msg, k.Top):
		m.list.top()
		m.det.reset()
	case key.Matches(msg, k.Bottom):
		m.list.bottom()
		m.det.reset()
	case key.Matches(msg, k.PageUp):
		m.list.page(-1)
		m.det.reset()
	case key.Matches(msg, k.PageDown):
		m.list.page(1)
		m.det.reset()
	case key.Matches(msg, k.NextTab):
		m.tabs.next()
		m.refilter(m.selectedKey())
	case key.Matches(msg, k.PrevTab):
		m.tabs.prev()
		m.refilter(m.selectedKey())
	case key.Matches(msg, k.Ratings):
		r := sectors.Ratings[msg.Runes[0]-'1']
		m.view.ratings[r] = !m.view.ratings[r]
		m.refilter(m.selectedKey())
	case key.Matches(msg, k.ClearRatings):
		m.view.ratings = [7]bool{}
		m.refilter(m.selectedKey())
	case key.Matches(msg, k.Search):
		m.mode = modeSearch
		m.query.SetValue(m.view.query)
		m.query.CursorEnd()
		return m, m.query.Focus()
	case key.Matches(msg, k.Sort):
		m.view.sortBy = (m.view.sortBy + 1) % sortCount
		m.refilter(m.selectedKey())
		m.say("%s: %s", m.t.SortBy, m.t.SortNames[m.view.sortBy])
	case key.Matches(msg, k.Detail):
		if _, ok := m.selected(); ok {
			m.mode = modeDetail
			m.det.reset()
		}
	case key.Matches(msg, k.Note):
		return m.openEditor(0, "")
	case key.Matches(msg, k.Rate):
		return m.openPicker()
	case key.Matches(msg, k.Add):
		return m.openWizard()
	case key.Matches(msg, k.Move):
		if tk, ok := m.selected(); ok {
			m.mover = newMover(tk.Code, tk.Code.Number+" "+displayName(tk.Name), tk.Sector, m.data.sectors)
			m.mode = modeMove
		}
	case key.Matches(msg, k.Remove):
		if tk, ok := m.selected(); ok {
			m.confirm = confirmModel{
				question: sprintf(m.t.ConfirmRemove, tk.Code.Number, displayName(tk.Name)),
				action:   removeMsg{code: tk.Code, label: displayName(tk.Name)},
				back:     modeList,
			}
			m.mode = modeConfirm
		}
	case key.Matches(msg, k.Undo):
		return m, m.undoRemove()
	case key.Matches(msg, k.Export):
		var cmd tea.Cmd
		m.exporter, cmd = newExport(m.opts.Dir, m.opts.Now(), len(m.view.rows), m.t)
		m.mode = modeExport
		return m, cmd
	}
	return m, nil
}

// updateSearch filters live as the user types; enter keeps the filter,
// esc clears it.
func (m Model) updateSearch(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.query.Blur()
		m.query.SetValue("")
		m.view.query = ""
		m.mode = modeList
		m.refilter(m.selectedKey())
		return m, nil
	case "enter":
		m.query.Blur()
		m.mode = modeList
		return m, nil
	case "up", "down", "pgup", "pgdown":
		dirs := map[string]int{"up": -1, "down": 1, "pgup": -m.list.height, "pgdown": m.list.height}
		m.list.move(dirs[msg.String()])
		return m, nil
	}
	var cmd tea.Cmd
	m.query, cmd = m.query.Update(msg)
	if v := m.query.Value(); v != m.view.query {
		m.view.query = v
		m.refilter("")
		m.list.top()
	}
	return m, cmd
}

// updateDetail handles keys while the detail pane has focus.
func (m Model) updateDetail(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := &m.keys
	tk, ok := m.selected()
	if !ok {
		m.mode = modeList
		return m, nil
	}
	notes := tk.LiveNotes()
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Help):
		m.mode = modeList
	case key.Matches(msg, k.Up):
		if len(notes) == 0 {
			m.det.offset = max(m.det.offset-1, 0)
		} else if m.det.note > 0 {
			m.det.note--
			m.det.scroll = 0
		}
	case key.Matches(msg, k.Down):
		if len(notes) == 0 {
			m.det.offset++
		} else if m.det.note < len(notes)-1 {
			m.det.note++
			m.det.scroll = 0
		}
	case key.Matches(msg, k.PageDown):
		m.det.scroll += max(m.bodyHeight()/2, 3)
	case key.Matches(msg, k.PageUp):
		m.det.scroll -= max(m.bodyHeight()/2, 3)
	case key.Matches(msg, k.Note):
		return m.openEditor(0, "")
	case key.Matches(msg, k.Rate):
		return m.openPicker()
	case key.Matches(msg, k.EditNote):
		if m.det.note < len(notes) {
			n := notes[m.det.note]
			return m.openEditor(n.ID, n.Text)
		}
	case key.Matches(msg, k.DeleteNote):
		if m.det.note < len(notes) {
			n := notes[m.det.note]
			first := safetext.Truncate(safeLine(safetext.FirstLine(n.Text)), 24)
			m.confirm = confirmModel{
				question: sprintf(m.t.ConfirmDelete, n.Created.In(m.opts.Location).Format("2006-01-02 15:04"), first),
				action:   deleteNoteMsg{code: tk.Code, id: n.ID},
				back:     modeDetail,
			}
			m.mode = modeConfirm
		}
	}
	return m, nil
}

func (m Model) openEditor(id uint64, body string) (tea.Model, tea.Cmd) {
	tk, ok := m.selected()
	if !ok {
		return m, nil
	}
	w, h := m.dialogSize()
	var cmd tea.Cmd
	m.editor, cmd = newEditor(tk.Code, tk.Code.Number+" "+displayName(tk.Name), id, body, w, max(h-2, 3))
	m.editor.back = m.mode
	m.mode = modeEditor
	return m, cmd
}

func (m Model) openPicker() (tea.Model, tea.Cmd) {
	tk, ok := m.selected()
	if !ok {
		return m, nil
	}
	var cmd tea.Cmd
	m.picker, cmd = newPicker(tk.Code, tk.Code.Number+" "+displayName(tk.Name), tk.Rating, m.t)
	m.picker.back = m.mode
	m.mode = modePicker
	return m, cmd
}

// addSector is where the add wizard puts a ticker: the tab's sector, or on
// All the selected ticker's sector, or the first.
func (m *Model) addSector() string {
	if id := m.tabs.activeID(); id != "" {
		return id
	}
	if tk, ok := m.selected(); ok {
		return tk.Sector
	}
	if len(m.data.sectors) > 0 {
		return m.data.sectors[0].ID
	}
	return ""
}

func (m Model) openWizard() (tea.Model, tea.Cmd) {
	on := make(map[string]bool, len(m.data.tickers))
	for _, t := range m.data.tickers {
		on[t.Code.Key()] = true
	}
	var cmd tea.Cmd
	m.wizard, cmd = newWizard(m.addSector(), on, m.t)
	m.mode = modeWizard
	return m, cmd
}

func (m Model) updateEditor(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var act tea.Msg
	m.editor, cmd, act = m.editor.update(msg, &m.keys)
	return m.act(act, m.editor.back, cmd)
}

func (m Model) updatePicker(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var act tea.Msg
	m.picker, cmd, act = m.picker.update(msg, &m.keys)
	return m.act(act, m.picker.back, cmd)
}

func (m Model) updateWizard(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var act tea.Msg
	m.wizard, cmd, act = m.wizard.update(msg, &m.keys)
	return m.act(act, modeList, cmd)
}

func (m Model) updateMove(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var act tea.Msg
	m.mover, cmd, act = m.mover.update(msg, &m.keys)
	return m.act(act, modeList, cmd)
}

func (m Model) updateExport(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var act tea.Msg
	m.exporter, cmd, act = m.exporter.update(msg, &m.keys)
	if sub, ok := act.(exportSubmitMsg); ok {
		m.mode = modeList
		m.say("%s", m.t.Exporting)
		tickers := m.visible()
		opts := export.Options{BOM: sub.format == export.CSV, Source: m.data.source, Sectors: m.data.sectors, Now: m.opts.Now,
			Prices: exportPrices(sub.format, tickers, m.qs.quotes, m.qs.refs)}
		return m, exportCmd(sub, tickers, opts)
	}
	return m.act(act, modeList, cmd)
}

func (m Model) updateConfirm(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var act tea.Msg
	m.confirm, act = m.confirm.update(msg, &m.keys)
	return m.act(act, m.confirm.back, nil)
}
