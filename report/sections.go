package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sectionKind is what a part of a report is for, as far as reading calls
// and theses goes.
type sectionKind int

const (
	frontSection     sectionKind = iota // before the first heading: cover page, summary
	otherSection                        // body text under any other heading
	recommendSection                    // 投资建议, 重点推荐 …: where the calls are
	viewSection                         // 核心观点, 本周观点 …: where the theses are
	skipSection                         // 目录, disclaimers, rating definitions: nothing to read
)

// section is a heading and the lines under it, up to the next heading.
type section struct {
	kind    sectionKind
	heading string
	level   int // markdown heading level; 0 for a heading found by its words
	lines   []string
}

// Section headings by the words they start with, longest first within a kind.
var sectionWords = []struct {
	kind  sectionKind
	words []string
}{
	{recommendSection, []string{"投资建议与投资标的", "投资建议", "投资策略", "投资标的", "推荐标的", "重点推荐", "重点公司", "推荐组合", "推荐个股", "标的推荐", "盈利预测与投资评级"}},
	{viewSection, []string{"本周行业观点", "本周观点", "核心观点", "行业观点", "主要观点", "投资要点", "报告摘要", "投资亮点", "投资逻辑", "核心逻辑", "周观点", "观点", "摘要"}},
	{skipSection, []string{"图表目录", "目录", "风险提示", "风险因素", "免责声明", "特别声明", "分析师声明", "重要声明", "法律声明", "评级说明", "投资评级说明", "信息披露", "分析师介绍", "作者简介"}},
}

// splitSections is the pipeline's second step: the text cut at its headings.
// A heading is a markdown heading, a short line starting with one of the
// section words (四、投资建议, 核心观点：…), or a 一、/二、 numbered line. A
// markdown heading deeper than the recommendation heading above it is one
// of its themes, not a new section.
func splitSections(text string) []section {
	cur := section{kind: frontSection}
	var out []section
	for _, line := range strings.Split(text, "\n") {
		h, ok := parseHeading(line)
		if ok && cur.kind == recommendSection && h.kind == otherSection && (h.level == 0 || cur.level > 0 && h.level > cur.level) {
			ok = false
		}
		if !ok {
			cur.lines = append(cur.lines, line)
			continue
		}
		out = append(out, cur)
		cur = section{kind: h.kind, heading: h.heading, level: h.level}
		if h.rest != "" {
			cur.lines = append(cur.lines, h.rest)
		}
	}
	return append(out, cur)
}

// sectionsFromLines is splitSections over the document's lines, whose
// first words are folded already.
func sectionsFromLines(lines []docLine) []section {
	cur := section{kind: frontSection}
	var out []section
	for _, l := range lines {
		var h heading
		ok := false
		t := strings.TrimSpace(l.text)
		switch {
		case t == "" || len(t) > 400:
		case strings.HasPrefix(t, "#") || stripBullet(t) != t:
			h, ok = parseHeading(t) // a markdown heading, a bulleted 投资建议：
		case mayBeHeading(string(l.head)):
			var kind sectionKind
			var rest string
			if kind, rest, ok = classifyFolded(string(l.head), l.long, t); ok {
				h = heading{kind: kind, heading: t, rest: rest}
			}
		}
		if ok && cur.kind == recommendSection && h.kind == otherSection && (h.level == 0 || cur.level > 0 && h.level > cur.level) {
			ok = false
		}
		if !ok {
			cur.lines = append(cur.lines, l.text)
			continue
		}
		out = append(out, cur)
		cur = section{kind: h.kind, heading: h.heading, level: h.level}
		if h.rest != "" {
			cur.lines = append(cur.lines, h.rest)
		}
	}
	return append(out, cur)
}

type heading struct {
	kind    sectionKind
	heading string
	level   int
	rest    string // text after 投资建议： on the same line
}

func parseHeading(line string) (heading, bool) {
	t := strings.TrimSpace(line)
	if t == "" || len(t) > 400 {
		return heading{}, false
	}
	level := 0
	for level < len(t) && t[level] == '#' {
		level++
	}
	if level > 0 && level <= 6 && (level == len(t) || t[level] == ' ') {
		title := strings.TrimSpace(t[level:])
		kind, _, _ := classifyHeading(title)
		if kind == frontSection {
			kind = otherSection
		}
		return heading{kind: kind, heading: title, level: level}, true
	}
	kind, rest, ok := classifyHeading(t)
	if !ok {
		return heading{}, false
	}
	return heading{kind: kind, heading: t, rest: rest}, true
}

// classifyHeading reads a line as a heading by its words. ok is false for a
// line that is no heading; kind is frontSection when the words say nothing.
// sectionStarts are the runes a heading's words can start with: a line
// whose first runes hold none of them is no heading, without folding it.
var sectionStarts = func() map[rune]bool {
	m := map[rune]bool{}
	for _, g := range sectionWords {
		for _, w := range g.words {
			r, _ := utf8.DecodeRuneInString(w)
			m[r] = true
		}
	}
	for _, r := range "一二三四五六七八九十第" {
		m[r] = true
	}
	return m
}()

func mayBeHeading(line string) bool {
	n := 0
	for _, r := range line {
		if n++; n > 14 {
			return false
		}
		if sectionStarts[r] {
			return true
		}
	}
	return false
}

