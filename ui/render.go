package ui

import (
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/lipgloss/v2"

	"zixuan/safetext"

	"zixuan/ui/common"
)

// Rendering caches. A keystroke changes a few rows at most (the
// cursor's old and new row), so rows are drawn once and kept until what
// they are drawn from changes: the loaded data, the price cells, the
// width, the language, the styles (light or dark). Every such change makes a new
// epoch (a process-wide counter, so two copies of a Model that diverged
// never share one) and the cache drops everything when the epoch it was
// filled under is not the model's.
//
// Model is passed by value (bubbletea); the cache is behind a pointer, so
// every copy of a Model shares it. That is safe because an entry is only
// used when its whole key matches the asking model's state.

var epochs atomic.Uint64

func nextEpoch() uint64 { return epochs.Add(1) }

// rowKey is everything a row's drawing depends on besides the ticker
// index and whether it is selected.
type rowKey struct {
	data, cells uint64 // epochs of m.data and m.qs.cells
	hist        uint64 // epoch of m.hs.cells (history.go)
	t           *common.Text
	loc         *time.Location
	width       int
	prices      bool
	western     bool
	dark        bool   // the styles drawn with: for a dark or a light background
	cols        string // the columns shown (colKey)
}

type cachedLine struct {
	s  string
	w  int
	ok bool
}

type renderCache struct {
	key    rowKey
	header cachedLine
	rows   [][2]cachedLine // by ticker index; [1] is the selected look

	// wrapped detail-pane paragraphs, drawn: a pure function of the text,
	// the width and the style (so a sector's thesis, the same for all its
	// tickers, is wrapped once)
	wrapDark bool
	wraps    map[wrapEntry][]string

	calls callsCache // the detail pane's calls section (detailcalls.go)

	help     helpKey // the short help line, fitted
	helpLine string

	tabs     helpKey // the tabs line, fitted
	tabsLine string
}

type wrapEntry struct {
	text  string
	width int
	style int // 1 Row, 2 Dim
}

// maxWraps bounds the wrap memo (notes of every ticker visited).
const maxWraps = 4096

// wrapped is the detail pane's wrap: str cut into lines of width cells,
// continuation lines indented like the first, each drawn in style.
func (m *Model) wrapped(str string, width int, style *lipgloss.Style) []string {
	rc := m.rc
	var k wrapEntry
	id := 0
	switch style {
	case &m.styles.Row:
		id = 1
	case &m.styles.Dim:
		id = 2
	}
	if id == 0 {
		rc = nil // a style not known to the memo: drawn every time
	}
	if rc != nil {
		if rc.wrapDark != m.dark || rc.wraps == nil || len(rc.wraps) >= maxWraps {
			rc.wrapDark, rc.wraps = m.dark, make(map[wrapEntry][]string)
		}
		k = wrapEntry{str, width, id}
		if ls, ok := rc.wraps[k]; ok {
			return ls
		}
	}
	indent := len(str) - len(strings.TrimLeft(str, " "))
	var out []string
	for _, l := range common.WrapText(str[indent:], max(width-indent, 8)) {
		out = append(out, style.Render(strings.Repeat(" ", indent)+l))
	}
	if rc != nil {
		rc.wraps[k] = out
	}
	return out
}

// tabsView is fitLines(m.tabs.view(m.width, &m.styles), m.width, 1), kept
// while the labels, counts, the active tab, the width and colours stay.
func (m *Model) tabsView() string {
	if m.rc == nil {
		return fitLines(m.tabs.view(m.width, &m.styles), m.width, 1)
	}
	var fp strings.Builder
	fp.WriteString(strconv.Itoa(m.tabs.active))
	for i, l := range m.tabs.labels {
		fp.WriteByte(0)
		fp.WriteString(l)
		fp.WriteByte(1)
		if i < len(m.tabs.counts) {
			fp.WriteString(strconv.Itoa(m.tabs.counts[i]))
		}
	}
	fp.WriteByte(2)
	fp.WriteString(strconv.Itoa(len(m.tabs.ids)))
	k := helpKey{fp.String(), m.width, 0, m.dark}
	if m.rc.tabs != k {
		m.rc.tabs = k
		m.rc.tabsLine = fitLines(m.tabs.view(m.width, &m.styles), m.width, 1)
	}
	return m.rc.tabsLine
}

type helpKey struct {
	fp     string
	width  int // m.width, and the help's own width
	hwidth int
	dark   bool
}

