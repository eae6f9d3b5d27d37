package report

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	"zixuan/sectors"
)

// Rating words and the phrases that give a stock a rating in running text:
// 维持"买入"评级, 上调至"增持", 给予买入评级, 评级由"增持"上调至"买入"
// (the new one counts), 维持保利发展"买入"、招商蛇口"增持"评级. A rating
// word alone in a sentence is not a rating (投资者买入), nor one after 原,
// 由 or 上次 (the old rating), nor one about an industry (维持行业"看好").

// chineseRatingWords are the broker words, longest first.
var chineseRatingWords = sync.OnceValue(func() [][]rune {
	var out [][]rune
	for _, w := range sectors.BrokerRatingWords() {
		out = append(out, []rune(w))
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
})

// ratingFirst are the runes a rating word starts with.
var ratingFirst = sync.OnceValue(func() map[rune]bool {
	m := map[rune]bool{}
	for _, w := range chineseRatingWords() {
		m[w[0]] = true
	}
	return m
})

// ratingWordAt is the longest broker rating word starting at p[i].
func ratingWordAt(p []rune, i int) ([]rune, int, bool) {
	if i >= len(p) || !ratingFirst()[p[i]] {
		return nil, i, false
	}
	for _, w := range chineseRatingWords() {
		if hasPrefixAt(p, i, w) {
			return w, i + len(w), true
		}
	}
	return nil, i, false
}

// englishRatings are the English scales of A-share coverage: the big
// houses' words mapped onto the scale as README's table says.
var englishRatings = map[string]sectors.Rating{
	"BUY": sectors.Buy, "STRONGBUY": sectors.Buy, "HIGH-CONVICTIONOUTPERFORM": sectors.Buy, "HIGHCONVICTIONOUTPERFORM": sectors.Buy, "CONVICTIONBUY": sectors.Buy, "TOPPICK": sectors.Buy,
	"OUTPERFORM": sectors.Overweight, "OVERWEIGHT": sectors.Overweight, "OW": sectors.Overweight, "OUTPERFORMER": sectors.Overweight,
	"EW": sectors.Neutral, "EQUAL-WT": sectors.Neutral, "UW": sectors.Underweight, "UNDERPERFORMER": sectors.Underweight, "ACCUMULATE": sectors.Overweight, "ADD": sectors.Overweight, "MODERATEBUY": sectors.Overweight,
	"HOLD": sectors.Neutral, "NEUTRAL": sectors.Neutral, "EQUAL-WEIGHT": sectors.Neutral, "EQUALWEIGHT": sectors.Neutral, "MARKETPERFORM": sectors.Neutral,
	"MARKET-PERFORM": sectors.Neutral, "IN-LINE": sectors.Neutral, "INLINE": sectors.Neutral, "SECTORPERFORM": sectors.Neutral, "PEERPERFORM": sectors.Neutral,
	"UNDERPERFORM": sectors.Underweight, "UNDERWEIGHT": sectors.Underweight, "REDUCE": sectors.Underweight,
	"SELL": sectors.Sell, "STRONGSELL": sectors.Sell,
	"NOTRATED": sectors.Unrated, "NR": sectors.Unrated,
}

// englishRating maps an English rating word (any case, spaces ignored), or
// nil when it is none.
func englishRating(w string) *sectors.Rating {
	k := strings.ToUpper(strings.Join(strings.Fields(w), ""))
	if r, ok := englishRatings[k]; ok {
		return &r
	}
	return nil
}

// ratingVerbs end the text before a rating word in a rating phrase.
var ratingVerbs = []string{"维持", "给予", "上调至", "下调至", "调高至", "调低至", "上调为", "下调为", "调整为", "调升至", "调降至", "评级为", "评级:", "评级至", "首次覆盖", "重申", "予以", "至", "为"}

// oldMarks before a rating word make it the old rating.
var oldMarks = []string{"原", "由", "从", "上次评级:", "前次评级:", "原评级:", "此前", "上次", "前次", "之前"}

type phraseAt struct {
	start  int
	word   []rune
	target float64
}

var targetRE = regexp.MustCompile(`目标价(?:位|格)?(?:为|至|:|调整为|上调至|下调至)?(?:RMB|CNY|人民币)?(\d+(?:\.\d+)?)(-\d+(?:\.\d+)?)?(?:元|RMB|CNY)`)

// findPhrases finds the rating phrases of a folded paragraph, outside the
// items' own brackets and outside 《》 titles, each with the target price
// its sentence gives.
func findPhrases(p []rune, items []item, titles []bool) []phraseAt {
	inItem := make([]bool, len(p))
	for _, it := range items {
		for k := it.nameEnd; k < it.end && k < len(p); k++ {
			inItem[k] = true
		}
	}
	var out []phraseAt
	for i := 0; i < len(p); i++ {
		if inItem[i] || titles[i] {
			continue
		}
		w, j, ok := ratingWordAt(p, i)
		if !ok {
			continue
		}
		if isRatingPhrase(p, i, j) {
			out = append(out, phraseAt{start: i, word: w, target: sentenceTarget(p, i)})
		}
		i = j - 1
	}
	return out
}

func isQuote(r rune) bool { return strings.ContainsRune("“”\"「」『』‘’'【】", r) }

// isRatingPhrase decides whether the rating word at p[i:j] rates a stock.
func isRatingPhrase(p []rune, i, j int) bool {
	if j+1 < len(p) && p[j] == '-' && (p[j+1] == 'A' || p[j+1] == 'B') {
		j += 2 // 买入-A
	}
	quoted := i > 0 && isQuote(p[i-1]) && j < len(p) && isQuote(p[j])
	b := i
	if quoted {
		b = i - 1
	}
	before := string(p[max(0, b-6):b])
	a := j
	if quoted {
		a = j + 1
	}
	after := string(p[a:min(len(p), a+4)])
	for _, m := range oldMarks {
		if strings.HasSuffix(before, m) {
			return false
		}
	}
	// 此前我们给予公司"中性"评级: the sentence tells of the past.
	ss := sentenceStart(p, i)
	sentence := string(p[ss:i])
	if strings.Contains(sentence, "此前") || strings.Contains(sentence, "上次") && !strings.Contains(sentence, "维持") {
		return false
	}
	// An industry's rating: 维持行业"看好", 我们维持汽车行业"优于大市"评级.
	k := b
	for k > ss && !strings.ContainsRune(",;:、", p[k-1]) {
		k--
	}
	clause := string(p[k:b])
	if strings.Contains(clause, "行业") || strings.Contains(clause, "板块") {
		return false
	}
	verb := false
	for _, v := range ratingVerbs {
		if strings.HasSuffix(before, v) {
			verb = true
			break
		}
	}
	if quoted {
		return verb || strings.HasPrefix(after, "评级") || strings.HasPrefix(after, "的评级") || strings.Contains(string(p[ss:min(len(p), a+12)]), "评级")
	}
	return verb || strings.HasPrefix(after, "评级")
}

// sentenceTarget is the target price the sentence around p[i] gives (目标价
// 255元, 下调目标价至78元), 0 when none or a range.
func sentenceTarget(p []rune, i int) float64 {
	s := sentenceStart(p, i)
	e := i
	for e < len(p) && e-i < maxSentence && !strings.ContainsRune("。!?", p[e]) {
		e++
	}
	m := targetRE.FindStringSubmatch(string(p[s:e]))
	if m == nil || m[2] != "" {
		return 0
	}
	return leadingNumber(m[1])
}
