package ui

import (
	"slices"

	"zixuan/ui/common"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// Hints the list and the help line draw: what an empty list says, the
// position, the help line fitted to the width.

// emptyHint is what an empty list says, for the case it is in (v's search
// and rating filter, a sector's tab when onSector), wrapped to width
// (never cut off): a search with no hits points to esc, a rating filter
// to 0, an empty sector to a.
func emptyHint(w *common.WatchText, dim lipgloss.Style, v *viewState, onSector bool, width int) []string {
	hint := w.EmptyAll
	switch {
	case v.query != "":
		hint = w.EmptySearch
	case v.ratingFilterOn():
		hint = w.EmptyFilter
	case onSector:
		hint = w.EmptySector
	}
	var out []string
	for _, l := range common.WrapText(hint, max(width-2, 8)) {
		out = append(out, dim.Render("  "+l))
	}
	return out
}

// position is where the cursor is in the list of n rows, "19/25" by
// format, with an arrow while more rows are below the screen; "" on an
// empty list.
func (l *listModel) position(format string, n int) string {
	if n == 0 {
		return ""
	}
	pos := sprintf(format, l.cursor+1, n)
	if l.offset+l.height < n {
		pos += " ↓"
	}
	return pos
}

// fitHelp is the short help of bs in width cells, drawn by h: when it
// does not fit, the hints are left out from the last one back, more (…)
// standing for them, and ? help, q quit and esc (back, cancel) are left
// out last.
func fitHelp(h help.Model, more key.Binding, bs []key.Binding, width int) string {
	h.SetWidth(0) // measured uncut
	view := h.ShortHelpView(bs)
	if lipgloss.Width(view) <= width {
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
			cur[i] = more
		}
		view = h.ShortHelpView(cur)
		if lipgloss.Width(view) <= width {
			return view
		}
	}
}
