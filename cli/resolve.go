package cli

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"zixuan/safetext"
	"zixuan/sectors"
)

// resolveCode reads what the user typed for a ticker: a code in any of its
// spellings or, as trading terminals allow, a short name (科大讯飞,
// 星环科技 without its -U) or its pinyin (kdxf, kedaxunfei). A name is looked
// for on the watchlist first, then in the whole securities master; when it
// fits several stocks (JRGF is both 晶瑞 and 杰瑞), the error lists them.
func (a *App) resolveCode(input string) (sectors.Code, error) {
	code, err := sectors.ParseCode(input)
	if err == nil {
		return code, nil
	}
	if strings.IndexFunc(input, unicode.IsDigit) >= 0 || strings.TrimSpace(input) == "" {
		return code, usageError{err} // meant as a code: say what is wrong with it
	}
	q := strings.ToLower(sectors.NormalizeName(input))
	st, serr := a.Store()
	if serr != nil {
		return code, serr
	}
	snap, serr := st.Load()
	if serr != nil {
		return code, serr
	}
	var onList []sectors.Code
	var names []string
	for _, t := range snap.Tickers {
		if nameMatches(q, t.Code, t.Name, t.ReportName, t.CustomName) {
			onList = append(onList, t.Code)
			names = append(names, t.Name)
		}
	}
	if len(onList) == 0 {
		for _, s := range sectors.Master() {
			if nameMatches(q, s.Code, s.Name) {
				onList = append(onList, s.Code)
				names = append(names, s.Name)
			}
		}
	}
	switch len(onList) {
	case 0:
		return code, usageError{fmt.Errorf("%q is neither a code nor the name or pinyin of an A-share: use a 6-digit code such as 002230", safetext.Clip(input))}
	case 1:
		return onList[0], nil
	}
	list := make([]string, 0, len(onList))
	for i, c := range onList {
		if i == 8 {
			list = append(list, fmt.Sprintf("and %d more", len(onList)-i))
			break
		}
		list = append(list, c.Key()+" "+names[i])
	}
	return code, usageError{fmt.Errorf("%q fits %d stocks (%s): give the code", safetext.Clip(input), len(onList), strings.Join(list, ", "))}
}

// nameMatches reports whether q (folded) is one of the names, without
// its ST/-U markers too, or their full pinyin or initials.
func nameMatches(q string, code sectors.Code, names ...string) bool {
	for _, n := range names {
		if n == "" {
			continue
		}
		folded := strings.ToLower(sectors.NormalizeName(n))
		if q == folded || q == strings.ToLower(sectors.CoreName(strings.ToUpper(folded))) {
			return true
		}
	}
	var ini, full []string
	if sec, ok := sectors.LookupMaster(code); ok && (names[0] == sec.Name || len(names) == 1) {
		ini, full = sec.Initials, sec.Full
	} else {
		ini, full = sectors.PinyinKeys(names[0])
	}
	return slices.Contains(ini, q) || slices.Contains(full, q)
}
