package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

func init() { register(CSV, writeCSV) }

// CSVHeader is the csv export's header row.
var CSVHeader = []string{"code", "name", "exchange", "board", "sector", "rating", "rating_date", "rating_source", "notes"}

const bom = "\ufeff"

// writeCSV writes one row per ticker through CSVWriter. Every text cell
// is neutralised, even one that reads as a number (a name "-5" is written
// '-5, and Unneutralise gives it back), so that what the export writes
// does not hang on how a cell happens to parse.
func writeCSV(w io.Writer, tickers []sectors.Ticker, opts Options) error {
	if opts.BOM {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
	}
	cw := NewCSVWriter(w)
	header := CSVHeader
	if opts.Prices != nil {
		header = append(append([]string(nil), CSVHeader...), CSVPriceHeader...)
	}
	cw.Write(header)
	secs := sectorNames(opts)
	for _, t := range onList(tickers) {
		sector := t.Sector
		if s, ok := secs[t.Sector]; ok {
			sector = s.ID
		}
		row := []string{
			t.Code.Number, market.DisplayName(t.Name), string(t.Code.Exchange), string(t.Code.Board()), sector,
			t.Rating.ID(), dateOf(t.RatingAt), t.RatingSource, joinNotes(t),
		}
		for i := range row {
			row[i] = Neutralise(row[i])
		}
		if opts.Prices != nil { // numbers, appended after the text is neutralised
			row = append(row, opts.Prices.of(t).csvCells()...)
		}
		cw.Write(row)
	}
	return cw.Flush()
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(market.China).Format("2006-01-02")
}

// sectors.China is China Standard Time: ratings and notes are dated as the market sees them.

// joinNotes puts all live notes, newest first, in one cell, each headed by
// its date.
func joinNotes(t sectors.Ticker) string {
	var parts []string
	for _, n := range t.LiveNotes() {
		parts = append(parts, "["+n.Created.In(market.China).Format("2006-01-02 15:04")+"] "+n.Text)
	}
	return strings.Join(parts, "\n\n")
}

// Neutralise makes a text cell safe for spreadsheets (OWASP, CSV
// injection): a cell starting with a formula trigger (= + - @ tab CR LF)
// gets a leading apostrophe, and so does every part of it after a
// separator a spreadsheet may split on (, ; tab or a line break) that
// starts with = + - @: "x;=1+1" becomes "x;'=1+1". writeCSV quotes every
// such cell, and Unneutralise undoes this on import.
func Neutralise(cell string) string {
	if !needsNeutralising(cell) {
		return cell // most cells: no copy
	}
	var b strings.Builder
	if isTrigger(cell[0]) || cell[0] == '\t' || cell[0] == '\r' || cell[0] == '\n' {
		b.WriteByte('\'')
	}
	for i := 0; i < len(cell); i++ {
		b.WriteByte(cell[i])
		if isSeparator(cell[i]) && i+1 < len(cell) && isTrigger(cell[i+1]) {
			b.WriteByte('\'')
		}
	}
	return b.String()
}

func needsNeutralising(cell string) bool {
	if cell == "" {
		return false
	}
	if isTrigger(cell[0]) || cell[0] == '\t' || cell[0] == '\r' || cell[0] == '\n' {
		return true
	}
	for i := 0; i+1 < len(cell); i++ {
		if isSeparator(cell[i]) && isTrigger(cell[i+1]) {
			return true
		}
	}
	return false
}

func isTrigger(c byte) bool { return c == '=' || c == '+' || c == '-' || c == '@' }

func isSeparator(c byte) bool {
	return c == ',' || c == ';' || c == '\t' || c == '\r' || c == '\n'
}

// writeRecord writes one csv row, quoting every cell that holds a
// separator (, ; tab), a quote, a line break or space at either end, so
// that a spreadsheet set to split on ; or tab keeps the cell whole.
// encoding/csv quotes only for its own delimiter.
func writeRecord(w *bufio.Writer, row []string) {
	for i, cell := range row {
		if i > 0 {
			w.WriteByte(',')
		}
		if cell == "" || !strings.ContainsAny(cell, ",;\t\"\r\n") && cell[0] != ' ' && cell[len(cell)-1] != ' ' {
			w.WriteString(cell)
			continue
		}
		w.WriteByte('"')
		w.WriteString(strings.ReplaceAll(cell, `"`, `""`))
		w.WriteByte('"')
	}
	w.WriteByte('\n')
}

// CSVWriter is how every csv zixuan writes is written (the export, and
// the quote, position, scorecard and prices tables): each cell that is not a
// number is neutralised against formulas (Neutralise), and a cell is
// quoted whenever a spreadsheet could split it (writeRecord). A number,
// negative ones included, is written as it is: a spreadsheet reads it as
// the number, never as a formula.
type CSVWriter struct {
	w    *bufio.Writer
	err  error
	safe []string // the row being written, reused
}

// NewCSVWriter writes csv to w; Flush ends it.
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{w: bufio.NewWriter(w)} }

// Write writes one row.
func (c *CSVWriter) Write(row []string) {
	c.safe = c.safe[:0]
	for _, cell := range row {
		if _, err := strconv.ParseFloat(cell, 64); err != nil || strings.ContainsAny(cell, "\t\r\n ") {
			cell = Neutralise(cell)
		}
		c.safe = append(c.safe, cell)
	}
	writeRecord(c.w, c.safe)
}

// Flush writes out what is buffered and returns the first write error.
func (c *CSVWriter) Flush() error {
	if err := c.w.Flush(); err != nil && c.err == nil {
		c.err = err
	}
	return c.err
}
