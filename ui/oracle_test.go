package ui

import (
	"strings"

	"zixuan/ui/common"

	"charm.land/lipgloss/v2"
)

// The plain way of drawing the body, kept only as the oracle of the
// render cache (render.go): every row drawn again, every line measured
// again in Style.Render, JoinHorizontal and fitLines. The frames the app
// draws from its caches must equal these byte for byte
// (TestRenderCacheFramesIdentical).

// uncachedView is m.screen() drawn without any cache.
func uncachedView(m Model) string {
	m.rc = nil
	if m.quitting || m.width < minWidth || m.height < minHeight {
		return m.screen()
	}
	return m.frame(fitLines(m.uncachedBody(), m.width, m.bodyHeight()))
}

func (m *Model) uncachedBody() string {
	w, h := m.width, m.bodyHeight()
	if d := m.stack.body(); d != nil {
		return m.dialogView(d)
	}
	if w >= wideWidth {
		lw := min(w*3/5, 110) // very wide: the detail pane takes the rest
		list := padLines(fitLines(m.listView(lw-1, h), lw-1, h), lw-1)
		focused := m.stack.top() != nil && common.PlacementOf(m.stack.top()) == common.AsDetail
		style := m.styles.Pane
		if focused {
			style = m.styles.PaneFocus
		}
		dw := w - lw - 2
		det := style.Height(h).Render(fitLines(m.detailView(dw, h, focused), dw, h))
		return lipgloss.JoinHorizontal(lipgloss.Top, list+" ", det)
	}
	if m.stack.detailFocused() {
		return m.detailView(w, h, true)
	}
	return m.listView(w, h)
}

// view draws the header and the visible rows in width x height.
func (m *Model) listView(width, height int) string {
	c := m.layoutColumns(width)
	lines := []string{c.header(m.t, &m.styles)}
	if len(m.view.rows) == 0 {
		lines = append(lines, emptyHint(m.t.Watch, m.styles.Dim, &m.view, m.tabs.activeID() != "", width)...)
	}
	end := min(m.list.offset+m.list.height, len(m.view.rows))
	for i := m.list.offset; i < end; i++ {
		r := m.view.rows[i]
		lines = append(lines, c.row(m.cellCtx(r), i == m.list.cursor, &m.styles, partCtxOf(m).upDown))
	}
	return strings.Join(lines, "\n")
}
