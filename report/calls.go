package report

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// maxMentions bounds the stocks read from one text, and the codes and
// intro phrases looked at in one paragraph, so that a hostile input costs
// bounded work; a real report has dozens.
const maxMentions = 10000

// maxNameRun is how far after an intro phrase names without codes are read.
const maxNameRun = 1000

// The strength of the evidence a call's rating rests on, weakest first. A
// stronger one wins when a report rates a stock in several places: a
// table's current-rating column over the bracket after the name, that over
// a sentence's rating phrase, that over the cover's rating box.
const (
	noEvidence = iota
	coverEvidence
	phraseEvidence
	bracketEvidence
	tableEvidence
)

// mention is a stock as the report writes it, before it is checked against
// the securities master.
type mention struct {
	theme    string
	written  string // the name as written, folded; "" if none was given
	code     market.Code
	hasCode  bool
	security int    // for a name without a code: its index in sectors.Master()
	nameOCR  bool   // the name was found as a look-alike misreading
	rating   []rune // the rating word as written, folded
	strength int    // what the rating rests on
	target   float64
	benefit  bool // under 受益标的/相关标的: a beneficiary, flagged as a mention
	pos      int
}

// intro is a phrase that introduces a list of stocks.
type intro struct {
	word    string
	runes   []rune
	benefit bool // 受益标的 and the like name beneficiaries, not calls
	colon   bool // only with a colon or a stock name right after it: 推荐 and 标的 are ordinary words too
}

// intros, longest first so that 建议重点关注 wins over 重点关注.
var intros = []intro{
	{word: "建议重点关注"}, {word: "建议关注"}, {word: "重点推荐"}, {word: "重点关注"}, {word: "推荐关注"},
	{word: "积极关注"}, {word: "持续关注"}, {word: "关注标的"}, {word: "推荐标的"}, {word: "推荐个股"},
	{word: "重点标的"}, {word: "核心标的"}, {word: "标的包括"}, {word: "优选"}, {word: "首推"}, {word: "首选"},
	{word: "受益标的", benefit: true}, {word: "相关标的", benefit: true}, {word: "相关公司", benefit: true},
	{word: "受益公司", benefit: true}, {word: "受益个股", benefit: true}, {word: "相关个股", benefit: true},
	{word: "标的", colon: true}, {word: "推荐", colon: true}, {word: "关注", colon: true}, {word: "受益", colon: true, benefit: true},
}

var introsOnce sync.Once

func initIntros() {
	introsOnce.Do(func() {
		for i := range intros {
			intros[i].runes = []rune(intros[i].word)
		}
	})
}

type introAt struct {
	intro
	start, end int
	theme      string // the theme its lead-in names, "" if none
}

// paraContext is what a paragraph is read under: the theme of its heading,
// whether it is part of a recommendation list (a 投资建议 section, the
// lines after 推荐标的：), and whose section it is (a morning note's
// company item, or the company a one-company report is about).
type paraContext struct {
	theme   string
	list    bool
	subject *mention
}

