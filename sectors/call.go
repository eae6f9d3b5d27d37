package sectors

import (
	"sort"
	"strings"
	"time"
	"zixuan/sectors/market"

	"golang.org/x/text/unicode/norm"
)

// BrokerReport is a broker report as a source of calls: what the report says
// about itself. Its ID is stable for the same content, so reading the same
// report twice names the same source.
type BrokerReport struct {
	ID             string
	Title          string
	Date           time.Time // midnight China time; zero when the report gives no date
	Broker         string    // "" when the text names none
	Industry       string    // 计算机, without the word 行业
	IndustryRating IndustryRating
}

// Source is the report as the ratings' Source record.
func (r BrokerReport) Source() Source {
	return Source{ID: r.ID, Title: r.Title, Date: r.Date, Industry: r.Industry, IndustryRating: r.IndustryRating.String()}
}

// IndustryView is a broker's view of a whole industry.
type IndustryView int

// Industry views. The zero value is no view given.
const (
	IndustryUnrated IndustryView = iota
	IndustryPositive
	IndustryNeutral
	IndustryNegative
)

// IndustryRating is a report's rating of its industry as printed (看好,
// 强于大市, 增持 …) with the change from the previous report (维持, 上调,
// 下调, 首次) when it gives one.
type IndustryRating struct {
	Word   string
	View   IndustryView
	Change string
}

// String is the rating as reports print it: 看好（维持）.
func (r IndustryRating) String() string {
	if r.Word == "" {
		return ""
	}
	if r.Change == "" {
		return r.Word
	}
	return r.Word + "（" + r.Change + "）"
}

var industryRatingWords = map[string]IndustryView{
	"看好": IndustryPositive, "强于大市": IndustryPositive, "优于大市": IndustryPositive, "增持": IndustryPositive,
	"推荐": IndustryPositive, "买入": IndustryPositive, "超配": IndustryPositive, "超配评级": IndustryPositive,
	"领先大市": IndustryPositive, "跑赢行业": IndustryPositive, "积极": IndustryPositive,
	"中性": IndustryNeutral, "同步大市": IndustryNeutral, "标配": IndustryNeutral, "持有": IndustryNeutral,
	"看淡": IndustryNegative, "弱于大市": IndustryNegative, "减持": IndustryNegative, "低配": IndustryNegative,
	"落后大市": IndustryNegative, "跑输行业": IndustryNegative, "回避": IndustryNegative,
}

// IndustryRatingChanges are the words for how the rating moved.
var IndustryRatingChanges = []string{"维持", "上调", "下调", "调高", "调低", "首次", "首次覆盖"}

// ParseIndustryRating reads 看好（维持）, 强于大市(首次), 增持 and the like.
func ParseIndustryRating(s string) (IndustryRating, bool) {
	s = strings.Join(strings.Fields(norm.NFKC.String(s)), "")
	word, change := s, ""
	if i := strings.IndexAny(s, "(["); i >= 0 {
		word, change = s[:i], strings.Trim(s[i+1:], ")]")
	}
	view, ok := industryRatingWords[word]
	if !ok {
		return IndustryRating{}, false
	}
	known := false
	for _, c := range IndustryRatingChanges {
		known = known || c == change
	}
	if !known {
		change = ""
	}
	return IndustryRating{Word: word, View: view, Change: change}, true
}

// IndustryRatingWords lists the words ParseIndustryRating knows, sorted.
func IndustryRatingWords() []string {
	out := make([]string, 0, len(industryRatingWords))
	for w := range industryRatingWords {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// CallFlag marks something a reader of the report should check about a call.
type CallFlag string

// The flags a call can carry.
const (
	// FlagNameOCR: the name as written is one character off the master's
	// name for its code (千方科技 printed 干方科技); the master's name is used.
	FlagNameOCR CallFlag = "name-ocr"
	// FlagNameDiffers: the name as written is not the master's current name
	// for the code (a rename since, or a different spelling).
	FlagNameDiffers CallFlag = "name-differs"
	// FlagNameOnly: the report gave no code; the name was found in the master.
	FlagNameOnly CallFlag = "name-only"
	// FlagUnknownCode: the master does not know the code. The call keeps
	// the code as written; nothing is invented.
	FlagUnknownCode CallFlag = "unknown-code"
	// FlagRatingOCR: the rating word is one character off a known one
	// (买人 for 买入) and was read as that one.
	FlagRatingOCR CallFlag = "rating-ocr"
	// FlagUnknownRating: a rating was written but is no known word; the
	// call is unrated.
	FlagUnknownRating CallFlag = "unknown-rating"
	// FlagMention: named under 受益标的 or 相关标的: a stock the report
	// says benefits, not one it recommends. Such lists give no rating, so
	// the call is unrated; a rating the report does print is kept.
	FlagMention CallFlag = "mention"
)

// Call is one stock a report recommends or names as a beneficiary.
type Call struct {
	ReportID       string
	Code           market.Code
	Name           string // the master's current name; the name as written if the master does not know the code
	NameInReport   string // as written, OCR errors and all
	Rating         Rating
	RatingInReport string  // the word as written; "" when the report gives none
	Theme          string  // the name of the report Theme it falls under, which holds the thesis
	Target         float64 // the report's 目标价 in yuan for this stock; 0 when it gives none
	Flags          []CallFlag
}

// Has reports whether the call carries flag f.
func (c Call) Has(f CallFlag) bool {
	for _, g := range c.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// ReportName is the name the report meant: as written, with an OCR misreading
// undone. A rename since the report is kept (寒武纪-U stays 寒武纪-U).
func (c Call) ReportName() string {
	if c.Has(FlagNameOCR) {
		return c.Name
	}
	return c.NameInReport
}

// Theme is one of a report's themes (a sector in its own words) with the
// paragraph the report gives for it.
type Theme struct {
	Name   string // as the report introduces it, without 领域/板块: AI应用, 算力
	Thesis string // the 核心观点/本周观点 paragraph, tidied; "" if none matched
}
