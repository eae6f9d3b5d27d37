package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// Result is what a report says: itself, its themes with their theses, and
// its calls, one per stock, in the order the report gives them. Skipped
// counts the securities it names that are no A-share, by kind (hk, us,
// index, fund, bond, other), and the calls over the limit (over-limit):
// nothing is dropped without a count.
type Result struct {
	Report  sectors.BrokerReport
	Themes  []sectors.Theme
	Calls   []sectors.Call
	Skipped map[string]int
}

// SkippedTotal is how many securities the report names that gave no call
// because they are no A-share, plus any calls over the limit.
func (r *Result) SkippedTotal() int {
	n := 0
	for _, v := range r.Skipped {
		n += v
	}
	return n
}

// SkippedSummary is the line a preview prints for what gave no call: "not
// calls: 3 securities that are no A-share (hk 2, index 1)", "" for none.
func (r *Result) SkippedSummary() string {
	if len(r.Skipped) == 0 {
		return ""
	}
	kinds := make([]string, 0, len(r.Skipped))
	for k := range r.Skipped {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	parts := make([]string, 0, len(kinds))
	n := 0
	for _, k := range kinds {
		if k == "over-limit" {
			continue
		}
		n += r.Skipped[k]
		parts = append(parts, fmt.Sprintf("%s %d", k, r.Skipped[k]))
	}
	var out []string
	if n > 0 {
		what := "securities that are not A-shares"
		if n == 1 {
			what = "security that is not an A-share"
		}
		out = append(out, fmt.Sprintf("not calls: %d %s (%s)", n, what, strings.Join(parts, ", ")))
	}
	if over := r.Skipped["over-limit"]; over > 0 {
		out = append(out, fmt.Sprintf("%d calls over the limit of %d were not read", over, maxCalls))
	}
	return strings.Join(out, "; ")
}

// maxCalls bounds the calls kept from one text; a real report has dozens.
// The calls over it are counted in Skipped, never dropped silently.
const maxCalls = 2000

// Read reads a report from r, refusing more than MaxFileSize bytes.
func Read(r io.Reader) (*Result, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// Parse reads a report's text: decode → the document model (lines with
// their roles) → the securities each paragraph and table names and the
// evidence for their ratings → resolve against the securities master →
// the report with its themes and theses. It fails with an *Error when the
// input is not a readable text or holds no calls.
func Parse(data []byte) (*Result, error) {
	text, err := decode(data)
	if err != nil {
		return nil, err
	}
	lines := prepareLines(text)
	mentions, skippedKinds := readCalls(lines)
	ix := names()
	resolved := make([]resolvedCall, 0, len(mentions))
	for _, m := range mentions {
		resolved = append(resolved, resolvedCall{call: resolve(m, ix), strength: m.strength})
	}
	calls := mergeCalls(resolved)
	if len(calls) == 0 {
		return nil, ErrNoCalls
	}
	skipped := map[string]int{}
	for _, k := range skippedKinds {
		skipped[skipName[k]]++
	}
	folded := fold(text)
	meta := readMetadata(text, folded, lines)
	rep := sectors.BrokerReport{
		ID:             reportID(folded, meta),
		Title:          meta.title,
		Date:           meta.date,
		Broker:         meta.broker,
		Industry:       meta.industry,
		IndustryRating: meta.rating,
	}
	// A house never rates itself: its name on the letterhead (浙商证券 is
	// also a listed stock) is no call.
	if meta.broker != "" {
		kept := calls[:0]
		for _, c := range calls {
			if c.Name != meta.broker && c.NameInReport != meta.broker {
				kept = append(kept, c)
			}
		}
		calls = kept
		if len(calls) == 0 {
			return nil, ErrNoCalls
		}
	}
	if len(calls) > maxCalls {
		skipped["over-limit"] = len(calls) - maxCalls
		calls = calls[:maxCalls]
	}
	// With no heading over it, a call falls under the report's industry.
	// With no heading over it, a call falls under the report's industry; a
	// report that names none (a morning note, a web copy) leaves it without
	// a theme, and a stock new to the list joins it without a sector, as an
	// import does, rather than under a sector made up for it.
	fallback := meta.industry
	var themeNames []string
	seen := map[string]bool{}
	for i := range calls {
		calls[i].ReportID = rep.ID
		if calls[i].Theme == "" {
			calls[i].Theme = fallback
		}
		if t := calls[i].Theme; t != "" && !seen[t] {
			seen[t] = true
			themeNames = append(themeNames, t)
		}
	}
	theses := findTheses(sectionsFromLines(lines), themeNames)
	themes := make([]sectors.Theme, len(themeNames))
	for i, t := range themeNames {
		themes[i] = sectors.Theme{Name: t, Thesis: theses[t]}
	}
	return &Result{Report: rep, Themes: themes, Calls: calls, Skipped: skipped}, nil
}

// Theme returns the result's theme called name.
func (r *Result) Theme(name string) (sectors.Theme, bool) {
	for _, t := range r.Themes {
		if t.Name == name {
			return t, true
		}
	}
	return sectors.Theme{}, false
}

// reportID is stable for the same content: the digest of the folded text
// (so a GBK copy, CRLF line ends or re-wrapped lines name the same report),
// after the date for reading. The seed keeps the id it has always had.
func reportID(folded []rune, meta metadata) string {
	d := digest(folded)
	if d == seedDigest() {
		return sectors.ReportSourceID
	}
	if meta.date.IsZero() {
		return "report-" + d[:12]
	}
	return "report-" + market.ChinaDate(meta.date) + "-" + d[:8]
}

func digest(folded []rune) string {
	sum := sha256.Sum256([]byte(string(folded)))
	return hex.EncodeToString(sum[:])
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// ErrorKind says why a text gave no report.
type ErrorKind int

// The ways reading a report fails.
const (
	TooLarge ErrorKind = iota + 1
	Binary
	Unreadable
	Empty
	NoCalls
	PDFNoText
	PDFEncrypted
	PDFDamaged
)

// Error is a report that could not be read. Its message is one line that
// says what was looked for.
type Error struct{ Kind ErrorKind }

// The errors Parse returns; compare with errors.Is.
var (
	ErrTooLarge   = &Error{TooLarge}
	ErrBinary     = &Error{Binary}
	ErrUnreadable = &Error{Unreadable}
	ErrEmpty      = &Error{Empty}
	ErrNoCalls    = &Error{NoCalls}

	ErrPDFNoText    = &Error{PDFNoText}
	ErrPDFEncrypted = &Error{PDFEncrypted}
	ErrPDFDamaged   = &Error{PDFDamaged}
)

func (e *Error) Error() string {
	switch e.Kind {
	case TooLarge:
		return "not a report: over 4 MB of text (64 MB for a PDF), and a report is far smaller"
	case Binary:
		return "not a report: looked for text (UTF-8, GBK or UTF-16), a PDF or a web page and found other binary data"
	case Unreadable:
		return "not readable text: looked for UTF-8, GBK or UTF-16 and the bytes are none of them"
	case Empty:
		return "empty report: looked for text and found none"
	case NoCalls:
		return "no calls found: looked for stocks written 名称(代码,评级), names after 重点推荐/建议关注 under 投资建议, and tables with 代码 and 名称 columns"
	case PDFNoText:
		return "PDF without text (a scan, or text drawn as curves): run OCR on it and add the result"
	case PDFEncrypted:
		return "encrypted PDF that needs a password or uses AES-256: print it to a new PDF and add that"
	case PDFDamaged:
		return "damaged PDF: its structure cannot be read; save it again (print to PDF) and add that"
	}
	return "report not read"
}

// Is matches errors of the same kind.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind
}
