package report

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// MaxSize is the largest report read: 4 MB of text is some 2,000 pages,
// far beyond any broker report, and keeps a mistaken file (a video, a disk
// image) from being held in memory.
const MaxSize = 4 << 20

// decode is the pipeline's first step: bytes to text. Reports arrive as
// UTF-8 (with or without a BOM), GBK/GB18030 from older Windows tools, or
// UTF-16 with a BOM from Notepad. Anything with NUL bytes outside UTF-16,
// or that decodes to mostly controls or replacement characters, is binary.
func decode(data []byte) (string, error) {
	if len(data) > MaxSize {
		return "", ErrTooLarge
	}
	var text string
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", ErrUnreadable
		}
		text = string(out)
	case bytes.IndexByte(data, 0) >= 0:
		return "", ErrBinary
	case utf8.Valid(data):
		text = string(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))
	default:
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return "", ErrUnreadable
		}
		text = string(out)
	}
	if strings.TrimSpace(text) == "" {
		return "", ErrEmpty
	}
	if !looksLikeText(text) {
		return "", ErrBinary
	}
	return cleanControls(text), nil
}

// looksLikeText rejects what decoded without error but is not prose: GB18030
// decodes any byte string, so a binary file shows up as controls, private-use
// and replacement characters.
func looksLikeText(s string) bool {
	bad, total := 0, 0
	for _, r := range s {
		total++
		switch {
		case r == utf8.RuneError, r < 0x20 && !strings.ContainsRune("\n\r\t\f\v", r), r >= 0xE000 && r <= 0xF8FF:
			bad++
		}
	}
	return bad <= 3 || bad*20 <= total // a stray escape is not a binary file
}

// cleanControls drops the control characters left in otherwise good text
// (form feeds between PDF pages, stray escapes) and unifies line endings.
func cleanControls(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r' || r == '\f' || r == '\v':
			return '\n'
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0:
			return -1
		}
		return r
	}, s)
}
