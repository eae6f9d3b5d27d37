package report

import (
	"strings"
	"unicode"

	"zixuan/sectors"
)

// table is a table of stocks: 代码 名称 股价 EPS PE 评级, its columns split
// by tabs, by spaces or by markdown pipes.
type table struct {
	head tableHead
	rows [][]string // cells as written, trimmed
}

type tableHead struct {
	cells              []string
	sep                byte // '\t', '|' or ' ' (any run of spaces)
	code, name, rating int  // column of each, -1 when the header has none
}

// tableHeader recognises the header of a table of stocks: a code column and
// a name column (代码/证券代码, 名称/简称/证券简称).
func tableHeader(line string) (tableHead, bool) {
	if !strings.Contains(line, "代码") {
		return tableHead{}, false
	}
	h := tableHead{code: -1, name: -1, rating: -1, sep: ' '}
	switch {
	case strings.Contains(line, "|"):
		h.sep = '|'
	case strings.Contains(line, "\t"):
		h.sep = '\t'
	}
	h.cells = splitCells(line, h.sep)
	if len(h.cells) < 2 || len(h.cells) > 30 {
		return tableHead{}, false
	}
	for i, c := range h.cells {
		f := string(fold(c))
		if runeLen(f) > 12 {
			return tableHead{}, false // a sentence that mentions 代码, not a header
		}
		switch {
		case strings.Contains(f, "代码") && h.code < 0:
			h.code = i
		case (strings.Contains(f, "名称") || strings.Contains(f, "简称")) && h.name < 0:
			h.name = i
		case strings.Contains(f, "评级") && h.rating < 0:
			h.rating = i
		}
	}
	return h, h.code >= 0 && h.name >= 0
}

func splitCells(line string, sep byte) []string {
	var cells []string
	switch sep {
	case '|':
		cells = strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
	case '\t':
		cells = strings.Split(strings.TrimSpace(line), "\t")
	default:
		return strings.Fields(line)
	}
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// tableRows reads the rows under a header: lines with a code in them, until
// the first line after them that has none (资料来源：Wind, a blank line). It
// returns how many lines it used.
func tableRows(lines []string, h tableHead) ([][]string, int) {
	var rows [][]string
	used := 0
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if strings.Trim(t, "|-: \t") == "" && strings.Contains(t, "-") {
			used = i + 1 // a markdown separator row
			continue
		}
		cells := splitCells(t, h.sep)
		if len(cells) < 2 && h.sep != ' ' {
			cells = strings.Fields(t)
		}
		if codeCell(cells) >= 0 {
			if len(rows) < maxMentions {
				rows = append(rows, cells)
			}
			used = i + 1
			continue
		}
		if len(rows) > 0 || i >= 2 || t == "" && i > 0 {
			break
		}
		used = i + 1 // a units line such as （元） between header and rows
	}
	return rows, used
}

// codeCell is the index of the first cell that is a stock code, or -1.
func codeCell(cells []string) int {
	for i, c := range cells {
		f := string(fold(c))
		if n := len(f); n >= 6 && n <= 9 {
			if _, err := sectors.ParseCode(f); err == nil {
				return i
			}
		}
	}
	return -1
}

// tableMentions turns a table's rows into mentions. The rating is the
// rating column's cell when the row has as many cells as the header, else
// whichever cell is a rating word; the name likewise, else the cells that
// are neither numbers nor the code nor the rating (a name padded with
// spaces, 五 粮 液, splits into several).
func tableMentions(t *table, theme string) []mention {
	var out []mention
	for _, row := range t.rows {
		ci := codeCell(row)
		code, _ := sectors.ParseCode(string(fold(row[ci])))
		m := mention{theme: theme, code: code, hasCode: true, pos: len(out)}
		aligned := len(row) == len(t.head.cells)
		ri := -1
		if aligned && t.head.rating >= 0 && t.head.rating != ci {
			ri = t.head.rating
		} else {
			for i, c := range row {
				if i != ci && isRatingCell(c) {
					ri = i
					break
				}
			}
		}
		if ri >= 0 {
			m.rating = fold(row[ri])
		}
		if aligned && t.head.name >= 0 && t.head.name != ci && t.head.name != ri {
			m.written = string(fold(row[t.head.name]))
		} else {
			var b strings.Builder
			for i, c := range row {
				if i != ci && i != ri && !isNumberCell(c) {
					b.WriteString(string(fold(c)))
				}
			}
			m.written = b.String()
		}
		out = append(out, m)
	}
	return out
}

func isRatingCell(c string) bool {
	if !hasHan(c) {
		return false // B, N, S are ratings to ParseRating but columns of letters here
	}
	if _, ok := sectors.ParseBrokerRating(c); ok {
		return true
	}
	_, _, ok := nearRatingWord(fold(c))
	return ok
}

// isNumberCell: prices, EPS, PE, growth, and the dashes of a missing value.
func isNumberCell(c string) bool {
	for _, r := range c {
		if !unicode.IsDigit(r) && !strings.ContainsRune(".-%,+—–/()（）xX倍元亿NnAa*", r) {
			return false
		}
	}
	return true
}
