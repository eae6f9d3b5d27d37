package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"zixuan/sectors"
)

// Actions confirmed in a dialog, carried out by the root.
type (
	removeMsg struct {
		code  sectors.Code
		label string
	}
	deleteNoteMsg struct {
		code sectors.Code
		id   uint64
	}
)

// act carries out what a pane asked for. Store writes happen here,
// synchronously, the moment the user confirms: a note saved with ctrl+s is
// on disk before the next key (even q) is read.
func (m Model) act(act tea.Msg, back mode, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	if act == nil {
		return m, cmd
	}
	dialog := m.mode
	m.mode = back
	var err error
	switch a := act.(type) {
	case cancelMsg:
		return m, cmd
	case noteSubmitMsg:
		if a.id == 0 {
			_, err = m.st.AddNote(a.code, a.text)
		} else {
			err = m.st.EditNote(a.code, a.id, a.text)
		}
		if err == nil {
			m.say("%s", m.t.NoteSaved)
		}
	case deleteNoteMsg:
		if err = m.st.DeleteNote(a.code, a.id); err == nil {
			m.say("%s", m.t.NoteDeleted)
		}
	case rateSubmitMsg:
		var changed bool
		changed, err = m.st.SetRating(a.code, a.rating, sectors.SourceUser, a.reason)
		if err == nil && changed {
			m.say(m.t.RatingSet, m.t.rating(a.rating))
		} else if err == nil {
			m.say("%s", m.t.RatingSame)
		}
	case addSubmitMsg:
		if m.wizard.onList[a.sec.Code.Key()] {
			m.selectKey(a.sec.Code.Key())
			m.say("%s %s: %s", a.sec.Code.Number, displayName(a.sec.Name), m.t.OnList)
			return m, cmd
		}
		if _, err = m.st.AddTicker(a.sec.Code, a.sec.Name, a.sector, sectors.Unrated, sectors.SourceUser); err == nil {
			m.patchFromStore(a.sec.Code)
			m.selectKey(a.sec.Code.Key())
			m.say(m.t.Added, a.sec.Code.Number+" "+displayName(a.sec.Name), m.sectorLabel(a.sector))
			if m.quotesOn() && !m.qs.loading {
				// its price now, not at the next refresh (Monday, on a weekend)
				cmd = tea.Batch(cmd, m.fetchQuotesCmd())
			}
		}
	case moveSubmitMsg:
		if err = m.st.MoveTicker(a.code, a.sector.ID); err == nil {
			m.say(m.t.Moved, a.code.Number, m.t.sector(a.sector))
		}
	case removeMsg:
		if err = m.st.RemoveTicker(a.code); err == nil {
			m.say(m.t.Removed, a.code.Number+" "+a.label)
		}
	}
	if err != nil {
		m.fail(err)
		switch act.(type) {
		case noteSubmitMsg, rateSubmitMsg, moveSubmitMsg, addSubmitMsg:
			// The write failed (the file busy, a full disk, the note deleted
			// elsewhere): keep the dialog and what was typed in it, so the
			// user can try again or copy it out.
			m.mode = dialog
			return m, cmd
		}
		return m, cmd // nothing changed: nothing to show; others' changes come with the poll
	}
	switch a := act.(type) {
	case noteSubmitMsg:
		m.patchFromStore(a.code)
	case deleteNoteMsg:
		m.patchFromStore(a.code)
	case rateSubmitMsg:
		m.patchFromStore(a.code)
		cmd = tea.Batch(cmd, m.fetchRefsCmd()) // the new rating may need its reference close
	case moveSubmitMsg:
		m.patchFromStore(a.code)
	case removeMsg:
		m.patchFromStore(a.code)
	}
	return m, cmd
}

// patchFromStore reads back the one ticker a write of ours changed and
// patches it into the loaded data (patch.go); the whole store is loaded
// again only when that read fails.
func (m *Model) patchFromStore(code sectors.Code) {
	tk, gen, err := m.st.GetWithGen(code)
	if err != nil {
		m.reload()
		return
	}
	m.patchTicker(tk, gen)
}

// undoRemove restores the last removed ticker.
func (m *Model) undoRemove() {
	code, ok, err := m.st.LastRemoved()
	switch {
	case err != nil:
		m.fail(err)
		return
	case !ok:
		m.say("%s", m.t.NothingUndo)
		return
	}
	if err := m.st.RestoreTicker(code); err != nil {
		m.fail(err)
		return
	}
	m.patchFromStore(code)
	m.selectKey(code.Key())
	m.say(m.t.Restored, code.Number)
}

// selectKey moves the cursor to the ticker with key k. When the tab, the
// rating filter or the search hides it (a ticker just added or brought
// back), they are cleared first: the next key (r, n) must act on the
// ticker the user just chose, not on whatever row the cursor was on.
func (m *Model) selectKey(k string) {
	if m.trySelect(k) {
		return
	}
	m.tabs.active = 0
	m.view.ratings = [7]bool{}
	m.view.query = ""
	m.query.SetValue("")
	m.refilter(k)
	m.trySelect(k)
}

func (m *Model) trySelect(k string) bool {
	for i, r := range m.view.rows {
		if m.data.tickers[r].Code.Key() == k {
			m.list.cursor = i
			m.list.clamp()
			return true
		}
	}
	return false
}
