package common

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"zixuan/safetext"
)

// WrapText breaks plain (already inert) text into lines of at most width
// cells the way Chinese text is set: a line may break between any two
// CJK characters, while Latin words and numbers (DeepSeek-V2, 5.0) stay
// whole unless longer than a line. Existing line breaks are kept.
func WrapText(s string, width int) []string {
	width = max(width, 2)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapPara(para, width)...)
	}
	return out
}

func wrapPara(s string, width int) []string {
	var lines []string
	var line strings.Builder
	w := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		w = 0
	}
	for _, tok := range tokens(s) {
		tw := safetext.Width(tok)
		if tok == " " && w == 0 && len(lines) > 0 {
			continue // no space at the start of a wrapped line
		}
		if w+tw > width && w > 0 {
			flush()
			if tok == " " {
				continue
			}
		}
		for tw > width { // a word longer than a line: cut it
			head := safetext.Truncate(tok, width)
			head = strings.TrimSuffix(head, safetext.Ellipsis)
			if head == "" {
				_, n := utf8.DecodeRuneInString(tok)
				head = tok[:n]
			}
			line.WriteString(head)
			flush()
			tok = tok[len(head):]
			tw = safetext.Width(tok)
		}
		line.WriteString(tok)
		w += tw
	}
	if w > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// tokens splits s into breakable units: a space, one wide (CJK) rune with
// any closing punctuation after it, or a run of other characters.
func tokens(s string) []string {
	var out []string
	var word strings.Builder
	end := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t':
			end()
			out = append(out, " ")
		case isWide(r):
			end()
			if len(out) > 0 && noLineStart(r) && out[len(out)-1] != " " {
				out[len(out)-1] += string(r) // keep ，。」 off the start of a line
				continue
			}
			out = append(out, string(r))
		default:
			word.WriteRune(r)
		}
	}
	end()
	return out
}

func isWide(r rune) bool {
	return safetext.Width(string(r)) == 2 || unicode.Is(unicode.Han, r)
}

// noLineStart are the characters Chinese typesetting keeps off the start
// of a line.
func noLineStart(r rune) bool {
	return strings.ContainsRune("，。、；：？！」』）》〉】", r)
}
