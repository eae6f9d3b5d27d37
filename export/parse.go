package export

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"
)

// ImportFile is an import file read and checked, before anything is
// written: the rows that can be imported and those that cannot, each with
// its line number.
type ImportFile struct {
	Name     string // the file's base name: messages and the "import:<name>" source
	Format   Format
	Encoding string
	Items    []sectors.ImportItem
	Bad      []BadRow              // rows that cannot be imported
	Repeats  []BadRow              // rows naming a ticker an earlier row named; ignored
	Sectors  []sectors.Sector      // sectors the file defines (json)
	Reports  []sectors.ReportEntry // reports the file keeps (json)
	Exported time.Time             // when the file was written, if it says (json)
	Alerts   []sectors.Alert       // alerts the file holds (json)
	Trades   []sectors.Trade       // buys and sells the file holds (json)
}

// BadRow is a row that cannot be imported, and why.
type BadRow struct {
	File   string
	Line   int
	Reason string
}

func (b BadRow) Error() string {
	return fmt.Sprintf("%s:%d: %s", b.File, b.Line, b.Reason)
}

// Source is the rating source an import of this file records.
func (f *ImportFile) Source() string { return "import:" + f.Name }

// Err is nil when every row is good, else one error naming the bad rows
// (all of them, one a line after the first).
func (f *ImportFile) Err() error {
	if len(f.Bad) == 0 {
		return nil
	}
	return &InvalidRowsError{File: f.Name, Rows: f.Bad}
}

// InvalidRowsError lists every bad row of a file.
type InvalidRowsError struct {
	File string
	Rows []BadRow
}

func (e *InvalidRowsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s cannot be imported, so nothing was: fix them, or import the rest with --skip-invalid", e.File, plural(len(e.Rows), "row", "rows"))
	for _, r := range e.Rows {
		b.WriteString("\n  ")
		b.WriteString(r.Error())
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// ImportFormats are the formats Parse reads.
var ImportFormats = []Format{JSON, CSV, TDX, Codes, Yahoo, Ticker}

// Parse reads an import file: data is its content, name its path (for
// messages), f its format or "" to detect it from the content. The text
// may be UTF-8 (with or without a BOM), UTF-16 with a BOM, or GBK. An error
// means the file as a whole is unreadable; bad rows are in Bad.
func Parse(data []byte, name string, f Format) (*ImportFile, error) {
	base := filepath.Base(name)
	if name == "" || name == "-" {
		base = "stdin"
	}
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", base, err)
	}
	if strings.TrimSpace(strings.TrimPrefix(text, bom)) == "" {
		return nil, fmt.Errorf("%s: the file is empty: nothing to import", base)
	}
	if f == "" {
		f = Detect(text)
	}
	file := &ImportFile{Name: base, Format: f, Encoding: enc}
	p := &parser{file: file, seen: map[string]int{}}
	switch f {
	case JSON:
		err = p.json(text)
	case CSV:
		err = p.csv(text)
	case TDX:
		p.lines(text, p.tdxLine)
	case Codes, Yahoo:
		p.lines(text, p.codeLine)
	case Ticker:
		p.tickerYAML(text)
	case MD:
		return nil, fmt.Errorf("%s: the md format is for reading, not importing: import a csv, json or code list", base)
	default:
		return nil, fmt.Errorf("%s: unknown format %q: use one of json, csv, tdx, codes, yahoo, ticker", base, f)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", base, err)
	}
	if len(file.Items) == 0 && len(file.Bad) == 0 {
		return nil, fmt.Errorf("%s: no tickers found in this %s file", base, f)
	}
	return file, nil
}

type parser struct {
	file *ImportFile
	seen map[string]int // key → line of its first row
}

func (p *parser) bad(line int, format string, args ...any) {
	p.file.Bad = append(p.file.Bad, BadRow{File: p.file.Name, Line: line, Reason: safetext.Line(fmt.Sprintf(format, args...))})
}

// add records a good row, unless an earlier row named the same ticker.
func (p *parser) add(it sectors.ImportItem) {
	if first, ok := p.seen[it.Code.Key()]; ok {
		p.file.Repeats = append(p.file.Repeats, BadRow{File: p.file.Name, Line: it.Line, Reason: fmt.Sprintf("%s repeats line %d; ignored", it.Code.Key(), first)})
		return
	}
	if at, ok := futureRating(it, parseNow()); ok {
		p.bad(it.Line, "%s: the rating is dated %s, after tomorrow (China time): fix the date; a rating from the future would stop later files from changing it", it.Code.Key(), market.ChinaDate(at))
		return
	}
	_, knownIndex := market.Indexes[it.Code.Key()] // named by zixuan
	if _, ok := market.LookupMaster(it.Code); !ok && !knownIndex && it.Name == "" && it.CustomName == "" && it.ReportName == "" && it.QuoteName == "" {
		if !it.Code.IsStock() {
			p.bad(it.Line, "%s (%s) has no name in the file, and the securities master lists stocks only: add its name, or add it with `zixuan add %s --sector SECTOR`, which asks the quote server for it", it.Code.Key(), it.Code.Kind(), strings.ToLower(it.Code.Key()))
			return
		}
		p.bad(it.Line, "%s is not in the securities master (July 2026) and the file gives no name for it: add its name, or add it with `zixuan add %s --name NAME`", it.Code.Key(), it.Code.Number)
		return
	}
	p.seen[it.Code.Key()] = it.Line
	p.file.Items = append(p.file.Items, it)
}

// parseNow is the clock rating dates are checked against; tests whose
// fixtures are dated ahead of the wall clock set it.
var parseNow = time.Now

// futureRating returns a rating date of it (its own or one in its
// history) later than the end of tomorrow in China, a day's grace for a
// file written in another time zone.
func futureRating(it sectors.ImportItem, now time.Time) (time.Time, bool) {
	limit := market.ChinaDay(now).AddDate(0, 0, 2)
	if !it.RatingAt.Before(limit) {
		return it.RatingAt, true
	}
	for _, h := range it.History {
		if !h.At.Before(limit) {
			return h.At, true
		}
	}
	return time.Time{}, false
}

// lines runs fn on every line that is not blank or a # comment.
func (p *parser) lines(text string, fn func(n int, line string)) {
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(l, bom))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fn(i+1, l)
	}
}

