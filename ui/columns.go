package ui

import (
	"strconv"
	"time"

	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// The list's columns. Code, name and rating are always there, in that
// order; every other column is a columnDef in the registry, and the user
// chooses which are shown and in what order (the C dialog, the config
// file's columns key). A new column is one registerColumn call, usually
// in the init of the file that computes its value:
//
//	func init() {
//		registerColumn(columnDef{ID: "excess", En: "Excess", Zh: "超额", Min: 7, Ideal: 8,
//			Align: alignRight, Prices: true, Cell: func(c *cellCtx) string { … }})
//	}
//
// Layout: the columns chosen are shown in their order at their minimum
// width; when they do not all fit, the one of the highest Keep goes (the
// rightmost of equals), until they fit, so a column disappears only when
// the space runs out and never comes back at a narrower width. Then they
// grow towards their ideal width in order; a column with no ideal width
// (the latest note) takes what is left.

type colAlign int

const (
	alignLeft colAlign = iota
	alignRight
)

// cellCtx is what a cell is drawn from.
type cellCtx struct {
	tk     *sectors.Ticker
	pc     *priceCells       // the formatted price cells; nil without quotes
	hc     *histCell         // the history cells; nil without the price history
	q      *sectors.Quote    // the ticker's quote; nil when there is none
	pos    *sectors.Position // the shares held; nil when none (poscols.go)
	t      *common.Text
	loc    *time.Location
	sector func(id string) string // a sector's label
}

// columnDef is one column the list can show.
type columnDef struct {
	ID     string // as the config file's columns key names it
	En, Zh string // the header
	// Min and Ideal are widths in cells (MinZh and IdealZh, when not 0,
	// in Chinese); Ideal 0 makes the column take what is left.
	Min, Ideal, MinZh, IdealZh int
	Align                      colAlign
	// Prices: shown only while quotes are in (offline, the list keeps
	// its plain columns).
	Prices bool
	// AllOnly: shown on the All tab only (the sector, which a sector's
	// tab names already).
	AllOnly bool
	// History: shown only once the price history is loaded.
	History bool
	// Positions: shown only while a ticker among the rows shown holds
	// shares (poscols.go).
	Positions bool
	// Keep is the column's rank when space runs out: 1 goes last; the
	// highest goes first (0 counts as 8), the rightmost of a rank first.
	Keep int
	// Cell is the plain text of the cell; Style, when not nil, colours it
	// on a row that is not selected (upDown colours a rise or a fall).
	Cell  func(c *cellCtx) string
	Style func(c *cellCtx, s *common.Styles, upDown func(int) lipgloss.Style) lipgloss.Style
	// Mark, when not nil, is a mark kept whole at the end of the cell
	// (the sector's +N of the groups): the text gives way to it.
	Mark func(c *cellCtx) string
}

// text is the cell's text for a column w cells wide: the mark, if any,
// whole after the text cut by display width to the room it leaves.
func (d *columnDef) text(c *cellCtx, w int) string {
	s := d.Cell(c)
	if d.Mark == nil {
		return s
	}
	mk := d.Mark(c)
	if mk == "" {
		return s
	}
	if room := w - safetext.Width(mk) - 1; room > 0 {
		return safetext.Truncate(s, room) + " " + mk
	}
	return mk // no room for the text: the mark says more than a cut letter
}

func (d *columnDef) header(t *common.Text) string {
	if t.ZH && d.Zh != "" {
		return d.Zh
	}
	return d.En
}

func (d *columnDef) widths(t *common.Text) (lo, ideal int) {
	lo, ideal = d.Min, d.Ideal
	if t.ZH && d.MinZh > 0 {
		lo = d.MinZh
	}
	if t.ZH && d.IdealZh > 0 {
		ideal = d.IdealZh
	}
	return lo, ideal
}

var (
	columnRegistry = map[string]*columnDef{}
	columnOrder    []string // registration order: the order of the C dialog
)

// registerColumn adds a column to the registry; a second one with the
// same ID replaces the first.
func registerColumn(d columnDef) {
	if _, ok := columnRegistry[d.ID]; !ok {
		columnOrder = append(columnOrder, d.ID)
	}
	columnRegistry[d.ID] = &d
}

// defaultColumns are the columns shown when the user chose none.
var defaultColumns = []string{"last", "change_pct", "return", "excess", "qty", "cost", "pnl", "pnl_pct", "sector", "board", "note", "spark", "changed"}

// columnAliases are other names of a column, as the config file accepts.
var columnAliases = map[string]string{"pct": "change_pct", "ret": "return", "at": "changed", "pe_ttm": "pe"}

// knownColumns keeps the ids of the registry, in order, once each;
// aliases are resolved and the fixed columns (code, name, rating) dropped.
func knownColumns(ids []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		if a, ok := columnAliases[id]; ok {
			id = a
		}
		if _, ok := columnRegistry[id]; ok && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func init() {
	dir := func(c *cellCtx, s *common.Styles, upDown func(int) lipgloss.Style) lipgloss.Style {
		if c.pc == nil || c.pc.dim {
			return s.Dim
		}
		if c.pc.limit != sectors.NotAtLimit {
			return upDown(c.pc.dir).Reverse(true)
		}
		return upDown(c.pc.dir)
	}
	q := func(f func(q *sectors.Quote) string) func(c *cellCtx) string {
		return func(c *cellCtx) string {
			if c.q == nil {
				return ""
			}
			return f(c.q)
		}
	}
	registerColumn(columnDef{ID: "last", Keep: 2, En: "Last", Zh: "现价", Min: 9, Ideal: 9, Align: alignRight, Prices: true,
		Cell: func(c *cellCtx) string {
			if c.pc == nil {
				return ""
			}
			return c.pc.last
		}, Style: dir})
	registerColumn(columnDef{ID: "change", En: "Chg", Zh: "涨跌", Min: 7, Ideal: 7, Align: alignRight, Prices: true,
		Cell: q(func(q *sectors.Quote) string {
			s := strconv.FormatFloat(q.Change, 'f', 2, 64)
			if q.Change > 0 {
				s = "+" + s
			}
			return s
		}), Style: dir})
	registerColumn(columnDef{ID: "change_pct", Keep: 3, En: "Chg%", Zh: "涨跌幅", Min: 7, Ideal: 7, Align: alignRight, Prices: true,
		Cell: func(c *cellCtx) string {
			if c.pc == nil {
				return ""
			}
			return c.pc.pct
		}, Style: dir})
	registerColumn(columnDef{ID: "return", Keep: 1, En: "Return", Zh: "评级以来", Min: 8, Ideal: 8, Align: alignRight, Prices: true,
		Cell: func(c *cellCtx) string {
			if c.pc == nil {
				return ""
			}
			return c.pc.ret
		}, Style: func(c *cellCtx, s *common.Styles, upDown func(int) lipgloss.Style) lipgloss.Style {
			if c.pc == nil || c.pc.retDir == 0 {
				return s.Dim
			}
			return upDown(c.pc.retDir)
		}})
	registerColumn(columnDef{ID: "volume", En: "Volume", Zh: "成交量", Min: 8, Ideal: 9, Align: alignRight, Prices: true,
		Cell: q(func(q *sectors.Quote) string { return compact(float64(q.Volume)) })})
	registerColumn(columnDef{ID: "amount", En: "Amount", Zh: "成交额", Min: 8, Ideal: 9, Align: alignRight, Prices: true,
		Cell: q(func(q *sectors.Quote) string { return compact(q.Amount) })})
	registerColumn(columnDef{ID: "turnover", En: "Turn%", Zh: "换手率", Min: 6, Ideal: 7, Align: alignRight, Prices: true,
		Cell: q(func(q *sectors.Quote) string {
			if q.Turnover == 0 {
				return "-"
			}
			return strconv.FormatFloat(q.Turnover, 'f', 2, 64) + "%"
		})})
	registerColumn(columnDef{ID: "pe", En: "PE", Zh: "市盈率", Min: 6, Ideal: 7, Align: alignRight, Prices: true,
		Cell: q(func(q *sectors.Quote) string {
			if q.PE <= 0 {
				return "-"
			}
			return strconv.FormatFloat(q.PE, 'f', 1, 64)
		})})
	registerColumn(columnDef{ID: "sector", Keep: 6, En: "Sector", Zh: "板块", Min: 8, Ideal: 14, MinZh: 8, IdealZh: 12, AllOnly: true,
		Cell: func(c *cellCtx) string { return c.sector(c.tk.Sector) },
		Mark: func(c *cellCtx) string {
			if len(c.tk.Groups) > 0 {
				return "+" + strconv.Itoa(len(c.tk.Groups))
			}
			return ""
		}})
	registerColumn(columnDef{ID: "board", Keep: 7, En: "Board", Zh: "上市板", Min: 12, Ideal: 12, MinZh: 9, IdealZh: 9,
		Cell: func(c *cellCtx) string { return string(c.tk.Code.Exchange) + " " + c.t.Board(c.tk.Code.Board()) }})
	registerColumn(columnDef{ID: "since", En: "Rated", Zh: "评级日", Min: 10, Ideal: 10,
		Cell: func(c *cellCtx) string {
			if c.tk.RatingAt.IsZero() {
				return ""
			}
			return c.tk.RatingAt.In(c.loc).Format("2006-01-02")
		}})
	registerColumn(columnDef{ID: "note", Keep: 4, En: "Latest note", Zh: "最新笔记", Min: 8,
		Cell: func(c *cellCtx) string {
			if n, ok := c.tk.LatestNote(); ok {
				return safetext.FirstLine(safeBlock(n.Text))
			}
			return ""
		}})
	registerColumn(columnDef{ID: "changed", Keep: 5, En: "Changed", Zh: "更新", Min: 10, Ideal: 10,
		Cell: func(c *cellCtx) string {
			if c.tk.Updated.IsZero() {
				return ""
			}
			return c.tk.Updated.In(c.loc).Format("2006-01-02")
		}})
}

// compact writes a large number short: 1.23亿-style in spirit, in the
// units both languages read (K, M, B).
func compact(v float64) string {
	switch {
	case v >= 1e9:
		return strconv.FormatFloat(v/1e9, 'f', 2, 64) + "B"
	case v >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', 1, 64) + "M"
	case v >= 1e4:
		return strconv.FormatFloat(v/1e3, 'f', 0, 64) + "K"
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}

// The model's columns.
