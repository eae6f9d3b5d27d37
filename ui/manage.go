package ui

import (
	"slices"

	"zixuan/sectors/market"
	"zixuan/ui/common"
	"zixuan/ui/dialogs/columnsdlg"
	"zixuan/ui/dialogs/notes"
	"zixuan/ui/dialogs/sectorpick"
	"zixuan/ui/dialogs/sectorsdlg"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"
)

// Managing the watchlist from the list: the sectors dialog (S), 置顶 (p),
// the order within a sector (K/J), groups (+ and -), the columns (C) and
// searching the notes (N). Every write goes through the writer
// (writes.go); a write that changes more than the one ticker the writer
// reads back (the sectors, an order) patches the others in or reloads.

// What the dialogs of this file ask of the root, besides sectorsdlg.go's.
type (
	groupAddMsg struct {
		code   market.Code
		sector sectors.Sector
	}
)

// manageKey handles the list keys of this file; ok is false for others.
func (m Model) manageKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	k := m.keys
	w := m.t.Watch
	switch {
	case key.Matches(msg, k.Sectors):
		m.push(sectorsdlg.New(m.context(), m.data.sectors, m.data.sectorCounts(), m.tabs.activeID()))
		return m, nil, true
	case key.Matches(msg, k.Pin):
		tk, ok := m.selected()
		if !ok {
			return m, nil, true
		}
		label := tk.Code.Number + " " + common.DisplayName(tk.Name)
		pin := !tk.Pinned
		cmd := m.write(func(st *store.Store) (market.Code, string, error) {
			_, err := st.SetPinned(tk.Code, pin)
			if pin {
				return tk.Code, sprintf(w.Pinned, label), err
			}
			return tk.Code, sprintf(w.Unpinned, label), err
		}, nil, nil)
		return m, cmd, true
	case key.Matches(msg, k.OrderUp):
		return m.reorder(-1)
	case key.Matches(msg, k.OrderDown):
		return m.reorder(1)
	case key.Matches(msg, k.Group):
		tk, ok := m.selected()
		if !ok {
			return m, nil, true
		}
		var others []sectors.Sector
		for _, s := range m.data.sectors {
			if !tk.InSector(s.ID) {
				others = append(others, s)
			}
		}
		m.push(sectorpick.New(m.context(), tk.Code, tk.Code.Number+" "+common.DisplayName(tk.Name), "", others,
			w.GroupPrompt, func(s sectors.Sector) tea.Msg { return groupAddMsg{code: tk.Code, sector: s} }))
		return m, nil, true
	case key.Matches(msg, k.Ungroup):
		tk, ok := m.selected()
		if !ok {
			return m, nil, true
		}
		tab := m.tabs.activeID()
		if tab == "" {
			m.say("%s", w.UngroupAll)
			return m, nil, true
		}
		label := sectorLabel(m.data.sectors, m.t, tab)
		cmd := m.write(func(st *store.Store) (market.Code, string, error) {
			_, _, err := st.RemoveFromGroup(tk.Code, tab)
			return tk.Code, sprintf(w.Ungrouped, tk.Code.Number+" "+common.DisplayName(tk.Name), label), err
		}, nil, nil)
		return m, cmd, true
	case key.Matches(msg, k.Columns):
		m.push(columnsdlg.New(m.context(), m.list.columnIDs(m.opts.Columns), columnChoices(m.t)))
		return m, nil, true
	case key.Matches(msg, k.NoteSearch):
		d, cmd := notes.NewSearch(m.context(), m.data.tickers, m.opts.Location)
		m.push(d)
		return m, cmd, true
	}
	return m, nil, false
}

// sectorCounts is how many tickers each sector holds, group members
// included.
func (d *watchData) sectorCounts() map[string]int {
	n := make(map[string]int, len(d.sectors))
	for i := range d.tickers {
		t := &d.tickers[i]
		n[t.Sector]++
		for _, g := range t.Groups {
			n[g]++
		}
	}
	return n
}

