package report

import (
	"sort"
	"strings"
	"unicode"

	"zixuan/sectors"
)

// maxMentions bounds the stocks read from one text, and the codes and
// intro phrases looked at in one paragraph, so that a hostile input costs
// bounded work; a real report has dozens.
const maxMentions = 10000

// maxNameRun is how far after an intro phrase names without codes are read.
const maxNameRun = 1000

// mention is a stock as the report writes it, before it is checked against
// the securities master: the pipeline's third step finds these.
type mention struct {
	theme    string
	written  string // the name as written, folded; "" if none was given
	code     sectors.Code
	hasCode  bool
	security int    // for a name without a code: its index in sectors.Master()
	nameOCR  bool   // the name was found as a look-alike misreading
	rating   []rune // the rating word as written, folded
	benefit  bool   // under 受益标的/相关标的: a beneficiary, flagged as a mention
	pos      int
}

// intro is a phrase that introduces a list of stocks.
type intro struct {
	word    string
	runes   []rune
	benefit bool // 受益标的 and the like name beneficiaries, not calls
	colon   bool // only with a colon after it: 推荐 and 标的 are ordinary words too
}

// intros, longest first so that 建议重点关注 wins over 重点关注.
var intros = []intro{
	{word: "建议重点关注"}, {word: "建议关注"}, {word: "重点推荐"}, {word: "重点关注"}, {word: "推荐关注"},
	{word: "积极关注"}, {word: "持续关注"}, {word: "关注标的"}, {word: "推荐标的"}, {word: "推荐个股"},
	{word: "重点标的"}, {word: "核心标的"}, {word: "标的包括"},
	{word: "受益标的", benefit: true}, {word: "相关标的", benefit: true}, {word: "相关公司", benefit: true},
	{word: "受益公司", benefit: true}, {word: "受益个股", benefit: true}, {word: "相关个股", benefit: true},
	{word: "标的", colon: true}, {word: "推荐", colon: true}, {word: "关注", colon: true}, {word: "受益", colon: true, benefit: true},
}

func init() {
	for i := range intros {
		intros[i].runes = []rune(intros[i].word)
	}
}

type introAt struct {
	intro
	start, end int
	theme      string // the theme its lead-in names, "" if none
}

// codeSpan is a code found in a paragraph with what surrounds it.
type codeSpan struct {
	code       sectors.Code
	nameEnd    int // where the name before it ends: the bracket, or the code
	start, end int // the code with its exchange (SH600519, 002371.SZ)
	close      int // after the closing bracket, or end
	rating     []rune
}

// findCalls is the third step: the mentions of one section, in order. In a
// recommendation section every coded stock and every name after an intro
// phrase counts; elsewhere only coded stocks after an intro phrase (a
// 核心观点 bullet ending 建议关注…) and tables, so that names in running
// commentary are not taken for calls. anywhere is set when the report has
// no recommendation section at all: then any coded stock counts.
func findCalls(s section, anywhere bool) []mention {
	if s.kind == skipSection {
		return nil
	}
	recommend := s.kind == recommendSection
	var out []mention
	theme := ""
	previousHeading := ""
	for _, b := range splitBlocks(s.lines) {
		if b.table != nil {
			out = append(out, tableMentions(b.table, previousHeading)...)
			previousHeading = ""
			continue
		}
		if len(out) >= maxMentions {
			break
		}
		p := fold(b.text)
		ms, isHeading := paragraphMentions(p, recommend, recommend || anywhere, &theme)
		out = append(out, ms...)
		previousHeading = ""
		if isHeading {
			previousHeading = theme
		}
	}
	for i := range out {
		out[i].pos = i
	}
	return out
}

