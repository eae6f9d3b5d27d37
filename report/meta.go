package report

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// metadata is what a report says about itself, read from its text: the
// title from the first heading or title-like line, the rest from the labels
// reports print (报告发布日期, 行业评级, 证券股份有限公司).
type metadata struct {
	title, broker, industry string
	date                    time.Time
	rating                  sectors.IndustryRating
}

func readMetadata(text string, folded []rune, lines []docLine) metadata {
	return metadata{
		title:    findTitle(text),
		date:     findDate(lines),
		industry: firstNonEmpty(findIndustry(coverFolded(lines)), coverIndustry(lines), englishIndustry(text)),
		rating:   findIndustryRating(folded),
		broker:   findBroker(text, folded),
	}
}

// notTitle are the cover-page lines that come before a title.
var notTitle = []string{"证券研究报告", "研究报告", "行业周报", "行业点评", "行业月报", "行业研究", "行业深度", "周报", "月报", "点评报告", "证券研究", "分析师", "评级", "日期", "SAC", "执业证书", "邮箱", "电话", "请务必", "免责", "核心观点", "投资要点", "目录"}

// findTitle reads the cover: the lines before the first section that
// matters (核心观点, 投资建议 …). The title is the first markdown heading or
// line of some length there that is not cover furniture (证券研究报告,
// 行业周报, a date, a rating, the broker), or else the cover's first line.
func findTitle(text string) string {
	lines := strings.SplitN(text, "\n", 61)
	first := ""
	for _, line := range lines[:min(len(lines), 60)] {
		t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#"))
		if kind, _, ok := classifyHeading(t); ok && kind != otherSection {
			break
		}
		f := string(fold(t))
		if !hasHan(f) || runeLen(f) > 80 {
			continue
		}
		if first == "" && runeLen(f) >= 4 {
			first = t
		}
		if runeLen(f) < 6 || isFurniture(f) || strings.ContainsAny(f, ">|/。") || hasDate(t) || len(splitCells(t)) > 2 {
			continue // a breadcrumb, a header with its date, a row of figures
		}
		return tidyProse(t)
	}
	return tidyProse(first)
}

func isFurniture(f string) bool {
	if strings.Contains(f, "证券研究报告") || strings.HasSuffix(f, "证券") || strings.HasSuffix(f, "有限公司") || strings.HasSuffix(f, "研究所") {
		return true
	}
	for _, w := range notTitle {
		if strings.Contains(f, w) && runeLen(f) <= runeLen(w)+8 {
			return true
		}
	}
	for _, label := range append(dateLabels, "评级", "分析师") {
		if strings.HasPrefix(f, label) {
			return true
		}
	}
	_, isDate := dateAt([]rune(f), 0)
	return isDate
}

var dateLabels = []string{"报告发布日期", "发布日期", "报告日期", "发布时间", "日期"}

// publishLabels name the report's own date; 日期 alone does not (a cover's
// 日期 is as often the price date).
var publishLabels = []string{"报告发布日期", "原文发布日期", "发布日期", "报告日期", "发布时间", "出版日期", "PUBLISHED", "REPORTDATE"}

// notReportDate before a date makes it some other date: the data's, a
// price's, a meeting's.
var notReportDate = []string{"数据", "截至", "截止", "收盘", "股价", "价格", "调研", "会议", "交流", "成立", "上市", "ASOF", "PRICE", "CLOSE", "数据来源", "更新"}

// findDate is the report's date: the one after a publication label (报告
// 日期, 发布日期), or else the first date of the cover (its first 80
// lines) that is no other date — not a data or price date, not one end of
// a week's range, not in a related report's title or the disclaimer. A
// report with none has no date. 2025年4月28日, 2025-04-28, 2025/4/28,
// 2025.4.28, 28 April 2025 and April 28, 2025 are read.
func findDate(lines []docLine) time.Time {
	for _, l := range lines {
		if l.role != roleBody || l.text == "" {
			continue
		}
		f, _ := foldHead(l.text, 200)
		for _, label := range publishLabels {
			w := []rune(label)
			for i := 0; i+len(w) <= len(f); i++ {
				if !hasPrefixAt(f, i, w) {
					continue
				}
				j := i + len(w)
				for j < len(f) && j-i-len(w) < 3 && !isDigit(f[j]) {
					j++
				}
				if d, ok := dateAt(f, j); ok {
					return d
				}
			}
		}
	}
	n := 0
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		if n++; n > 80 {
			break
		}
		if l.role != roleBody {
			continue
		}
		if d, ok := lineDate(l.text); ok {
			return d
		}
	}
	return time.Time{}
}

