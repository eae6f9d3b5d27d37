package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// dialog is whatever takes the keys from the list for a while: the note
// editor, the rating picker, the add wizard, the sector picker, the export
// dialog, a yes/no question, the search line, the full help and the
// focused detail pane. The root keeps them on a stack (the top one gets
// the keys) and knows none of them by name: a new dialog is a new file.
//
// A dialog talks to the root by what its Update returns: itself to stay
// open, nil to close, or its answer wrapped by closeWith or tell (a typed
// message such as noteSubmitMsg or openEditorMsg). The root takes the
// answer in within the same Update, before the next key is read: a note
// confirmed with ctrl+s is queued for writing before a q typed right after
// it is seen.
type dialog interface {
	Update(tea.Msg) (dialog, tea.Cmd)
	View() string
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// SetSize gives the dialog the room it is drawn in (placement).
	SetSize(width, height int) dialog
}

// placement is where a dialog is drawn. A dialog says where by having a
// placement method; without one it is a box over the body.
type placement int

const (
	inBox        placement = iota // a box over the body, at dialogSize
	inStatusLine                  // the status line, over what is under it
	inBody                        // the whole body
	asDetail                      // the detail pane, focused (the root draws it)
)

func placementOf(d dialog) placement {
	if p, ok := d.(interface{ placement() placement }); ok {
		return p.placement()
	}
	return inBox
}

// reply is a dialog's answer to the root: the dialog that stays (nil
// when it closed) and a message for the root.
type reply struct {
	dialog
	msg tea.Msg
}

// closeWith closes the dialog and hands msg to the root.
func closeWith(msg tea.Msg) dialog { return reply{msg: msg} }

// tell keeps d open and hands msg to the root.
func tell(d dialog, msg tea.Msg) dialog { return reply{dialog: d, msg: msg} }

// answer is a dialog's reply from the action its key handling asked for:
// nothing (stay), cancelMsg (close) or a message for the root (close with
// it).
func answer(d dialog, act tea.Msg) dialog {
	switch act.(type) {
	case nil:
		return d
	case cancelMsg:
		return nil
	}
	return closeWith(act)
}

// passKeyMsg closes a dialog and gives its key to what is under it (any
// key closes the full help and does what it does on the list).
type passKeyMsg struct{ key tea.KeyPressMsg }

// top is the dialog that has the keys; nil on the list.
func (m *Model) top() dialog {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1]
}

// storeWriter is a dialog that ends in a store write (a note, a rating, a
// move, a removal): opening one makes the store's check ahead of it.
type storeWriter interface{ writesStore() }

// push opens d over what is open, sized to where it is drawn.
func (m *Model) push(d dialog) {
	if _, ok := d.(storeWriter); ok && m.writes != nil {
		m.writes.precheck()
	}
	d = m.sized(d)
	// a copy, not an append into a shared array: models are values
	m.stack = append(slices.Clip(m.stack), d)
}

// sized gives d the room of its placement.
func (m *Model) sized(d dialog) dialog {
	switch placementOf(d) {
	case inBox:
		w, h := m.dialogSize()
		return d.SetSize(w, h)
	case inStatusLine:
		return d.SetSize(m.width, 1)
	}
	return d.SetSize(m.width, m.bodyHeight())
}

// resize gives every open dialog its room again after a resize.
func (m *Model) resize() {
	if len(m.stack) == 0 {
		return
	}
	st := make([]dialog, len(m.stack))
	for i, d := range m.stack {
		st[i] = m.sized(d)
	}
	m.stack = st
}

// updateTop gives msg to the top dialog and takes in its answer.
func (m Model) updateTop(msg tea.Msg) (tea.Model, tea.Cmd) {
	from := m.top()
	next, cmd := from.Update(msg)
	var told tea.Msg
	if r, ok := next.(reply); ok {
		next, told = r.dialog, r.msg
	}
	m.stack = slices.Clip(m.stack[:len(m.stack)-1])
	if next != nil {
		m.stack = append(m.stack, next)
	}
	if told == nil {
		return m, cmd
	}
	after, cmd2 := m.handle(told, from)
	return after, tea.Batch(cmd, cmd2)
}

// detailFocused reports whether the detail pane has the focus: the
// topmost dialog drawn in the body is the focused detail pane (a question
// in the status line may be over it).
func (m *Model) detailFocused() bool {
	return m.bodyDialog() == nil && m.underStatus() != nil && placementOf(m.underStatus()) == asDetail
}

// underStatus is the topmost dialog not drawn in the status line.
func (m *Model) underStatus() dialog {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if placementOf(m.stack[i]) != inStatusLine {
			return m.stack[i]
		}
	}
	return nil
}

// bodyDialog is the dialog drawn over the body (a box or the full help),
// nil when the body shows the list and the detail pane.
func (m *Model) bodyDialog() dialog {
	d := m.underStatus()
	if d == nil {
		return nil
	}
	if p := placementOf(d); p == inBox || p == inBody {
		return d
	}
	return nil
}

// statusDialog is the dialog drawn in the status line, if it is on top.
func (m *Model) statusDialog() dialog {
	if d := m.top(); d != nil && placementOf(d) == inStatusLine {
		return d
	}
	return nil
}

// onList reports whether the keys go to the list or the focused detail
// pane, where no key takes text.
func (m *Model) onList() bool {
	d := m.top()
	return d == nil || placementOf(d) == asDetail
}
