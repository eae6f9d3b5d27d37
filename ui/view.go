package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/ui/common"
	"zixuan/ui/dialogs/search"
)

// The smallest terminal the layout works in.
const (
	minWidth  = 50
	minHeight = 12
	wideWidth = 100 // from here the detail pane sits beside the list
)

// layout sizes the panes after a resize.
func (m *Model) layout() {
	m.help.SetWidth(m.width)
	body := m.bodyHeight()
	m.list.height = max(body-1, 1)
	m.list.clamp()
	m.resize()
}

func (m *Model) bodyHeight() int { return max(m.height-4, 1) }

// dialogSize is the content size of a dialog box.
func (m *Model) dialogSize() (w, h int) {
	return max(min(m.width-4, 90), 20), max(min(m.bodyHeight()-2, 20), 4)
}

// View is the program's frame: the screen, on the alternate screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	return v
}

// screen draws the whole screen, exactly width x height.
func (m Model) screen() string {
	if m.quitting || m.loading {
		return "" // bubbletea draws nothing until there is a frame
	}
	if m.width < minWidth || m.height < minHeight {
		msg := fmt.Sprintf(m.t.TooSmall, m.width, m.height, minWidth, minHeight)
		// Wrapped to the width, then cut to the height: even a 1x1 pane
		// must not scroll.
		return fitLines(lipgloss.NewStyle().Width(max(m.width, 1)).Render(msg), max(m.width, 1), max(m.height, 1))
	}
	return m.frame(m.bodyFitted())
}

// frame is the screen around a body of exactly width x bodyHeight.
func (m *Model) frame(body string) string {
	parts := []string{
		fitLines(m.headerView(), m.width, 1),
		m.tabsLine(),
		body,
		fitLines(m.qs.withStatus(m.statusView(), partCtxOf(m), m.stack.status() != nil, m.width), m.width, 1),
		m.shortHelp(),
	}
	return strings.Join(parts, "\n")
}

// padLines pads every line of s with spaces to w cells.
func padLines(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = safetext.Fit(l, w)
	}
	return strings.Join(lines, "\n")
}

// fitLinesW is fitLines as lines with their widths.
func fitLinesW(s string, w, h int) ([]string, []int) {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	widths := make([]int, len(lines), h)
	for i, l := range lines {
		lw := safetext.Width(l)
		if lw > w {
			lines[i] = safetext.Truncate(l, w)
			lw = safetext.Width(lines[i])
		}
		widths[i] = lw
	}
	for len(lines) < h {
		lines = append(lines, "")
		widths = append(widths, 0)
	}
	return lines, widths
}

// bodyFitted is the body, fitted to width x bodyHeight: a dialog drawn
// over it, or the list (and, on a wide screen, the detail pane beside it)
// put together line by line from cached rows at widths known as they are
// drawn, instead of measuring every line again in Style.Render,
// JoinHorizontal and fitLines. render_test.go keeps the plain way of
// drawing it as the oracle these lines must equal byte for byte.
func (m *Model) bodyFitted() string {
	w, h := m.width, m.bodyHeight()
	if d := m.stack.body(); d != nil {
		return fitLines(m.dialogView(d), w, h)
	}
	if w >= wideWidth {
		// beside the list, the pane shows its focus only while it has the
		// keys (not under a question)
		focused := m.stack.top() != nil && common.PlacementOf(m.stack.top()) == common.AsDetail
		if s, ok := m.wideBody(w, h, focused); ok {
			return s
		}
		return fitLines(m.wideBodyJoined(w, h, focused), w, h)
	}
	if m.stack.detailFocused() {
		return fitLines(m.detailView(w, h, true), w, h)
	}
	lines, _ := m.listLines(w, h)
	return strings.Join(lines, "\n")
}

// listWidth is the list's share of a wide screen; the detail pane takes
// the rest.
func listWidth(w int) int { return min(w*3/5, 110) }

// wideBody is the wide layout, fitted; ok is false when the pane cannot
// be drawn line by line (wideBodyJoined draws it then).
func (m *Model) wideBody(w, h int, focused bool) (string, bool) {
	lw := listWidth(w)
	list, lws := m.listLines(lw-1, h)
	style := m.styles.Pane
	if focused {
		style = m.styles.PaneFocus
	}
	dw := w - lw - 2
	dl, dws := fitLinesW(m.detailView(dw, h, focused), dw, h)
	pane, pw, ok := paneRender(style, dl, dws)
	if !ok {
		return "", false
	}
	// The pane starts at the same column on every line, whatever the
	// list holds: lines are at most lw-1 cells, and a one-cell gutter.
	lmax := lw
	if lmax+pw > w {
		return "", false
	}
	var b strings.Builder
	b.Grow(h * (w + 64))
	for i := range h {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(list[i])
		for range lmax - lws[i] {
			b.WriteByte(' ')
		}
		b.WriteString(pane[i])
	}
	return b.String(), true
}

