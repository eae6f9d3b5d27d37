package ui

import (
	"slices"

	"zixuan/ui/common"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// Hints: what an empty list says, the position, the help line fitted,
// and what a refresh says.

// emptyHint is what an empty list says, for the case it is in, wrapped
// to width (never cut off): a search with no hits points to esc, a rating
// filter to 0, an empty sector to a.
func (m *Model) emptyHint(width int) []string {
	w := m.t.Watch
	hint := w.EmptyAll
	switch {
	case m.view.query != "":
		hint = w.EmptySearch
	case m.view.ratingFilterOn():
		hint = w.EmptyFilter
	case m.tabs.activeID() != "":
		hint = w.EmptySector
	}
	var out []string
	for _, l := range common.WrapText(hint, max(width-2, 8)) {
		out = append(out, m.styles.Dim.Render("  "+l))
	}
	return out
}

// positionView is where the cursor is in the list, "19/25", with an
// arrow while more rows are below the screen; "" on an empty list.
func (m *Model) positionView() string {
	n := len(m.view.rows)
	if n == 0 {
		return ""
	}
	pos := sprintf(m.t.Watch.Position, m.list.cursor+1, n)
	if m.list.offset+m.list.height < n {
		pos += " ↓"
	}
	return pos
}

// fitHelp is the short help of bs in the width: when it does not fit,
// the hints are left out from the last one back, an … standing for them,
// and ? help, q quit and esc (back, cancel) are left out last.
func (m *Model) fitHelp(bs []key.Binding) string {
	h := m.help
	h.SetWidth(0) // measured uncut
	view := h.ShortHelpView(bs)
	if lipgloss.Width(view) <= m.width {
		return view
	}
	essential := func(b key.Binding) bool {
		for _, k := range b.Keys() {
			if k == "?" || k == "q" || k == "esc" || k == "…" {
				return true
			}
		}
		return false
	}
	cur := slices.Clone(bs)
	for {
		i := len(cur) - 1
		for i >= 0 && essential(cur[i]) {
			i--
		}
		if i < 0 {
			return view
		}
		if i+1 < len(cur) && slices.Contains(cur[i+1].Keys(), "…") {
			cur = slices.Delete(cur, i, i+1)
		} else {
			cur[i] = m.keys.More
		}
		view = h.ShortHelpView(cur)
		if lipgloss.Width(view) <= m.width {
			return view
		}
	}
}

// refreshOff is what R says with quotes off.
func (m *Model) refreshOff() string {
	if m.opts.Offline {
		return m.t.Watch.RefreshOffline
	}
	return m.t.Watch.RefreshNoQuotes
}

// refreshed ends R's "refreshing…" when its round is back: nothing more
// to say when it worked (the status line shows the quotes' age), when it
// failed that there is no connection and when the next try is.
func (m *Model) refreshed(err error) {
	w := m.t.Watch
	if m.status != w.Refreshing {
		return // the status belongs to another action by now
	}
	m.status = ""
	if err != nil {
		if m.opts.Refresh > 0 {
			m.status, m.statusErr = sprintf(w.RefreshRetry, age(m.opts.Refresh)), true
		} else {
			m.status, m.statusErr = m.t.Quotes.Status(err), true
		}
	}
}