// reorder moves the selected ticker by one place among the tickers of
// its sector (the tab's, or its home sector on All), pinned ones and the
// others each among themselves. The positions of the whole sector are
// written in one transaction, the first time making the shown order the
// user's.
func (m Model) reorder(by int) (tea.Model, tea.Cmd, bool) {
	w := m.t.Watch
	tk, ok := m.selected()
	if !ok {
		return m, nil, true
	}
	if m.view.markedSort().Column != "" { // any sort but the list's own (colsort.go)
		m.say("%s", w.OrderSortFirst)
		return m, nil, true
	}
	sec := m.tabs.activeID()
	if sec == "" {
		sec = tk.Sector
	}
	// the sector's tickers in the order they are shown on its tab
	var members []*sectors.Ticker
	for i := range m.data.tickers {
		if t := &m.data.tickers[i]; t.InSector(sec) {
			members = append(members, t)
		}
	}
	slices.SortStableFunc(members, tabOrder)
	at := slices.IndexFunc(members, func(t *sectors.Ticker) bool { return t.Code == tk.Code })
	to := at + by
	if at < 0 || to < 0 || to >= len(members) || members[to].Pinned != tk.Pinned {
		m.say(w.OrderEdge, tk.Code.Number)
		return m, nil, true
	}
	members[at], members[to] = members[to], members[at]
	codes := make([]market.Code, len(members))
	var changed []market.Code
	for i, t := range members {
		codes[i] = t.Code
		if t.Position != uint64(i+1) {
			changed = append(changed, t.Code)
		}
	}
	label := sectorLabel(m.data.sectors, m.t, sec)
	n := len(members)
	var got []sectors.Ticker // read back by the writer's goroutine
	cmd := m.write(func(st *store.Store) (market.Code, string, error) {
		if err := st.Reorder(codes); err != nil {
			return tk.Code, "", err
		}
		for _, c := range changed {
			if c == tk.Code {
				continue
			}
			if len(changed) > maxPatches+1 {
				got = append(got, sectors.Ticker{}) // loaded whole instead
				continue
			}
			if t, err := st.Get(c); err == nil {
				got = append(got, t)
			}
		}
		return tk.Code, sprintf(w.OrderAt, tk.Code.Number, to+1, n, label), nil
	}, func(m *Model, _ market.Code) tea.Cmd {
		if len(got) > maxPatches {
			// the first move in a large sector numbers all of it: one
			// load, off Update, is cheaper than patching each
			m.data.gen = 0 // not what the store holds: the load is applied
			return m.sync.load()
		}
		for _, t := range got {
			m.patchTicker(t, m.data.gen)
		}
		return nil
	}, nil)
	return m, cmd, true
}

// maxPatches is how many tickers one write patches in; more are loaded.
const maxPatches = 16

// tabOrder is the order of a sector tab: the user's (pinned, then by
// position), then by code, as the store sorts a sector's tickers.
func tabOrder(a, b *sectors.Ticker) int { return sectors.CompareInSector(a, b) }