// shortHelp is fitLines(m.help.ShortHelpView(bindings), m.width, 1),
// kept while the bindings' help, the width and the colours stay.
func (m *Model) shortHelp() string {
	bs := m.helpKeys().ShortHelp()
	if m.rc == nil {
		return fitLines(fitHelp(m.help, m.keys.More, bs, m.width), m.width, 1)
	}
	var fp strings.Builder
	for _, b := range bs {
		h := b.Help()
		if b.Enabled() {
			fp.WriteByte(1)
		} else {
			fp.WriteByte(2)
		}
		fp.WriteString(h.Key)
		fp.WriteByte(0)
		fp.WriteString(h.Desc)
		fp.WriteByte(0)
	}
	k := helpKey{fp.String(), m.width, m.help.Width(), m.dark}
	if m.rc.help != k {
		m.rc.help = k
		m.rc.helpLine = fitLines(fitHelp(m.help, m.keys.More, bs, m.width), m.width, 1)
	}
	return m.rc.helpLine
}

func newRenderCache() *renderCache { return &renderCache{} }

// reset drops every row when the key changed.
func (rc *renderCache) reset(k rowKey, n int) {
	if rc.key == k && len(rc.rows) == n {
		return
	}
	rc.key = k
	rc.header = cachedLine{}
	if cap(rc.rows) >= n {
		rc.rows = rc.rows[:n]
		clear(rc.rows)
	} else {
		rc.rows = make([][2]cachedLine, n)
	}
}

func (m *Model) rowKey(width int) rowKey {
	return rowKey{
		data: m.dataEpoch, cells: m.qs.epoch, hist: m.hs.epoch,
		t: m.t, loc: m.opts.Location,
		width: width, prices: m.qs.shown(&m.opts), western: m.opts.Western,
		dark: m.dark,
		cols: m.colKey(),
	}
}

// fitted is l cut to w cells as fitLines cuts it, with its width.
func fitted(l string, w int) cachedLine {
	lw := safetext.Width(l)
	if lw > w {
		l = safetext.Truncate(l, w)
		lw = safetext.Width(l)
	}
	return cachedLine{s: l, w: lw, ok: true}
}

// listLines is what fitLines(listView(width, height), width, height)
// is (listView, the plain drawing, is the test oracle: oracle_test.go),
// as lines with their widths, drawing only the rows not cached.
func (m *Model) listLines(width, height int) ([]string, []int) {
	rc := m.rc
	rc.reset(m.rowKey(width), len(m.data.tickers))
	c := m.layoutColumns(width)
	lines := make([]string, 0, height)
	widths := make([]int, 0, height)
	add := func(l cachedLine) {
		if len(lines) < height {
			lines = append(lines, l.s)
			widths = append(widths, l.w)
		}
	}
	if !rc.header.ok {
		rc.header = fitted(c.header(m.t, &m.styles), width)
	}
	add(rc.header)
	if len(m.view.rows) == 0 {
		for _, l := range emptyHint(m.t.Watch, m.styles.Dim, &m.view, m.tabs.activeID() != "", width) {
			add(fitted(l, width))
		}
	}
	end := min(m.list.offset+m.list.height, len(m.view.rows))
	upDown := partCtxOf(m).upDown
	for i := m.list.offset; i < end && len(lines) < height; i++ {
		r := m.view.rows[i]
		sel := 0
		if i == m.list.cursor {
			sel = 1
		}
		e := &rc.rows[r][sel]
		if !e.ok {
			*e = fitted(c.row(m.cellCtx(r), sel == 1, &m.styles, upDown), width)
		}
		add(*e)
	}
	for len(lines) < height {
		lines = append(lines, "")
		widths = append(widths, 0)
	}
	return lines, widths
}

// paneRender is style.Height(len(lines)).Render(strings.Join(lines, "\n"))
// for the detail pane's style (a left border and a left padding, no text
// attributes), given each line's width: every line is padded to the
// widest, after the border and the padding. ok is false for a style it
// does not know to draw this way.
func paneRender(style lipgloss.Style, lines []string, widths []int) (out []string, width int, ok bool) {
	probe := style.Render("x")
	if !strings.HasSuffix(probe, "x") || strings.Contains(probe, "\n") {
		return nil, 0, false
	}
	prefix := probe[:len(probe)-1]
	pw := safetext.Width(prefix)
	maxW := 0
	for _, w := range widths {
		maxW = max(maxW, w)
	}
	for _, l := range lines {
		if strings.ContainsAny(l, "\t\r\n") {
			return nil, 0, false
		}
	}
	out = make([]string, len(lines))
	for i, l := range lines {
		out[i] = prefix + l + strings.Repeat(" ", maxW-widths[i])
	}
	return out, pw + maxW, true
}
