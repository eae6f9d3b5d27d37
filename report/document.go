package report

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// The document model: a report's lines, each with the role of the part it
// belongs to. A role says whether a stock named there can be a call at all:
// a stock in 风险提示, in the titles of 相关研究, in a 可比公司 table, among
// last month's picks or in the disclaimer is named, never recommended. A
// role starts at a heading that names it (四、风险提示, 相关研究, 表 3：可比
// 公司估值) and lasts to the next heading; a label with its text on the same
// line (风险提示：…) covers that paragraph only, so a risk line in a summary
// does not swallow the rating table after it.
type role int

const (
	roleBody       role = iota // anything a call can come from
	roleRisk                   // 风险提示, 风险因素, Risks
	roleRelated                // 相关研究, 相关报告, 热门研报, 相关个股: other reports, other stocks
	roleRatingDefs             // 评级说明, 投资评级标准, Rating key
	roleDisclaimer             // 免责声明, 法律声明, 分析师声明, disclosures
	rolePeers                  // 可比公司, comparables
	roleReview                 // 回顾, 上期/上月组合, removals: past picks
	roleMarket                 // 涨跌幅前五, 涨幅榜, 主要市场表现: market tables
	roleTOC                    // 目录
)

// roleWords name the roles in headings and captions, each list longest
// first where one word contains another.
var roleWords = []struct {
	role  role
	words []string
}{
	{roleRatingDefs, []string{"投资评级说明", "股票投资评级说明", "评级说明", "评级体系", "评级标准", "评级定义", "投资评级的说明", "RATINGKEY", "EQUITYRATINGKEY", "RATINGSYSTEM", "RATINGDEFINITIONS"}},
	{roleDisclaimer, []string{"免责声明", "免责条款", "法律声明", "特别声明", "重要声明", "一般声明", "分析师声明", "分析师承诺", "证券分析师承诺", "法律主体声明", "公司声明", "披露声明", "信息披露", "重要提示", "IMPORTANTDISCLOSURES", "DISCLOSURES", "ANALYSTCERTIFICATION", "DISCLAIMER", "APPENDIX"}},
	{roleRisk, []string{"风险提示", "风险因素", "风险分析", "主要风险", "风险揭示", "投资风险", "RISKS", "KEYRISKS", "RISKFACTORS"}},
	{roleRelated, []string{"相关研究", "相关报告", "相关研报", "相关阅读", "热门研报", "相关个股", "相关股票", "往期报告", "近期报告", "历史报告", "推荐阅读", "最新研报", "热门个股", "同类研报", "更多研报", "其他研报", "往期精选", "大家都在看", "相关推荐", "RELATEDRESEARCH", "RELATEDREPORTS", "RECENTREPORTS"}},
	{rolePeers, []string{"可比公司", "可比上市公司", "同行业公司", "同业公司", "竞争对手", "COMPARABLE", "PEERS", "PEERCOMPARISON", "COMPS", "VALUATIONCOMPARISON"}},
	{roleReview, []string{"回顾", "上期", "上月", "前期", "调出", "剔除", "PERFORMANCEREVIEW"}},
	{roleMarket, []string{"涨跌幅前", "涨幅前", "跌幅前", "涨幅榜", "跌幅榜", "涨幅居前", "跌幅居前", "主要市场表现", "市场表现", "行情回顾", "个股涨跌", "TOPGAINERS", "TOPLOSERS"}},
	{roleTOC, []string{"图表目录", "目录"}},
}

// docLine is one line of the report as read: its text without the bullet
// that marked it, and the role it falls under.
type docLine struct {
	text    string
	role    role
	heading bool   // a line that titles what follows
	head    []rune // the first 160 runes, bullet removed, folded
	long    bool   // the line goes on beyond head
}

// roleOf is the role a heading, caption or label names, if any. The words
// are looked for in the first 24 runes of the line, folded.
func roleOf(f []rune) (role, bool) {
	head := string(f[:min(len(f), 24)])
	for _, g := range roleWords {
		for _, w := range g.words {
			if strings.Contains(head, w) {
				return g.role, true
			}
		}
	}
	return roleBody, false
}

var (
	captionRE   = regexp.MustCompile(`^(表|图|图表|附表|FIGURE|TABLE|EXHIBIT|CHART)\s*\d+[:：.、-]?`)
	pageRE      = regexp.MustCompile(`^[-—\s]*\d+\s*(/\s*\d+)?[-—\s]*$`)
	romanListRE = regexp.MustCompile(`^([0-9]+(\.[0-9]+)*|[一二三四五六七八九十]+)\s*[、.．)）]|^[(（]([0-9]+|[一二三四五六七八九十]+)[)）]`)
)

