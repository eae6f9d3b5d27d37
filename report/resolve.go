package report

import (
	"strings"
	"sync"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// resolve is the fourth step: a mention checked against the securities
// master. The code decides which stock it is; the name as written is kept
// beside the master's, and every disagreement is flagged rather than
// silently fixed or invented.
func resolve(m mention, ix *nameIndex) sectors.Call {
	call := sectors.Call{Theme: m.theme, RatingInReport: string(m.rating), Target: m.target}
	flag := func(f sectors.CallFlag) { call.Flags = append(call.Flags, f) }
	if !m.hasCode {
		sec := ix.master[m.security]
		call.Code, call.Name, call.NameInReport = sec.Code, sec.Name, m.written
		flag(sectors.FlagNameOnly)
		if m.nameOCR {
			flag(sectors.FlagNameOCR)
		}
	} else {
		call.Code = m.code
		sec, known := market.LookupMaster(m.code)
		written := []rune(m.written)
		full, core := []rune(strings.ToUpper(sec.Folded)), []rune(strings.ToUpper(sec.FoldedCore))
		switch {
		case !known:
			call.Name, call.NameInReport = m.written, m.written
			flag(sectors.FlagUnknownCode)
		case m.written == "":
			call.Name = sec.Name
		case string(written) == string(core): // 星环科技 for 星环科技-U
			call.Name, call.NameInReport = sec.Name, m.written
		case hasSuffix(written, full): // what is left before the name is not part of it
			call.Name, call.NameInReport = sec.Name, string(full)
		case len(written) >= len(full) && oneOff(written[len(written)-len(full):], full):
			call.Name, call.NameInReport = sec.Name, string(written[len(written)-len(full):])
			flag(sectors.FlagNameOCR)
		case !hasHan(m.written):
			// An English note's name (CATL, BYD (A)): another language, not a
			// different name.
			call.Name, call.NameInReport = sec.Name, m.written
		default:
			call.Name, call.NameInReport = sec.Name, m.written
			flag(sectors.FlagNameDiffers)
		}
	}
	if len(m.rating) > 0 {
		r, word, ok := readRating(m.rating)
		switch {
		case !ok:
			flag(sectors.FlagUnknownRating)
		case word != "":
			call.Rating = r
			flag(sectors.FlagRatingOCR)
		default:
			call.Rating = r
		}
	}
	if m.benefit {
		flag(sectors.FlagMention)
	}
	return call
}

func hasSuffix(s, suffix []rune) bool {
	return len(suffix) > 0 && len(s) >= len(suffix) && string(s[len(s)-len(suffix):]) == string(suffix)
}

// ratingAffixes are what reports put around a rating word: 维持买入,
// 买入（首次）, 买入-A, 增持评级.
var ratingPrefixes = []string{"维持", "首次", "上调至", "下调至", "调高至", "调低至", "上调", "下调", "评级"}
var ratingSuffixes = []string{"评级", "-A", "-B", "(维持)", "(首次)", "(上调)", "(下调)", "维持", "首次"}

// readRating reads a rating word as written. corrected is the word it was
// read as when the written one is a one-character misreading (买人 → 买入);
// ok is false when it is no rating at all.
func readRating(written []rune) (r sectors.Rating, corrected string, ok bool) {
	w := string(written)
	if r, ok := hanRating(w); ok {
		return r, "", true
	}
	core := w
	for _, p := range ratingPrefixes {
		core = strings.TrimPrefix(core, p)
	}
	for _, s := range ratingSuffixes {
		core = strings.TrimSuffix(core, s)
	}
	if r, ok := hanRating(core); ok {
		return r, "", true
	} else if !hasHan(core) && core != "" {
		if r, ok := sectors.ParseBrokerRating(core); ok {
			return r, "", true
		}
	}
	if r, word, ok := nearRatingWord([]rune(core)); ok {
		return r, word, true
	}
	if !hasHan(w) { // BUY, Outperform, Equal-weight: the English scales
		if r := englishRating(w); r != nil {
			return *r, "", true
		}
		if r, ok := sectors.ParseBrokerRating(w); ok {
			return r, "", true
		}
	}
	return sectors.Unrated, "", false
}

var ratingWords = sync.OnceValue(func() [][]rune {
	var out [][]rune
	for _, w := range sectors.BrokerRatingWords() {
		out = append(out, []rune(w))
	}
	return out
})

// nearRatingWord is the one rating word w is one character off, if exactly
// one is.
func nearRatingWord(w []rune) (sectors.Rating, string, bool) {
	if len(w) < 2 || len(w) > 4 {
		return sectors.Unrated, "", false
	}
	found := ""
	for _, word := range ratingWords() {
		if oneOff(w, word) {
			if found != "" {
				return sectors.Unrated, "", false // 曾持: 增持 or 减持? say neither
			}
			found = string(word)
		}
	}
	if found == "" {
		return sectors.Unrated, "", false
	}
	r, _ := sectors.ParseBrokerRating(found)
	return r, found, true
}

// resolvedCall is a call with the strength of the evidence for its rating.
type resolvedCall struct {
	call     sectors.Call
	strength int
}

// mergeCalls keeps one call per stock, in the order they first appear: a
// list printed twice (summary page and body) is one set of calls. The
// rating is the one with the strongest evidence (a table's current-rating
// column, the stock's own bracket, a rating phrase, the cover's box), the
// first of equals; a later mention fills in what the first lacked (a
// theme, a name as written, a target price).
func mergeCalls(calls []resolvedCall) []sectors.Call {
	at := map[string]int{}
	var out []sectors.Call
	var strength []int
	for _, rc := range calls {
		c := rc.call
		i, seen := at[c.Code.Key()]
		if !seen {
			at[c.Code.Key()] = len(out)
			out = append(out, c)
			strength = append(strength, rc.strength)
			continue
		}
		first := &out[i]
		if first.Has(sectors.FlagNameOnly) && !c.Has(sectors.FlagNameOnly) {
			// Named first, coded later: the coded mention's name and flags say
			// more; the first's place, theme and rating evidence stay.
			keep := *first
			first.Name, first.NameInReport = c.Name, c.NameInReport
			first.Flags = removeFlag(append([]sectors.CallFlag(nil), c.Flags...), sectors.FlagMention)
			first.Flags = removeFlag(first.Flags, sectors.FlagRatingOCR)
			first.Flags = removeFlag(first.Flags, sectors.FlagUnknownRating)
			first.Flags = mergeFlags(first.Flags, keep.Flags, sectors.FlagRatingOCR, sectors.FlagUnknownRating)
			if keep.Has(sectors.FlagMention) && c.Has(sectors.FlagMention) {
				first.Flags = append(first.Flags, sectors.FlagMention)
			}
		}
		if rc.strength > strength[i] {
			first.Rating, first.RatingInReport = c.Rating, c.RatingInReport
			first.Flags = removeFlag(first.Flags, sectors.FlagRatingOCR)
			first.Flags = removeFlag(first.Flags, sectors.FlagUnknownRating)
			first.Flags = mergeFlags(first.Flags, c.Flags, sectors.FlagRatingOCR, sectors.FlagUnknownRating)
			strength[i] = rc.strength
		}
		if first.Has(sectors.FlagMention) && !c.Has(sectors.FlagMention) {
			first.Flags = removeFlag(first.Flags, sectors.FlagMention)
		}
		if first.Theme == "" {
			first.Theme = c.Theme
		}
		if first.NameInReport == "" {
			first.NameInReport = c.NameInReport
		}
		if first.Target == 0 {
			first.Target = c.Target
		}
	}
	return out
}

func mergeFlags(into, from []sectors.CallFlag, only ...sectors.CallFlag) []sectors.CallFlag {
	for _, f := range from {
		for _, o := range only {
			if f == o {
				into = append(into, f)
			}
		}
	}
	return into
}

func removeFlag(flags []sectors.CallFlag, f sectors.CallFlag) []sectors.CallFlag {
	out := flags[:0]
	for _, g := range flags {
		if g != f {
			out = append(out, g)
		}
	}
	return out
}

// hanRatings maps the Chinese rating words, so that telling a cell of a
// name from a rating costs a map lookup, not a failed parse with its error.
var hanRatings = sync.OnceValue(func() map[string]sectors.Rating {
	m := map[string]sectors.Rating{}
	for _, w := range sectors.BrokerRatingWords() {
		r, _ := sectors.ParseBrokerRating(w)
		m[string(fold(w))] = r
	}
	return m
})

func hanRating(w string) (sectors.Rating, bool) {
	if !hasHan(w) {
		return sectors.Unrated, false
	}
	r, ok := hanRatings()[w]
	return r, ok
}
