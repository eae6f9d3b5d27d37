package report

import (
	"sort"
	"strconv"
	"strings"
	"zixuan/sectors/market"
)

// Security mentions: every place a paragraph names a security, whatever the
// notation, before deciding which are calls. A mention of a security that
// is no A-share (a Hong Kong or US listing, an index, a fund, a bond) is
// kept as such: it takes the rating phrase written about it, so that the
// phrase is not given to an A-share, and it is counted as skipped.

// secKind is what kind of security a mention names.
type secKind int

const (
	secA secKind = iota
	secHK
	secUS
	secIndex
	secFund
	secBond
	secOther
)

// skipName is the key a skipped kind is counted under.
var skipName = map[secKind]string{secHK: "hk", secUS: "us", secIndex: "index", secFund: "fund", secBond: "bond", secOther: "other"}

// item is one security named in a folded paragraph.
type item struct {
	kind       secKind
	start, end int // the name's start through the closing bracket
	nameEnd    int
	code       market.Code
	hasCode    bool
	security   int // name without a code: index in sectors.Master()
	nameOCR    bool
	written    string
	key        string // what it is counted under when skipped
	bracket    []rune // a rating word in its own bracket or right after it
	unknown    []rune // a word in its bracket that is no known rating
	target     float64
	inTitle    bool // inside 《》: the title of another report
}

// companySuffixes continue a name into a longer one: 比亚迪电子 is not
// 比亚迪, 东方财富证券 is not 东方财富.
var companySuffixes = []string{"电子", "股份", "集团", "控股", "国际", "科技", "汽车", "银行", "证券", "医药", "生物", "能源", "地产", "置业", "电力", "传媒", "香港", "中国", "有限", "公司", "ADR"}

// indexNames mark a code as an index's: 沪深300指数（000300.SH）.
var indexNames = []string{"指数", "指", "上证", "深证", "中证", "沪深", "国证", "创业板", "科创", "恒生", "标普", "纳斯达克", "万得", "INDEX"}

// token is a run of [0-9A-Z.] in a folded paragraph.
func tokenEnd(p []rune, i int) int {
	j := i
	for j < len(p) && j-i < 16 && (isDigit(p[j]) || isUpper(p[j]) || p[j] == '.' && j+1 < len(p) && (isDigit(p[j+1]) || isUpper(p[j+1]))) {
		j++
	}
	return j
}

// codeToken reads one token as a security code: the A-share's code, or the
// kind of a code that is no A-share's, or ok false for anything else (a
// year, 2025Q1, EPS). bare says the token is six digits and nothing else,
// which is a code only where the text sets it apart (a bracket).
func codeToken(tok string) (kind secKind, code market.Code, bare, ok bool) {
	fixed := fixOCRDigits(tok)
	switch {
	case strings.HasSuffix(fixed, ".HK") || strings.HasSuffix(fixed, "HK") && allDigits(strings.TrimSuffix(fixed, "HK")) && len(fixed) >= 6:
		return secHK, code, false, true
	case hasAnySuffix(fixed, ".CSI", ".HI", ".GI", ".WI", ".SI", ".CI", ".SPI"):
		return secIndex, code, false, true
	case hasAnySuffix(fixed, ".O", ".OQ", ".N", ".US", ".A", ".T", ".KS", ".L", ".DE", ".PA"):
		return secUS, code, false, true
	}
	digits, explicit := fixed, ""
	switch {
	case len(fixed) == 8 && (strings.HasPrefix(fixed, "SH") || strings.HasPrefix(fixed, "SZ") || strings.HasPrefix(fixed, "BJ")):
		digits, explicit = fixed[2:], fixed
	case len(fixed) == 9 && fixed[6] == '.':
		digits, explicit = fixed[:6], fixed
	case len(fixed) == 8 && (strings.HasSuffix(fixed, "CH") || strings.HasSuffix(fixed, "C1") || strings.HasSuffix(fixed, "C2")):
		digits = fixed[:6] // Bloomberg: 600519 CH
		explicit = digits
	case len(fixed) == 6:
	default:
		return 0, code, false, false
	}
	if !allDigits(digits) || len(digits) != 6 {
		return 0, code, false, false
	}
	c, err := market.ParseCode(explicit)
	if explicit == "" || err != nil {
		c, err = market.ParseCode(digits)
	}
	if err != nil {
		return fundOrBond(digits), code, explicit == "", true
	}
	// A fund or an index is never a call on a stock: a report's 510300 or
	// sh000300 gets no rating, whatever stands beside it.
	switch c.Kind() {
	case market.KindIndex:
		return secIndex, c, false, true
	case market.KindStock:
		return secA, c, explicit == "", true
	}
	return secFund, code, explicit == "", true
}

