package ui

import (
	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"

	"zixuan/ui/common"
	alertsview "zixuan/ui/views/alerts"
)

// The focused detail pane's cursor on its alert lines: k from the first
// note (or from the top, without notes) moves onto the last alert line,
// up through the others, and j from the last goes back to the notes.
// With a line selected, e edits that alert, d deletes it (asked first),
// R re-arms it and space switches it off or on — the alerts view's
// messages, handled by the same alerts part and store methods. The
// cursor is the focused pane's (detailFocus.alert): closing the pane
// forgets it.

// paneCursor is the alert the focused pane's cursor is on, if it is
// still among list; 0 for none.
func paneCursor(s dialogStack, list []sectors.Alert) uint64 {
	for _, d := range s {
		if f, ok := d.(detailFocus); ok && f.alert != 0 {
			for _, a := range list {
				if a.ID == f.alert && a.Code == f.code {
					return f.alert
				}
			}
		}
	}
	return 0
}

// withPaneCursor is s with the focused pane's cursor on alert id (0: on
// the notes).
func withPaneCursor(s dialogStack, id uint64) dialogStack {
	return s.each(func(d common.Dialog) common.Dialog {
		if f, ok := d.(detailFocus); ok {
			f.alert = id
			return f
		}
		return d
	})
}

// stepAlerts moves the pane's cursor by one line (j: 1, k: -1) where it
// concerns the alert lines of tk, which has notes live notes; false when
// the step is the notes' own.
func stepAlerts(m *Model, tk *sectors.Ticker, notes, by int) bool {
	alerts := m.al.of(tk.Code)
	cur := paneCursor(m.stack, m.al.list)
	at := -1
	for i, a := range alerts {
		if a.ID == cur {
			at = i
		}
	}
	switch {
	case at >= 0 && by < 0:
		m.stack = withPaneCursor(m.stack, alerts[max(at-1, 0)].ID)
	case at >= 0 && by > 0 && at < len(alerts)-1:
		m.stack = withPaneCursor(m.stack, alerts[at+1].ID)
	case at >= 0: // down from the last alert: back to the notes
		m.stack = withPaneCursor(m.stack, 0)
		m.det.note, m.det.scroll = 0, 0
	case by < 0 && len(alerts) > 0 && (notes > 0 && m.det.note == 0 || notes == 0 && m.det.offset == 0):
		m.stack = withPaneCursor(m.stack, alerts[len(alerts)-1].ID)
		m.det.scroll = 0
	default:
		return false
	}
	return true
}

// paneAlertAsked does what a key asked of the alert line selected, as
// the alerts view's key would (alertedit.go).
func paneAlertAsked(m Model, msg paneAlertMsg) (tea.Model, tea.Cmd) {
	for _, al := range m.al.list {
		if al.ID != msg.id {
			continue
		}
		var ask tea.Msg
		switch msg.act {
		case alertEditAct:
			ask = alertsview.EditMsg{Alert: al}
		case alertDeleteAct:
			ask = alertsview.DeleteMsg{Alert: al}
		case alertRearmAct:
			ask = alertsview.RearmMsg{Alert: al}
		case alertToggleAct:
			ask = alertsview.EnableMsg{Alert: al, On: al.Disabled}
		}
		cmd, _ := m.route(ask)
		return m, cmd
	}
	m.stack = withPaneCursor(m.stack, 0) // gone meanwhile
	return m, nil
}
