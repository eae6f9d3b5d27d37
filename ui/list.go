package ui

import (
	"time"

	"charm.land/lipgloss/v2"

	"zixuan/sectors"
	"zixuan/ui/common"
)

// listModel is the list pane: the ticker table's cursor and scroll
// position, and the columns the user chose. Rows are drawn by hand with
// safetext.Fit so double-width names keep every column aligned (bubbles
// v1's table cuts with go-runewidth), only the rows on screen are drawn,
// and each through the render cache (render.go), from what the root hands
// the pane for the frame (listIn).
type listModel struct {
	n      int // rows in the view
	cursor int
	offset int // first row shown
	height int // rows that fit
	// cols are the columns the user chose in the C dialog (columns.go);
	// nil is Options.Columns, or the default
	cols []string
}

// listIn is what the list pane draws from, as the root has it for one
// frame.
type listIn struct {
	t       *common.Text
	styles  *common.Styles
	loc     *time.Location
	rc      *renderCache
	tickers []sectors.Ticker // the loaded data's
	rows    []int            // the visible rows, indexes into tickers
	// the epochs of the loaded data, the price cells, the history cells
	// and the positions: a row drawn under others is drawn again
	data, cells, hist, pos uint64

	prices   bool // quotes are in
	histShow bool // the price history is loaded and shown
	held     bool // a row shown holds shares
	allTab   bool // the All tab is shown
	western  bool
	dark     bool              // the styles are for a dark background
	defaults []string          // Options.Columns
	sorted   sectors.SortOrder // the sort in force, marked in the header

	priceCells []priceCells // by ticker index
	quotes     map[string]sectors.Quote
	histCell   func(r int) *histCell
	position   func(r int) *sectors.Position
	sector     func(id string) string // a sector's label
	upDown     func(dir int) lipgloss.Style
	empty      func(width int) []string // what an empty list says
}

func (l *listModel) setRows(n int) { l.n = n; l.clamp() }

// fit sizes the list to a body bodyHeight tall (the column header takes
// a line).
func (l *listModel) fit(bodyHeight int) {
	l.height = max(bodyHeight-1, 1)
	l.clamp()
}

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