// prepareLines is the document model's first step: the text's lines with
// the page furniture dropped (a line repeated on three or more pages with
// only its page number changing, a bare page number) and each line given
// the role it falls under.
func prepareLines(text string) []docLine {
	raw := strings.Split(text, "\n")
	if len(raw) > 200000 {
		raw = raw[:200000]
	}
	count := map[string]int{}
	for _, l := range raw {
		t := strings.TrimSpace(l)
		if t != "" && len(t) <= 240 {
			count[furnitureKey(t)]++
		}
	}
	heads := make([][]rune, len(raw))
	longs := make([]bool, len(raw))
	for i, l := range raw {
		if t := strings.TrimSpace(l); t != "" {
			heads[i], longs[i] = foldHead(stripBullet(t), 160)
		}
	}
	analyst := make([]bool, len(raw))
	for i, h := range heads {
		analyst[i] = isAnalystLine(h)
	}
	nextAnalyst := func(from int) bool {
		for i := from; i < len(raw) && i < from+3; i++ {
			if len(heads[i]) > 0 {
				return analyst[i]
			}
		}
		return false
	}
	out := make([]docLine, 0, len(raw))
	seenFurniture := map[string]bool{}
	region := roleBody
	paraRole := roleBody
	paraOpen := false
	for i, l := range raw {
		t := strings.TrimRight(l, " \t")
		trim := strings.TrimSpace(t)
		if trim == "" {
			out = append(out, docLine{})
			paraRole, paraOpen = roleBody, false
			if region == roleRelated {
				region = roleBody // a list of related reports ends at its blank line
			}
			continue
		}
		key := ""
		if len(trim) <= 240 {
			key = furnitureKey(trim)
		}
		if pageRE.MatchString(trim) {
			continue
		}
		if runeLen(trim) <= 80 && count[key] >= 3 && !hasCodeLike(trim) && len(raw) > 40 && letters(key) >= 6 {
			if seenFurniture[key] {
				continue // a page header repeated: its first copy is the cover's
			}
			seenFurniture[key] = true
		}
		if strings.HasPrefix(trim, "请务必") || strings.HasPrefix(trim, "敬请参阅") || strings.HasPrefix(trim, "请参阅") {
			continue // a page footer pointing at the disclaimer
		}
		f, long := heads[i], longs[i]
		strength := notHeading
		if !long {
			strength = headingStrength(f, nextAnalyst(i+1))
		}
		if isAllBold(stripBullet(trim)) {
			strength = strongHeading
		}
		heading := strength > 0
		if r, ok := roleOf(f); ok && len(f) > 0 && !ratingBox(f) {
			rest := afterLabel(f)
			switch {
			case rest == "" || captionRE.MatchString(string(f)) || heading && !strings.ContainsRune(string(f), ':'):
				region, paraRole, paraOpen = r, roleBody, false
				heading = true
			default:
				// 风险提示：… with its text: that paragraph only.
				paraRole, paraOpen = r, true
			}
		} else if strength == strongHeading || strength == weakHeading && region != roleDisclaimer && region != roleRatingDefs && region != roleRelated {
			region = roleBody
			paraRole, paraOpen = roleBody, false
		}
		lr := region
		if paraOpen && paraRole != roleBody {
			lr = paraRole
		}
		out = append(out, docLine{text: t, role: lr, heading: heading, head: f, long: long})
		// A labelled paragraph (风险提示：…。) ends with its last sentence: the
		// table or list on the next line is not part of it.
		if paraOpen && strings.ContainsRune("。!?！？", lastFolded(trim)) {
			paraRole, paraOpen = roleBody, false
		}
	}
	return out
}

// ratingBox: 投资评级：买入（首次） is a cover's rating box, not the start of
// the rating definitions.
func ratingBox(f []rune) bool {
	rest := []rune(afterLabel(f))
	if len(rest) == 0 {
		return false
	}
	_, _, ok := ratingWordAt(rest, 0)
	return ok
}

// afterLabel is what follows the first colon of a label line, "" if the
// line has no colon or nothing after it.
func afterLabel(f []rune) string {
	i := indexRune(f, ':')
	if i < 0 {
		return ""
	}
	return strings.Trim(string(f[i+1:]), " ")
}

