package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"zixuan/safetext"
	"zixuan/sectors"
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
	last, pct, ret                      int // prices, when quotes are on
	excess, spark                       int // from the price history (history.go)
}

const marker = 2 // "> " before the selected row

// layoutColumns fits the columns in width. Code, name and rating always
// show; with quotes on, the return since the rating comes next, then the
// last price and change; the change date, the board and the note are
// dropped before them on a narrow screen.
func layoutColumns(width int, t *text, prices bool) columns {
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
	if prices {
		if rest >= 9 {
			c.ret = 8
			rest -= c.ret + 1
		}
		if rest >= 18 {
			c.last, c.pct = 9, 7
			rest -= c.last + c.pct + 2
		}
	}
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
	if rest > 22 || rest > 14 && width > 90 {
		c.name += 2 // room for 九号公司-WD and 5-character names while space is free
		rest -= 2
	}
	if rest >= 2 {
		c.note = rest - 1
	}
	return c
}

// header is the column header line.
func (c columns) header(t *text, s *Styles) string {
	q := quoteTextFor(t)
	p := [5]string{safetext.FitLeft(q.ColLast, c.last), safetext.FitLeft(q.ColPct, c.pct), safetext.FitLeft(q.ColRet, c.ret),
		safetext.FitLeft(reportTextFor(t).ColExcess, c.excess), safetext.Fit(reportTextFor(t).ColSpark, c.spark)}
	return s.ColHead.Render(c.join(strings.Repeat(" ", marker), t.ColCode, t.ColName, t.ColBoard, safetext.Fit(t.ColRating, c.rating), t.ColNote, t.ColAt, p))
}

// join lays a row out; rating and the price cells p (last, change,
// return, excess, sparkline) come fitted to their widths (and maybe
// styled).
func (c columns) join(mark, code, name, board, rating, note, at string, p [5]string) string {
	var b strings.Builder
	b.WriteString(mark)
	b.WriteString(safetext.Fit(code, c.code))
	b.WriteString(" ")
	b.WriteString(safetext.Fit(name, c.name))
	if c.last > 0 {
		b.WriteString(" ")
		b.WriteString(p[0])
		b.WriteString(" ")
		b.WriteString(p[1])
	}
	if c.board > 0 {
		b.WriteString(" ")
		b.WriteString(safetext.Fit(board, c.board))
	}
	b.WriteString(" ")
	b.WriteString(rating)
	if c.ret > 0 {
		b.WriteString(" ")
		b.WriteString(p[2])
	}
	if c.excess > 0 {
		b.WriteString(" ")
		b.WriteString(p[3])
	}
	if c.spark > 0 {
		b.WriteString(" ")
		b.WriteString(p[4])
	}
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

// displayName is the ticker's name made inert, with a "!" before names
// under risk warning (ST; *ST carries its own star), in the form terminals
// show (万科A, not 万  科Ａ).
func displayName(name string) string {
	n := safeLine(sectors.DisplayName(name))
	if sectors.IsRiskWarning(name) && !strings.HasPrefix(n, "*") {
		return "!" + n
	}
	return n
}

// row draws one ticker; pc is its price cells (nil without quotes), hc
// its history cells (nil without history).
func (c columns) row(tk *sectors.Ticker, pc *priceCells, hc *histCell, selected bool, t *text, s *Styles, loc *time.Location, upDown func(int) lipgloss.Style) string {
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
	name := fitName(displayName(tk.Name), c.name)
	var p [5]string
	if pc != nil {
		p[0], p[1], p[2] = safetext.FitLeft(pc.last, c.last), safetext.FitLeft(pc.pct, c.pct), safetext.FitLeft(pc.ret, c.ret)
	}
	p[3], p[4] = c.excessCell(hc, selected, s, upDown), c.sparkCell(hc, selected, s)
	mark := "  "
	if pc != nil && pc.alert {
		mark = alertMark + " "
	}
	if selected {
		return s.Selected.Render(c.join(">"+mark[:1], tk.Code.Number, name, board, rating, note, at, p))
	}
	rating = s.Rating[tk.Rating].Render(rating)
	if sectors.IsRiskWarning(tk.Name) {
		name = s.Risk.Render(name)
	}
	if pc != nil {
		if pc.dim {
			p[0], p[1] = s.Dim.Render(p[0]), s.Dim.Render(p[1])
		} else {
			st := upDown(pc.dir)
			p[0], p[1] = st.Render(p[0]), st.Render(p[1])
		}
		if pc.retDir == 0 {
			p[2] = s.Dim.Render(p[2])
		} else {
			p[2] = upDown(pc.retDir).Render(p[2])
		}
	}
	return c.join(mark, tk.Code.Number, name, board, rating, note, at, p)
}
