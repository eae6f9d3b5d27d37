package safetext

import (
	"strconv"
	"unicode/utf8"
)

// AppendJSONString appends s as a json string, exactly as encoding/json
// writes it (HTML characters escaped, invalid UTF-8 as U+FFFD, U+2028 and
// U+2029 escaped). With inert, DEL and every other character Unsafe names
// (C1 controls, bidi and zero-width characters) are escaped as \uXXXX too:
// the document means the same and shows nothing on a terminal but what it
// says. The store writes its records without inert (the bytes json.Marshal
// would), the exports with it.
func AppendJSONString(b []byte, s string, inert bool) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if plainJSON[c] || c == 0x7f && !inert {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default: // controls, < > &, and DEL when inert
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		// U+3000–U+9FFF (CJK, the bulk of names and notes): three bytes
		// with a lead of E3–E9, none of which is escaped either way (a test
		// checks the whole range).
		if c := s[i]; c >= 0xE3 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		case inert && Unsafe(r):
			b = append(b, s[start:i]...)
			b = appendHex4(append(b, '\\', 'u'), r)
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plainJSON are the ASCII bytes a json string holds as they are: not a
// control, DEL, a quote, a backslash or one of < > &.
var plainJSON = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendHex4 writes r in lower-case hex, at least four digits (%04x).
func appendHex4(b []byte, r rune) []byte {
	for d := rune(0x1000); d > 1 && r < d; d >>= 4 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(r), 16)
}