func stripBullet(t string) string {
	for _, b := range bullets {
		if strings.HasPrefix(t, b) {
			return strings.TrimSpace(t[len(b):])
		}
	}
	// A private-use glyph or a lone symbol the PDF used as a bullet ().
	rs := []rune(t)
	if len(rs) > 1 && (rs[0] >= 0xE000 && rs[0] <= 0xF8FF || unicode.Is(unicode.So, rs[0])) {
		return strings.TrimSpace(string(rs[1:]))
	}
	return t
}

// hasCodeLike reports a six-digit run: table rows repeat their shape but
// are never page furniture.
func hasCodeLike(s string) bool {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
			if n >= 6 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

// isHeadingLine reads a folded line as a title of what follows: a markdown
// heading, a section word (投资建议), a numbered short line (1、白酒：…,
// （一）, 1.2、次高端), a 【…】 line, a table caption, a line followed by its
// analyst's line (a morning note's item), a bold line, or a short line with
// no sentence in it.

// How surely a line is a heading: a weak one (a short line with no
// sentence) ends a risk or related-research part but not the disclaimer,
// whose addresses and lists are short lines too.
const (
	notHeading = iota
	weakHeading
	strongHeading
)

func headingStrength(f []rune, nextIsAnalyst bool) int {
	if len(f) == 0 || len(f) > 120 {
		return notHeading
	}
	s := string(f)
	if strings.HasPrefix(s, "#") || f[0] == '【' && indexRune(f, '】') > 0 && indexRune(f, '】') >= len(f)-2 {
		return strongHeading
	}
	if captionRE.MatchString(s) {
		return strongHeading
	}
	if nextIsAnalyst && !isAnalystLine(f) {
		return strongHeading
	}
	if _, _, ok := classifyFolded(s, false, s); ok {
		return strongHeading
	}
	sentence := strings.ContainsAny(s, "。；;")
	if romanListRE.MatchString(s) && len(f) <= 40 && !sentence {
		return strongHeading
	}
	if isAllBold(s) {
		return strongHeading
	}
	if len(f) <= 16 && !sentence && !strings.ContainsAny(s, ",、") && !hasCodeLike(s) {
		return weakHeading
	}
	if !hasHan(s) && len(f) <= 40 && !strings.HasSuffix(s, ".") && !strings.ContainsAny(s, ";()") && isUpper(f[0]) && countDigits(s) <= 2 {
		return weakHeading // Batteries: pricing discipline holds
	}
	return notHeading
}

// readCalls is the third step over the whole document: paragraphs and
// tables in their roles, each paragraph read under its heading's theme,
// its section's recommendation list and its company.
func readCalls(lines []docLine) ([]mention, map[string]secKind) {
	skipped := map[string]secKind{}
	subject := reportSubject(lines, skipped)
	var out []mention
	if subject != nil && len(subject.rating) > 0 {
		out = append(out, *subject)
	}
	theme := ""
	list, introList := false, false
	var sectionSubject *mention
	var para []string
	paraRoleOf := roleBody
	carried, introTheme := "", ""     // the theme of the paragraph before; of an intro line's lead-in
	paraBulleted := false             // the paragraph opened with a bullet or a number: a new item
	paraIndent, carriedIndent := 0, 0 // a paragraph indented less than the one before is a new item
	flush := func() {
		if len(para) == 0 {
			return
		}
		if paraRoleOf == roleBody && len(out) < maxMentions {
			ctx := paraContext{theme: theme, list: list || introList, subject: sectionSubject}
			if ctx.subject == nil {
				ctx.subject = subject
			}
			p := fold(strings.Join(para, "\n"))
			if ins := findIntros(p[:min(len(p), 12)], nil); carried != "" && !paraBulleted && paraIndent >= carriedIndent && len(ins) > 0 && ins[0].start <= 1 {
				ctx.theme = carried // 相关标的：… goes on with the list above it
			}
			if introTheme != "" && ctx.theme == theme {
				ctx.theme = introTheme
			}
			ms, last := readParagraph(p, ctx, skipped)
			out = append(out, ms...)
			carried, carriedIndent = last, paraIndent
		}
		para = nil
	}
	prevEnded := false
	lastCaptionRaw, prevText := "", ""
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.text == "" {
			flush()
			introList, prevEnded, introTheme = false, false, ""
			continue
		}
		if t, n := tableAt(lines, i); t != nil {
			flush()
			// The table's caption is the line just above it, when that is a
			// title: 表 3：可比公司估值, 重点公司盈利预测及投资评级.
			t.caption, lastCaptionRaw = "", ""
			if prevText != "" && runeLen(prevText) <= 40 || captionRE.MatchString(string(fold(prevText))) {
				t.caption, lastCaptionRaw = string(fold(prevText)), prevText
			}
			r, ok := t.role()
			if l.role == roleBody && (!ok || r == roleBody) {
				tt := theme
				if c := captionTheme(tidyProse(lastCaptionRaw)); c != "" {
					tt = c
				}
				out = append(out, t.mentions(tt, skipped)...)
			}
			i += n - 1
			prevEnded, prevText = true, ""
			continue
		}
		raw := stripBullet(strings.TrimSpace(l.text))
		f := l.head
		if len(f) == 0 {
			continue
		}
		prevText = raw
		if l.heading {
			flush()
			carried, introTheme = "", ""
			strength := headingStrength(f, isAnalystLine(nextHeadDoc(lines, i+1)))
			kind, _, isSection := classifyFolded(string(f), l.long, string(f))
			items := scanItems(f)
			switch {
			case len(items) > 0 && items[0].start == numberingEnd(f) && items[0].hasCode && !list:
				// A company's item in a morning note: 万华化学（600309）：….
				if items[0].kind == secA {
					s := mention{code: items[0].code, hasCode: true, written: items[0].written}
					sectionSubject = &s
				} else {
					sectionSubject = &mention{} // an HK company's item: its phrases rate no A-share
				}
				theme, list = "", false
			case captionRE.MatchString(string(f)):
				// A table's caption titles the table, not what follows it.
			case (!isSection || kind == otherSection) && recommendWordIn(string(f)):
				// 本周推荐组合, 二、5月金股池: a heading over a list.
				theme, list = headingTheme(raw), true
				sectionSubject = nil
			case isSection && kind == recommendSection:
				// 投资建议 inside a company's item is still about that company.
				theme, list = "", true
			case isSection && kind != otherSection:
				theme, list = "", false
			case strength == strongHeading && !startsNumbered(string(f)) || romanTop(string(f)):
				theme, list = headingTheme(raw), false
				sectionSubject = nil
			default:
				theme = headingTheme(raw)
			}
			if l.role == roleBody {
				para = []string{l.text}
				paraRoleOf = l.role
				paraBulleted = false
				if _, rest, ok := classifyFolded(string(f), l.long, string(f)); ok && rest != "" && !strings.ContainsRune("。!?;", lastFolded(raw)) {
					// 投资建议：白酒推荐…伊利 / 股份、海天味业: the paragraph goes on.
					prevEnded = false
					continue
				}
				flush()
			}
			prevEnded = true
			continue
		}
		if captionRE.MatchString(string(f)) {
		}
		// A new paragraph: after a sentence's end, at a bullet, a numbered
		// line or a label (光伏：…).
		if prevEnded || raw != strings.TrimSpace(l.text) || startsNumbered(raw) || startsLabel(f) || l.role != paraRoleOf {
			flush()
		}
		if len(para) == 0 {
			paraRoleOf = l.role
			paraBulleted = raw != strings.TrimSpace(l.text) || startsNumbered(raw)
			paraIndent = len(l.text) - len(strings.TrimLeft(l.text, " \t　"))
		}
		para = append(para, l.text)
		last := lastFolded(raw)
		prevEnded = strings.ContainsRune("。!?;", last) || endsWithRating(raw)
		if last == ':' {
			if introOnly(f) {
				introList = true
				// 储能板块，建议关注： names the theme of the list below it.
				if ins := findIntros(f, nil); len(ins) > 0 {
					introTheme = ins[len(ins)-1].theme
				}
			}
			prevEnded = true
		}
	}
	flush()
	return out, skipped
}

