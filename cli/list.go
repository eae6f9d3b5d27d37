package cli

import (
	"fmt"
	"io"
	"strings"

	"zixuan/export"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/store"
)

// ListCmd lists the watchlist.
type ListCmd struct {
	Sector  string `short:"s" placeholder:"S" help:"Only this sector (id, English or Chinese name)."`
	Rating  string `short:"r" placeholder:"R,..." help:"Only these ratings, comma-separated (buy, overweight, neutral, underweight, sell, unrated; Chinese labels work too)."`
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
		return writeExport(a.Out, export.CSV, tickers, export.Options{Source: snap.Source, Sectors: snap.Sectors})
	case "json":
		return writeExport(a.Out, export.JSON, tickers, export.Options{Source: snap.Source, Sectors: snap.Sectors})
	}
	writeList(a.Out, snap, tickers)
	return nil
}

// Filtered loads the store and applies the sector and rating filters the
// list, export and TUI share: sector AND any of the ratings.
func (a *App) Filtered(sector, ratings string, removed bool) (*store.Snapshot, []store.Ticker, error) {
	var want map[sectors.Rating]bool
	if strings.TrimSpace(ratings) != "" {
		rs, err := sectors.ParseRatings(ratings)
		if err != nil {
			return nil, nil, usageError{err}
		}
		want = map[sectors.Rating]bool{}
		for _, r := range rs {
			want[r] = true
		}
	}
	st, err := a.Store()
	if err != nil {
		return nil, nil, err
	}
	snap, err := st.Load()
	if err != nil {
		return nil, nil, err
	}
	sectorID := ""
	if strings.TrimSpace(sector) != "" {
		sec, err := store.FindSector(snap.Sectors, sector)
		if err != nil {
			return nil, nil, usageError{err}
		}
		sectorID = sec.ID
	}
	var out []store.Ticker
	for _, t := range snap.Tickers {
		if t.OnList() == removed {
			continue
		}
		if sectorID != "" && t.Sector != sectorID {
			continue
		}
		if want != nil && !want[t.Rating] {
			continue
		}
		out = append(out, t)
	}
	return snap, out, nil
}

// writeList prints the watchlist as an aligned table.
func writeList(w io.Writer, snap *store.Snapshot, tickers []store.Ticker) {
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
