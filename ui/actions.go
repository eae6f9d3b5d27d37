package ui

import (
	"errors"

	"zixuan/sectors/market"
	"zixuan/ui/common"
	"zixuan/ui/dialogs/editor"
	"zixuan/ui/dialogs/picker"
	"zixuan/ui/dialogs/sectorpick"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"
)

// Actions confirmed in a dialog, carried out by the root.
type (
	removeMsg struct {
		code  market.Code
		label string
	}
	deleteNoteMsg struct {
		code market.Code
		id   uint64
	}
	undoRemoveMsg struct{}
)

// act carries out the write a dialog asked for. A store write is queued the
// moment the user confirms it and runs off the Update path (writes.go);
// its result patches the changed ticker in.
func (m Model) act(act tea.Msg, from common.Dialog) (tea.Model, tea.Cmd) {
	t := m.t
	// reopen brings the dialog back when its write fails (the file busy, a
	// full disk, the note deleted elsewhere), with what was typed in it,
	// so the user can try again or copy it out.
	reopen := func(m *Model) { m.push(from) }
	var write tea.Cmd
	switch a := act.(type) {
	case editor.SubmitMsg:
		write = m.write(func(st *store.Store) (market.Code, string, error) {
			var err error
			if a.ID == 0 {
				_, err = st.AddNote(a.Code, a.Text)
			} else {
				err = st.EditNote(a.Code, a.ID, a.Text)
			}
			return a.Code, t.NoteSaved, err
		}, nil, reopen)
	case deleteNoteMsg:
		write = m.write(func(st *store.Store) (market.Code, string, error) {
			return a.code, t.Watch.NoteDeletedUndo, st.DeleteNote(a.code, a.id)
		}, nil, nil)
	case picker.SubmitMsg:
		write = m.write(func(st *store.Store) (market.Code, string, error) {
			changed, err := st.SetRating(a.Code, a.Rating, sectors.SourceUser, a.Reason)
			if !changed {
				return a.Code, t.RatingSame, err
			}
			return a.Code, sprintf(t.RatingSet, a.Code.Number, t.Rating(a.Rating)), err
		}, nil, reopen)
	case sectorpick.MoveMsg:
		write = m.write(func(st *store.Store) (market.Code, string, error) {
			_, moved, err := st.Move(a.Code, a.Sector.ID)
			if err == nil && !moved {
				return a.Code, sprintf(t.MovedSame, a.Code.Number, t.SectorLabel(a.Sector)), nil
			}
			return a.Code, sprintf(t.Moved, a.Code.Number, t.SectorLabel(a.Sector)), err
		}, nil, reopen)
	case removeMsg:
		write = m.write(func(st *store.Store) (market.Code, string, error) {
			return a.code, sprintf(t.Removed, a.code.Number+" "+a.label), st.RemoveTicker(a.code)
		}, nil, nil)
	case undoRemoveMsg: // the last removed ticker restored, and selected
		write = m.write(func(st *store.Store) (market.Code, string, error) {
			code, err := st.RestoreLast()
			switch {
			case errors.Is(err, store.ErrNotFound):
				return market.Code{}, t.NothingUndo, nil // nothing written
			case err != nil:
				return code, "", err
			}
			return code, sprintf(t.Restored, code.Number), nil
		}, func(m *Model, code market.Code) tea.Cmd {
			m.selectKey(code.Key())
			return nil
		}, nil)
	}
	return m, write
}

// selectKey moves the cursor to the ticker with key k. When the tab, the
// rating filter or the search hides it (a ticker just added or brought
// back), they are cleared first: the next key (r, n) must act on the
// ticker the user just chose, not on whatever row the cursor was on.
func (m *Model) selectKey(k string) {
	if m.view.rowOf(&m.data, k) < 0 {
		m.tabs.active = 0
		m.view.filter.Ratings = 0
		m.view.query = ""
		m.refilter(k)
	}
	if i := m.view.rowOf(&m.data, k); i >= 0 {
		m.list.cursor = i
		m.list.clamp()
	}
}
