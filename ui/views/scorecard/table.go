package scorecard

import (
	"slices"
	"strings"

	"zixuan/safetext"

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
