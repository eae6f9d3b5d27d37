package ui

import (
	"fmt"
	"slices"
	"strings"

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
	// noteWide is the most the list's latest note takes beside the detail
	// pane, which shows the notes whole
	noteWide = 32
)

// bodyHeight is the body's height on a screen height tall: the header,
// the tabs, the status and the help line take a line each.
func bodyHeight(height int) int { return max(height-4, 1) }

// dialogSize is the content size of a dialog box on a width x height
// screen.
func dialogSize(width, height int) (w, h int) {
	return max(min(width-4, 90), 20), max(min(bodyHeight(height)-2, 20), 4)
}

// View is the program's frame: the screen, on the alternate screen.
func (m Model) View() tea.View {
	f := m.newFrame()
	v := tea.NewView(f.screen())
	v.AltScreen = true
	return v
}

// screen draws the whole screen, exactly width x height.
func (f *frame) screen() string {
	if f.quitting || f.loading {
		return "" // bubbletea draws nothing until there is a frame
	}
	if f.width < minWidth || f.height < minHeight {
		msg := fmt.Sprintf(f.t.TooSmall, f.width, f.height, minWidth, minHeight)
		// Wrapped to the width, then cut to the height: even a 1x1 pane
		// must not scroll.
		return fitLines(lipgloss.NewStyle().Width(max(f.width, 1)).Render(msg), max(f.width, 1), max(f.height, 1))
	}
	return f.join(f.body())
}