// readParagraph is the third step for one paragraph: its securities, the
// evidence for each (its bracket, a rating phrase about it, a list it is
// in) and the mentions that are calls. skipped counts the securities named
// that are no A-share.
func readParagraph(p []rune, ctx paraContext, skipped map[string]secKind) ([]mention, string) {
	initIntros()
	items := scanItems(p)
	for _, it := range items {
		if it.kind != secA && !it.inTitle && it.key != "" {
			skipped[it.key] = it.kind
		}
	}
	ins := findIntros(p, items)
	// A label at the paragraph's start (光伏：, 1）工程机械：) names its theme.
	theme := ctx.theme
	labelEnd, labelTheme := -1, ""
	if i := indexRune(p, ':'); i > 0 && i <= 16 && (len(items) == 0 || items[0].start >= i) {
		labelEnd = i + 1
		if t := cleanTheme(p[:i+1]); t != "" {
			theme, labelTheme = t, t
		}
	}
	member := make([]bool, len(items))
	memberTheme := make([]string, len(items))
	benefit := make([]bool, len(items))
	cur := theme
	for n, in := range ins {
		end := len(p)
		if n+1 < len(ins) {
			end = ins[n+1].start
		}
		for k := in.end; k < end; k++ {
			if p[k] == '。' || p[k] == ';' {
				end = k
				break
			}
		}
		end = min(end, in.end+maxNameRun)
		// A lead-in names the theme of its list and what follows, unless it
		// is the comment in the sentence a label opens (工业金属：铜库存连续
		// 三周去化，推荐紫金矿业): there the label names the theme.
		if in.theme != "" && (labelTheme == "" || sentenceEndBetween(p, labelEnd, in.start)) {
			cur = in.theme
		}
		t := cur
		first := sort.Search(len(items), func(i int) bool { return items[i].start >= in.end })
		for i := first; i < len(items) && items[i].start < end; i++ {
			member[i], memberTheme[i], benefit[i] = true, t, in.benefit
		}
	}
	// A label followed by nothing but stocks is a list (黄金：山东黄金、中金
	// 黄金); in a recommendation list every coded stock counts, and every
	// line of names.
	from := max(labelEnd, 0)
	pureList := onlyItems(p[from:], items, from)
	labelList := labelEnd > 0 && pureList && !negativeLabel(p[:labelEnd])
	// 买入：贵州茅台、五粮液 — a list labelled with a rating word gives it.
	var labelRating []rune
	if labelList {
		if w, j, ok := ratingWordAt(p, numberingEnd(p)); ok {
			if rest := string(p[j : labelEnd-1]); rest == "" || rest == "评级" || rest == "标的" || rest == "个股" || rest == "公司" {
				labelRating = w // 增持评级：贵州茅台、五粮液
			}
		}
	}
	for i, it := range items {
		if member[i] {
			continue
		}
		// In a list, an item that a numbered or bulleted entry opens with is
		// the entry's stock: 1、宁德时代：锂电龙头….
		leads := i == 0 && it.start == numberingEnd(p) && it.start > 0 && it.end < len(p) && strings.ContainsRune(":(", p[it.end])
		if labelList || ctx.list && (pureList || leads || it.hasCode && opensClause(p, it.start, labelEnd) && !negativeSentence(p, it.start)) {
			member[i], memberTheme[i] = true, theme
			if labelEnd > 0 && introBenefit(p[:labelEnd]) {
				benefit[i] = true
			}
		}
	}

	// Rating phrases: each given to the stock it is written about.
	phrase := make([][]rune, len(items))
	targets := make([]float64, len(items))
	var subjectRating []rune
	var subjectTarget float64
	subjectIdx := -1
	if len(items) > 0 && (items[0].start <= max(labelEnd, 0)+1 || items[0].start == numberingEnd(p)) {
		subjectIdx = 0 // 贵州茅台2024年实现…。我们维持公司"买入"评级。
	}
	titles := titleSpans(p)
	// A rating word standing as a clause of its own after a stock that
	// opens the sentence: 赛力斯（601127.SH）——买入, 汇川技术（300124.SZ）：推荐，…,
	// 紫金矿业（601899）：铜金双轮，产量持续增长，买入。
	for i, it := range items {
		if it.kind != secA || len(it.bracket) > 0 || !opensClause(p, it.start, labelEnd) {
			continue
		}
		if w := clauseRating(p, it.end); w != nil {
			phrase[i] = w
		}
	}
	for _, ph := range findPhrases(p, items, titles) {
		target := -1
		sentStart := sentenceStart(p, ph.start)
		last := sort.Search(len(items), func(i int) bool { return items[i].start >= ph.start })
		for i := last - 1; i >= 0 && items[i].start >= sentStart; i-- {
			it := items[i]
			if it.end <= ph.start && !it.inTitle && len(phrase[i]) == 0 && (opensClause(p, it.start, labelEnd) || nextTo(p, it.end, ph.start)) {
				target = i
				break
			}
		}
		if target >= 0 && companyWordBetween(p, items[target].end, ph.start) {
			target = -1 // 公司与汇川技术合作……维持公司"买入"评级: the company is the subject
		}
		if target < 0 {
			target = subjectIdx
		}
		if target >= 0 {
			phrase[target] = ph.word
			if ph.target > 0 {
				targets[target] = ph.target
			}
		} else if ctx.subject != nil && len(subjectRating) == 0 {
			subjectRating, subjectTarget = ph.word, ph.target
		}
	}

	var out []mention
	for i, it := range items {
		if it.kind != secA || it.inTitle {
			continue
		}
		m := mention{written: it.written, code: it.code, hasCode: it.hasCode, security: it.security, nameOCR: it.nameOCR, pos: it.start, target: it.target}
		switch {
		case len(it.bracket) > 0:
			m.rating, m.strength = it.bracket, bracketEvidence
		case len(phrase[i]) > 0:
			m.rating, m.strength = phrase[i], phraseEvidence
		case len(labelRating) > 0 && member[i] && it.start >= labelEnd:
			m.rating, m.strength = labelRating, phraseEvidence
		case len(it.unknown) > 0 && it.hasCode:
			// (002049,强力买进): a word where the rating stands, flagged; a
			// name's bracket of other words (宁德时代（龙头）) is no rating.
			m.rating, m.strength = it.unknown, bracketEvidence
		}
		if targets[i] > 0 && m.target == 0 {
			m.target = targets[i]
		}
		if m.strength == noEvidence && !member[i] {
			continue
		}
		if r := englishRating(string(m.rating)); r != nil && *r == sectors.Unrated {
			continue // (LENSTECH, NR), Not Rated: a stock the house does not cover
		}
		m.theme = theme
		if member[i] && memberTheme[i] != "" {
			m.theme = memberTheme[i]
		}
		m.benefit = benefit[i] && m.strength == noEvidence
		out = append(out, m)
	}
	if len(subjectRating) > 0 {
		s := *ctx.subject
		s.rating, s.strength, s.target, s.pos = subjectRating, phraseEvidence, subjectTarget, len(p)
		s.theme = ctx.theme
		out = append(out, s)
	}
	return out, cur
}

