package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// The plain way of drawing the body, kept only as the oracle of the
// render cache (render.go): every row drawn again, every line measured
// again in Style.Render, JoinHorizontal and fitLines. The frames the app
// draws from its caches must equal these byte for byte
// (TestRenderCacheFramesIdentical).

// cachedScreen is the screen m draws, through its caches.
func cachedScreen(m *Model) string {
	f := m.newFrame()
	return f.screen()
}

// detailView is the detail pane m draws in width x height.
func detailView(m *Model, width, height int, focused bool) string {
	f := m.newFrame()
	return f.det.detailView(&f.detIn, width, height, focused)
}

// layoutColumnsOf is the list's columns m lays out at width.
func layoutColumnsOf(m *Model, width int) colLayout {
	f := m.newFrame()
	return f.list.layoutColumns(&f.listIn, width)
}

// uncachedView is the screen drawn without any cache.
func uncachedView(m Model) string {
	m.rc = nil
	f := m.newFrame()
	if m.quitting || m.width < minWidth || m.height < minHeight {
		return f.screen()
	}
	return f.join(fitLines(uncachedBody(&f), m.width, bodyHeight(m.height)))
}

func uncachedBody(f *frame) string {
	w, h := f.width, bodyHeight(f.height)
	if d := f.bodyDialog; d != nil {
		return f.dialogView(d)
	}
	if w >= wideWidth {
		lw := f.listWidth(w) // very wide: the detail pane takes the rest
		list := padLines(fitLines(listView(f, lw-1, h), lw-1, h), lw-1)
		focused := f.detailKeys
		style := f.styles.Pane
		if focused {
			style = f.styles.PaneFocus
		}
		dw := w - lw - 2
		det := style.Height(h).Render(fitLines(f.det.detailView(&f.detIn, dw, h, focused), dw, h))
		return lipgloss.JoinHorizontal(lipgloss.Top, list+" ", det)
	}
	if f.detailFocused {
		return f.det.detailView(&f.detIn, w, h, true)
	}
	return listView(f, w, h)
}

// listView draws the header and the visible rows in width x height.
func listView(f *frame, width, height int) string {
	in, l := &f.listIn, &f.list
	c := l.layoutColumns(in, width)
	lines := []string{c.header(in.t, in.styles)}
	if len(in.rows) == 0 {
		lines = append(lines, in.empty(width)...)
	}
	end := min(l.offset+l.height, len(in.rows))
	for i := l.offset; i < end; i++ {
		r := in.rows[i]
		lines = append(lines, c.row(in.cellCtx(r), i == l.cursor, in.styles, in.upDown))
	}
	return strings.Join(lines, "\n")
}
