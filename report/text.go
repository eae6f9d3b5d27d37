package report

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold is the form calls are read in: NFKC (full-width letters, digits,
// brackets and commas become ASCII: （002371.SZ，买入） is (002371.SZ,买入)),
// no whitespace at all (a name split by a line break or padded like 五 粮 液
// comes back together), upper case (sh600519 is SH600519), and no markdown
// emphasis. It is the form the name automaton's patterns are in.
func fold(s string) []rune {
	s = stripMarkup(s)
	s = norm.NFKC.String(s)
	out := make([]rune, 0, len(s)/2)
	for _, r := range s {
		if r < 0x80 { // the common case, without the tables
			switch {
			case r == ' ' || r >= '\t' && r <= '\r':
				continue
			case r >= 'a' && r <= 'z':
				r -= 'a' - 'A'
			}
			out = append(out, r)
			continue
		}
		if unicode.IsSpace(r) {
			continue
		}
		if r < 0x2E80 || r > 0x9FFF { // CJK ideographs have no case
			r = unicode.ToUpper(r)
		}
		out = append(out, r)
	}
	return out
}

// stripMarkup removes what markdown and PDF-to-text tools add around words:
// **bold**, escaped underscores, <b> tags.
func stripMarkup(s string) string {
	if !strings.ContainsAny(s, "*_\\<") {
		return s
	}
	return markup.Replace(s)
}

var markup = strings.NewReplacer("**", "", "\\_", "", "_", "", "<b>", "", "</b>", "", "\\*", "")

// isWide reports whether r is set solid in Chinese text: an ideograph, CJK
// punctuation or a full-width form. Spaces next to one are layout, not words.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF ||
		strings.ContainsRune("“”‘’、。《》【】…—", r)
}

var fullWidth = map[rune]rune{',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？'}

// tidyProse puts a paragraph of OCR or PDF text the way the report printed
// it: the line breaks and the spaces the extraction put around Chinese
// characters go (美国 5 月 9 日 is 美国5月9日, 认 为 is 认为), spaces between
// Latin words stay (GPT-4 Turbo), ASCII punctuation next to Chinese becomes
// full-width (预期,美国 is 预期，美国) and straight double quotes become
// “ and ” in turn.
func tidyProse(s string) string {
	s = strings.TrimSpace(stripMarkup(s))
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	open := true
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if unicode.IsSpace(r) {
			j := i
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
			if len(out) > 0 && j < len(rs) && !isWide(out[len(out)-1]) && !isWide(rs[j]) && !isFullPunct(rs[j]) {
				out = append(out, ' ')
			}
			i = j - 1
			continue
		}
		if fw, ok := fullWidth[r]; ok && (len(out) > 0 && isHan(out[len(out)-1]) || nextHan(rs, i+1)) {
			r = fw
		}
		if r == '"' {
			if open {
				r = '“'
			} else {
				r = '”'
			}
			open = !open
		}
		out = append(out, r)
	}
	return string(out)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) || r == '》' || r == '“' || r == '”' }

func isFullPunct(r rune) bool {
	for _, fw := range fullWidth {
		if fw == r {
			return true
		}
	}
	return false
}

// nextHan reports whether the next non-space rune from i is Chinese.
func nextHan(rs []rune, i int) bool {
	for ; i < len(rs); i++ {
		if !unicode.IsSpace(rs[i]) {
			return isHan(rs[i])
		}
	}
	return false
}

// foldHead is fold of the first n runes of s, and whether s was longer: the
// form a line's role and heading are judged in, at a cost bounded by n
// whatever the line's length.
func foldHead(s string, n int) ([]rune, bool) {
	k := 0
	for i := range s {
		if k == n {
			return fold(s[:i]), true
		}
		k++
	}
	return fold(s), false
}

// lastFolded is the last rune of s as fold would give it, 0 for none.
func lastFolded(s string) rune {
	rs := []rune(strings.TrimSpace(s))
	f := fold(string(rs[max(0, len(rs)-8):]))
	if len(f) == 0 {
		return 0
	}
	return f[len(f)-1]
}
