// Package pdftext turns a PDF's text layer into plain text in reading
// order, for the report reader.
//
// The object layer (cross-reference tables and streams, filters, the
// standard security handler) is github.com/ledongthuc/pdf. The text itself
// is taken here: a content-stream interpreter places every glyph where it is
// drawn (text and graphics state, form XObjects) and decodes it through the
// font's ToUnicode map, its CMap or its simple encoding; the layout then
// rebuilds what a reader sees. Glyphs on one baseline close together make a
// segment; a recursive cut along whitespace separates columns and sidebars
// (a cut that would split a table's rows is refused: cells on one baseline
// stay one line, separated by tabs); lines repeated at the top or bottom of
// every page (running headers and footers) are kept once and page numbers
// dropped; spacing between Han characters (justified or spread text) is
// closed up.
//
// Nothing here runs before Text is called: the package has no init work.
package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"
)

// Limits that keep a hostile or broken file from holding the reader: the
// text is bounded like a text report, the work per page and per file too.
const (
	MaxText   = 4 << 20 // bytes of text returned
	maxPages  = 3000
	maxGlyphs = 4_000_000 // in the whole file
	maxDepth  = 8         // nested form XObjects
)

// The ways a PDF yields no text. Compare with errors.Is.
var (
	// ErrNoText is a PDF whose pages draw no decodable text: a scan, or
	// text turned into curves, or fonts without any map back to characters.
	ErrNoText = errors.New("PDF without a text layer")
	// ErrEncrypted is a PDF that needs a password (or an encryption this
	// reader does not know) to be read.
	ErrEncrypted = errors.New("encrypted PDF")
	// ErrCorrupt is a PDF whose structure cannot be read.
	ErrCorrupt = errors.New("damaged PDF")
)

// IsPDF says whether data starts like a PDF: the header may follow a little
// junk (some mail gateways prepend a line), as PDF readers allow.
func IsPDF(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(head, []byte("%PDF-"))
}

// Text returns the text of every page in reading order, blocks separated by
// blank lines and pages by a form feed.
func Text(data []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	data = normaliseHeader(data)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		msg := err.Error()
		if strings.Contains(msg, "encrypt") || strings.Contains(msg, "password") {
			return "", fmt.Errorf("%w: %v", ErrEncrypted, err)
		}
		return "", fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	n := r.NumPage()
	if n <= 0 {
		return "", fmt.Errorf("%w: no pages", ErrCorrupt)
	}
	ex := &extractor{}
	var pages []page
	for i := 1; i <= min(n, maxPages); i++ {
		p, err := ex.page(r.Page(i))
		if err != nil && len(pages) == 0 && i == n {
			return "", err
		}
		pages = append(pages, p)
		if ex.glyphs > maxGlyphs {
			break
		}
	}
	if ex.decoded < minDecoded(len(pages)) {
		return "", ErrNoText
	}
	out := render(pages)
	if len(out) > MaxText {
		out = clipUTF8(out, MaxText)
	}
	if strings.TrimSpace(out) == "" {
		return "", ErrNoText
	}
	return out, nil
}

// minDecoded is how many letters, digits and ideographs a file must draw to
// count as having text: a scan with a stamped page number or a logo's
// letters is still a scan.
func minDecoded(pages int) int { return 16 + 4*pages }

// normaliseHeader lets the object reader, which knows the 1.x headers
// only, open PDF 2.0 files (their syntax is the same for what is read here)
// and files with junk before the header.
func normaliseHeader(data []byte) []byte {
	i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if i < 0 || len(data) < i+9 {
		return data
	}
	head := data[i : i+9]
	if i == 0 && head[5] == '1' && head[6] == '.' && (head[8] == '\n' || head[8] == '\r') {
		return data
	}
	// Offsets in the file count from the header's start when junk precedes
	// it; the version line is rewritten in a copy, never in the caller's.
	out := make([]byte, len(data)-i)
	copy(out, data[i:])
	copy(out, "%PDF-1.7")
	if out[8] != '\n' && out[8] != '\r' {
		// "%PDF-1.10" and the like: keep the bytes' length, end the line.
		out[8] = '\n'
	}
	return out
}

func clipUTF8(s string, n int) string {
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
