package export

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"zixuan/sectors/market"

	"golang.org/x/text/unicode/norm"

	"zixuan/safetext"
	"zixuan/sectors"
)

// csvAliases maps the header names zixuan and the usual Chinese tools use
// to zixuan's columns.
var csvAliases = map[string]string{
	"code": "code", "symbol": "code", "ticker": "code", "代码": "code", "证券代码": "code", "股票代码": "code",
	"name": "name", "名称": "name", "证券名称": "name", "股票名称": "name", "简称": "name", "证券简称": "name", "股票简称": "name",
	"exchange": "exchange", "market": "exchange", "交易所": "exchange", "市场": "exchange",
	"sector": "sector", "板块": "sector", "分组": "sector",
	"rating": "rating", "评级": "rating",
	"rating_date": "rating_date", "rating date": "rating_date", "评级日期": "rating_date",
	"rating_source": "rating_source", "rating source": "rating_source", "评级来源": "rating_source",
	"notes": "notes", "note": "notes", "备注": "notes", "笔记": "notes",
}

// csvHeader recognises a header line: it must name a code column. It
// returns the delimiter and the columns' meanings.
func csvHeader(line string) (rune, []string, bool) {
	line = strings.TrimPrefix(line, bom)
	for _, d := range []rune{',', '\t', ';'} {
		if !strings.ContainsRune(line, d) {
			continue
		}
		r := csv.NewReader(strings.NewReader(line))
		r.Comma = d
		rec, err := r.Read()
		if err != nil {
			continue
		}
		cols := make([]string, len(rec))
		hasCode := false
		for i, h := range rec {
			cols[i] = csvAliases[strings.ToLower(strings.TrimSpace(norm.NFKC.String(h)))]
			hasCode = hasCode || cols[i] == "code"
		}
		if hasCode {
			return d, cols, true
		}
	}
	return 0, nil, false
}

// csv reads zixuan's csv as written, or as a spreadsheet saves it back:
// a BOM, another delimiter, reformatted dates, codes that lost their
// leading zeros, the apostrophes Neutralise added.
func (p *parser) csv(text string) error {
	text = strings.TrimPrefix(text, bom)
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord, r.Comment = -1, '#' // blank and # lines are skipped, as Detect skips them
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("line 1: not a csv header: %v", csvErr(err))
	}
	r.Comma = ','
	first, headerLine := "", 1
	for i, l := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			first, headerLine = l, i+1
			break
		}
	}
	delim, cols, ok := csvHeader(first)
	if !ok {
		return fmt.Errorf("line %d: the header %q names no code column: the first row must name the columns (code, name, sector, rating, …)", headerLine, safetext.Clip(strings.Join(header, ",")))
	}
	if delim != ',' {
		r = csv.NewReader(strings.NewReader(text))
		r.Comma, r.FieldsPerRecord, r.Comment = delim, -1, '#'
		if _, err := r.Read(); err != nil {
			return fmt.Errorf("line 1: %v", csvErr(err))
		}
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return fmt.Errorf("line %d: %v: the csv is malformed from here (a stray quote?); fix it and import again", pe.StartLine, pe.Err)
			}
			return err
		}
		line, _ := r.FieldPos(0)
		p.csvRow(line, cols, rec)
	}
}

func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (p *parser) csvRow(line int, cols []string, rec []string) {
	get := map[string]string{}
	empty := true
	for i, v := range rec {
		if i < len(cols) && cols[i] != "" {
			v = Unneutralise(strings.TrimSpace(v))
			if cols[i] == "notes" {
				v = Unneutralise(rec[i]) // keep a note's own spacing
			}
			get[cols[i]] = v
		}
		if strings.TrimSpace(v) != "" {
			empty = false
		}
	}
	if empty {
		return
	}
	code, err := csvCode(get["code"], get["exchange"])
	if err != nil {
		p.bad(line, "%v", err)
		return
	}
	it := sectors.ImportItem{Line: line, Code: code, Name: get["name"], Sector: get["sector"], RatingSource: get["rating_source"]}
	if v := get["rating"]; v != "" {
		rating, err := sectors.ParseRating(v)
		if err != nil {
			p.bad(line, "%v", err)
			return
		}
		it.HasRating, it.Rating = true, rating
	}
	if v := get["rating_date"]; v != "" {
		d, err := parseDate(v)
		if err != nil {
			p.bad(line, "%v", err)
			return
		}
		it.RatingAt = d
	}
	it.Notes = splitNotes(get["notes"])
	p.add(it)
}

