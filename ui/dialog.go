package ui

import (
	"zixuan/ui/common"

	tea "charm.land/bubbletea/v2"
)

// context is the context a component embeds, as the root has it now.
func (m *Model) context() common.Common {
	styles := m.styles // a dialog draws with the frame's styles, as they are now
	return common.Common{Width: m.width, Height: m.height, Keys: m.keys, Styles: &styles, T: m.t, Store: m.st}
}

// push opens d over what is open, sized to where it is drawn.
func (m *Model) push(d common.Dialog) {
	if _, ok := d.(common.StoreWriter); ok && m.writes != nil {
		m.writes.precheck()
	}
	m.stack = m.stack.pushed(m.sized(d))
}

// sized gives d the room of its placement.
func (m *Model) sized(d common.Dialog) common.Dialog {
	switch common.PlacementOf(d) {
	case common.InBox:
		w, h := dialogSize(m.width, m.height)
		return d.SetSize(w, h)
	case common.InStatusLine:
		return d.SetSize(m.width, 1)
	}
	return d.SetSize(m.width, bodyHeight(m.height))
}

// resize gives every open dialog its room again after a resize.
func (m *Model) resize() {
	m.stack = m.stack.each(m.sized)
}

// updateTop gives msg to the top dialog and takes in its answer.
func (m Model) updateTop(msg tea.Msg) (tea.Model, tea.Cmd) {
	from := m.stack.top()
	before, says := common.InputOf(from)
	next, cmd := from.Update(msg)
	var told tea.Msg
	if r, ok := next.(common.Reply); ok {
		next, told = r.Dialog, r.Msg
	}
	m.stack = m.stack.replacedTop(next)
	if _, isKey := msg.(tea.KeyPressMsg); isKey && m.status != "" {
		// the status line's message belongs to the key that said it (a
		// refusal that brought the dialog back): the next key that changes
		// what the dialog holds clears it, as any key does on the list
		// (common.Notice); what the dialog answers says its own
		if after, _ := common.InputOf(next); !says || next == nil || after != before {
			m.status, m.statusErr = "", false
		}
	}
	if told == nil {
		return m, cmd
	}
	after, cmd2 := m.handle(told, from)
	return after, tea.Batch(cmd, cmd2)
}
