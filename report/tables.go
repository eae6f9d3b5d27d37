package report

import (
	"regexp"
	"strings"
	"unicode"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// table is a table of securities as the text gives it: its header lines,
// its caption, and its rows, each a list of cells. Tables come split by
// tabs, by runs of spaces, by markdown pipes, or one cell per line (a PDF
// copied from a reader); a row wrapped onto a second line (600031. / SH,
// 三一重 / 工) is put back together.
type table struct {
	caption string   // 表 1：重点公司盈利预测 …, folded
	header  []string // header cells of every header line, folded, in order
	rows    []tableRow
}

type tableRow struct {
	cells []string // folded
	code  int      // index of the code cell
}

var cellSplit = regexp.MustCompile(`\t+|\s{2,}|\s*\|\s*`)

// splitCells splits a table line into its cells: at tabs, pipes or runs of
// two or more spaces; a line with none of them at single spaces.
func splitCells(line string) []string {
	t := strings.TrimSpace(line)
	t = strings.Trim(t, "|")
	var cells []string
	switch {
	case strings.ContainsAny(t, "\t|") || strings.Contains(t, "  ") || strings.Contains(t, " 　") || strings.Contains(t, "　 "):
		cells = cellSplit.Split(t, -1)
	case strings.ContainsAny(t, "，。；：、（）,;:()"):
		return []string{t} // prose with single spaces in it, not a row
	default:
		cells = strings.Fields(t)
	}
	out := make([]string, 0, len(cells))
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		// 0.96 1.21 27.2 or 16.0 买入: cells a single space apart, each a
		// number or a rating (a name padded 五 粮 液 stays whole).
		if parts := strings.Fields(c); len(parts) > 1 && allValues(parts) {
			out = append(out, parts...)
			continue
		}
		out = append(out, c)
	}
	return out
}

func allValues(parts []string) bool {
	for _, p := range parts {
		if !isNumberCell(p) && !isRatingCell(p) {
			return false
		}
	}
	return true
}

// codeCellKind reads a cell as a security code (600519.SH, 600031. cut by
// a wrap, 1211.HK, LI.OQ), ok false for anything else.
func codeCellKind(cell string) (secKind, market.Code, bool) {
	if len(cell) > 40 {
		return 0, market.Code{}, false
	}
	f := string(fold(cell))
	f = strings.TrimSuffix(f, ".")
	if len(f) < 4 || len(f) > 12 {
		return 0, market.Code{}, false
	}
	kind, code, _, ok := codeToken(f)
	if !ok {
		// A US ticker: LI.OQ, TSLA.O.
		if i := strings.IndexByte(f, '.'); i > 0 && isUpperWord(f[:i]) && hasAnySuffix(f, ".O", ".OQ", ".N", ".US") {
			return secUS, code, true
		}
		return 0, code, false
	}
	return kind, code, true
}

func isUpperWord(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return s != ""
}

func rowCode(cells []string) int {
	for i, c := range cells {
		if _, _, ok := codeCellKind(c); ok {
			return i
		}
	}
	return -1
}

