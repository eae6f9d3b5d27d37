package cli

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"zixuan/sectors/market"

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
	Report  string `placeholder:"ID" predictor:"report" help:"Only the tickers this report made a call on (its id, a unique start of it, or its date)."`
}

// Run prints the tickers that pass the filters.
func (c *ListCmd) Run(a *App) error {
	defer collectLess()()
	snap, f, err := a.loadFilter(filterFlags{Sector: c.Sector, Rating: c.Rating, Report: c.Report, Removed: c.Removed})
	if err != nil {
		return err
	}
	tickers := f.Apply(snap.Tickers)
	switch c.Format {
	case "csv":
		return writeExport(a.Out, export.CSV, tickers, export.Options{Source: snap.Source, Sectors: snap.Sectors})
	case "json":
		return writeExport(a.Out, export.JSON, tickers, export.Options{Source: snap.Source, Sectors: snap.Sectors, Reports: snap.Reports})
	}
	writeList(a.Out, snap, tickers)
	return nil
}

// filterFlags are the flags that narrow the watchlist in list and export.
type filterFlags struct {
	Sector, Rating, Report string
	Removed                bool
}

// loadFilter loads one snapshot and reads the flags into the filter the
// list, the export and the TUI share (sectors.Filter): sector AND any of
// the ratings AND the report's calls.
func (a *App) loadFilter(ff filterFlags) (*sectors.Snapshot, sectors.Filter, error) {
	sector, ratings := ff.Sector, ff.Rating
	f := sectors.Filter{Removed: ff.Removed}
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
	if strings.TrimSpace(ff.Report) != "" {
		r, err := findReport(snap.Reports, ff.Report)
		if err != nil {
			return nil, f, err
		}
		f.Report = r.ID
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
		name := safetext.Line(market.DisplayName(t.Name))
		if market.IsRiskWarning(t.Name) {
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

// collectLess turns the collector off for a one-shot command that loads
// the whole snapshot and writes it out, with a soft memory limit
// (collectLimit) where it starts again: nearly everything such a command
// allocates is kept until it exits, so each collection marks the growing
// snapshot again and frees little. At 5,538 tickers the whole process
// allocates about 25 MB, so it never collects: list --format json went
// from 41 to 39.5 ms (GOGC=200, its setting before, had taken ~6 ms off
// the default's 53). A GOGC or GOMEMLIMIT the user set stays. The
// returned func restores the settings.
func collectLess() func() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prevLimit := debug.SetMemoryLimit(collectLimit)
	prev := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(prev)
		debug.SetMemoryLimit(prevLimit)
	}
}

// collectLimit is the heap at which collectLess's command collects after
// all: far above the whole market's, and bounded for a file far larger.
const collectLimit = 256 << 20
