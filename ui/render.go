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
	data, cells uint64 // epochs of the loaded data and the price cells
	hist        uint64 // epoch of the history cells (history.go)
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
func (in *detailIn) wrapped(str string, width int, style *lipgloss.Style) []string {
	rc := in.rc
	var k wrapEntry
	id := 0
	switch style {
	case &in.styles.Row:
		id = 1
	case &in.styles.Dim:
		id = 2
	}
	if id == 0 {
		rc = nil // a style not known to the memo: drawn every time
	}
	if rc != nil {
		if rc.wrapDark != in.dark || rc.wraps == nil || len(rc.wraps) >= maxWraps {
			rc.wrapDark, rc.wraps = in.dark, make(map[wrapEntry][]string)
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

// line is fitLines(m.view(width, s), width, 1), kept in rc while the
// labels, counts, the active tab, the width and colours (dark) stay.
func (m *tabsModel) line(rc *renderCache, width int, s *common.Styles, dark bool) string {
	if rc == nil {
		return fitLines(m.view(width, s), width, 1)
	}
	var fp strings.Builder
	fp.WriteString(strconv.Itoa(m.active))
	for i, l := range m.labels {
		fp.WriteByte(0)
		fp.WriteString(l)
		fp.WriteByte(1)
		if i < len(m.counts) {
			fp.WriteString(strconv.Itoa(m.counts[i]))
		}
	}
	fp.WriteByte(2)
	fp.WriteString(strconv.Itoa(len(m.ids)))
	k := helpKey{fp.String(), width, dark}
	if rc.tabs != k {
		rc.tabs = k
		rc.tabsLine = fitLines(m.view(width, s), width, 1)
	}
	return rc.tabsLine
}

type helpKey struct {
	fp    string
	width int // the screen's
	dark  bool
}

// shortHelp is fitLines(f.fitHelp(bindings), f.width, 1), kept while
// the bindings' help, the width and the colours stay.
func (f *frame) shortHelp() string {
	bs := f.help.ShortHelp()
	if f.rc == nil {
		return fitLines(fitHelp(f.helpView, f.more, bs, f.width), f.width, 1)
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
	k := helpKey{fp.String(), f.width, f.dark}
	if f.rc.help != k {
		f.rc.help = k
		f.rc.helpLine = fitLines(fitHelp(f.helpView, f.more, bs, f.width), f.width, 1)
	}
	return f.rc.helpLine
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

func (l *listModel) rowKey(in *listIn, width int) rowKey {
	return rowKey{
		data: in.data, cells: in.cells, hist: in.hist,
		t: in.t, loc: in.loc,
		width: width, prices: in.prices, western: in.western,
		dark: in.dark,
		cols: l.colKey(in),
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
func (l *listModel) listLines(in *listIn, width, height int) ([]string, []int) {
	rc := in.rc
	rc.reset(l.rowKey(in, width), len(in.tickers))
	c := l.layoutColumns(in, width)
	lines := make([]string, 0, height)
	widths := make([]int, 0, height)
	add := func(cl cachedLine) {
		if len(lines) < height {
			lines = append(lines, cl.s)
			widths = append(widths, cl.w)
		}
	}
	if !rc.header.ok {
		rc.header = fitted(c.header(in.t, in.styles), width)
	}
	add(rc.header)
	if len(in.rows) == 0 {
		for _, h := range in.empty(width) {
			add(fitted(h, width))
		}
	}
	end := min(l.offset+l.height, len(in.rows))
	for i := l.offset; i < end && len(lines) < height; i++ {
		r := in.rows[i]
		sel := 0
		if i == l.cursor {
			sel = 1
		}
		e := &rc.rows[r][sel]
		if !e.ok {
			*e = fitted(c.row(in.cellCtx(r), sel == 1, in.styles, in.upDown), width)
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
