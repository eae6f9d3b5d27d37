package cli

import (
	"bufio"
	"bytes"
	"io"
	"slices"
	"strings"

	"zixuan/safetext"
)

// writeTable prints rows under a header in columns aligned by display
// width, so a row with 星环科技-U lines up with one holding 通行宝. Columns
// listed in right are aligned right (numbers). Cells must already be inert
// (safetext.Line).
func writeTable(out io.Writer, header []string, rows [][]string, right ...int) {
	w := bufio.NewWriterSize(out, 64<<10)
	defer w.Flush()
	// every cell is measured once: at 5,538 rows measuring was most of
	// `zixuan list`
	cellWidths := func(cells []string) []int {
		ws := make([]int, len(cells))
		for i, c := range cells {
			ws[i] = safetext.Width(c)
		}
		return ws
	}
	headerWidths := cellWidths(header)
	widths := slices.Clone(headerWidths)
	measured := make([][]int, len(rows))
	for r, cells := range rows {
		measured[r] = cellWidths(cells)
		for i, cw := range measured[r] {
			widths[i] = max(widths[i], cw)
		}
	}
	isRight := map[int]bool{}
	for _, i := range right {
		isRight[i] = true
	}
	var b []byte
	line := func(cells []string, ws []int) {
		b = b[:0]
		for i, cell := range cells {
			pad := widths[i] - ws[i] // never negative: widths are the widest
			if isRight[i] {
				b = append(b, strings.Repeat(" ", pad)...)
			}
			b = append(b, cell...)
			if !isRight[i] {
				b = append(b, strings.Repeat(" ", pad)...)
			}
			b = append(b, "  "...)
		}
		b = append(bytes.TrimRight(b, " "), '\n')
		w.Write(b)
	}
	line(header, headerWidths)
	for r, cells := range rows {
		line(cells, measured[r])
	}
}
