package export

import (
	"encoding/csv"
	"io"
	"strings"
	"time"
	"zixuan/sectors"
)

func init() { register(CSV, writeCSV) }

// CSVHeader is the csv export's header row.
var CSVHeader = []string{"code", "name", "exchange", "board", "sector", "rating", "rating_date", "rating_source", "notes"}

const bom = "\ufeff"

// writeCSV writes one row per ticker. Every text cell is neutralised
// against formula injection (OWASP): a cell starting with = + - @ tab CR LF
// gets a leading ' so a spreadsheet shows it as text.
func writeCSV(w io.Writer, tickers []sectors.Ticker, opts Options) error {
	if opts.BOM {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	header := CSVHeader
	if opts.Prices != nil {
		header = append(append([]string(nil), CSVHeader...), CSVPriceHeader...)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	secs := sectorNames(opts)
	for _, t := range onList(tickers) {
		sector := t.Sector
		if s, ok := secs[t.Sector]; ok {
			sector = s.ID
		}
		row := []string{
			t.Code.Number, sectors.DisplayName(t.Name), string(t.Code.Exchange), string(t.Code.Board()), sector,
			t.Rating.ID(), dateOf(t.RatingAt), t.RatingSource, joinNotes(t),
		}
		for i := range row {
			row[i] = Neutralise(row[i])
		}
		if opts.Prices != nil { // numbers, appended after the text is neutralised
			row = append(row, opts.Prices.of(t).csvCells()...)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(sectors.China).Format("2006-01-02")
}

// sectors.China is China Standard Time: ratings and notes are dated as the market sees them.

// joinNotes puts all live notes, newest first, in one cell, each headed by
// its date.
func joinNotes(t sectors.Ticker) string {
	var parts []string
	for _, n := range t.LiveNotes() {
		parts = append(parts, "["+n.Created.In(sectors.China).Format("2006-01-02 15:04")+"] "+n.Text)
	}
	return strings.Join(parts, "\n\n")
}

// Neutralise makes a text cell safe for spreadsheets: a cell starting with
// a formula trigger gets a leading apostrophe.
func Neutralise(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return "'" + cell
	}
	return cell
}
