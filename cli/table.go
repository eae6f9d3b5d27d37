package cli

import (
	"fmt"
	"io"
	"strings"

	"zixuan/safetext"
)

// writeTable prints rows under a header in columns aligned by display
// width, so a row with 星环科技-U lines up with one holding 通行宝. Columns
// listed in right are aligned right (numbers). Cells must already be inert
// (safetext.Line).
func writeTable(w io.Writer, header []string, rows [][]string, right ...int) {
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = safetext.Width(h)
	}
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], safetext.Width(cell))
		}
	}
	isRight := map[int]bool{}
	for _, i := range right {
		isRight[i] = true
	}
	line := func(cells []string) {
		var b strings.Builder
		for i, cell := range cells {
			if isRight[i] {
				b.WriteString(safetext.FitLeft(cell, widths[i]))
			} else {
				b.WriteString(safetext.Fit(cell, widths[i]))
			}
			b.WriteString("  ")
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	line(header)
	for _, r := range rows {
		line(r)
	}
}