// paragraphMentions reads one paragraph. theme carries the theme from one
// paragraph to the next (a heading line, then its list). isHeading reports a
// paragraph that only named a theme.
func paragraphMentions(p []rune, byName, coded bool, theme *string) (out []mention, isHeading bool) {
	codes := scanCodes(p)
	ins := findIntros(p, codes)
	if len(codes) == 0 && len(ins) == 0 {
		if byName {
			if t := cleanTheme(p); t != "" {
				*theme = t
				return nil, true
			}
		}
		return nil, false
	}
	// A list with no intro phrase may still be led by its theme: AI应用：金山办公(688111,增持)…
	if len(codes) > 0 && (len(ins) == 0 || ins[0].start > codes[0].start) {
		if _, from := nameBefore(p, codes[0].nameEnd, 0); from > 0 && p[from-1] == ':' {
			if t := cleanTheme([]rune(leadIn(p, from))); t != "" {
				*theme = t
			}
		}
	}
	// themeAfter[i] is the theme in force after intro i: its own, or the
	// one before it carried on.
	themeAfter := make([]string, len(ins))
	for i, t := range ins {
		themeAfter[i] = t.theme
		if t.theme == "" {
			themeAfter[i] = *theme
			if i > 0 {
				themeAfter[i] = themeAfter[i-1]
			}
		}
	}
	themeAt := func(pos int) (string, *introAt) {
		i := sort.Search(len(ins), func(i int) bool { return ins[i].start >= pos }) - 1
		if i < 0 {
			return *theme, nil
		}
		return themeAfter[i], &ins[i]
	}
	covered := make([]bool, len(p))
	prevEnd := 0
	for _, c := range codes {
		t, gov := themeAt(c.start)
		if !coded && gov == nil {
			prevEnd = c.close
			continue
		}
		name, from := nameBefore(p, c.nameEnd, prevEnd)
		for i := from; i < c.close; i++ {
			covered[i] = true
		}
		out = append(out, mention{theme: t, written: name, code: c.code, hasCode: true, rating: c.rating, benefit: gov != nil && gov.benefit, pos: c.start})
		prevEnd = c.close
	}
	if byName {
		ix := names()
		for i, in := range ins {
			end := len(p)
			if i+1 < len(ins) {
				end = ins[i+1].start
			}
			if j := indexRune(p[in.end:end], '。'); j >= 0 {
				end = in.end + j
			}
			end = min(end, in.end+maxNameRun) // a list of names, not a page of text
			for _, m := range ix.ac.find(p[in.end:end]) {
				s, e := in.end+m.start, in.end+m.end
				if anyCovered(covered, s, e) {
					continue
				}
				hit := ix.hits[m.pattern]
				t, _ := themeAt(s)
				out = append(out, mention{theme: t, written: string(p[s:e]), security: hit.security, nameOCR: hit.ocr, benefit: in.benefit, pos: s})
			}
			if len(out) >= maxMentions {
				break
			}
		}
		sortByPos(out)
	}
	if len(ins) > 0 {
		*theme = themeAfter[len(ins)-1]
	}
	return out, false
}

func anyCovered(covered []bool, s, e int) bool {
	for i := s; i < e; i++ {
		if covered[i] {
			return true
		}
	}
	return false
}

func sortByPos(ms []mention) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].pos < ms[j].pos })
}

func indexRune(rs []rune, r rune) int {
	for i, c := range rs {
		if c == r {
			return i
		}
	}
	return -1
}

// findIntros finds the intro phrases outside the codes' brackets (推荐 in
// (600588,推荐) is a rating, not an intro), each with the theme its lead-in
// names: AI应用领域，重点关注 → AI应用.
func findIntros(p []rune, codes []codeSpan) []introAt {
	var out []introAt
	next := 0
	for i := 0; i < len(p); i++ {
		for next < len(codes) && codes[next].close <= i {
			next++
		}
		if next < len(codes) && i >= codes[next].nameEnd && i < codes[next].close {
			i = codes[next].close - 1
			continue
		}
		for _, in := range intros {
			w := in.runes
			if !hasPrefixAt(p, i, w) {
				continue
			}
			end := i + len(w)
			if in.colon && (end >= len(p) || p[end] != ':') {
				continue
			}
			if end < len(p) && p[end] == ':' {
				end++
			}
			out = append(out, introAt{intro: in, start: i, end: end, theme: cleanTheme([]rune(leadIn(p, i)))})
			if len(out) >= maxMentions {
				return out
			}
			i = end - 1
			break
		}
	}
	return out
}

func hasPrefixAt(p []rune, i int, w []rune) bool {
	if i+len(w) > len(p) {
		return false
	}
	for k, r := range w {
		if p[i+k] != r {
			return false
		}
	}
	return true
}

// leadIn is the clause before position i: back to the end of the previous
// sentence, clause or stock (。；，) …).
func leadIn(p []rune, i int) string {
	j := i
	for j > 0 && strings.ContainsRune(",: ", p[j-1]) {
		j--
	}
	k := j
	for k > 0 && !strings.ContainsRune("。;,:)]】!?", p[k-1]) && j-k < 40 {
		k--
	}
	return string(p[k:i])
}

// themeCuts and themeEndings are cut from a theme's name: 储能板块 is 储能,
// and 制造业等领域数字化 is 制造业数字化. themeJunk marks a line that is
// metadata or a caption, not a theme.
var themeCuts = []string{"等领域", "等板块", "等方向"}
var themeEndings = []string{"领域", "板块", "方向", "赛道", "行业", "相关", "等"}
var themeJunk = []string{"评级", "日期", "证券", "分析师", "来源", "资料", "目录", "风险", "图", "表", "http", "@", "/"}

