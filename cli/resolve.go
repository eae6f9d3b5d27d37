package cli

import (
	"fmt"

	"golang.org/x/text/unicode/norm"
	"strings"
	"unicode"
	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"
)

// resolveCode reads what the user typed for a ticker with sectors'
// resolver, the one the TUI's search and add wizard use: a code in any of
// its spellings, a short name or a unique prefix of one (万科, 贵州茅), its
// pinyin (kdxf, kedaxunfei), or a former name (华铁应急). A name is looked
// for on the watchlist first, then in the whole securities master; when it
// fits several stocks equally well (JRGF is both 晶瑞 and 杰瑞), the error
// lists them, best first. A code may name a fund (510300) or an index
// (000300 is 沪深300, which no stock is; sh000001 the SSE Composite, where
// a bare 000001 is Ping An Bank): market.ParseSecurity's rules. An old
// Beijing code is refused with what to use instead.
func (a *App) resolveCode(input string) (market.Code, error) {
	code, err := market.ParseSecurity(input)
	if err == nil {
		if code.IsIndex() {
			return code, nil
		}
		if err := market.CheckListed(code); err != nil {
			return code, usageError{err}
		}
		return code, nil
	}
	if looksLikeCode(input) || strings.TrimSpace(input) == "" {
		return code, usageError{err} // meant as a code: say what is wrong with it
	}
	st, serr := a.Store()
	if serr != nil {
		return code, serr
	}
	snap, serr := st.Load()
	if serr != nil {
		return code, serr
	}
	codes, names, found := resolveName(snap.Tickers, input, a.root.FuzzyPinyin)
	switch {
	case !found:
		return code, usageError{fmt.Errorf("%q is neither a code nor the name or pinyin of an A-share: use a 6-digit code such as 002230", safetext.Clip(input))}
	case len(codes) == 1:
		return codes[0], nil
	}
	list := make([]string, 0, len(codes))
	for i, c := range codes {
		if i == 8 {
			list = append(list, fmt.Sprintf("and %d more", len(codes)-i))
			break
		}
		list = append(list, c.Key()+" "+names[i])
	}
	return code, usageError{fmt.Errorf("%q fits %d stocks (%s): give the code", safetext.Clip(input), len(codes), strings.Join(list, ", "))}
}

// resolveName resolves a typed name among the tickers (removed ones too),
// then in the securities master: the stocks of the best match, with their
// names as shown.
func resolveName(tickers []sectors.Ticker, input string, fuzzy bool) (codes []market.Code, names []string, found bool) {
	keys := make([]market.SearchKey, len(tickers))
	for i, t := range tickers {
		keys[i] = tickerKey(&t)
	}
	market.FillHays(keys)
	if fuzzy {
		keys = market.FuzzyKeys(keys)
	}
	if r := resolve(keys, input, fuzzy); r.Match != market.NoMatch {
		for _, i := range r.Best {
			codes = append(codes, tickers[i].Code)
			names = append(names, market.DisplayName(tickers[i].Name))
		}
		return codes, names, true
	}
	master := market.Master()
	marketKeys := market.MarketKeys()
	if fuzzy {
		marketKeys = market.FuzzyMarketKeys()
	}
	if r := resolve(marketKeys, input, fuzzy); r.Match != market.NoMatch {
		for _, i := range r.Best {
			codes = append(codes, master[i].Code)
			names = append(names, master[i].Name)
		}
		return codes, names, true
	}
	return nil, nil, false
}

// resolve is sectors.Resolve, with fuzzy sounds when asked (keys are
// then FuzzyKeys already, or are folded here).
func resolve(keys []market.SearchKey, input string, fuzzy bool) market.Resolution {
	if fuzzy {
		return market.Resolve(keys, market.FuzzyQuery(input))
	}
	return market.Resolve(keys, input)
}

// tickerKey is what a watchlist ticker is found by, as the TUI indexes it.
func tickerKey(t *sectors.Ticker) market.SearchKey {
	return market.MakeSearchKey(t.Code, t.Name, t.ReportName, t.CustomName)
}

// looksLikeCode reports whether what the user typed is spelt as a code
// (digits, with an exchange before or after them: 688111, sh510300,
// 000300.SH, ６８８１１１), so that a bad one is explained as a code. A name
// with digits in it (沪深300ETF华泰柏瑞, 上证50) or pinyin with them
// (hs300etf) is looked up as a name.
func looksLikeCode(input string) bool {
	s := strings.ToUpper(strings.TrimSpace(norm.NFKC.String(input)))
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		s = s[:i]
	} else if len(s) > 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' {
		s = s[2:]
	}
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}
