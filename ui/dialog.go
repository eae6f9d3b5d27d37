package ui

import (
	"slices"

	"zixuan/ui/common"

	tea "charm.land/bubbletea/v2"
)

// context is the context a component embeds, as the root has it now.
func (m *Model) context() common.Common {
	return common.Common{Width: m.width, Height: m.height, Keys: m.keys, Styles: m.dialogStyles(), T: m.t, Store: m.st}
}

// top is the dialog that has the keys; nil on the list.
func (m *Model) top() common.Dialog {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1]
}

// push opens d over what is open, sized to where it is drawn.
func (m *Model) push(d common.Dialog) {
	if _, ok := d.(common.StoreWriter); ok && m.writes != nil {
		m.writes.precheck()
	}
	d = m.sized(d)
	// a copy, not an append into a shared array: models are values
	m.stack = append(slices.Clip(m.stack), d)
}

// sized gives d the room of its placement.
func (m *Model) sized(d common.Dialog) common.Dialog {
	switch common.PlacementOf(d) {
	case common.InBox:
		w, h := m.dialogSize()
		return d.SetSize(w, h)
	case common.InStatusLine:
		return d.SetSize(m.width, 1)
	}
	return d.SetSize(m.width, m.bodyHeight())
}

// resize gives every open dialog its room again after a resize.
func (m *Model) resize() {
	if len(m.stack) == 0 {
		return
	}
	st := make([]common.Dialog, len(m.stack))
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
	if r, ok := next.(common.Reply); ok {
		next, told = r.Dialog, r.Msg
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
	return m.bodyDialog() == nil && m.underStatus() != nil && common.PlacementOf(m.underStatus()) == common.AsDetail
}

// underStatus is the topmost dialog not drawn in the status line.
func (m *Model) underStatus() common.Dialog {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if common.PlacementOf(m.stack[i]) != common.InStatusLine {
			return m.stack[i]
		}
	}
	return nil
}

// bodyDialog is the dialog drawn over the body (a box or the full help),
// nil when the body shows the list and the detail pane.
func (m *Model) bodyDialog() common.Dialog {
	d := m.underStatus()
	if d == nil {
		return nil
	}
	if p := common.PlacementOf(d); p == common.InBox || p == common.InBody {
		return d
	}
	return nil
}

// statusDialog is the dialog drawn in the status line, if it is on top.
func (m *Model) statusDialog() common.Dialog {
	if d := m.top(); d != nil && common.PlacementOf(d) == common.InStatusLine {
		return d
	}
	return nil
}

// onList reports whether the keys go to the list or the focused detail
// pane, where no key takes text.
func (m *Model) onList() bool {
	d := m.top()
	return d == nil || common.PlacementOf(d) == common.AsDetail
}
