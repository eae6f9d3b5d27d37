package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"zixuan/safetext"
	"zixuan/sectors"
)

// The smallest terminal the layout works in.
const (
	minWidth  = 50
	minHeight = 12
	wideWidth = 100 // from here the detail pane sits beside the list
)

// layout sizes the panes after a resize.
func (m *Model) layout() {
	m.help.Width = m.width
	body := m.bodyHeight()
	m.list.height = max(body-1, 1)
	m.list.clamp()
	if m.mode == modeEditor {
		w, h := m.dialogSize()
		m.editor.area.SetWidth(w)
		m.editor.area.SetHeight(max(h-2, 3))
	}
}

func (m *Model) bodyHeight() int { return max(m.height-4, 1) }

// dialogSize is the content size of a dialog box.
func (m *Model) dialogSize() (w, h int) {
	return max(min(m.width-4, 90), 20), max(min(m.bodyHeight()-2, 20), 4)
}

// View draws the whole screen, exactly width x height.
func (m Model) View() string {
	if m.quitting {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		msg := fmt.Sprintf(m.t.TooSmall, m.width, m.height, minWidth, minHeight)
		// Wrapped to the width, then cut to the height: even a 1x1 pane
		// must not scroll.
		return fitLines(lipgloss.NewStyle().Width(max(m.width, 1)).Render(msg), max(m.width, 1), max(m.height, 1))
	}
	m.styles = m.drawStyles() // m is View's own copy
	var parts []string
	parts = append(parts, fitLines(m.headerView(), m.width, 1))
	parts = append(parts, m.tabsView())
	parts = append(parts, m.bodyFitted())
	parts = append(parts, fitLines(m.withQuoteStatus(m.statusView()), m.width, 1))
	parts = append(parts, m.shortHelp())
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

// fitLines cuts or pads s to exactly h lines of at most w cells.
func fitLines(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if safetext.Width(l) > w {
			lines[i] = safetext.Truncate(l, w)
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
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

// bodyFitted is fitLines(m.bodyView(), m.width, m.bodyHeight()). With the
// render cache on, the list and the detail pane are put together line by
// line at widths known as they are drawn, from cached rows, instead of
// measuring every line again in Style.Render, JoinHorizontal and fitLines.
func (m *Model) bodyFitted() string {
	w, h := m.width, m.bodyHeight()
	if m.rc != nil && !(m.help.ShowAll && m.mode == modeList) {
		switch m.mode {
		case modeEditor, modePicker, modeWizard, modeMove, modeExport:
		default:
			if w >= wideWidth {
				if s, ok := m.wideBody(w, h); ok {
					return s
				}
			} else if m.mode != modeDetail && (m.mode != modeConfirm || m.confirm.back != modeDetail) {
				lines, _ := m.listLines(w, h)
				return strings.Join(lines, "\n")
			}
		}
	}
	return fitLines(m.bodyView(), w, h)
}

// wideBody is the wide layout of bodyView, fitted; ok is false when it
// cannot be drawn line by line (bodyView draws it then).
func (m *Model) wideBody(w, h int) (string, bool) {
	lw := min(w*3/5, 110)
	list, lws := m.listLines(lw-1, h)
	style := m.styles.Pane
	if m.mode == modeDetail {
		style = m.styles.PaneFocus
	}
	dw := w - lw - 2
	dl, dws := fitLinesW(m.detailView(dw, h, m.mode == modeDetail), dw, h)
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

func (m *Model) headerView() string {
	s, t := &m.styles, m.t
	src := m.data.source
	right := fmt.Sprintf("%d %s", len(m.data.tickers), t.Tickers)
	if len(m.view.rows) != len(m.data.tickers) {
		right = fmt.Sprintf("%d %s %d %s", len(m.view.rows), t.Of, len(m.data.tickers), t.Tickers)
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

func (m *Model) bodyView() string {
	w, h := m.width, m.bodyHeight()
	if m.help.ShowAll && m.mode == modeList {
		m.help.Width = w
		return m.help.FullHelpView(m.keys.listHelp().FullHelp())
	}
	switch m.mode {
	case modeEditor, modePicker, modeWizard, modeMove, modeExport:
		return m.dialogView()
	}
	if w >= wideWidth {
		lw := min(w*3/5, 110) // very wide: the detail pane takes the rest
		list := padLines(fitLines(m.listView(lw-1, h), lw-1, h), lw-1)
		style := m.styles.Pane
		if m.mode == modeDetail {
			style = m.styles.PaneFocus
		}
		dw := w - lw - 2
		det := style.Height(h).Render(fitLines(m.detailView(dw, h, m.mode == modeDetail), dw, h))
		return lipgloss.JoinHorizontal(lipgloss.Top, list+" ", det)
	}
	if m.mode == modeDetail || (m.mode == modeConfirm && m.confirm.back == modeDetail) {
		return m.detailView(w, h, true)
	}
	return m.listView(w, h)
}

func (m *Model) dialogView() string {
	w, h := m.dialogSize()
	var body string
	switch m.mode {
	case modeEditor:
		title := sprintf(m.t.NewNote, m.editor.label)
		if m.editor.id != 0 {
			title = sprintf(m.t.EditNote, m.editor.label)
		}
		body = m.editor.view(safetext.Truncate(title, w), &m.styles, m.t)
	case modePicker:
		body = m.picker.view(m.t, &m.styles, w)
	case modeWizard:
		title := m.t.AddPrompt + "  " + m.t.AddTo + m.t.Colon + m.sectorLabel(m.wizard.sector)
		body = m.wizard.view(title, m.t, &m.styles, w, h)
	case modeMove:
		body = m.mover.view(m.t, &m.styles, w, h)
	case modeExport:
		body = m.exporter.view(m.t, &m.styles, w)
	}
	return m.styles.Box.Width(w + 2).Render(fitLines(body, w, min(strings.Count(body, "\n")+1, h)))
}

// statusView is the filter in force and the last message.
func (m *Model) statusView() string {
	s, t := &m.styles, m.t
	switch m.mode {
	case modeSearch:
		m.query.Width = max(m.width-4, 10)
		if m.view.query != "" && len(m.view.rows) == 0 {
			m.query.Width = max(m.width-6-safetext.Width(t.NoMatch), 10)
			return m.query.View() + "  " + s.Error.Render(t.NoMatch)
		}
		return m.query.View()
	case modeConfirm:
		return s.Error.Render(m.confirm.question)
	}
	var parts []string
	if m.view.ratingFilterOn() {
		var rs []string
		for _, r := range sectors.Ratings {
			if m.view.ratings[r] {
				rs = append(rs, t.rating(r))
			}
		}
		parts = append(parts, t.Filter+t.Colon+strings.Join(rs, t.ListSep))
	}
	if m.view.query != "" {
		parts = append(parts, t.Search+t.Colon+"/"+safeLine(m.view.query))
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
	if left != "" && msg != "" {
		return left + "  " + msg
	}
	return left + msg
}

// helpKeys is the help of what has focus now.
func (m *Model) helpKeys() help.KeyMap {
	switch m.mode {
	case modeSearch:
		return helpFor{short: []key.Binding{m.keys.Keep, m.keys.Cancel}}
	case modeDetail:
		return m.keys.detailHelp()
	case modeEditor:
		if m.editor.ask {
			return m.keys.confirmHelp()
		}
		return m.keys.editorHelp()
	case modePicker:
		return m.keys.pickerHelp()
	case modeWizard:
		return m.keys.wizardHelp()
	case modeMove:
		return m.keys.moverHelp()
	case modeExport:
		return m.keys.exportHelp()
	case modeConfirm:
		return m.keys.confirmHelp()
	}
	return m.keys.listHelp()
}
