package ui

import (
	"zixuan/sectors/market"
)

// Selected is the stock the screen points at: in the add wizard its
// highlighted candidate, else the ticker under the list's cursor. It lets
// tests outside the package (the CLI's) check that both ends resolve what
// the user typed alike.
func (m Model) Selected() (market.Code, bool) {
	if w, ok := m.top().(wizardModel); ok {
		if w.choice < len(w.hits) {
			return market.Master()[w.hits[w.choice]].Code, true
		}
		return market.Code{}, false
	}
	t, ok := m.selected()
	return t.Code, ok
}
