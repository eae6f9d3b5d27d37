package ui

import (
	"strings"

	"zixuan/safetext"
)

// listModel is the ticker table's cursor and scroll position. Rows are
// drawn by hand with safetext.Fit so double-width names keep every column
// aligned (bubbles v1's table cuts with go-runewidth), and only the rows on
// screen are drawn.
type listModel struct {
	n      int // rows in the view
	cursor int
	offset int // first row shown
	height int // rows that fit
}

func (l *listModel) setRows(n int) { l.n = n; l.clamp() }

func (l *listModel) clamp() {
	if l.cursor >= l.n {
		l.cursor = l.n - 1
	}
	if l.cursor < 0 {
		l.cursor = 0
	}
	h := max(l.height, 1)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	if l.offset > l.n-h {
		l.offset = l.n - h
	}
	if l.offset < 0 {
		l.offset = 0
	}
}

func (l *listModel) move(d int) { l.cursor += d; l.clamp() }
func (l *listModel) top()       { l.cursor = 0; l.clamp() }
func (l *listModel) bottom()    { l.cursor = l.n - 1; l.clamp() }
func (l *listModel) page(d int) { l.move(d * max(l.height-1, 1)) }

// starSuffixes mark STAR share classes (-U not yet profitable, -W weighted
// voting, -D CDR): they carry meaning, so a name too long for its column is
// cut before them.
var starSuffixes = []string{"-UWD", "-UW", "-WD", "-U", "-W", "-D"}

// fitName fits a display name in w cells, cutting the company part and
// keeping a STAR suffix whole (九号…-WD rather than 九号公司-…).
func fitName(name string, w int) string {
	if safetext.Width(name) <= w {
		return safetext.Fit(name, w)
	}
	for _, suf := range starSuffixes {
		if core, ok := strings.CutSuffix(name, suf); ok && core != "" && w > len(suf)+1 {
			return safetext.Fit(safetext.Truncate(core, w-len(suf))+suf, w)
		}
	}
	return safetext.Fit(name, w)
}