// onlyItems reports whether p (starting at offset from in the paragraph)
// holds nothing but the items and separators: a list of stocks.
func onlyItems(p []rune, items []item, from int) bool {
	covered := make([]bool, len(p))
	n := 0
	for _, it := range items {
		if it.start < from {
			continue
		}
		n++
		for k := it.start - from; k < it.end-from && k < len(covered); k++ {
			covered[k] = true
		}
	}
	if n == 0 {
		return false
	}
	rest := 0
	for k, r := range p {
		if !covered[k] && !strings.ContainsRune("、,;。.和及与以等:()", r) {
			rest++
		}
	}
	return rest <= 2 // 以及, 等
}

// negativeLabel: names listed as customers, suppliers, shareholders or
// competitors are no recommendation.
func negativeLabel(label []rune) bool {
	return containsAny(string(label), []string{"客户", "供应商", "竞争", "对手", "股东", "合作", "可比", "同行", "同业", "下游", "上游"})
}

func introBenefit(label []rune) bool {
	s := string(label)
	for _, in := range intros {
		if in.benefit && strings.Contains(s, in.word) {
			return true
		}
	}
	return false
}

// companyWordBetween: 公司 (or 其) between the stock and the phrase means
// the phrase is about the section's company, not the stock named in passing.
func companyWordBetween(p []rune, from, to int) bool {
	if from >= to {
		return false
	}
	s := string(p[from:to])
	return strings.Contains(s, "公司")
}

// maxSentence bounds how far a sentence is looked back or ahead, so that a
// text without full stops costs linear work.
const maxSentence = 300

func sentenceStart(p []rune, i int) int {
	for k := i - 1; k >= 0 && i-k <= maxSentence; k-- {
		if strings.ContainsRune("。!?", p[k]) {
			return k + 1
		}
	}
	return max(0, i-maxSentence)
}

func anyCovered(covered []bool, s, e int) bool {
	for i := s; i < e && i < len(covered); i++ {
		if covered[i] {
			return true
		}
	}
	return false
}

func indexRune(rs []rune, r rune) int {
	for i, c := range rs {
		if c == r {
			return i
		}
	}
	return -1
}

