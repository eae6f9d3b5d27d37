package export

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encodings an import file can come in.
const (
	EncUTF8    = "UTF-8"
	EncUTF8BOM = "UTF-8 with BOM"
	EncUTF16   = "UTF-16"
	EncGBK     = "GBK"
)

// MaxImportSize bounds an import file: a watchlist of every A-share with
// notes is well under it.
const MaxImportSize = 32 << 20

// decodeText turns a file's bytes into text: UTF-8 (with or without the
// BOM Excel writes), UTF-16 with a BOM (Excel's "Unicode text"), or GBK
// (what Chinese Windows, TDX and THS write), taken only when it decodes
// cleanly and looks like Chinese. Anything else is refused with the offset
// of the first bad byte, never shown garbled.
func decodeText(data []byte) (string, string, error) {
	if len(data) > MaxImportSize {
		return "", "", fmt.Errorf("the file is %d MB, more than a watchlist needs (%d MB at most): is it the right file?", len(data)>>20, MaxImportSize>>20)
	}
	utf16 := bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff"))
	if i := bytes.IndexByte(data, 0); i >= 0 && !utf16 {
		return "", "", fmt.Errorf("line %d: a NUL byte: this is a binary file, not a watchlist (a database backup goes back with `zixuan restore`)", 1+bytes.Count(data[:i], []byte("\n")))
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
		if !utf8.Valid(data) {
			return "", "", badUTF8(data, "it starts with a UTF-8 BOM but is not UTF-8")
		}
		return checkText(string(data), EncUTF8BOM)
	case utf16:
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return "", "", fmt.Errorf("it starts with a UTF-16 byte-order mark but is not UTF-16 text: save it as UTF-8 and import again")
		}
		return checkText(string(out), EncUTF16)
	case utf8.Valid(data):
		return checkText(string(data), EncUTF8)
	}
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) || !looksChinese(data, out) {
		return "", "", badUTF8(data, "it is neither UTF-8 nor GBK Chinese text (Shift-JIS, Big5 and other encodings are not read)")
	}
	return checkText(string(out), EncGBK)
}

// looksChinese tells GBK Chinese from other double-byte text that happens
// to decode as GBK (Shift-JIS Japanese, Big5): nearly all of its
// characters lie in GB2312, the common simplified set (lead and trail
// bytes 0xA1–0xFE), and it holds no Japanese kana. Shift-JIS kana fall
// outside GB2312; Big5 uses trail bytes below 0xA1 for a third of its
// characters.
func looksChinese(data, decoded []byte) bool {
	pairs, common := 0, 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c < 0x80 {
			continue
		}
		if i+1 < len(data) {
			pairs++
			if c >= 0xA1 && c <= 0xF7 && data[i+1] >= 0xA1 && data[i+1] <= 0xFE {
				common++
			}
		}
		i++
	}
	if pairs == 0 || common*10 < pairs*9 {
		return false
	}
	for _, r := range string(decoded) {
		if r >= 0x3040 && r <= 0x30FF || r >= 0xFF66 && r <= 0xFF9F {
			return false
		}
	}
	return true
}

func badUTF8(data []byte, what string) error {
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		off += n
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	b := byte(0)
	if off < len(data) {
		b = data[off]
	}
	return fmt.Errorf("line %d: %s (byte 0x%02X at offset %d): save it as UTF-8 and import again", line, what, b, off)
}

// checkText refuses binary files: text files hold no NUL bytes.
func checkText(s, enc string) (string, string, error) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return "", "", fmt.Errorf("line %d: a NUL byte: this is a binary file, not a watchlist (export one with `zixuan export`)", 1+strings.Count(s[:i], "\n"))
	}
	return s, enc, nil
}