func classifyHeading(line string) (kind sectionKind, rest string, ok bool) {
	if !mayBeHeading(line) {
		return frontSection, "", false
	}
	// Headings are recognised by their first words, so only those are
	// folded: most lines of a report are long paragraphs.
	head, truncated := line, false
	if runeLen(line) > 48 {
		head, truncated = string([]rune(line)[:48]), true
	}
	return classifyFolded(string(fold(head)), truncated, line)
}

// classifyFolded is classifyHeading of a line whose first words are
// already folded (f), truncated when the line goes on beyond them.
func classifyFolded(f string, truncated bool, line string) (kind sectionKind, rest string, ok bool) {
	if !mayBeHeading(f) {
		return frontSection, "", false
	}
	if runeLen(f) > 48 {
		f, truncated = string([]rune(f)[:48]), true
	}
	bulleted := false
	for _, b := range bullets { // - **投资建议**：… inside 核心观点
		if b = strings.TrimSpace(b); strings.HasPrefix(f, b) {
			f, bulleted = f[len(b):], true
			break
		}
	}
	body, numbered := stripChineseNumber(f)
	for _, group := range sectionWords {
		for _, w := range group.words {
			if !strings.HasPrefix(body, w) {
				continue
			}
			after := body[len(w):]
			switch {
			case bulleted && !strings.HasPrefix(after, ":"):
				// A bullet is a heading only as 投资建议：…; - 观点一 is a point.
			case !truncated && (after == "" || after == ":" || runeLen(after) <= 8 && !strings.ContainsAny(after, "0123456789(,、")):
				return group.kind, "", true
			case strings.HasPrefix(after, ":"):
				// 投资建议：重点推荐… keeps its text; cut it from the line as written.
				if i := strings.IndexAny(line, ":："); i >= 0 {
					_, size := utf8.DecodeRuneInString(line[i:])
					return group.kind, strings.TrimSpace(line[i+size:]), true
				}
				return group.kind, "", true
			}
		}
	}
	if numbered && !truncated && runeLen(body) <= 40 && !hasCodeLike(body) {
		return otherSection, "", true // 五、行业动态; but 一、AI应用：金山办公(688111,增持) is a list
	}
	return frontSection, "", false
}

// stripChineseNumber removes a top-level 一、 or 四. numbering, reporting
// whether there was one. 1）and (1) number themes, not sections: kept.
func stripChineseNumber(s string) (string, bool) {
	rs := []rune(s)
	i := 0
	for i < len(rs) && strings.ContainsRune("一二三四五六七八九十", rs[i]) {
		i++
	}
	if i > 0 && i < len(rs) && (rs[i] == '、' || rs[i] == '.' || rs[i] == ',') {
		return string(rs[i+1:]), true
	}
	if len(rs) > 2 && rs[0] == '第' {
		for j := 1; j < len(rs) && j < 5; j++ {
			if rs[j] == '部' || rs[j] == '章' {
				return strings.TrimPrefix(string(rs[j+1:]), "分"), true
			}
		}
	}
	return s, false
}

func runeLen(s string) int { return len([]rune(s)) }

// block is a run of lines read together: a paragraph (its lines joined, a
// stock split across a line break comes back together) or a table.
type block struct {
	text  string // a paragraph, bullet marker removed
	table *table
}

// bullets start a new paragraph and are not part of it.
var bullets = []string{"- ", "* ", "+ ", "• ", "·", "●", "▪", "■", "◆", "◇", "○", "√", "> ", "•", "➢", "Ø"}

// splitBlocks cuts a section's lines into paragraphs and tables. A
// paragraph ends at a blank line, a bullet, a numbered line (1）, (2), ③), or
// a line that is all bold.
func splitBlocks(lines []string) []block {
	var out []block
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, block{text: strings.Join(para, "\n")})
			para = nil
		}
	}
	dl := docLines(lines)
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" {
			flush()
			continue
		}
		if tbl, n := tableAt(dl, i); tbl != nil {
			flush()
			out = append(out, block{table: tbl})
			i += n - 1
			continue
		}
		marked := false
		for _, b := range bullets {
			if strings.HasPrefix(t, b) {
				t, marked = strings.TrimSpace(t[len(b):]), true
				break
			}
		}
		if marked || startsNumbered(t) || isAllBold(t) {
			flush()
		}
		para = append(para, t)
		if isAllBold(t) {
			flush()
		}
	}
	flush()
	return out
}

// startsNumbered reports whether a line starts 1）, 1), (1), （1）, 1、, ①.
func startsNumbered(t string) bool {
	rs := []rune(t)
	if len(rs) == 0 {
		return false
	}
	if rs[0] >= '①' && rs[0] <= '⑳' {
		return true
	}
	i := 0
	if rs[0] == '(' || rs[0] == '（' {
		i = 1
	}
	j := i
	for j < len(rs) && (unicode.IsDigit(rs[j]) || strings.ContainsRune("一二三四五六七八九十", rs[j])) && j-i < 3 {
		j++
	}
	if j == i || j >= len(rs) {
		return false
	}
	return strings.ContainsRune("）)、.．", rs[j]) && (j+1 >= len(rs) || !unicode.IsDigit(rs[j+1]))
}

func isAllBold(t string) bool {
	return len(t) > 4 && strings.HasPrefix(t, "**") && strings.HasSuffix(t, "**") && !strings.Contains(t[2:len(t)-2], "**")
}

func docLines(lines []string) []docLine {
	out := make([]docLine, len(lines))
	for i, l := range lines {
		out[i] = docLine{text: strings.TrimSpace(l)}
	}
	return out
}