// join is the screen around a body of exactly width x bodyHeight.
func (f *frame) join(body string) string {
	parts := []string{
		fitLines(f.headerView(), f.width, 1),
		f.tabsLine(),
		body,
		fitLines(f.qs.withStatus(f.statusView(), f.pc, f.statusDialog != nil, f.width), f.width, 1),
		f.shortHelp(),
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

// body is the body, fitted to width x bodyHeight: a dialog drawn
// over it, or the list (and, on a wide screen, the detail pane beside it)
// put together line by line from cached rows at widths known as they are
// drawn, instead of measuring every line again in Style.Render,
// JoinHorizontal and fitLines. render_test.go keeps the plain way of
// drawing it as the oracle these lines must equal byte for byte.
func (f *frame) body() string {
	w, h := f.width, bodyHeight(f.height)
	if d := f.bodyDialog; d != nil {
		return fitLines(f.dialogView(d), w, h)
	}
	if w >= wideWidth {
		// beside the list, the pane shows its focus only while it has the
		// keys (not under a question)
		if s, ok := f.wideBody(w, h, f.detailKeys); ok {
			return s
		}
		return fitLines(f.wideBodyJoined(w, h, f.detailKeys), w, h)
	}
	if f.detailFocused {
		return fitLines(f.det.detailView(&f.detIn, w, h, true), w, h)
	}
	lines, _ := f.list.listLines(&f.listIn, w, h)
	return strings.Join(lines, "\n")
}

// listWidth is the list's share of a wide screen w cells wide: three
// fifths, at most 110 cells, and no more than its columns use, the latest
// note at most noteWide cells; the detail pane takes the rest. It is
// measured as on the All tab, so the pane stays put when the tab changes.
func (f *frame) listWidth(w int) int {
	lw := min(w*3/5, 110)
	in := f.listIn
	in.allTab = true
	c := f.list.layoutColumns(&in, lw-1)
	return lw - c.spare(lw-1, noteWide)
}

// wideBody is the wide layout, fitted; ok is false when the pane cannot
// be drawn line by line (wideBodyJoined draws it then).
func (f *frame) wideBody(w, h int, focused bool) (string, bool) {
	lw := f.listWidth(w)
	list, lws := f.list.listLines(&f.listIn, lw-1, h)
	style := f.styles.Pane
	if focused {
		style = f.styles.PaneFocus
	}
	dw := w - lw - 2
	dl, dws := fitLinesW(f.det.detailView(&f.detIn, dw, h, focused), dw, h)
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
func (f *frame) wideBodyJoined(w, h int, focused bool) string {
	lw := f.listWidth(w)
	lines, _ := f.list.listLines(&f.listIn, lw-1, h)
	list := padLines(strings.Join(lines, "\n"), lw-1)
	style := f.styles.Pane
	if focused {
		style = f.styles.PaneFocus
	}
	dw := w - lw - 2
	det := style.Height(h).Render(fitLines(f.det.detailView(&f.detIn, dw, h, focused), dw, h))
	return lipgloss.JoinHorizontal(lipgloss.Top, list+" ", det)
}

// headerView is the header line: the app, the market strip and the
// breadth of the rows shown, the list's position and count (strip.go).
func (f *frame) headerView() string {
	s, t := f.styles, f.t
	right := fmt.Sprintf("%d %s", f.total, t.Tickers)
	if len(f.view.rows) != f.total {
		right = fmt.Sprintf("%d %s %d %s", len(f.view.rows), t.Of, f.total, t.Tickers)
	}
	if pos := f.list.position(f.t.Watch.Position, len(f.view.rows)); pos != "" {
		right = pos + "  " + right
	}
	o := f.pc.o
	ms := marketStrip{codes: o.stripCodes(), quotes: f.qs.quotes, rows: f.view.rows, cells: f.qs.cells,
		now: o.Now(), refresh: o.Refresh, qt: t.Quotes, s: s, western: o.Western}
	middle := append(ms.indexes(), ms.breadth()...)
	return fitHeader(headerPiece{text: s.App.Render(t.App), width: safetext.Width(t.App)},
		headerPiece{text: right, width: safetext.Width(right)}, middle, f.width)
}

// dialogView draws a dialog over the body: in a box, or as it is.
func (f *frame) dialogView(d common.Dialog) string {
	body := d.View()
	if common.PlacementOf(d) != common.InBox {
		return body
	}
	w, h := dialogSize(f.width, f.height)
	return f.styles.Box.Width(w + 2 + f.styles.Box.GetHorizontalBorderSize()).Render(fitLines(body, w, min(strings.Count(body, "\n")+1, h)))
}

// statusView is the filter in force and the last message.
func (f *frame) statusView() string {
	if d := f.statusDialog; d != nil {
		if sl, ok := d.(search.Model); ok && f.view.query != "" && len(f.view.rows) == 0 {
			// say "no match" rather than leave an empty list unexplained
			return sl.ViewIn(max(f.width-6-safetext.Width(f.t.NoMatch), 10)) + "  " + f.styles.Error.Render(f.t.NoMatch)
		}
		return d.View()
	}
	s, t := f.styles, f.t
	var parts []string
	if f.view.ratingFilterOn() {
		var rs []string
		for _, r := range sectors.Ratings {
			if f.view.filter.Ratings.Has(r) {
				rs = append(rs, t.Rating(r))
			}
		}
		parts = append(parts, t.Filter+t.Colon+strings.Join(rs, t.ListSep))
	}
	if f.view.query != "" {
		parts = append(parts, t.Search+t.Colon+"/"+safeLine(f.view.query))
	}
	if f.view.filter.Report != "" {
		parts = append(parts, t.Reports.FilterReport+t.Colon+reportLabel(f.snap, f.view.filter.Report))
	}
	switch {
	case f.view.col.Column != "":
		parts = append(parts, t.SortBy+t.Colon+sortLabel(f.view.col, t)) // colsort.go
	case f.view.sortBy != sortSector:
		parts = append(parts, t.SortBy+t.Colon+t.SortNames[f.view.sortBy])
	}
	left := s.Prompt.Render(strings.Join(parts, "  "))
	msg := ""
	if f.status != "" && !slices.Contains(parts, f.status) { // "sort: name" once, not twice
		if f.statusErr {
			msg = s.Error.Render(f.status)
		} else {
			msg = s.Status.Render(f.status)
		}
	}
	if msg == "" { // the totals of the holdings shown (poscols.go)
		room := f.width
		if len(parts) > 0 {
			room -= safetext.Width(left) + 2
		}
		if q := f.qs.status(f.pc); q != "" {
			room -= safetext.Width(q) + 2
		}
		msg = f.ps.line(room, f.view.rows, f.qs.quotes, f.pc)
	}
	if len(parts) == 0 {
		return msg // no blanks before it (an empty styled string is not empty)
	}
	if msg != "" {
		return left + "  " + msg
	}
	return left
}
