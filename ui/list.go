package ui

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