// romanTop: 一、 and 二、 open the report's top-level parts.
func romanTop(s string) bool {
	_, numbered := stripChineseNumber(s)
	return numbered
}

func nextHeadDoc(lines []docLine, from int) []rune {
	for i := from; i < len(lines) && i < from+3; i++ {
		if len(lines[i].head) > 0 {
			return lines[i].head
		}
	}
	return nil
}

// startsLabel: a line that opens with a short label and a colon.
func startsLabel(f []rune) bool {
	i := indexRune(f, ':')
	return i > 0 && i <= 12 && !hasCodeLike(string(f[:i]))
}

// introOnly: 推荐标的：, 投资建议： — a line that announces the list below.
func introOnly(f []rune) bool {
	s := strings.TrimRight(string(f), ":")
	initIntros()
	for _, in := range intros {
		if strings.HasSuffix(s, in.word) && !in.benefit {
			return true
		}
	}
	for _, g := range sectionWords {
		if g.kind != recommendSection {
			continue
		}
		for _, w := range g.words {
			if strings.HasSuffix(s, w) {
				return true
			}
		}
	}
	return false
}

// headingTheme is the theme a heading names: its label (1、白酒：需求筑底 →
// 白酒; Batteries: pricing discipline holds → Batteries), or the heading
// itself when it is short enough to be a name.
func headingTheme(raw string) string {
	t := tidyProse(stripMarkup(strings.TrimLeft(raw, "# ")))
	if i := strings.IndexAny(t, ":："); i > 0 {
		t = t[:i]
	}
	if i := strings.Index(t, "——"); i > 0 {
		t = t[:i]
	}
	return cleanTheme([]rune(t))
}