// findIntros finds the intro phrases outside the items' brackets and
// quotes, each with the theme its lead-in names: AI应用领域，重点关注 → AI应用.
// 推荐 and 关注 introduce a list when a colon or a stock's name follows
// them, or when a name follows in the same clause (白酒推荐确定性较强的
// 高端白酒贵州茅台).
func findIntros(p []rune, items []item) []introAt {
	initIntros()
	inItem := make([]bool, len(p))
	startsItem := make([]bool, len(p)+1)
	for _, it := range items {
		for k := it.nameEnd; k < it.end && k < len(p); k++ {
			inItem[k] = true
		}
		if it.start < len(startsItem) {
			startsItem[it.start] = true
		}
	}
	var out []introAt
	quoted := false
	for i := 0; i < len(p); i++ {
		if strings.ContainsRune("“”\"「」", p[i]) {
			quoted = !quoted && p[i] != '”' && p[i] != '」'
			continue
		}
		if quoted || inItem[i] {
			continue
		}
		for _, in := range intros {
			w := in.runes
			if !hasPrefixAt(p, i, w) {
				continue
			}
			end := i + len(w)
			if end < len(p) && strings.HasPrefix(string(p[end:min(len(p), end+2)]), "评级") {
				break // 推荐评级 is a rating
			}
			if in.colon {
				ok := end < len(p) && p[end] == ':' || startsItem[end]
				if !ok {
					// a name later in the same clause
					for k := end; k < len(p) && k-end < 30 && !strings.ContainsRune("。;,:", p[k]); k++ {
						if startsItem[k] {
							ok = true
							break
						}
					}
				}
				if !ok {
					continue
				}
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

// sentenceEndBetween tells whether a sentence ends between from and to.
func sentenceEndBetween(p []rune, from, to int) bool {
	for k := max(from, 0); k < to && k < len(p); k++ {
		if strings.ContainsRune("。;!?", p[k]) {
			return true
		}
	}
	return false
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
var themeEndings = []string{"领域", "板块", "方向", "赛道", "行业", "相关", "调整", "等"}
var themeJunk = []string{"评级", "日期", "证券", "分析师", "来源", "资料", "目录", "风险", "图", "表", "http", "@", "/", "观点", "事项", "要点", "摘要", "结论", "注", "说明", "联系人", "研究", "报告", "声明", "纪要", "主题", "重点", "点评", "公告", "股价", "市值", "指标", "预测", "估值", "业绩", "PE", "EPS", "收盘", "涨跌", "代码", "简称", "名称", "配置", "动态", "新闻", "要闻", "会议", "首页", "正文", "研报", "概况", "简介", "作者", "电话", "邮箱", "地址", "邮编", "交易", "客户", "日报", "周报", "月报", "调入", "调出", "保留", "新进", "新增", "本月", "本周组合", "VALUATION", "RATING", "ESTIMATE", "EARNINGS", "FORECAST", "SOURCE", "PRICE", "DISCLOSURE", "ANALYST", "RESEARCH"}

// themeBullets are the markers a heading or a label may open with.
const themeBullets = "■□●○◆◇▲△▼▽▶►▷▸▪▫◼◻◾◽•·‧∙※★☆➢➤➣➔→✓✔✗❖◎-*+> \t"

// englishCaptionRE matches a figure or table caption's number (Fig. 1,
// Exhibit 3, Table 2) and the titles a note gives its table of stocks.
var englishCaptionRE = regexp.MustCompile(`(?i)^(?:(?:fig(?:ure)?|exhibit|table|chart|graph)\.?\s*\d+\b|(?:stocks?|companies|company|securities|tickers?)\s+(?:discussed|mentioned|covered|in this (?:report|note))\b|valuation summary\b)`)

// reportKinds are cut from a morning note item's label: 银行业快评 is 银行.
var reportKinds = []string{"行业周报", "行业点评", "行业快评", "行业深度", "行业专题", "行业月报", "周报", "快评", "点评", "深度", "专题", "月报", "日报"}

// cleanTheme reads a theme name out of a lead-in, a label or a heading line
// (2)工业软件:, **量子技术与低空经济领域**, PCB:, Batteries), or "" when it is
// not one: too long to be a name, or holding a stock name, a number, a
// rating or a metadata word.
func cleanTheme(rs []rune) string {
	// A bullet or list marker (■白酒, ● 啤酒, - Batteries) is no part of the name.
	s := strings.Trim(stripEmoji(string(rs)), ",:;、 -—.")
	s = strings.TrimLeft(s, themeBullets)
	if englishCaptionRE.MatchString(s) {
		return "" // Fig. 1, Stocks discussed name a figure or table, not a theme
	}
	if strings.HasPrefix(s, "【") {
		if i := strings.Index(s, "】"); i > 0 {
			s = strings.TrimSpace(s[i+len("】"):]) // 【行业点评】银行 is 银行
		}
	}
	if r := []rune(s); len(r) > 0 && (r[0] >= '①' && r[0] <= '⑳') {
		s = string(r[1:])
	}
	for startsNumbered(s) || romanListRE.MatchString(s) {
		loc := romanListRE.FindStringIndex(s)
		if loc == nil {
			if i := strings.IndexAny(s, ")）、."); i >= 0 {
				s = s[i+1:]
				continue
			}
			break
		}
		s = s[loc[1]:]
	}
	s = strings.Trim(s, ",:;、 -")
	for _, group := range sectionWords {
		for _, w := range group.words {
			if strings.HasPrefix(s, w) || runeLen(w) >= 4 && strings.Contains(s, w) {
				return "" // 投资建议：重点推荐… is a heading, not a theme called 投资
			}
		}
	}
	for _, w := range []string{"建议", "我们", "继续", "持续"} {
		s = strings.TrimSuffix(s, w)
	}
	s = strings.Trim(s, ",:;、 ")
	for _, k := range reportKinds {
		if strings.HasSuffix(s, k) && runeLen(s) > runeLen(k)+1 {
			s = strings.TrimSuffix(s, k)
			break
		}
	}
	if strings.HasSuffix(s, "行业") && runeLen(s) == 3 {
		s = strings.TrimSuffix(s, "业") // 银行业 is 银行
	}
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
	han := hasHan(s)
	if n == 1 && han && !strings.Contains("和及与或等如的是在为将对从由", s) && !strings.Contains(string(rs), "，") {
		// 铜：紫金矿业、洛阳钼业 — a one-character label names a theme too.
		if _, _, ok := ratingWordAt([]rune(s), 0); !ok && trailingColon(rs) {
			return s
		}
	}
	if n < 2 || han && n > 12 || !han && (n > 24 || !hasLetter(s)) || strings.ContainsAny(s, "()[]【】。%《》") {
		return ""
	}
	initIntros()
	for _, in := range intros {
		if s == in.word || runeLen(in.word) >= 4 && strings.Contains(s, in.word) {
			return "" // 相关标的 introduces a list; it names no theme
		}
	}
	up := strings.ToUpper(s)
	for _, j := range themeJunk {
		if hasHan(j) && strings.Contains(up, j) || !hasHan(j) && (up == j || len(j) > 2 && strings.Contains(up, j)) {
			return ""
		}
	}
	if _, _, ok := ratingWordAt([]rune(s), 0); ok {
		return ""
	}
	if hasHan(s) && strings.Contains(s, "的") {
		return "" // 研发管线进入兑现期的公司 is a phrase, not a name
	}
	if englishRating(s) != nil {
		return ""
	}
	// A number counts against a theme unless it dates it (2025年1月策略组合,
	// 11月十大金股): 2024年报点评 and 3.2% are no names.
	digits := 0
	rsS := []rune(s)
	for i, r := range rsS {
		if unicode.IsDigit(r) {
			j := i
			for j < len(rsS) && unicode.IsDigit(rsS[j]) {
				j++
			}
			if j < len(rsS) && (rsS[j] == '月' || rsS[j] == '年' && j+1 < len(rsS) && unicode.IsDigit(rsS[j+1])) {
				continue
			}
			digits++
		}
	}
	if digits > 1 {
		return ""
	}
	if len(names().ac.find([]rune(strings.ToUpper(s)))) > 0 {
		return "" // 中科曙光和海光信息，建议关注… leads with stocks, not a theme
	}
	return s
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// stripEmoji drops pictographs and the joiners and variation selectors
// around them: 🚀AI应用 is AI应用.
func stripEmoji(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF, r == 0x200D, r >= 0xFE00 && r <= 0xFE0F, r >= 0x2B00 && r <= 0x2BFF:
			return -1
		}
		return r
	}, s)
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
	initIntros()
	k := end
	for k > limit && !strings.ContainsRune(nameDelims, p[k-1]) && end-k < 16 {
		k--
	}
	seg := p[k:end]
	// A known name at the end of the run is the name: 维持万华化学.
	if ms := names().ac.find(seg); len(ms) > 0 {
		last := ms[len(ms)-1]
		if last.end == len(seg) {
			return string(seg[last.start:]), k + last.start
		}
	}
	for i := len(seg) - 1; i >= 0; i-- { // after the last intro phrase in it
		for _, in := range intros {
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

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
func isUpper(r rune) bool { return r >= 'A' && r <= 'Z' }

// trailingColon: the text was a label (it ended at a colon).
func trailingColon(rs []rune) bool {
	s := strings.TrimSpace(string(rs))
	return strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：")
}

// opensClause: a stock that a sentence or clause starts with is what the
// clause is about (紫金矿业三季度产量稳步增长，维持"增持"评级); one named
// inside a phrase (人形机器人关节领域) is not.
func opensClause(p []rune, start, labelEnd int) bool {
	if start == 0 || start == labelEnd || start == numberingEnd(p) {
		return true
	}
	return strings.ContainsRune("。!?;,:、\n", p[start-1])
}

// nextTo: nothing but a quote, 评级 or 至 between the stock and its rating
// (维持保利发展"买入", 上调山西汾酒评级至"买入").
func nextTo(p []rune, end, at int) bool {
	if at-end > 6 {
		return false
	}
	gap := strings.Map(func(r rune) rune {
		if isQuote(r) {
			return -1
		}
		return r
	}, string(p[end:at]))
	for _, w := range []string{"", "评级至", "评级为", "的评级", "评级调整为", "至", "为", "的", "评级由"} {
		if gap == w {
			return true
		}
	}
	return false
}

// negativeSentence: a stock named as a competitor, customer or peer in its
// sentence is no recommendation, even under 投资建议.
func negativeSentence(p []rune, at int) bool {
	return negativeLabel(p[sentenceStart(p, at):at])
}

// numberingEnd is where a paragraph's text starts after its list number
// (1. 1、 (1) 1） ①), 0 when it has none.
func numberingEnd(p []rune) int {
	if len(p) > 0 && p[0] >= '①' && p[0] <= '⑳' {
		return 1
	}
	// 【公司点评】宁德时代（300750）：… — a tag before the title.
	if len(p) > 0 && p[0] == '【' {
		if i := indexRune(p[:min(len(p), 12)], '】'); i > 0 {
			return i + 1
		}
	}
	n := 0
	if loc := romanListRE.FindStringIndex(string(p[:min(len(p), 8)])); loc != nil {
		n = len([]rune(string(p[:min(len(p), 8)])[:loc[1]]))
	}
	// 三、公司点评 | 北方华创（002371.SZ）：… — a kind before a bar.
	for k := n; k < len(p) && k < n+12; k++ {
		if p[k] == '|' {
			return k + 1
		}
	}
	return n
}

// clauseRating is a rating word that stands as a whole clause in the
// sentence after position from: between — : ， and ， 。 ；, or nil.
func clauseRating(p []rune, from int) []rune {
	end := from
	for end < len(p) && end-from < 120 && !strings.ContainsRune("。!?;", p[end]) {
		end++
	}
	for k := from; k < end; k++ {
		if k > from && !strings.ContainsRune(",:—-", p[k-1]) {
			continue
		}
		if k == from && !(k < len(p) && strings.ContainsRune(",:—-", p[k])) {
			continue
		}
		start := k
		for start < end && strings.ContainsRune(",:—- ", p[start]) {
			start++
		}
		w, j, ok := ratingWordAt(p, start)
		if !ok {
			continue
		}
		if j == end || j < len(p) && strings.ContainsRune(",;。(", p[j]) {
			return w
		}
	}
	return nil
}
