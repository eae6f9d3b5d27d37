package ui

import (
	"zixuan/sectors/market"
	"zixuan/ui/dialogs/wizard"
)

// Selected is the stock the screen points at: in the add wizard its
// highlighted candidate, else the ticker under the list's cursor. It lets
// tests outside the package (the CLI's) check that both ends resolve what
// the user typed alike.
func (m Model) Selected() (market.Code, bool) {
	if w, ok := m.stack.top().(wizard.Model); ok {
		sec, ok := w.Chosen()
		return sec.Code, ok
	}
	t, ok := m.selected()
	return t.Code, ok
}