// lineDate is the first date of a line that is the report's own.
func lineDate(text string) (time.Time, bool) {
	if len(text) > 400 {
		text = strings.ToValidUTF8(text[:400], "")
	}
	f := fixDateOCR(fold(text))
	title := titleSpans(f)
	for i := 0; i < len(f); i++ {
		if !isDigit(f[i]) || i > 0 && isDigit(f[i-1]) {
			continue
		}
		d, ok := dateAt(f, i)
		if !ok {
			continue
		}
		end, groups := i, 0
		for end < len(f) && groups < 3 {
			for end < len(f) && isDigit(f[end]) {
				end++
			}
			groups++
			if groups < 3 && end < len(f) && strings.ContainsRune("年月-/.", f[end]) {
				end++
			}
		}
		if end < len(f) && f[end] == '日' {
			end++
		}
		if title[i] || otherDate(f, i, end) {
			i = end
			continue
		}
		return d, true
	}
	if d, at, ok := englishDate(text); ok && !otherDate(fold(text[:at]+"#"), len(fold(text[:at])), len(fold(text[:at]))) {
		return d, true
	}
	return time.Time{}, false
}

// otherDate reports a date at f[i:end] that is not the report's: after a
// data or price label, or one end of a range (2024.10.14-2024.10.18).
func otherDate(f []rune, i, end int) bool {
	before := strings.ToUpper(string(f[max(0, i-8):i]))
	for _, w := range notReportDate {
		if strings.Contains(before, w) {
			return true
		}
	}
	if end < len(f) && strings.ContainsRune("-~—–至", f[end]) && end+1 < len(f) && isDigit(f[end+1]) {
		return true
	}
	if i > 0 && strings.ContainsRune("-~—–至", f[i-1]) && i > 1 && isDigit(f[i-2]) {
		return true
	}
	return false
}

