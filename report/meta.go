package report

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"zixuan/sectors"
)

// metadata is what a report says about itself, read from its text: the
// title from the first heading or title-like line, the rest from the labels
// reports print (报告发布日期, 行业评级, 证券股份有限公司).
type metadata struct {
	title, broker, industry string
	date                    time.Time
	rating                  sectors.IndustryRating
}

func readMetadata(text string, folded []rune) metadata {
	return metadata{
		title:    findTitle(text),
		date:     findDate(folded),
		industry: findIndustry(folded),
		rating:   findIndustryRating(folded),
		broker:   findBroker(text, folded),
	}
}

// notTitle are the cover-page lines that come before a title.
var notTitle = []string{"证券研究报告", "研究报告", "行业周报", "行业点评", "行业月报", "行业研究", "行业深度", "周报", "月报", "点评报告", "证券研究", "分析师", "评级", "日期", "SAC", "执业证书", "邮箱", "电话", "请务必", "免责", "核心观点", "投资要点", "目录"}

// findTitle reads the cover: the lines before the first section that
// matters (核心观点, 投资建议 …). The title is the first markdown heading or
// line of some length there that is not cover furniture (证券研究报告,
// 行业周报, a date, a rating, the broker), or else the cover's first line.
func findTitle(text string) string {
	lines := strings.SplitN(text, "\n", 61)
	first := ""
	for _, line := range lines[:min(len(lines), 60)] {
		t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#"))
		if kind, _, ok := classifyHeading(t); ok && kind != otherSection {
			break
		}
		f := string(fold(t))
		if !hasHan(f) || runeLen(f) > 80 {
			continue
		}
		if first == "" && runeLen(f) >= 4 {
			first = t
		}
		if runeLen(f) < 6 || isFurniture(f) {
			continue
		}
		return tidyProse(t)
	}
	return tidyProse(first)
}

func isFurniture(f string) bool {
	if strings.Contains(f, "证券研究报告") || strings.HasSuffix(f, "证券") || strings.HasSuffix(f, "有限公司") || strings.HasSuffix(f, "研究所") {
		return true
	}
	for _, w := range notTitle {
		if strings.Contains(f, w) && runeLen(f) <= runeLen(w)+8 {
			return true
		}
	}
	for _, label := range append(dateLabels, "评级", "分析师") {
		if strings.HasPrefix(f, label) {
			return true
		}
	}
	_, isDate := dateAt([]rune(f), 0)
	return isDate
}

var dateLabels = []string{"报告发布日期", "发布日期", "报告日期", "发布时间", "日期"}

// findDate is the date after the first date label, or else the first date
// in the text: 2024年05月12日, 2025年4月28日, 2024-05-12, 2024/05/12, 2024.05.12.
func findDate(f []rune) time.Time {
	for _, label := range dateLabels {
		w := []rune(label)
		for i := 0; i+len(w) <= len(f); i++ {
			if !hasPrefixAt(f, i, w) {
				continue
			}
			j := i + len(w)
			for j < len(f) && j-i-len(w) < 3 && !isDigit(f[j]) {
				j++
			}
			if d, ok := dateAt(f, j); ok {
				return d
			}
		}
	}
	for i := 0; i < len(f); i++ {
		if isDigit(f[i]) && (i == 0 || !isDigit(f[i-1])) {
			if d, ok := dateAt(f, i); ok {
				return d
			}
		}
	}
	return time.Time{}
}

