package export

import (
	"strings"
)

// Detect guesses an import file's format from its text: zixuan's json
// starts with '{' and has a "version"; a csv has a header naming a code
// column; a ticker config has a watchlist: key; a TDX block file has
// 7-digit lines starting with a market digit; Markdown is recognised (to be
// refused); anything else is read as a code list (codes and Yahoo symbols
// alike).
func Detect(text string) Format {
	t := strings.TrimSpace(strings.TrimPrefix(text, bom))
	if strings.HasPrefix(t, "{") {
		return JSON
	}
	first := ""
	for _, l := range strings.Split(t, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			first = l
			break
		}
	}
	if _, _, ok := csvHeader(first); ok {
		return CSV
	}
	if strings.HasPrefix(first, "# ") || strings.Contains(t, "\n|---") {
		return MD
	}
	for _, l := range strings.Split(t, "\n") {
		if strings.TrimSpace(l) == "watchlist:" || strings.HasPrefix(l, "watchlist:") {
			return Ticker
		}
	}
	if isTDXLine(first) {
		return TDX
	}
	return Codes
}

func isTDXLine(s string) bool {
	if len(s) != 7 || s[0] < '0' || s[0] > '2' {
		return false
	}
	for i := 1; i < 7; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