var (
	dayMonthYear = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+(\d{4})\b`)
	monthDayYear = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	months       = map[string]time.Month{"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
)

// englishDate reads 3 June 2025 or June 3, 2025 in a line, with its byte
// offset.
func englishDate(s string) (time.Time, int, bool) {
	var y, d int
	var m time.Month
	at := -1
	if loc := dayMonthYear.FindStringSubmatchIndex(s); loc != nil {
		d, _ = strconv.Atoi(s[loc[2]:loc[3]])
		m = months[s[loc[4]:loc[5]]]
		y, _ = strconv.Atoi(s[loc[6]:loc[7]])
		at = loc[0]
	}
	if loc := monthDayYear.FindStringSubmatchIndex(s); loc != nil && (at < 0 || loc[0] < at) {
		m = months[s[loc[2]:loc[3]]]
		d, _ = strconv.Atoi(s[loc[4]:loc[5]])
		y, _ = strconv.Atoi(s[loc[6]:loc[7]])
		at = loc[0]
	}
	if at < 0 || y < 1990 || y > 2100 {
		return time.Time{}, 0, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, market.China)
	if t.Day() != d || t.Month() != m {
		return time.Time{}, 0, false
	}
	return t, at, true
}

// dateAt reads a date starting at f[i].
func dateAt(f []rune, i int) (time.Time, bool) {
	num := func(at, maxDigits int) (int, int) {
		j := at
		for j < len(f) && j-at < maxDigits && isDigit(f[j]) {
			j++
		}
		if j == at {
			return -1, at
		}
		n, _ := strconv.Atoi(string(f[at:j]))
		return n, j
	}
	y, j := num(i, 4)
	if y < 1990 || y > 2100 || j-i != 4 || j >= len(f) {
		return time.Time{}, false
	}
	var m, d int
	switch sep := f[j]; {
	case sep == '年':
		m, j = num(j+1, 2)
		if j >= len(f) || f[j] != '月' {
			return time.Time{}, false
		}
		d, j = num(j+1, 2)
		if j >= len(f) || f[j] != '日' {
			return time.Time{}, false
		}
	case sep == '-' || sep == '/' || sep == '.':
		m, j = num(j+1, 2)
		if j >= len(f) || f[j] != sep {
			return time.Time{}, false
		}
		d, j = num(j+1, 2)
		if j < len(f) && isDigit(f[j]) {
			return time.Time{}, false
		}
	default:
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, market.China)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// findIndustry reads 行业：计算机, the cover table's 行业计算机行业, or
// 计算机行业周报.
func findIndustry(f []rune) string {
	return findIndustryIn(f, nil)
}

// coverIndustry reads the cover's industry line: 食品饮料行业 alone, 机械设备/通用
// 设备 (a classification, its first level), or 食品饮料 买入（维持） (the
// industry and its rating).
func coverIndustry(lines []docLine) string {
	n := 0
	for _, l := range lines {
		if l.text == "" || l.role != roleBody {
			continue
		}
		if n++; n > 40 {
			break
		}
		cells := splitCells(l.text)
		if len(cells) == 0 {
			continue
		}
		first := string(fold(cells[0]))
		switch {
		case len(cells) == 1 && strings.HasSuffix(first, "行业") && runeLen(first) >= 4 && runeLen(first) <= 10 && isHanRunes([]rune(first)):
			return strings.TrimSuffix(first, "行业")
		case strings.Count(first, "/") == 1 && len(cells) <= 3:
			parts := strings.Split(first, "/")
			if runeLen(parts[0]) >= 2 && runeLen(parts[0]) <= 8 && isHanRunes([]rune(parts[0])) && isHanRunes([]rune(parts[1])) {
				return parts[0]
			}
		case len(cells) == 2 && runeLen(first) >= 2 && runeLen(first) <= 8 && isHanRunes([]rune(first)):
			if _, ok := sectors.ParseIndustryRating(cells[1]); ok {
				return first
			}
		}
	}
	return ""
}

func findIndustryIn(f []rune, _ []docLine) string {
	s := string(f)
	for _, label := range []string{"所属行业:", "行业:", "行业名称:"} {
		if i := strings.Index(s, label); i >= 0 {
			if name := hanRun([]rune(s[i+len(label):]), 6); runeLen(name) >= 2 {
				return strings.TrimSuffix(name, "行业")
			}
		}
	}
	w := []rune("行业")
	for i := 0; i+2 < len(f); i++ {
		if !hasPrefixAt(f, i, w) || i > 0 && f[i-1] == '的' {
			continue // 的行业比较 is a phrase, not a cover table's label
		}
		// 行业计算机行业: the label of a cover table, then the name.
		for n := 2; n <= 5 && i+2+n+2 <= len(f); n++ {
			if hasPrefixAt(f, i+2+n, w) && isHanRunes(f[i+2:i+2+n]) && !strings.Contains(string(f[i+2:i+2+n]), "评级") && !namesReportKind(string(f[i+2:i+2+n])) {
				return string(f[i+2 : i+2+n])
			}
		}
	}
	for _, kind := range []string{"行业周报", "行业点评", "行业月报", "行业深度", "行业专题", "行业报告", "行业研究", "行业跟踪"} {
		for from := 0; ; {
			i := strings.Index(s[from:], kind)
			if i < 0 {
				break
			}
			rs := []rune(s[:from+i])
			k := len(rs)
			for k > 0 && len(rs)-k < 8 && unicode.Is(unicode.Han, rs[k-1]) {
				k--
			}
			name := string(rs[k:])
			for _, before := range []string{"行业周报", "行业点评", "行业月报", "行业深度", "行业专题", "行业报告", "行业研究", "行业跟踪", "研究报告"} {
				if j := strings.LastIndex(name, before); j >= 0 {
					name = name[j+len(before):] // 行业周报 计算机行业周报: the kind of the line above
				}
			}
			if runeLen(name) >= 2 && !containsAny(name, []string{"证券", "研究", "公司", "报告", "有限"}) {
				return name // 中国银河证券研究院 行业研究 names the house, not an industry
			}
			from += i + len(kind)
		}
	}
	return ""
}

// namesReportKind reports whether s holds the kind of a report (周报 of
// 行业周报): "行业周报 计算机行业周报" is no cover table naming 周报计算机.
func namesReportKind(s string) bool {
	for _, k := range []string{"周报", "点评", "月报", "深度", "专题", "报告", "研究", "跟踪"} {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

func hanRun(rs []rune, n int) string {
	k := 0
	for k < len(rs) && k < n && unicode.Is(unicode.Han, rs[k]) {
		k++
	}
	return string(rs[:k])
}

func isHanRunes(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// findIndustryRating reads the rating after 行业评级 (or 投资评级): 看好（维持）.
func findIndustryRating(f []rune) sectors.IndustryRating {
	s := string(f)
	words := sectors.IndustryRatingWords()
	for _, label := range []string{"行业评级", "行业投资评级", "投资评级"} {
		i := strings.Index(s, label)
		if i < 0 {
			continue
		}
		rest := []rune(s[i+len(label):])
		for j := 0; j < len(rest) && j < 12; j++ {
			best := ""
			for _, w := range words {
				if hasPrefixAt(rest, j, []rune(w)) && runeLen(w) > runeLen(best) {
					best = w
				}
			}
			if best == "" {
				continue
			}
			k := j + runeLen(best)
			text := best
			if k < len(rest) && rest[k] == '(' {
				if e := indexRune(rest[k:min(len(rest), k+8)], ')'); e > 0 {
					text = string(rest[j : k+e+1])
				}
			}
			if r, ok := sectors.ParseIndustryRating(text); ok {
				return r
			}
		}
	}
	return sectors.IndustryRating{}
}

// coverFolded is the report's first 80 lines, each folded, one a line: the
// cover, where a report names its industry, kept apart line by line so that
// the end of one line and the start of the next do not read as one name.
func coverFolded(lines []docLine) []rune {
	var b strings.Builder
	n := 0
	for _, l := range lines {
		if l.text == "" || l.role != roleBody {
			continue
		}
		if n++; n > 80 {
			break
		}
		head, _ := foldHead(l.text, 200)
		b.WriteString(string(head))
		b.WriteByte('\n')
	}
	return []rune(b.String())
}

func hasDate(line string) bool {
	_, ok := lineDateAny(line)
	return ok
}

// lineDateAny reports any date in a line, the report's or another.
func lineDateAny(line string) (time.Time, bool) {
	f := fold(line)
	for i := range f {
		if isDigit(f[i]) && (i == 0 || !isDigit(f[i-1])) {
			if d, ok := dateAt(f, i); ok {
				return d, true
			}
		}
	}
	d, _, ok := englishDate(line)
	return d, ok
}

// fixDateOCR reads the letter O as 0 where it stands among a date's digits
// (2O25年O6月16日).
func fixDateOCR(f []rune) []rune {
	for i, r := range f {
		if r != 'O' {
			continue
		}
		prev := i > 0 && (isDigit(f[i-1]) || f[i-1] == '年' || f[i-1] == '月')
		next := i+1 < len(f) && (isDigit(f[i+1]) || f[i+1] == '年' || f[i+1] == '月' || f[i+1] == '日')
		if prev && next || i > 0 && isDigit(f[i-1]) && i+2 < len(f) && isDigit(f[i+1]) || !prev && i+3 < len(f) && isDigit(f[i+1]) && isDigit(f[i+2]) && isDigit(f[i+3]) && (i == 0 || !isUpper(f[i-1])) {
			f[i] = '0'
		}
	}
	return f
}

// englishCoverRE matches the coverage an English note's cover names: China
// Semiconductors (a title's label), Asia Pacific Equity Research — China
// Banks (a header's cell): a region, then one to four capitalised words.
var englishCoverRE = regexp.MustCompile(`^(?:China|Greater China|Hong Kong|HK|Asia|Asia Pacific|APAC|Asia ex-Japan)\s+((?:[A-Z][A-Za-z-]*|&)(?:\s+(?:[A-Z][A-Za-z-]*|&)){0,3})\s*(?::.*)?$`)

// notCoverage are words that make a region's phrase a company or a house
// (China Merchants Bank, China Securities, China Equity Research), not an
// industry.
var notCoverage = []string{"Securities", "Research", "Equity", "Equities", "Capital", "International", "Limited", "Ltd", "Co", "Group", "Holdings", "Merchants", "Strategy", "Economics", "Macro", "Pacific", "China", "Japan", "Korea", "Taiwan", "India", "Asia", "Hong", "Kong", "Emerging", "Markets"}

// englishIndustry reads the industry an English note's cover names (China
// Semiconductors: Localisation 2.0 …), where the note prints no industry
// label; a Chinese report is left to the readers above.
func englishIndustry(text string) string {
	han, letters := 0, 0
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < 128 && unicode.IsLetter(r):
			letters++
		}
	}
	if han*10 > letters {
		return ""
	}
	n := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if n++; n > 8 {
			break
		}
		for _, cell := range coverCellRE.Split(line, -1) {
			m := englishCoverRE.FindStringSubmatch(strings.TrimSpace(cell))
			if m == nil {
				continue
			}
			ok := true
			for _, w := range strings.Fields(m[1]) {
				if slices.Contains(notCoverage, w) {
					ok = false
				}
			}
			if ok {
				return strings.TrimSpace(strings.SplitN(cell, ":", 2)[0])
			}
		}
	}
	return ""
}

// coverCellRE splits a cover line into its cells: runs of spaces, bars and
// dashes between a house's name and its coverage.
var coverCellRE = regexp.MustCompile(`\s{2,}|\s*[|●•]\s*|\s+[—–-]+\s+`)
