package report

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"zixuan/report/htmltext"
	"zixuan/report/pdftext"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// MaxSize is the largest text report, and the most text kept from a PDF
// or web page: 4 MB of text is some 2,000 pages, far beyond any broker
// report, and keeps a mistaken file from being held in memory.
const MaxSize = 4 << 20

// MaxFileSize is the largest report file read: a PDF with its fonts and
// charts is often tens of megabytes (64 MB holds hundreds of pages); any
// other report must be text within MaxSize.
const MaxFileSize = 64 << 20

// decode is the pipeline's first step: bytes to text. Reports arrive as
// UTF-8 (with or without a BOM), GBK/GB18030 from older Windows tools, or
// UTF-16 with a BOM from Notepad; as PDFs, read from their text layer; or
// as saved web pages, read as the text they show. Anything with NUL bytes
// outside UTF-16, or that decodes to mostly controls or replacement
// characters, is binary.
func decode(data []byte) (string, error) {
	if len(data) > MaxFileSize {
		return "", ErrTooLarge
	}
	if pdftext.IsPDF(data) {
		return decodePDF(data)
	}
	if len(data) > MaxSize {
		return "", ErrTooLarge
	}
	if htmltext.Is(data) {
		text, err := htmltext.Text(data)
		if err != nil {
			return "", ErrUnreadable
		}
		if strings.TrimSpace(text) == "" {
			return "", ErrEmpty
		}
		return cleanControls(text), nil
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

// decodePDF reads a PDF's text layer. A PDF without one (a scan, text
// drawn as curves), an encrypted and a damaged PDF each get their own
// error, saying what to do.
func decodePDF(data []byte) (string, error) {
	text, err := pdftext.Text(data)
	switch {
	case errors.Is(err, pdftext.ErrNoText):
		return "", ErrPDFNoText
	case errors.Is(err, pdftext.ErrEncrypted):
		return "", ErrPDFEncrypted
	case err != nil:
		return "", ErrPDFDamaged
	}
	return cleanControls(text), nil // pdftext bounds the text by MaxSize
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