// tableAt reads a table starting at lines[i], if one starts there: a row is
// a line of three or more cells one of which is a code; the header is the
// lines of column words just above the first row (up to three), the caption
// the line above those. n is how many lines from i the table used.
func tableAt(lines []docLine, i int) (*table, int) {
	if len(lines[i].text) > 2000 || !maybeTableLine(lines[i].text) {
		return nil, 0
	}
	if t, n := verticalTableAt(lines, i); t != nil {
		return t, n
	}
	cells := splitCells(lines[i].text)
	if !isHeaderCells(cells) && rowCode(cells) < 0 {
		return nil, 0
	}
	// header lines, then rows
	t := &table{}
	k := i
	for k < len(lines) && k-i < 4 {
		cs := splitCells(lines[k].text)
		if len(cs) == 0 || rowCode(cs) >= 0 || !isHeaderCells(cs) && !(k > i && len(cs) >= 2) {
			break
		}
		for _, c := range cs {
			t.header = append(t.header, string(fold(c)))
		}
		k++
	}
	if k < len(lines) && rowCode(splitCells(lines[k].text)) < 0 {
		return nil, 0 // column words with no rows under them
	}
	for k < len(lines) {
		text := lines[k].text
		if strings.Trim(strings.TrimSpace(text), "|-: \t") == "" && strings.Contains(text, "-") {
			k++ // a markdown separator row
			continue
		}
		cs := splitCells(text)
		ci := rowCode(cs)
		if ci >= 0 && len(cs) >= 2 {
			t.rows = append(t.rows, tableRow{cells: foldCells(cs), code: ci})
			k++
			continue
		}
		// A wrapped row: the line under it holds the rest of its cells.
		if len(t.rows) > 0 && len(cs) > 0 && len(cs) <= 3 && continuation(cs) {
			last := &t.rows[len(t.rows)-1]
			for j, c := range foldCells(cs) {
				if j == 0 && (c == "SH" || c == "SZ" || c == "BJ") {
					last.cells[last.code] = strings.TrimSuffix(last.cells[last.code], ".") + "." + c
					continue
				}
				if n := nameCell(last.cells, last.code); n >= 0 {
					last.cells[n] += c
				}
			}
			k++
			continue
		}
		break
	}
	if len(t.rows) == 0 || len(t.rows) == 1 && len(t.header) == 0 && len(cells) < 3 {
		return nil, 0
	}
	return t, k - i
}

func foldCells(cs []string) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(fold(c))
	}
	return out
}

// continuation: the cells of a line that carries on the row above (SH 工).
func continuation(cs []string) bool {
	for _, c := range cs {
		f := string(fold(c))
		if runeLen(f) > 4 || strings.ContainsAny(f, "。:，,") {
			return false
		}
	}
	return true
}

// headerWords are the column words of a securities table's header.
var headerWords = []string{"代码", "名称", "简称", "评级", "公司", "股票", "证券", "收盘价", "股价", "EPS", "PE", "目标价", "TICKER", "COMPANY", "RATING", "PRICE", "CODE", "NAME"}

func isHeaderCells(cs []string) bool {
	if len(cs) < 2 {
		return false
	}
	hits := 0
	for _, c := range cs {
		if len(c) > 60 {
			return false
		}
		f := strings.ToUpper(string(fold(c)))
		if runeLen(f) > 14 {
			return false
		}
		for _, w := range headerWords {
			if strings.Contains(f, w) {
				hits++
				break
			}
		}
	}
	return hits >= 2
}

// nameCell is the index of the row's name: the first cell of text that is
// no code, number or rating.
func nameCell(cells []string, code int) int {
	for i, c := range cells {
		if i == code || isNumberCell(c) || isRatingCell(c) {
			continue
		}
		return i
	}
	return -1
}

// verticalTableAt reads a table copied one cell per line: a run of short
// lines that holds the header words 代码 and 名称/简称, then the cells.
func verticalTableAt(lines []docLine, i int) (*table, int) {
	if len(lines[i].text) > 60 {
		return nil, 0
	}
	if f := string(fold(lines[i].text)); runeLen(f) > 14 || !containsAny(f, []string{"代码", "名称", "简称", "公司", "证券", "股票"}) {
		return nil, 0 // a table one cell per line starts with its column words
	}
	k := i
	var cells []string
	blanks := 0
	for k < len(lines) && k-i < 2000 {
		if len(lines[k].text) > 60 {
			break
		}
		f := string(fold(lines[k].text))
		if f == "" {
			// A blank line between two columns of a PDF's table.
			if blanks++; blanks > 1 {
				break
			}
			k++
			continue
		}
		blanks = 0
		if runeLen(f) > 14 || strings.ContainsAny(f, "。,;:") {
			break
		}
		cells = append(cells, f)
		k++
	}
	for k > i && lines[k-1].text == "" {
		k--
	}
	if len(cells) < 8 {
		return nil, 0
	}
	head := 0
	for head < len(cells) {
		if _, _, ok := codeCellKind(cells[head]); ok {
			break
		}
		head++
	}
	hasCode, hasName := false, false
	for _, c := range cells[:head] {
		hasCode = hasCode || strings.Contains(c, "代码")
		hasName = hasName || strings.Contains(c, "名称") || strings.Contains(c, "简称")
	}
	if !hasCode || !hasName || head >= len(cells) || head < 2 {
		return nil, 0
	}
	if t := columnMajor(lines, k, cells, head); t != nil {
		return t, k - i
	}
	t := &table{header: cells[:head-1]}
	// Each code line, with the name line before it and the cells after it
	// up to the next name.
	var codes []int
	for j := head - 1; j < len(cells); j++ {
		if _, _, ok := codeCellKind(cells[j]); ok {
			codes = append(codes, j)
		}
	}
	for n, j := range codes {
		end := len(cells)
		if n+1 < len(codes) {
			end = codes[n+1] - 1
		}
		row := tableRow{cells: []string{cells[j-1]}, code: 1}
		row.cells = append(row.cells, cells[j:end]...)
		t.rows = append(t.rows, row)
	}
	return t, k - i
}