// cleanTheme reads a theme name out of a lead-in or heading line (2)工业软件:,
// **量子技术与低空经济领域**), or "" when it is not one: too long to be a
// name, or holding a stock name, a number or a metadata word.
func cleanTheme(rs []rune) string {
	s := strings.Trim(string(rs), ",:;、 -")
	if r := []rune(s); len(r) > 0 && (r[0] >= '①' && r[0] <= '⑳') {
		s = string(r[1:])
	}
	if startsNumbered(s) {
		if i := strings.IndexAny(s, ")、."); i >= 0 {
			s = s[i+1:]
		}
	}
	s = strings.Trim(s, ",:;、 -")
	for _, group := range sectionWords {
		for _, w := range group.words {
			if strings.HasPrefix(s, w) {
				return "" // 投资建议：重点推荐… is a heading, not a theme called 投资
			}
		}
	}
	for _, w := range []string{"建议", "我们", "继续", "持续"} {
		s = strings.TrimSuffix(s, w)
	}
	s = strings.Trim(s, ",:;、 ")
	for _, c := range themeCuts {
		s = strings.Replace(s, c, "", 1)
	}
	for _, e := range themeEndings {
		if strings.HasSuffix(s, e) && runeLen(s) > runeLen(e)+1 {
			s = strings.TrimSuffix(s, e)
			break
		}
	}
	n := runeLen(s)
	if n < 2 || n > 12 || !hasHan(s) || strings.ContainsAny(s, "()[]【】。%") {
		return ""
	}
	for _, j := range themeJunk {
		if strings.Contains(s, j) {
			return ""
		}
	}
	digits := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits > 1 {
		return ""
	}
	if len(names().ac.find([]rune(s))) > 0 {
		return "" // 中科曙光和海光信息，建议关注… leads with stocks, not a theme
	}
	return s
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// nameDelims end a name when reading backwards from its code.
const nameDelims = "、,;:。!?()[]【】“”\"'《》/|<>"

// nameBefore is the name written before a code's bracket, back to the
// previous delimiter or stock, without an intro phrase or filler before it:
// 建议关注中控技术(688777 → 中控技术.
func nameBefore(p []rune, end, limit int) (string, int) {
	k := end
	for k > limit && !strings.ContainsRune(nameDelims, p[k-1]) && end-k < 16 {
		k--
	}
	seg := p[k:end]
	for i := len(seg) - 1; i >= 0; i-- { // after the last intro phrase in it
		for _, in := range intros {
			if in.colon {
				continue
			}
			if w := in.runes; hasPrefixAt(seg, i, w) {
				k += i + len(w)
				seg = seg[i+len(w):]
				i = 0
				break
			}
		}
	}
	s := string(seg)
	if _, exact := names().exact(s); !exact {
		for _, f := range []string{"例如", "包括", "以及", "如", "及", "和", "与", "等"} {
			if strings.HasPrefix(s, f) && runeLen(s) > runeLen(f)+1 {
				k += runeLen(f)
				s = strings.TrimPrefix(s, f)
				break
			}
		}
	}
	return s, k
}

// scanCodes finds the six-digit codes of a paragraph that are written as
// codes: in brackets, or with their exchange (SH600519, 601360.SH). A bare
// six-digit number in the text is not taken for one.
func scanCodes(p []rune) []codeSpan {
	var out []codeSpan
	for i := 0; i < len(p); {
		if !isDigit(p[i]) {
			i++
			continue
		}
		j := i
		for j < len(p) && isDigit(p[j]) {
			j++
		}
		if j-i != 6 || i > 0 && p[i-1] == '.' || j+1 < len(p) && p[j] == '.' && isDigit(p[j+1]) {
			i = j
			continue
		}
		digits := string(p[i:j])
		c := codeSpan{start: i, end: j}
		explicit := ""
		if i >= 2 && isUpper(p[i-1]) && isUpper(p[i-2]) && (i == 2 || !isUpper(p[i-3])) {
			if ex := string(p[i-2 : i]); ex == "SH" || ex == "SZ" || ex == "BJ" {
				explicit, c.start = ex+digits, i-2
			}
		}
		if explicit == "" && j+3 <= len(p) && p[j] == '.' && isUpper(p[j+1]) && isUpper(p[j+2]) && (j+3 == len(p) || !isUpper(p[j+3])) {
			explicit, c.end = digits+string(p[j:j+3]), j+3
		}
		code, err := sectors.ParseCode(explicit)
		if explicit == "" || err != nil {
			code, err = sectors.ParseCode(digits)
		}
		open := c.start > 0 && strings.ContainsRune("([【", p[c.start-1])
		if err != nil || !open && explicit == "" {
			i = j
			continue
		}
		c.code, c.nameEnd, c.close = code, c.start, c.end
		if open {
			c.nameEnd = c.start - 1
			k := c.end
			if k < len(p) && strings.ContainsRune(",;、:", p[k]) {
				k++
			}
			from := k
			for k < len(p) && k-from < 12 && !strings.ContainsRune(")]】(", p[k]) {
				k++
			}
			if k < len(p) && strings.ContainsRune(")]】", p[k]) {
				c.rating = p[from:k]
				if i := indexRune(c.rating, ','); i >= 0 {
					c.rating = c.rating[:i] // (688111,增持,首次)
				}
				c.close = k + 1
			}
		}
		out = append(out, c)
		if len(out) >= maxMentions {
			break
		}
		i = max(j, c.close)
	}
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
func isUpper(r rune) bool { return r >= 'A' && r <= 'Z' }