// codeLine reads a line of a code list: a code in any form ParseCode
// accepts (SH688111, 688111.SS, 688111), optionally followed by a name.
func (p *parser) codeLine(n int, line string) {
	fields := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' || r == '，' || r == '\u3000' })
	if len(fields) == 0 {
		return
	}
	code, err := market.ParseCode(fields[0])
	if err != nil {
		p.bad(n, "%v", err)
		return
	}
	p.add(sectors.ImportItem{Line: n, Code: code, Name: strings.Join(fields[1:], " ")})
}

// tdxLine reads a 通达信 block-file line: market digit then code.
func (p *parser) tdxLine(n int, line string) {
	if !isTDXLine(line) {
		p.bad(n, "%q is not a TDX block entry: one a line, a market digit (1 Shanghai, 0 Shenzhen, 2 Beijing) then the 6-digit code, such as 1688111", safetext.Clip(line))
		return
	}
	ex := map[byte]market.Exchange{'0': market.SZ, '1': market.SH, '2': market.BJ}[line[0]]
	code, err := market.ParseCode(string(ex) + line[1:])
	if err != nil {
		p.bad(n, "TDX entry %s (market %c = %s): %v", line, line[0], ex, err)
		return
	}
	p.add(sectors.ImportItem{Line: n, Code: code})
}

// tickerYAML reads the symbols of every watchlist: list in a ticker
// config (the top-level one and those of groups), one "- SYMBOL" a line.
func (p *parser) tickerYAML(text string) {
	inList, listIndent := false, 0
	for i, raw := range strings.Split(text, "\n") {
		l := strings.TrimRight(strings.TrimPrefix(raw, bom), " \t\r")
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		if strings.HasPrefix(t, "- ") || t == "-" {
			if !inList || indent < listIndent {
				continue
			}
			item := strings.TrimSpace(strings.TrimPrefix(t, "-"))
			if j := strings.Index(item, " #"); j >= 0 {
				item = strings.TrimSpace(item[:j])
			}
			if strings.Contains(item, ": ") || strings.HasSuffix(item, ":") {
				continue // a map item (a lot), not a symbol
			}
			item = strings.Trim(item, `"'`)
			code, err := market.ParseCode(item)
			if err != nil {
				p.bad(i+1, "%v", err)
				continue
			}
			p.add(sectors.ImportItem{Line: i + 1, Code: code})
			continue
		}
		key := strings.TrimSpace(strings.SplitN(t, ":", 2)[0])
		key = strings.TrimPrefix(key, "- ")
		inList, listIndent = key == "watchlist", indent
		if inList && strings.Contains(t, "[") { // watchlist: [a, b]
			inList = false
			inner := t[strings.Index(t, "[")+1:]
			inner = strings.TrimSuffix(strings.TrimSpace(inner), "]")
			for _, item := range strings.Split(inner, ",") {
				item = strings.Trim(strings.TrimSpace(item), `"'`)
				if item == "" {
					continue
				}
				code, err := market.ParseCode(item)
				if err != nil {
					p.bad(i+1, "%v", err)
					continue
				}
				p.add(sectors.ImportItem{Line: i + 1, Code: code})
			}
		}
	}
}