// isRatingCell: a cell that is a rating word, Chinese or English.
func isRatingCell(c string) bool {
	f := string(fold(c))
	if hasHan(f) {
		if runeLen(f) > 10 {
			return false
		}
		_, _, ok := readRating([]rune(f)) // 买入, 买入-A, 增持（维持）, 买人
		return ok
	}
	return englishRating(f) != nil
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

// previousLabel marks a rating column that holds the old rating.
func previousLabel(h string) bool {
	return containsAny(strings.ToUpper(h), []string{"原", "前次", "上次", "上期", "调整前", "PREVIOUS", "PRIOR", "OLD", "FROM"})
}

// tableCaptionRole is the role a table's caption or header gives it.
func (t *table) role() (role, bool) {
	if r, ok := roleOf([]rune(t.caption)); ok {
		return r, true
	}
	for _, h := range t.header {
		if containsAny(h, []string{"涨跌幅", "涨幅", "跌幅", "超额收益"}) {
			return roleMarket, true
		}
	}
	return roleBody, false
}

// recommendCaption: a table whose caption says it is a recommendation list
// gives calls without a rating column.
func (t *table) recommendCaption() bool {
	return containsAny(t.caption, []string{"推荐", "金股", "组合", "重点公司", "重点关注", "首推", "优选", "标的"})
}

// mentions turns a table's rows into mentions. Its rating is the row's
// rating cell; with two (原评级 and 现评级, 现评级 and 前次评级) the one
// whose header is not the old one, by the order of the header's rating
// columns. Its target is the cell under 目标价/PT when the row has as many
// cells as that header line.
func (t *table) mentions(theme string, skipped map[string]secKind) []mention {
	var ratingHeads []string
	for _, h := range t.header {
		if strings.Contains(h, "评级") || strings.Contains(strings.ToUpper(h), "RATING") {
			ratingHeads = append(ratingHeads, h)
		}
	}
	targetCol := -1
	for i, h := range t.header {
		u := strings.ToUpper(h)
		if strings.Contains(h, "目标价") || u == "PT" || u == "TP" || strings.Contains(u, "TARGET") {
			targetCol = i
		}
	}
	rated := len(ratingHeads) > 0
	for _, r := range t.rows {
		for i, c := range r.cells {
			if i != r.code && isRatingCell(c) {
				rated = true
			}
		}
	}
	if !rated && !t.recommendCaption() {
		return nil
	}
	var out []mention
	for _, r := range t.rows {
		kind, code, _ := codeCellKind(r.cells[r.code])
		if kind != secA {
			skipped[r.cells[r.code]] = kind
			continue
		}
		m := mention{theme: theme, code: code, hasCode: true, pos: len(out)}
		for i, c := range r.cells {
			// 谨慎推荐 → 推荐: a rating change in one cell; the new one counts.
			for _, arrow := range []string{"→", "->", "⇒", "➝"} {
				if j := strings.LastIndex(c, arrow); j >= 0 && i != r.code {
					r.cells[i] = c[j+len(arrow):]
				}
			}
		}
		var ratings []int
		for i, c := range r.cells {
			if i != r.code && isRatingCell(c) {
				ratings = append(ratings, i)
			}
		}
		if len(ratings) == 0 && len(ratingHeads) > 0 && !t.recommendCaption() {
			continue // a rated table that gives this row no rating (未覆盖, Not covered)
		}
		pick := -1
		switch {
		case len(ratings) == 1:
			pick = ratings[0]
		case len(ratings) > 1:
			pick = ratings[0]
			if len(ratingHeads) >= len(ratings) {
				for n, ri := range ratings {
					if !previousLabel(ratingHeads[len(ratingHeads)-len(ratings)+n]) {
						pick = ri
						break
					}
				}
			}
		}
		if pick >= 0 {
			if er := englishRating(r.cells[pick]); er != nil && *er == sectors.Unrated {
				continue // NR, Not Rated: a stock the house does not cover
			}
			m.rating, m.strength = []rune(r.cells[pick]), tableEvidence
		}
		m.written = t.name(r, code, pick)
		if targetCol >= 0 && len(r.cells) == len(t.header) || targetCol >= 0 && len(t.header) > len(r.cells) && len(r.cells) == t.lastHeaderLen() {
			if targetCol < len(r.cells) {
				m.target = leadingNumber(r.cells[targetCol])
			}
		}
		out = append(out, m)
	}
	return out
}

func (t *table) lastHeaderLen() int { return len(t.header) }

// name is the row's name as written: the cell the master's name for the
// code matches best, else the first cell of text.
func (t *table) name(r tableRow, code market.Code, rating int) string {
	sec, known := market.LookupMaster(code)
	full := strings.ToUpper(sec.Folded)
	first := ""
	for i, c := range r.cells {
		if i == r.code || i == rating || isNumberCell(c) {
			continue
		}
		if known && (c == full || strings.ToUpper(sec.FoldedCore) == c) {
			return c
		}
		if first == "" {
			first = c
		}
	}
	if known && first != "" && oneOff([]rune(first), []rune(full)) {
		return first
	}
	return first
}

// maybeTableLine is a cheap first look: a table starts with a line of
// column words or a row with a code in it.
func maybeTableLine(text string) bool {
	run := 0
	for _, r := range text {
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' {
			if run++; run >= 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return containsAny(strings.ToUpper(text), headerWords)
}

// columnMajor reads a table a PDF tool extracted column by column: the
// column of names under 简称, then the column of codes under 代码, and
// further down the rating column, whose cells end their lines (16.0 买入).
// Names and codes pair in order; the ratings too, when there are as many.
func columnMajor(lines []docLine, after int, cells []string, head int) *table {
	if head < 2 || !strings.Contains(cells[head-1], "代码") {
		return nil
	}
	n := 0
	for head+n < len(cells) {
		if _, _, ok := codeCellKind(cells[head+n]); !ok {
			break
		}
		n++
	}
	nameHead := head - 2 - n
	if n < 2 || nameHead < 0 || !containsAny(cells[nameHead], []string{"简称", "名称"}) {
		return nil
	}
	t := &table{header: []string{cells[nameHead], cells[head-1]}}
	var ratings []string
	for k := after; k < len(lines) && k-after < 400 && len(ratings) < n; k++ {
		f := string(fold(lines[k].text))
		if strings.HasPrefix(f, "资料来源") || strings.HasPrefix(f, "数据来源") {
			break
		}
		cs := splitCells(lines[k].text)
		if len(cs) > 0 && isRatingCell(cs[len(cs)-1]) && !containsAny(f, []string{"评级", "说明"}) {
			ratings = append(ratings, string(fold(cs[len(cs)-1])))
		}
	}
	if len(ratings) == n {
		t.header = append(t.header, "评级")
	}
	for j := 0; j < n; j++ {
		row := tableRow{cells: []string{cells[nameHead+1+j], cells[head+j]}, code: 1}
		if len(ratings) == n {
			row.cells = append(row.cells, ratings[j])
		}
		t.rows = append(t.rows, row)
	}
	return t
}