// captionTheme is the theme a table's caption names (表 1：7月金股组合), if any.
func captionTheme(caption string) string {
	loc := captionRE.FindStringIndex(strings.ToUpper(caption))
	if loc == nil {
		return ""
	}
	return cleanTheme([]rune(caption[loc[1]:]))
}

// reportSubject is the company a one-company report is about: the one A-share
// whose name and code open a line of its cover (绿的谐波(688017.SH),
// 恒瑞医药(600276)：…), with the rating its cover box gives (投资评级：买入
// （首次）, 评级：买入 上次评级：增持). A cover that opens lines with several
// companies (a morning note's contents) has no subject.
func reportSubject(lines []docLine, skipped map[string]secKind) *mention {
	var subject *mention
	seen := map[string]bool{}
	n := 0
	for i := 0; i < len(lines) && n < 40; i++ {
		l := lines[i]
		if l.text == "" {
			continue
		}
		n++
		if l.role != roleBody || rowCode(splitCells(l.text)) >= 0 && len(splitCells(l.text)) >= 3 {
			continue
		}
		f := l.head
		// 股票代码：600887 on a cover's data box names the company too.
		for _, label := range []string{"股票代码:", "证券代码:", "公司代码:", "TICKER:", "BLOOMBERG:"} {
			if rest, ok := strings.CutPrefix(string(f), label); ok {
				j := tokenEnd([]rune(rest), 0)
				if kind, code, _, ok := codeToken(rest[:len(string([]rune(rest)[:j]))]); ok && kind == secA {
					if !seen[code.Key()] {
						seen[code.Key()] = true
						subject = &mention{code: code, hasCode: true}
					}
				}
			}
		}
		// A web copy's title opens with its source in brackets (【首创证券】美的
		// 集团(000333)深度点评): the company follows the tag.
		if len(f) > 0 && f[0] == '【' {
			if j := slices.Index(f, '】'); j > 0 {
				f = f[j+1:]
			}
		}
		items := scanItems(f)
		if len(items) == 0 || items[0].start != 0 || items[0].kind != secA {
			continue
		}
		it := items[0]
		if !it.hasCode {
			// 伊利股份：一季度利润超预期 — a title naming the company.
			if it.end >= len(f) || f[it.end] != ':' || it.nameOCR {
				continue
			}
			it.code = names().master[it.security].Code
		}
		k := it.code.Key()
		if !seen[k] {
			seen[k] = true
			subject = &mention{code: it.code, hasCode: true, written: it.written}
		}
	}
	if len(seen) != 1 {
		return nil
	}
	n = 0
	for i := 0; i < len(lines) && n < 60; i++ {
		if lines[i].text == "" {
			continue
		}
		n++
		if lines[i].role != roleBody {
			continue
		}
		head, _ := foldHead(lines[i].text, 400)
		if w := coverRating(head); w != nil && len(subject.rating) == 0 {
			subject.rating, subject.strength = w, coverEvidence
		}
		if m := targetRE.FindStringSubmatch(string(head)); m != nil && m[2] == "" && subject.target == 0 {
			subject.target = leadingNumber(m[1])
		}
		if subject.target == 0 {
			subject.target = englishCoverTarget(head)
		}
	}
	return subject
}

var coverLabels = []string{"投资评级", "股票评级", "公司评级", "评级", "STOCKRATING", "RATING", "RECOMMENDATION"}