// dateAt reads a date starting at f[i].
func dateAt(f []rune, i int) (time.Time, bool) {
	num := func(at, maxDigits int) (int, int) {
		j := at
		for j < len(f) && j-at < maxDigits && isDigit(f[j]) {
			j++
		}
		if j == at {
			return -1, at
		}
		n, _ := strconv.Atoi(string(f[at:j]))
		return n, j
	}
	y, j := num(i, 4)
	if y < 1990 || y > 2100 || j-i != 4 || j >= len(f) {
		return time.Time{}, false
	}
	var m, d int
	switch sep := f[j]; {
	case sep == '年':
		m, j = num(j+1, 2)
		if j >= len(f) || f[j] != '月' {
			return time.Time{}, false
		}
		d, j = num(j+1, 2)
		if j >= len(f) || f[j] != '日' {
			return time.Time{}, false
		}
	case sep == '-' || sep == '/' || sep == '.':
		m, j = num(j+1, 2)
		if j >= len(f) || f[j] != sep {
			return time.Time{}, false
		}
		d, j = num(j+1, 2)
		if j < len(f) && isDigit(f[j]) {
			return time.Time{}, false
		}
	default:
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, sectors.China)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// findIndustry reads 行业：计算机, the cover table's 行业计算机行业, or
// 计算机行业周报.
func findIndustry(f []rune) string {
	s := string(f)
	for _, label := range []string{"所属行业:", "行业:", "行业名称:"} {
		if i := strings.Index(s, label); i >= 0 {
			if name := hanRun([]rune(s[i+len(label):]), 6); runeLen(name) >= 2 {
				return strings.TrimSuffix(name, "行业")
			}
		}
	}
	w := []rune("行业")
	for i := 0; i+2 < len(f); i++ {
		if !hasPrefixAt(f, i, w) {
			continue
		}
		// 行业计算机行业: the label of a cover table, then the name.
		for n := 2; n <= 5 && i+2+n+2 <= len(f); n++ {
			if hasPrefixAt(f, i+2+n, w) && isHanRunes(f[i+2:i+2+n]) && !strings.Contains(string(f[i+2:i+2+n]), "评级") && !namesReportKind(string(f[i+2:i+2+n])) {
				return string(f[i+2 : i+2+n])
			}
		}
	}
	for _, kind := range []string{"行业周报", "行业点评", "行业月报", "行业深度", "行业专题", "行业报告", "行业研究", "行业跟踪"} {
		for from := 0; ; {
			i := strings.Index(s[from:], kind)
			if i < 0 {
				break
			}
			rs := []rune(s[:from+i])
			k := len(rs)
			for k > 0 && len(rs)-k < 8 && unicode.Is(unicode.Han, rs[k-1]) {
				k--
			}
			name := string(rs[k:])
			for _, before := range []string{"行业周报", "行业点评", "行业月报", "行业深度", "行业专题", "行业报告", "行业研究", "行业跟踪", "研究报告"} {
				if j := strings.LastIndex(name, before); j >= 0 {
					name = name[j+len(before):] // 行业周报 计算机行业周报: the kind of the line above
				}
			}
			if runeLen(name) >= 2 {
				return name
			}
			from += i + len(kind)
		}
	}
	return ""
}

// namesReportKind reports whether s holds the kind of a report (周报 of
// 行业周报): "行业周报 计算机行业周报" is no cover table naming 周报计算机.
func namesReportKind(s string) bool {
	for _, k := range []string{"周报", "点评", "月报", "深度", "专题", "报告", "研究", "跟踪"} {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

func hanRun(rs []rune, n int) string {
	k := 0
	for k < len(rs) && k < n && unicode.Is(unicode.Han, rs[k]) {
		k++
	}
	return string(rs[:k])
}

func isHanRunes(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// findIndustryRating reads the rating after 行业评级 (or 投资评级): 看好（维持）.
func findIndustryRating(f []rune) sectors.IndustryRating {
	s := string(f)
	words := sectors.IndustryRatingWords()
	for _, label := range []string{"行业评级", "行业投资评级", "投资评级"} {
		i := strings.Index(s, label)
		if i < 0 {
			continue
		}
		rest := []rune(s[i+len(label):])
		for j := 0; j < len(rest) && j < 12; j++ {
			best := ""
			for _, w := range words {
				if hasPrefixAt(rest, j, []rune(w)) && runeLen(w) > runeLen(best) {
					best = w
				}
			}
			if best == "" {
				continue
			}
			k := j + runeLen(best)
			text := best
			if k < len(rest) && rest[k] == '(' {
				if e := indexRune(rest[k:min(len(rest), k+8)], ')'); e > 0 {
					text = string(rest[j : k+e+1])
				}
			}
			if r, ok := sectors.ParseIndustryRating(text); ok {
				return r
			}
		}
	}
	return sectors.IndustryRating{}
}

// brokers are houses whose names are not simply X证券, or that are cited
// by a short name; others are found as X证券股份有限公司 / X证券研究所.
var brokers = []string{"中金公司", "中国国际金融", "中信建投", "申万宏源", "国泰君安", "国泰海通", "中国银河", "银河证券", "中银国际", "华泰证券", "中信证券", "海通证券", "招商证券", "广发证券", "东方证券", "兴业证券", "天风证券", "国信证券", "安信证券", "光大证券", "长江证券", "方正证券", "民生证券", "开源证券", "国金证券", "浙商证券", "东吴证券", "德邦证券", "华西证券", "西部证券", "国海证券", "中泰证券", "信达证券", "华安证券", "财通证券", "东北证券", "太平洋证券", "国元证券", "山西证券", "华创证券", "国盛证券", "华鑫证券", "东兴证券", "首创证券", "国联证券", "平安证券", "华金证券", "万联证券", "中原证券", "华源证券", "上海证券", "东莞证券", "中邮证券", "东海证券", "华福证券", "甬兴证券", "国投证券"}

// findBroker looks for the house's legal name (X证券股份有限公司, the
// disclaimer's), its research institute, or a known house on the cover.
func findBroker(text string, f []rune) string {
	s := string(f)
	for _, suffix := range []string{"证券股份有限公司", "证券有限责任公司", "证券研究所", "证券研究院"} {
		if i := strings.Index(s, suffix); i >= 0 {
			rs := []rune(s[:i])
			for n := 5; n >= 2; n-- {
				if len(rs) >= n {
					cand := string(rs[len(rs)-n:]) + "证券"
					for _, b := range brokers {
						if b == cand {
							return b
						}
					}
				}
			}
			if len(rs) >= 2 && isHanRunes(rs[len(rs)-2:]) {
				return string(rs[len(rs)-2:]) + "证券"
			}
		}
	}
	lines := strings.SplitN(text, "\n", 41)
	for _, line := range lines[:min(len(lines), 40)] {
		lf := string(fold(line))
		if runeLen(lf) > 24 {
			continue // running text may name a listed broker as a stock
		}
		for _, b := range brokers {
			if strings.Contains(lf, b) {
				return b
			}
		}
	}
	return ""
}
