package cli

import (
	"fmt"
	"strings"
	"time"

	"zixuan/export"
)

// ExportCmd writes the watchlist in a format another tool reads.
type ExportCmd struct {
	Format string `short:"f" required:"" placeholder:"F" help:"csv (spreadsheets), json (everything, re-importable), md (Markdown tables), tdx (通达信 block file), codes (SH688111), yahoo (688111.SS) or ticker (YAML for the ticker app)."`
	Out    string `short:"o" placeholder:"FILE" help:"Write to FILE, atomically (default: stdout)."`
	Sector string `short:"s" placeholder:"S" help:"Only this sector (id, English or Chinese name)."`
	Rating string `short:"r" placeholder:"R,..." help:"Only these ratings, comma-separated."`
	BOM    bool   `name:"bom" help:"csv: start with a UTF-8 BOM so Excel shows Chinese correctly."`
	Force  bool   `help:"Replace FILE if it exists."`
}

// Run writes the export.
func (c *ExportCmd) Run(a *App) error {
	f, err := export.ParseFormat(c.Format)
	if err != nil {
		return usageError{err}
	}
	if c.BOM && f != export.CSV {
		return usage("--bom is for --format csv only")
	}
	snap, tickers, err := a.Filtered(c.Sector, c.Rating, false)
	if err != nil {
		return err
	}
	if f == export.JSON { // the lossless format carries removed tickers too
		_, removed, err := a.Filtered(c.Sector, c.Rating, true)
		if err != nil {
			return err
		}
		tickers = append(tickers, removed...)
	}
	opts := export.Options{BOM: c.BOM, Source: snap.Source, Sectors: snap.Sectors, Now: time.Now}
	if c.Out == "" || c.Out == "-" {
		return export.Write(a.Out, f, tickers, opts)
	}
	if err := export.WriteFile(c.Out, f, tickers, opts, c.Force); err != nil {
		return err
	}
	n := 0
	for _, t := range tickers {
		if t.OnList() {
			n++
		}
	}
	extra := ""
	if len(tickers) > n {
		extra = fmt.Sprintf(" and %d removed", len(tickers)-n)
	}
	fmt.Fprintf(a.Out, "exported %d tickers%s to %s (%s)\n", n, extra, oneLine(c.Out), strings.ToUpper(string(f)))
	return nil
}