// englishCoverTarget reads PRICETARGET:RMB2,100 or PT:RMB315 from a folded
// cover line.
func englishCoverTarget(f []rune) float64 {
	s := string(f)
	for _, label := range []string{"PRICETARGET", "TARGETPRICE", "PT"} {
		i := strings.Index(s, label)
		if i < 0 || i > 0 && isUpper(f[i-1]) {
			continue
		}
		v := strings.TrimLeft(s[i+len(label):], ":(12-MONTH)")
		for _, cur := range []string{"RMB", "CNY", "¥", "￥"} {
			v = strings.TrimPrefix(v, cur)
		}
		if t := leadingNumber(v); t > 0 {
			return t
		}
	}
	return 0
}

// coverRating reads a cover's rating box: 投资评级：买入（首次）, 评级：买入.
// A label after 行业, 上次, 前次 or 原 is not the stock's current rating.
func coverRating(f []rune) []rune {
	s := string(f)
	for _, label := range coverLabels {
		from := 0
		for {
			i := strings.Index(s[from:], label)
			if i < 0 {
				break
			}
			i += from
			from = i + len(label)
			before := []rune(s[:i])
			prev := string(before[max(0, len(before)-2):])
			if containsAny(prev, []string{"行业", "上次", "前次", "原", "细分", "次"}) {
				continue
			}
			rest := []rune(s[from:])
			k := 0
			for k < len(rest) && k < 2 && strings.ContainsRune(":：", rest[k]) {
				k++
			}
			if w, _, ok := ratingWordAt(rest, k); ok {
				return w
			}
			if !hasHan(label) {
				for j := min(len(rest), k+14); j > k; j-- {
					if englishRating(string(rest[k:j])) != nil && (j == len(rest) || !isUpper(rest[j])) {
						return rest[k:j]
					}
				}
			}
		}
	}
	return nil
}

// letters counts the letters of s: a page header has words, a table's
// repeated 16.0 买入 has few.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// recommendWordIn: a heading that names a recommendation list anywhere in
// it (本周推荐组合, 今日重点推荐, 7月金股组合).
func recommendWordIn(s string) bool {
	if runeLen(s) > 24 {
		return false
	}
	for _, g := range sectionWords {
		if g.kind != recommendSection {
			continue
		}
		for _, w := range g.words {
			if strings.Contains(s, w) {
				return true
			}
		}
	}
	return containsAny(s, []string{"金股", "推荐组合", "策略组合", "股票池", "金股池", "组合", "首推", "精选"})
}

// furnitureKey is a line with its spaces dropped and each run of digits
// written #: a page header with its page number, the same on every page.
func furnitureKey(t string) string {
	var b strings.Builder
	inDigits := false
	for _, r := range t {
		switch {
		case unicode.IsSpace(r):
		case r >= '0' && r <= '9':
			if !inDigits {
				b.WriteByte('#')
			}
			inDigits = true
			continue
		default:
			b.WriteRune(r)
		}
		inDigits = false
	}
	return b.String()
}

var analystWords = []string{"证券分析师", "分析师", "首席分析师", "研究员", "联系人", "ANALYST", "研究支持"}

// isAnalystLine: a line naming an analyst (证券分析师：…, a SAC licence
// S0980523080001 or A0230519110002) — the line under a morning note's item.
func isAnalystLine(f []rune) bool {
	if len(f) == 0 {
		return false
	}
	s := string(f)
	for _, w := range analystWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	for i, r := range f {
		if r != 'S' && r != 'A' || i > 0 && (isUpper(f[i-1]) || isDigit(f[i-1])) {
			continue
		}
		want := 13
		if r == 'A' {
			want = 10
		}
		j := i + 1
		for j < len(f) && isDigit(f[j]) {
			j++
		}
		if j-i-1 == want {
			return true
		}
	}
	return false
}

// endsWithRating: a line that ends with a rating set off by —— or a colon
// (金股一：赛力斯（601127.SH）——买入) ends its entry.
func endsWithRating(raw string) bool {
	rs := []rune(strings.TrimSpace(raw))
	tail := fold(string(rs[max(0, len(rs)-8):]))
	for k := 1; k < len(tail); k++ {
		if !strings.ContainsRune("—-:,", tail[k-1]) {
			continue
		}
		if _, j, ok := ratingWordAt(tail, k); ok && j == len(tail) {
			return true
		}
	}
	return false
}