// wideBodyJoined is the wide layout drawn with lipgloss, for a pane style
// paneRender does not know.
func (m *Model) wideBodyJoined(w, h int, focused bool) string {
	lw := listWidth(w)
	lines, _ := m.listLines(lw-1, h)
	list := padLines(strings.Join(lines, "\n"), lw-1)
	style := m.styles.Pane
	if focused {
		style = m.styles.PaneFocus
	}
	dw := w - lw - 2
	det := style.Height(h).Render(fitLines(m.detailView(dw, h, focused), dw, h))
	return lipgloss.JoinHorizontal(lipgloss.Top, list+" ", det)
}

func (m *Model) headerView() string {
	s, t := &m.styles, m.t
	src := m.data.source
	right := fmt.Sprintf("%d %s", len(m.data.tickers), t.Tickers)
	if len(m.view.rows) != len(m.data.tickers) {
		right = fmt.Sprintf("%d %s %d %s", len(m.view.rows), t.Of, len(m.data.tickers), t.Tickers)
	}
	if pos := m.list.position(m.t.Watch.Position, len(m.view.rows)); pos != "" {
		right = pos + "  " + right
	}
	date := ""
	if !src.Date.IsZero() {
		date = src.Date.Format("2006-01-02")
	}
	app := s.App.Render(t.App)
	room := m.width - safetext.Width(t.App) - safetext.Width(right) - len(date) - 5
	title := ""
	if room > 6 {
		title = safetext.Truncate(safeLine(src.Title), room)
	}
	left := app + " " + s.Header.Render(title) + " " + s.Dim.Render(date)
	gap := max(m.width-safetext.Width(left)-safetext.Width(right), 1)
	return left + strings.Repeat(" ", gap) + right
}

// dialogView draws a dialog over the body: in a box, or as it is.
func (m *Model) dialogView(d common.Dialog) string {
	body := d.View()
	if common.PlacementOf(d) != common.InBox {
		return body
	}
	w, h := m.dialogSize()
	return m.styles.Box.Width(w + 2 + m.styles.Box.GetHorizontalBorderSize()).Render(fitLines(body, w, min(strings.Count(body, "\n")+1, h)))
}

// statusView is the filter in force and the last message.
func (m *Model) statusView() string {
	if d := m.stack.status(); d != nil {
		if sl, ok := d.(search.Model); ok && m.view.query != "" && len(m.view.rows) == 0 {
			// say "no match" rather than leave an empty list unexplained
			return sl.ViewIn(max(m.width-6-safetext.Width(m.t.NoMatch), 10)) + "  " + m.styles.Error.Render(m.t.NoMatch)
		}
		return d.View()
	}
	s, t := &m.styles, m.t
	var parts []string
	if m.view.ratingFilterOn() {
		var rs []string
		for _, r := range sectors.Ratings {
			if m.view.filter.Ratings.Has(r) {
				rs = append(rs, t.Rating(r))
			}
		}
		parts = append(parts, t.Filter+t.Colon+strings.Join(rs, t.ListSep))
	}
	if m.view.query != "" {
		parts = append(parts, t.Search+t.Colon+"/"+safeLine(m.view.query))
	}
	if m.view.filter.Report != "" {
		parts = append(parts, m.t.Reports.FilterReport+t.Colon+reportLabel(m.hs.snap, m.view.filter.Report))
	}
	if m.view.sortBy != sortSector {
		parts = append(parts, t.SortBy+t.Colon+t.SortNames[m.view.sortBy])
	}
	left := s.Prompt.Render(strings.Join(parts, "  "))
	msg := ""
	if m.status != "" && !slices.Contains(parts, m.status) { // "sort: name" once, not twice
		if m.statusErr {
			msg = s.Error.Render(m.status)
		} else {
			msg = s.Status.Render(m.status)
		}
	}
	if msg == "" { // the totals of the holdings shown (poscols.go)
		room := m.width
		if len(parts) > 0 {
			room -= safetext.Width(left) + 2
		}
		if q := m.qs.status(partCtxOf(m)); q != "" {
			room -= safetext.Width(q) + 2
		}
		msg = m.ps.line(room, m.view.rows, m.qs.quotes, partCtxOf(m))
	}
	if len(parts) == 0 {
		return msg // no blanks before it (an empty styled string is not empty)
	}
	if msg != "" {
		return left + "  " + msg
	}
	return left
}

// helpKeys is the help of what has focus now: the top dialog's, or the
// list's.
func (m *Model) helpKeys() help.KeyMap {
	if d := m.stack.top(); d != nil {
		return d
	}
	return m.keys.ListHelp()
}
