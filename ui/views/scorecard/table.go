package scorecard

// The scorecard's tables: the groups and a group's calls, each dropping
// its least needed columns to fit the width.

import (
	"slices"
	"strconv"
	"strings"

	"zixuan/safetext"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

// col is one column of a table that drops columns to fit: by rank, the
// lowest first (0 never).
type col struct {
	head  string
	w     int
	right bool
	rank  int
}

// fitCols says which columns show in width: the flexible first column
// keeps at least minFirst cells, and takes what is left.
func fitCols(cols []col, width, minFirst int) (shown []bool, first int) {
	shown = make([]bool, len(cols))
	used := 2 + minFirst // the mark
	shown[0] = true
	order := make([]int, 0, len(cols))
	for i := 1; i < len(cols); i++ {
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cols[b].rank - cols[a].rank })
	for _, i := range order {
		if used+1+cols[i].w <= width {
			shown[i] = true
			used += 1 + cols[i].w
		}
	}
	return shown, min(minFirst+width-used, maxFirst)
}

// maxFirst bounds a table's first column: a name needs no more, and the
// numbers stay near it on a wide screen.
const maxFirst = 48

// tableRow lays cells out under cols; cells come plain, style colours the
// i-th cell after it is fitted.
func tableRow(cols []col, shown []bool, first int, mark string, cells []string, style func(i int, s string) string) string {
	var b strings.Builder
	b.WriteString(mark)
	for i, c := range cols {
		if !shown[i] {
			continue
		}
		w := c.w
		if i == 0 {
			w = first
		} else {
			b.WriteByte(' ')
		}
		cell := safetext.Fit(cells[i], w)
		if c.right {
			cell = safetext.FitLeft(cells[i], w)
		}
		if i == 0 {
			cell = common.FitName(cells[i], w)
		}
		if style != nil {
			cell = style(i, cell)
		}
		b.WriteString(cell)
	}
	return b.String()
}

// codeOfKey is the code number of a call key (SH688111@source@date).
func codeOfKey(k string) string {
	c, _, _ := strings.Cut(k, "@")
	if len(c) > 6 {
		return c[len(c)-6:]
	}
	return c
}

func (v Model) groupLines() []string {
	s, w, rt := v.Styles, v.Width, v.T.Reports
	cols := []col{
		{head: rt.ColGroup, rank: 9},
		{head: rt.ColCalls, w: 7, right: true, rank: 8},
		{head: rt.ColBeat, w: 5, right: true, rank: 6},
		{head: rt.ColHit, w: 5, right: true, rank: 5},
		{head: rt.ColMean, w: 8, right: true, rank: 7},
		{head: rt.ColMedian, w: 8, right: true, rank: 4},
		{head: rt.ColBest, w: 6, rank: 3},
		{head: rt.ColWorst, w: 6, rank: 2},
	}
	shown, first := fitCols(cols, w, 14)
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.head
	}
	out := []string{s.ColHead.Render(tableRow(cols, shown, first, "  ", heads, nil))}
	rows := max(v.Height-3, 1)
	from := common.Window(v.sel, len(v.groups), rows)
	for i := from; i < min(from+rows, len(v.groups)); i++ {
		g := v.groups[i]
		// calls: rated+unrated when a group has unrated picks; the hit
		// rate is of the rated ones, the means of the excess in each
		// call's direction ("-" where none has one)
		calls := strconv.Itoa(g.Count)
		if g.Unrated > 0 {
			calls = strconv.Itoa(g.Rated) + "+" + strconv.Itoa(g.Unrated)
		}
		hit, mean, median, best, worst := "-", "-", "-", "", ""
		if g.Judged > 0 {
			hit = strconv.FormatFloat(g.HitRatePct, 'f', 0, 64) + "%"
		}
		if g.Directed > 0 {
			mean, median, best, worst = common.Pct(g.MeanExcessPct, 1), common.Pct(g.MedianExcessPct, 1), codeOfKey(g.Best.Key), codeOfKey(g.Worst.Key)
		}
		cells := []string{v.label(g.By, g.Key), calls, strconv.Itoa(g.Beat), hit, mean, median, best, worst}
		if i == v.sel {
			out = append(out, s.Selected.Render(tableRow(cols, shown, first, "> ", cells, nil)))
			continue
		}
		out = append(out, tableRow(cols, shown, first, "  ", cells, func(j int, c string) string {
			switch j {
			case 4:
				return v.UpDown(common.Sign(g.MeanExcessPct)).Render(c)
			case 5:
				return v.UpDown(common.Sign(g.MedianExcessPct)).Render(c)
			}
			return c
		}))
	}
	return out
}

func (v Model) callLines() []string {
	s, w, rt, t := v.Styles, v.Width, v.T.Reports, v.T
	rw := 11
	if t.ZH {
		rw = 6
	}
	cols := []col{
		{head: t.ColName, rank: 9},
		{head: t.ColCode, w: 6, rank: 8},
		{head: rt.ColCall, w: rw, rank: 4},
		{head: rt.ColDate, w: 10, rank: 3},
		{head: rt.ColRef, w: 8, right: true, rank: 1},
		{head: rt.ColLast, w: 8, right: true, rank: 2},
		{head: rt.ColReturn, w: 8, right: true, rank: 6},
		{head: v.bench, w: 8, right: true, rank: 5},
		{head: rt.ColExcess, w: 8, right: true, rank: 7},
		{head: t.Ratings.ColTarget, w: 8, right: true, rank: 0}, // the first to go on a narrow screen
	}
	shown, first := fitCols(cols, w, 10)
	first = min(first, 16)
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.head
	}
	out := []string{s.ColHead.Render(tableRow(cols, shown, first, "  ", heads, nil))}
	rows := max(v.Height-3, 1)
	from := common.Window(v.csel, len(v.rows), rows)
	for i := from; i < min(from+rows, len(v.rows)); i++ {
		c := v.rows[i]
		cells := []string{common.DisplayName(c.Name), c.Code.Number, t.Rating(c.Rating), market.ChinaDate(c.Day), "", "", "", "", "", ""}
		if c.Target > 0 {
			cells[9] = common.Price(c.Target)
		}
		r := c.Result
		if c.Err == nil {
			cells[4], cells[5] = common.Price(r.Ref.Price), common.Price(c.Last)
			if r.Suspended { // its last trade: no trade since (the scorecard's "halted")
				cells[5] += " " + t.Quotes.Halt
			}
			cells[6], cells[7], cells[8] = common.Pct(r.ReturnPct, 1), common.Pct(r.BenchmarkPct, 1), common.Pct(r.ExcessPct, 1)
			if r.Uncertain {
				cells[8] = "?" + cells[8]
			}
		} else {
			cells[8] = "-"
		}
		if i == v.csel {
			out = append(out, s.Selected.Render(tableRow(cols, shown, first, "> ", cells, nil)))
			continue
		}
		out = append(out, tableRow(cols, shown, first, "  ", cells, func(j int, cell string) string {
			if c.Err != nil {
				if j >= 4 {
					return s.Dim.Render(cell)
				}
				return cell
			}
			switch j {
			case 2:
				return s.Rating[c.Rating].Render(cell)
			case 6:
				return v.UpDown(common.Sign(r.ReturnPct)).Render(cell)
			case 7:
				return v.UpDown(common.Sign(r.BenchmarkPct)).Render(cell)
			case 8:
				return v.UpDown(common.Sign(r.ExcessPct)).Render(cell)
			}
			return cell
		}))
	}
	return out
}
