package safetext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxLen bounds what is ever shown of one string: 100 KB of one line is
// clipped rather than laid out.
const MaxLen = 4096

// Line returns s as a single line of printable text: ESC is shown as ␛,
// other C0/C1 controls as their caret or ␀-style picture or \u escape,
// newlines and tabs as spaces, bidi controls and zero-width characters
// as ⟨U+202E⟩, invalid bytes as \xNN.
func Line(s string) string { return clean(s, false) }

// Block is Line for multi-line text: newlines are kept (CRLF becomes LF),
// tabs become four spaces.
func Block(s string) string { return clean(s, true) }

// Inert is Block without the length bound, for a whole document (a CSV
// written to a terminal): every control, bidi and zero-width character
// shown as in Block, newlines kept.
func Inert(s string) string { return cleanN(s, true, -1) }

// Unsafe reports the characters Line and Block never put raw on a
// terminal: C0 and C1 controls, DEL, bidi controls and zero-width
// characters. Writers of escaped formats (json) escape them.
func Unsafe(r rune) bool {
	return r < 0x20 || r == 0x7f || unicode.IsControl(r) || isBidi(r) || isInvisible(r)
}

func clean(s string, multiline bool) string { return cleanN(s, multiline, MaxLen) }

func cleanN(s string, multiline bool, limit int) string {
	if (limit < 0 || len(s) <= limit) && isPlain(s, multiline) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	n := 0
	for i := 0; i < len(s); {
		if limit >= 0 && n >= limit {
			b.WriteString("…")
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02X`, s[i])
		case r == '\n' && multiline:
			b.WriteByte('\n')
		case r == '\r' && multiline && i+1 < len(s) && s[i+1] == '\n':
			// CRLF: the LF that follows is kept.
		case r == '\t':
			if multiline {
				b.WriteString("    ")
			} else {
				b.WriteByte(' ')
			}
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r == 0x1b:
			b.WriteString("␛")
		case r < 0x20:
			b.WriteRune(0x2400 + r) // Control Pictures: ␀ ␁ … ␟
		case r == 0x7f:
			b.WriteString("␡")
		case isBidi(r) || unicode.IsControl(r) || isInvisible(r):
			fmt.Fprintf(&b, `⟨U+%04X⟩`, r)
		default:
			b.WriteRune(r)
		}
		i += size
		n++
	}
	return b.String()
}

// isPlain is the fast path: most names and notes need no change.
func isPlain(s string, multiline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && !(multiline && c == '\n') || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			return isPlainUnicode(s[i:])
		}
	}
	return true
}

func isPlainUnicode(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 && r != '\n' || r == 0x7f || isBidi(r) || unicode.IsControl(r) || isInvisible(r) {
			return false
		}
	}
	return true
}

// isInvisible reports characters that take no cell or break a line
// unseen: zero-width space, non-joiner and joiner, word joiner, the BOM
// (zero-width no-break space) and the Unicode line and paragraph
// separators. Two names can differ by one of them and look the same.
func isInvisible(r rune) bool {
	return r >= 0x200B && r <= 0x200D || r == 0x2060 || r == 0xFEFF || r == 0x2028 || r == 0x2029
}

// isBidi reports the Unicode bidirectional formatting controls, which can
// make text display in an order other than the one stored.
func isBidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// Clip shortens what a user typed to 40 characters for quoting it back in
// a message, so that a pasted paragraph does not become a paragraph of error.
func Clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
