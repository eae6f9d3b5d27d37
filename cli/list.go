package cli

import (
	"fmt"
	"io"
	"strings"

	"zixuan/export"
	"zixuan/safetext"
	"zixuan/sectors"
)

// ListCmd lists the watchlist.
type ListCmd struct {
	Sector  string `short:"s" placeholder:"S" predictor:"sector" help:"Only this sector (id, English or Chinese name)."`
	Rating  string `short:"r" placeholder:"R,..." predictor:"rating" help:"Only these ratings, comma-separated (buy, overweight, neutral, underweight, sell, unrated; Chinese labels work too)."`
	Format  string `short:"f" default:"table" enum:"table,csv,json" help:"Output format: table, csv or json."`
	Removed bool   `help:"List removed tickers instead."`
}

// Run prints the tickers that pass the filters.
func (c *ListCmd) Run(a *App) error {
	snap, tickers, err := a.Filtered(c.Sector, c.Rating, c.Removed)
	if err != nil {
		return err
	}
	switch c.Format {
	case "csv":
		return export.Write(a.Out, export.CSV, tickers, export.Options{Source: snap.Source, Sectors: snap.Sectors})
	case "json":
		return export.Write(a.Out, export.JSON, tickers, export.Options{Source: snap.Source, Sectors: snap.Sectors})
	}
	writeList(a.Out, snap, tickers)
	return nil
}

// Filtered loads one snapshot and applies the filter the list, the export
// and the TUI share (sectors.Filter): sector AND any of the ratings.
func (a *App) Filtered(sector, ratings string, removed bool) (*sectors.Snapshot, []sectors.Ticker, error) {
	snap, f, err := a.loadFilter(sector, ratings, removed)
	if err != nil {
		return nil, nil, err
	}
	return snap, f.Apply(snap.Tickers), nil
}

// loadFilter loads one snapshot and reads the --sector and --rating flags
// into the filter.
func (a *App) loadFilter(sector, ratings string, removed bool) (*sectors.Snapshot, sectors.Filter, error) {
	f := sectors.Filter{Removed: removed}
	if strings.TrimSpace(ratings) != "" {
		rs, err := sectors.ParseRatings(ratings)
		if err != nil {
			return nil, f, usageError{err}
		}
		f.Ratings = sectors.SetOf(rs...)
	}
	st, err := a.Store()
	if err != nil {
		return nil, f, err
	}
	snap, err := st.Load()
	if err != nil {
		return nil, f, err
	}
	if strings.TrimSpace(sector) != "" {
		sec, err := sectors.FindSector(snap.Sectors, sector)
		if err != nil {
			return nil, f, usageError{err}
		}
		f.Sector = sec.ID
	}
	return snap, f, nil
}

// writeList prints the watchlist as an aligned table.
func writeList(w io.Writer, snap *sectors.Snapshot, tickers []sectors.Ticker) {
	names := map[string]string{}
	for _, s := range snap.Sectors {
		names[s.ID] = s.Label(false)
	}
	header := []string{"CODE", "NAME", "BOARD", "SECTOR", "RATING", "SINCE", "NOTES", "LATEST NOTE"}
	rows := make([][]string, 0, len(tickers))
	for _, t := range tickers {
		name := safetext.Line(t.Name)
		if sectors.IsRiskWarning(t.Name) {
			name += " !"
		}
		latest := ""
		if n, ok := t.LatestNote(); ok {
			latest = safetext.Truncate(safetext.Line(safetext.FirstLine(n.Text)), 40)
		}
		rows = append(rows, []string{
			t.Code.Key(), name, string(t.Code.Board()), safetext.Line(names[t.Sector]),
			t.Rating.ID() + " " + t.Rating.Chinese(), dateCST(t.RatingAt),
			fmt.Sprint(len(t.LiveNotes())), latest,
		})
	}
	writeTable(w, header, rows, 6)
	if len(rows) == 0 {
		fmt.Fprintln(w, "(no tickers match)")
	}
}