// csvCode reads the code column, with the exchange column when there is
// one. A spreadsheet turns 000977 into 977: with an explicit exchange the
// zeros are put back, and ParseCode still checks the exchange lists it.
func csvCode(code, exchange string) (market.Code, error) {
	code = strings.TrimSpace(code)
	if strings.TrimSpace(exchange) == "" {
		return market.ParseCode(code)
	}
	ex, ok := exchangeNames[strings.ToUpper(strings.TrimSpace(norm.NFKC.String(exchange)))]
	if !ok {
		return market.Code{}, fmt.Errorf("%q is not an exchange: use SH, SZ or BJ", safetext.Clip(exchange))
	}
	if allDigits(code) {
		if len(code) > 0 && len(code) < 6 {
			code = strings.Repeat("0", 6-len(code)) + code
		}
		return market.ParseCode(code + "." + string(ex))
	}
	c, err := market.ParseCode(code)
	if err != nil {
		return c, err
	}
	if c.Exchange != ex {
		return market.Code{}, fmt.Errorf("%q is on %s but the exchange column says %s", safetext.Clip(code), c.Exchange, ex)
	}
	return c, nil
}

var exchangeNames = map[string]market.Exchange{
	"SH": market.SH, "SS": market.SH, "SSE": market.SH, "上海": market.SH, "沪": market.SH, "上交所": market.SH,
	"SZ": market.SZ, "SZSE": market.SZ, "深圳": market.SZ, "深": market.SZ, "深交所": market.SZ,
	"BJ": market.BJ, "BSE": market.BJ, "北京": market.BJ, "京": market.BJ, "北交所": market.BJ,
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var dateLayouts = []string{"2006-01-02", "2006/1/2", "2006-1-2", "2006.1.2", "20060102", "2006-01-02 15:04", "2006/1/2 15:04", time.RFC3339}

// parseDate reads a date as zixuan writes it or as a spreadsheet
// reformats it, in China time.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, market.China); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date: use YYYY-MM-DD", safetext.Clip(s))
}

// noteHeads finds the "[2026-11-28 09:35] " zixuan puts at the start of a
// line before each note in the notes cell: the index pairs of the whole
// head and of its time, as regexp's FindAllStringSubmatchIndex gives, without
// the regexp machine (it was half the time of parsing a whole-market csv).
func noteHeads(cell string) [][]int {
	var out [][]int
	for i := 0; i < len(cell); {
		if isNoteHead(cell[i:]) {
			out = append(out, []int{i, i + 19, i + 1, i + 17})
		}
		nl := strings.IndexByte(cell[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
	}
	return out
}

// isNoteHead says whether s starts with "[dddd-dd-dd dd:dd] ".
func isNoteHead(s string) bool {
	const shape = "[0000-00-00 00:00] "
	if len(s) < len(shape) {
		return false
	}
	for i := 0; i < len(shape); i++ {
		if shape[i] == '0' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		} else if s[i] != shape[i] {
			return false
		}
	}
	return true
}

// splitNotes undoes joinNotes: notes newest first, each headed by its
// time, separated by a blank line. A cell without heads is one note.
func splitNotes(cell string) []sectors.Note {
	cell = strings.ReplaceAll(cell, "\r\n", "\n")
	if strings.TrimSpace(cell) == "" {
		return nil
	}
	heads := noteHeads(cell)
	var valid [][]int
	for _, h := range heads {
		if h[0] == 0 || strings.HasSuffix(cell[:h[0]], "\n\n") {
			valid = append(valid, h)
		}
	}
	if len(valid) == 0 || valid[0][0] != 0 {
		return []sectors.Note{{Text: strings.TrimSpace(cell)}}
	}
	var out []sectors.Note
	for i, h := range valid {
		end := len(cell)
		if i+1 < len(valid) {
			end = valid[i+1][0]
		}
		text := strings.TrimRight(cell[h[1]:end], "\n")
		at, err := time.ParseInLocation("2006-01-02 15:04", cell[h[2]:h[3]], market.China)
		if err != nil || strings.TrimSpace(text) == "" {
			continue
		}
		out = append(out, sectors.Note{Text: text, Created: at.UTC(), Updated: at.UTC()})
	}
	return out
}

// Unneutralise undoes Neutralise: an apostrophe at the start of the cell
// is dropped only when a formula trigger follows it, and one after a
// separator only when = + - @ follows it, so a name that really starts
// with ' stays.
func Unneutralise(cell string) string {
	if !strings.Contains(cell, "'") {
		return cell
	}
	if len(cell) >= 2 && cell[0] == '\'' && (isTrigger(cell[1]) || cell[1] == '\t' || cell[1] == '\r' || cell[1] == '\n') {
		cell = cell[1:]
	}
	var b strings.Builder
	for i := 0; i < len(cell); i++ {
		b.WriteByte(cell[i])
		if isSeparator(cell[i]) && i+2 < len(cell) && cell[i+1] == '\'' && isTrigger(cell[i+2]) {
			i++ // the apostrophe Neutralise added
		}
	}
	return b.String()
}
