package sectors

import (
	"fmt"
	"strings"

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
	return Unrated, fmt.Errorf("%q is not a rating: use one of %s", clip(input), RatingChoices())
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
