package sectors

import (
	"fmt"
	"sort"
	"strings"
	"zixuan/safetext"

	"golang.org/x/text/unicode/norm"
)

// Rating is a broker rating on the usual A-share scale. The zero value is
// Unrated. Unrated is not a point on the scale (no coverage), so it sorts
// after Sell and is never treated as Neutral.
type Rating int

// The scale, in order from most to least positive, then Unrated.
const (
	Unrated Rating = iota
	Buy
	Overweight
	Neutral
	Underweight
	Sell
)

// Ratings lists the scale in display order: the order of the TUI's 1…6 keys.
var Ratings = []Rating{Buy, Overweight, Neutral, Underweight, Sell, Unrated}

var ratingInfo = map[Rating]struct{ id, zh, en string }{
	Buy:         {"buy", "买入", "Buy"},
	Overweight:  {"overweight", "增持", "Overweight"},
	Neutral:     {"neutral", "中性", "Neutral"},
	Underweight: {"underweight", "减持", "Underweight"},
	Sell:        {"sell", "卖出", "Sell"},
	Unrated:     {"unrated", "未评级", "Unrated"},
}

// ID is the stable English id used in files and flags: "buy".
func (r Rating) ID() string { return ratingInfo[r].id }

// Chinese is the Chinese label: "买入".
func (r Rating) Chinese() string { return ratingInfo[r].zh }

// English is the English label: "Buy".
func (r Rating) English() string { return ratingInfo[r].en }

// String is the id.
func (r Rating) String() string { return r.ID() }

// Valid reports whether r is on the scale.
func (r Rating) Valid() bool { _, ok := ratingInfo[r]; return ok }

// Rank orders ratings for sorting: Buy 0 … Sell 4, Unrated 5.
func (r Rating) Rank() int {
	if r == Unrated {
		return 5
	}
	return int(r) - 1
}

var ratingAliases = map[string]Rating{
	"buy": Buy, "买入": Buy, "推荐": Buy, "强推": Buy, "强烈推荐": Buy, "strong buy": Buy, "strongbuy": Buy,
	"overweight": Overweight, "增持": Overweight, "谨慎推荐": Overweight, "outperform": Overweight, "accumulate": Overweight, "优于大市": Overweight, "ow": Overweight,
	"neutral": Neutral, "中性": Neutral, "持有": Neutral, "hold": Neutral, "同步大市": Neutral,
	"underweight": Underweight, "减持": Underweight, "underperform": Underweight, "reduce": Underweight, "弱于大市": Underweight, "uw": Underweight,
	"sell": Sell, "卖出": Sell, "回避": Sell, "strong sell": Sell, "strongsell": Sell,
	"unrated": Unrated, "未评级": Unrated, "not rated": Unrated, "notrated": Unrated, "nr": Unrated, "none": Unrated, "无评级": Unrated,
}

// ParseRating accepts the id, the Chinese label, the English label and the
// common aliases (推荐, 持有, outperform, hold, …), case-insensitively.
func ParseRating(input string) (Rating, error) {
	if r, ok := ratingAliases[input]; ok {
		return r, nil // every alias is already folded: the store's ids take this path
	}
	s := strings.ToLower(strings.TrimSpace(norm.NFKC.String(input)))
	s = strings.Join(strings.Fields(s), " ")
	if r, ok := ratingAliases[s]; ok {
		return r, nil
	}
	return Unrated, fmt.Errorf("%q is not a rating: use one of %s", safetext.Clip(input), RatingChoices())
}

// RatingChoices lists the valid values for messages and help.
func RatingChoices() string {
	parts := make([]string, len(Ratings))
	for i, r := range Ratings {
		parts[i] = r.ID() + " (" + r.Chinese() + ")"
	}
	return strings.Join(parts, ", ")
}

// ParseRatings reads a comma-separated list of ratings ("buy,增持").
func ParseRatings(input string) ([]Rating, error) {
	var out []Rating
	seen := map[Rating]bool{}
	for _, part := range strings.FieldsFunc(input, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
		r, err := ParseRating(part)
		if err != nil {
			return nil, err
		}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no rating given: use one or more of %s, separated by commas", RatingChoices())
	}
	return out, nil
}

// brokerRatingWords are the stock ratings Chinese brokers print, each mapped
// onto the scale. Brokers' scales differ in name more than in meaning: the
// second step is 增持 at one house, 谨慎推荐 or 优于大市 at another.
var brokerRatingWords = map[string]Rating{
	"买入": Buy, "强烈推荐": Buy, "强推": Buy, "推荐": Buy, "强烈买入": Buy, "积极买入": Buy,
	"增持": Overweight, "审慎增持": Overweight, "谨慎增持": Overweight, "谨慎推荐": Overweight,
	"审慎推荐": Overweight, "优于大市": Overweight, "跑赢行业": Overweight, "强于大市": Overweight,
	"跑赢大市": Overweight, "谨慎买入": Overweight, "超配": Overweight,
	"中性": Neutral, "持有": Neutral, "同步大市": Neutral, "观望": Neutral, "标配": Neutral, "区间操作": Neutral,
	"减持": Underweight, "弱于大市": Underweight, "跑输行业": Underweight, "跑输大市": Underweight, "低配": Underweight,
	"卖出": Sell, "回避": Sell,
	"未评级": Unrated, "无评级": Unrated, "暂无评级": Unrated, "不评级": Unrated, "暂不评级": Unrated, "未有评级": Unrated,
}

// ParseBrokerRating maps a rating word as a broker report prints it (买入,
// 审慎增持, 跑赢行业, 无评级, …, or anything ParseRating accepts) onto the
// scale. It does not guess: a word it does not know is reported as such.
func ParseBrokerRating(word string) (Rating, bool) {
	w := strings.Join(strings.Fields(norm.NFKC.String(word)), "")
	if r, ok := brokerRatingWords[w]; ok {
		return r, true
	}
	if r, err := ParseRating(word); err == nil {
		return r, true
	}
	return Unrated, false
}

// BrokerRatingWords lists the Chinese rating words ParseBrokerRating knows,
// for readers that need to find them in text or correct a misread one.
func BrokerRatingWords() []string {
	words := make([]string, 0, len(brokerRatingWords))
	for w := range brokerRatingWords {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}
