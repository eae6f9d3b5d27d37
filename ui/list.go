package ui

import (
	"strings"
	"time"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/store"
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

// columns are the widths of the table's columns for a given width; a zero
// width means the column is left out.
type columns struct {
	code, name, board, rating, note, at int
}

const marker = 2 // "> " before the selected row

func layoutColumns(width int, t *text) columns {
	c := columns{code: 6, name: 10, rating: 11, at: 10}
	if t.zh {
		c.rating = 6
	}
	if t.zh {
		c.board = 9 // "SH 科创板"
	} else {
		c.board = 12 // "SZ SZSE Main"
	}
	used := marker + c.code + 1 + c.name + 1 + c.rating
	rest := width - used
	if rest < c.at+1+8 {
		c.at = 0
	} else {
		rest -= c.at + 1
	}
	if rest < c.board+1+12 {
		c.board = 0
	} else {
		rest -= c.board + 1
	}
	if rest > 14 && width > 90 {
		c.name += 2 // room for longer names on wide screens
		rest -= 2
	}
	if rest >= 2 {
		c.note = rest - 1
	}
	return c
}

// header is the column header line.
func (c columns) header(t *text, s *Styles) string {
	return s.ColHead.Render(c.join(strings.Repeat(" ", marker), t.ColCode, t.ColName, t.ColBoard, safetext.Fit(t.ColRating, c.rating), t.ColNote, t.ColAt))
}

func (c columns) join(mark, code, name, board, rating, note, at string) string {
	var b strings.Builder
	b.WriteString(mark)
	b.WriteString(safetext.Fit(code, c.code))
	b.WriteString(" ")
	b.WriteString(safetext.Fit(name, c.name))
	if c.board > 0 {
		b.WriteString(" ")
		b.WriteString(safetext.Fit(board, c.board))
	}
	b.WriteString(" ")
	b.WriteString(rating)
	if c.note > 0 {
		b.WriteString(" ")
		b.WriteString(safetext.Fit(note, c.note))
	}
	if c.at > 0 {
		b.WriteString(" ")
		b.WriteString(safetext.Fit(at, c.at))
	}
	return b.String()
}

// displayName is the ticker's name made inert, with a "!" before names
// under risk warning (ST, *ST).
func displayName(name string) string {
	n := safeLine(name)
	if sectors.IsRiskWarning(name) {
		return "!" + n
	}
	return n
}

// row draws one ticker.
func (c columns) row(tk *store.Ticker, selected bool, t *text, s *Styles, loc *time.Location) string {
	note := ""
	if n, ok := tk.LatestNote(); ok {
		note = safetext.FirstLine(safeBlock(n.Text))
	}
	at := ""
	if !tk.Updated.IsZero() {
		at = tk.Updated.In(loc).Format("2006-01-02")
	}
	board := string(tk.Code.Exchange) + " " + t.board(tk.Code.Board())
	rating := safetext.Fit(t.rating(tk.Rating), c.rating)
	name := displayName(tk.Name)
	if selected {
		return s.Selected.Render(c.join("> ", tk.Code.Number, name, board, rating, note, at))
	}
	rating = s.Rating[tk.Rating].Render(rating)
	if sectors.IsRiskWarning(tk.Name) {
		name = s.Risk.Render(safetext.Fit(name, c.name))
	}
	return c.join("  ", tk.Code.Number, name, board, rating, note, at)
}

// view draws the header and the visible rows in width x height.
func (m *Model) listView(width, height int) string {
	c := layoutColumns(width, m.t)
	lines := []string{c.header(m.t, &m.styles)}
	if len(m.view.rows) == 0 {
		lines = append(lines, m.styles.Dim.Render(safetext.Truncate(m.t.NoRows, width)))
	}
	end := min(m.list.offset+m.list.height, len(m.view.rows))
	for i := m.list.offset; i < end; i++ {
		tk := &m.data.tickers[m.view.rows[i]]
		lines = append(lines, c.row(tk, i == m.list.cursor, m.t, &m.styles, m.opts.Location))
	}
	return strings.Join(lines, "\n")
}