// manageAct carries out what this file's dialogs asked for; ok is false
// for other messages.
func (m Model) manageAct(msg tea.Msg, from common.Dialog) (tea.Model, tea.Cmd, bool) {
	t, w := m.t, m.t.Watch
	reopen := func(m *Model) { m.push(from) }
	reload := func(m *Model, _ market.Code) tea.Cmd { return m.sync.load() }
	// undelete brings note id of code back and selects it
	undelete := func(code market.Code, id uint64) (tea.Model, tea.Cmd, bool) {
		cmd := m.write(func(st *store.Store) (market.Code, string, error) {
			return code, w.NoteUndeleted, st.UndeleteNote(code, id)
		}, func(m *Model, _ market.Code) tea.Cmd {
			if tk, ok := m.selected(); ok {
				m.det.keepNote(&tk, id)
			}
			return nil
		}, nil)
		return m, cmd, true
	}
	switch a := msg.(type) {
	case noteHistoryMsg:
		tk, ok := m.selected()
		if !ok {
			return m, nil, true
		}
		var sel sectors.Note
		if notes := tk.LiveNotes(); m.det.note < len(notes) {
			sel = notes[m.det.note]
		}
		m.push(notes.NewHistory(m.context(), tk, sel, m.opts.Location))
		return m, nil, true
	case undeleteLastMsg:
		tk, ok := m.selected()
		if !ok {
			return m, nil, true
		}
		del := notes.Deleted(tk)
		if len(del) == 0 {
			m.say("%s", w.NothingDeleted)
			return m, nil, true
		}
		return undelete(tk.Code, del[0].ID)
	case notes.UndeleteMsg:
		return undelete(a.Code, a.ID)
	case notes.JumpMsg:
		m.stack = nil // the search was over the list
		m.selectKey(a.Code.Key())
		if tk, ok := m.selected(); ok && tk.Code == a.Code {
			m.push(focusOn(m.keys, tk))
			m.det.reset()
			if tk, ok := m.selected(); ok {
				m.det.keepNote(&tk, a.ID)
			}
		}
		return m, nil, true
	case columnsdlg.SubmitMsg:
		m.list.setColumns(a.IDs)
		if m.opts.SaveColumns == nil {
			m.say("%s", w.ColumnsSaved)
			return m, nil, true
		}
		return m, m.write(saveColumns(m.opts.SaveColumns, m.t.Watch.ColumnsSaved, a.IDs), nil, nil), true
	case sectorsdlg.GoToTabMsg:
		if m.tabs.goTo(a.ID) {
			m.refilter(m.selectedKey())
		}
		return m, nil, true
	case sectorsdlg.AddMsg:
		var id string // set by the writer's goroutine, read after it is done
		cmd := m.write(func(st *store.Store) (market.Code, string, error) {
			sec, err := st.AddSector(a.Name, "")
			id = sec.ID
			return market.Code{}, sprintf(w.SectorAdded, t.SectorLabel(sec)), err
		}, func(m *Model, _ market.Code) tea.Cmd {
			m.wantTab = id // its tab, once it is loaded
			return m.sync.load()
		}, reopen)
		return m, cmd, true
	case sectorsdlg.RenameMsg:
		name, zh := a.Name, ""
		if !isASCII(a.Name) {
			name, zh = "", a.Name
		}
		old := t.SectorLabel(a.Sector)
		cmd := m.write(func(st *store.Store) (market.Code, string, error) {
			sec, err := st.RenameSector(a.Sector.ID, name, zh)
			return market.Code{}, sprintf(w.SectorRenamed, old, t.SectorLabel(sec)), err
		}, reload, reopen)
		return m, cmd, true
	case sectorsdlg.DeleteMsg:
		label := t.SectorLabel(a.Sector)
		cmd := m.write(func(st *store.Store) (market.Code, string, error) {
			_, err := st.DeleteSector(a.Sector.ID)
			return market.Code{}, sprintf(w.SectorDeleted, label), err
		}, reload, reopen)
		return m, cmd, true
	case groupAddMsg:
		cmd := m.write(func(st *store.Store) (market.Code, string, error) {
			_, added, err := st.AddToGroup(a.code, a.sector.ID)
			if err == nil && !added {
				return a.code, sprintf(w.GroupSame, a.code.Number, t.SectorLabel(a.sector)), nil
			}
			return a.code, sprintf(w.GroupAdded, a.code.Number, t.SectorLabel(a.sector)), err
		}, nil, reopen)
		return m, cmd, true
	}
	return m, nil, false
}

func isASCII(s string) bool {
	for _, r := range s {
		if r >= 0x80 {
			return false
		}
	}
	return true
}