// fundOrBond names what a six-digit code no board lists is: funds and ETFs
// (15, 16, 18, 50–58), bonds and repos (01, 02, 10–13, 20), or other.
func fundOrBond(d string) secKind {
	switch d[:2] {
	case "15", "16", "18", "50", "51", "52", "56", "58":
		return secFund
	case "01", "02", "10", "11", "12", "13", "20", "23":
		return secBond
	}
	return secOther
}

// fixOCRDigits reads the letter O as 0 in a token that is otherwise a code
// (6OO519, 6005I9 is left alone): at least four real digits.
func fixOCRDigits(tok string) string {
	if !strings.ContainsRune(tok, 'O') {
		return tok
	}
	core := tok
	if i := strings.IndexByte(core, '.'); i >= 0 {
		core = core[:i]
	}
	if len(core) == 8 && (strings.HasPrefix(core, "SH") || strings.HasPrefix(core, "SZ") || strings.HasPrefix(core, "BJ")) {
		core = core[2:]
	}
	if len(core) != 6 || strings.Count(core, "O")+countDigits(core) != 6 || countDigits(core) < 4 {
		return tok
	}
	return strings.Replace(tok, core, strings.ReplaceAll(core, "O", "0"), 1)
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func hasAnySuffix(s string, sufs ...string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

const openBrackets, closeBrackets = "([【", ")]】"

// scanItems finds every security a folded paragraph names: codes in every
// notation with the name before them, names of A-shares found by the
// automaton (on their boundaries), each with the rating word in its own
// bracket when there is one.
func scanItems(p []rune) []item {
	var out []item
	taken := make([]bool, len(p))
	// Codes, bracket by bracket or inline with an exchange.
	depth, open := 0, -1
	titleDepth := 0
	for i := 0; i < len(p); {
		r := p[i]
		switch {
		case r == '《':
			titleDepth++
		case r == '》' && titleDepth > 0:
			titleDepth--
		case strings.ContainsRune(openBrackets, r):
			if depth == 0 {
				open = i
			}
			depth++
		case strings.ContainsRune(closeBrackets, r) && depth > 0:
			depth--
		}
		if !(isDigit(r) || isUpper(r)) || i > 0 && (isDigit(p[i-1]) || isUpper(p[i-1]) || p[i-1] == '.') {
			i++
			continue
		}
		j := tokenEnd(p, i)
		kind, code, bare, ok := codeToken(string(p[i:j]))
		if !ok || bare && depth == 0 {
			i = j
			continue
		}
		it := item{kind: kind, code: code, hasCode: kind == secA, key: string(p[i:j]), inTitle: titleDepth > 0}
		nameEnd := i
		if depth > 0 && open >= 0 && onlySeparators(p[open+1:i]) {
			nameEnd = open
		} else if depth == 0 && i > 0 && (p[i-1] == '|' || p[i-1] == '/') {
			nameEnd = i - 1 // 德业股份 | 605117.SH
		}
		if depth > 0 && open >= 0 && !onlySeparators(p[open+1:i]) && len(out) > 0 && out[len(out)-1].end > open {
			// 比亚迪（002594.SZ/1211.HK）: a second code in the same bracket
			// belongs to the same company; an A-share code wins over another.
			prev := &out[len(out)-1]
			if prev.kind != secA && kind == secA {
				prev.kind, prev.code, prev.hasCode = secA, code, true
			}
			i = j
			continue
		}
		name, from := nameBefore(p, nameEnd, lastEnd(out))
		it.start, it.nameEnd, it.written, it.end = from, nameEnd, name, j
		if kind == secA && isIndexName(name) {
			it.kind, it.hasCode = secIndex, false
		}
		if depth > 0 {
			close := matchClose(p, j)
			if close > 0 {
				it.bracket, it.unknown = bracketRating(p[j:close])
				if it.kind == secA && bracketSaysHShare(p[open+1:close]) && !hasACode(p[open+1:close]) {
					it.kind, it.hasCode = secHK, false
				}
				it.end = close + 1
			}
		}
		if it.kind == secA && len(it.bracket) == 0 {
			it.bracket, it.target = englishAfter(p, it.end)
		} else if it.kind == secA {
			_, it.target = englishAfter(p, it.end)
		}
		for k := it.start; k < it.end && k < len(p); k++ {
			taken[k] = true
		}
		out = append(out, it)
		if len(out) >= maxMentions {
			return out
		}
		i = max(j, it.end)
		if i > j { // the bracket was consumed
			depth = 0
		}
	}
	// Names without a code.
	ix := names()
	titleAt := titleSpans(p)
	for _, m := range ix.ac.find(p) {
		if anyCovered(taken, m.start, m.end) || !nameBoundary(p, m.start, m.end) {
			continue
		}
		hit := ix.hits[m.pattern]
		it := item{kind: secA, start: m.start, nameEnd: m.end, end: m.end, security: hit.security, nameOCR: hit.ocr, written: string(p[m.start:m.end]), inTitle: titleAt[m.start]}
		if m.end < len(p) && strings.ContainsRune(openBrackets, p[m.end]) {
			if close := matchClose(p, m.end+1); close > 0 && close-m.end < 24 {
				inner := p[m.end+1 : close]
				if bracketSaysHShare(inner) {
					it.kind = secHK
					it.key = it.written + "(H)"
				}
				it.bracket, it.unknown = bracketRating(inner)
				if len(it.bracket) > 0 || len(it.unknown) > 0 || it.kind != secA {
					it.end = close + 1
				}
			}
		}
		out = append(out, it)
		if len(out) >= maxMentions {
			break
		}
	}
	sortItems(out)
	return out
}

func lastEnd(items []item) int {
	if len(items) == 0 {
		return 0
	}
	return items[len(items)-1].end
}

func sortItems(items []item) {
	sort.SliceStable(items, func(i, j int) bool { return items[i].start < items[j].start })
}

func onlySeparators(rs []rune) bool {
	for _, r := range rs {
		if !strings.ContainsRune(" ,、;:/", r) {
			return false
		}
	}
	return true
}

// matchClose is the position of the bracket that closes one opened before
// from, within a short distance, or -1.
func matchClose(p []rune, from int) int {
	for k := from; k < len(p) && k-from < 40; k++ {
		if strings.ContainsRune(closeBrackets, p[k]) {
			return k
		}
		if strings.ContainsRune(openBrackets, p[k]) || p[k] == '。' {
			return -1
		}
	}
	return -1
}

func titleSpans(p []rune) []bool {
	in := make([]bool, len(p))
	depth := 0
	for i, r := range p {
		if r == '《' {
			depth++
		}
		in[i] = depth > 0
		if r == '》' && depth > 0 {
			depth--
		}
	}
	return in
}

// nameBoundary: a name is a name where it is not the start of a longer one
// (比亚迪电子, 东方财富证券) nor the end of a Latin word.
func nameBoundary(p []rune, s, e int) bool {
	if s > 0 && (isUpper(p[s-1]) && isUpper(p[s])) {
		return false
	}
	rest := string(p[e:min(len(p), e+4)])
	for _, suf := range companySuffixes {
		if strings.HasPrefix(rest, suf) {
			if _, exact := names().exact(string(p[s:e]) + suf); !exact {
				return false
			}
		}
	}
	return true
}

// isIndexName: 沪深300指数, 上证50, 中证红利, 创业板指 — an index's name,
// not 恒生电子's.
func isIndexName(name string) bool {
	if strings.Contains(name, "指数") || strings.HasSuffix(name, "指") || strings.Contains(name, "INDEX") {
		return true
	}
	for _, w := range indexNames {
		if strings.HasPrefix(name, w) && (countDigits(name) > 0 || containsAny(name, []string{"红利", "全A", "综指", "成指", "价值", "成长"})) {
			return true
		}
	}
	return false
}

func bracketSaysHShare(inner []rune) bool {
	s := string(inner)
	return strings.Contains(s, "H股") || strings.Contains(s, "港股") || strings.Contains(s, ".HK") || s == "H"
}

func hasACode(inner []rune) bool {
	for i := 0; i < len(inner); i++ {
		if (isDigit(inner[i]) || isUpper(inner[i])) && (i == 0 || !isDigit(inner[i-1]) && !isUpper(inner[i-1])) {
			j := tokenEnd(inner, i)
			if k, _, _, ok := codeToken(string(inner[i:j])); ok && k == secA {
				return true
			}
			i = j
		}
	}
	return false
}

// nonRatingWords are what brackets hold beside a rating: not ratings, and
// not unknown ratings either.
var nonRatingWords = []string{"首次", "维持", "上调", "下调", "首次覆盖", "H股", "A股", "港股", "未上市", "原代码", "前次", "上次"}

// bracketRating finds the rating word among the parts of a bracket's text
// after its code: (688111,增持,首次) → 增持, (600519 CH，买入) → 买入.
// unknown is a Chinese word that stands where a rating would and is none.
func bracketRating(inner []rune) (rating, unknown []rune) {
	parts := strings.FieldsFunc(string(inner), func(r rune) bool { return strings.ContainsRune(",;、/| :", r) })
	for _, part := range parts {
		w := []rune(part)
		if _, _, ok := readRating(w); ok {
			if hasHan(part) || englishRating(part) != nil {
				return w, nil
			}
		}
	}
	for _, part := range parts {
		if hasHan(part) && isHanRunes([]rune(part)) && runeLen(part) >= 2 && runeLen(part) <= 6 && !containsAny(part, nonRatingWords) {
			return nil, []rune(part)
		}
	}
	return nil, nil
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// englishAfter reads what English notes print after the bracket: (300750.SZ),
// BUY, PT RMB315.00.
func englishAfter(p []rune, at int) (rating []rune, target float64) {
	if at+1 >= len(p) || !strings.ContainsRune(",:-", p[at]) || !isUpper(p[at+1]) {
		return nil, 0 // Chinese text goes on with 、 or a character
	}
	k := at
	if k < len(p) && (p[k] == ',' || p[k] == ':' || p[k] == '-') {
		k++
	}
	rest := string(p[k:min(len(p), k+40)])
	for _, lead := range []string{"INITIATEAT", "INITIATEWITH", "INITIATEDAT", "RATED", "RATING:", "UPGRADETO", "DOWNGRADETO", "UPGRADEDTO", "DOWNGRADEDTO", "MAINTAIN", "REITERATE"} {
		if strings.HasPrefix(rest, lead) {
			k += len([]rune(lead))
			break
		}
	}
	// The longest rating word: EQUAL-WEIGHT before EQUAL, STRONGBUY before BUY.
	// Folded text has no spaces: "BUYFROMNEUTRAL" is BUY, the old rating
	// after FROM left behind.
	for j := min(len(p), k+26); j > k; j-- {
		if englishRating(string(p[k:j])) != nil && (j == len(p) || !isUpper(p[j]) || hasPrefixAt(p, j, []rune("FROM"))) {
			rating = p[k:j]
			k = j
			break
		}
	}
	// A target price in the same entry, before the next company's code.
	end := min(len(p), k+60)
	if i := indexRune(p[k:end], '('); i >= 0 && rating == nil {
		end = k + i
	}
	tail := string(p[k:end])
	for _, label := range []string{"PT", "TP", "TARGETPRICEOF", "TARGETPRICE", "TARGET"} {
		i := strings.Index(tail, label)
		if i < 0 {
			continue
		}
		v := strings.TrimLeft(tail[i+len(label):], ":")
		for _, cur := range []string{"RMB", "CNY", "¥", "￥"} {
			v = strings.TrimPrefix(v, cur)
		}
		if target = leadingNumber(v); target > 0 {
			break
		}
	}
	return rating, target
}

// leadingNumber reads 315.00 from the start of s, 0 if none.
func leadingNumber(s string) float64 {
	j := 0
	for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == ',') {
		j++
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimRight(s[:j], "."), ",", ""), 64)
	if err != nil || v <= 0 || v > 100000 {
		return 0
	}
	return v
}
