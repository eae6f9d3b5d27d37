package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"zixuan/sectors/market"

	"github.com/mattn/go-isatty"

	"zixuan/export"
	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
)

// ExportCmd writes the watchlist in a format another tool reads.
type ExportCmd struct {
	Format string `short:"f" required:"" placeholder:"F" predictor:"format" help:"csv (spreadsheets), json (everything, re-importable), md (Markdown tables), tdx (通达信 block file), codes (SH688111), yahoo (688111.SS) or ticker (YAML for the ticker app)."`
	Out    string `short:"o" placeholder:"FILE" predictor:"file" help:"Write to FILE, atomically (default: stdout)."`
	Sector string `short:"s" placeholder:"S" predictor:"sector" help:"Only this sector (id, English or Chinese name)."`
	Rating string `short:"r" placeholder:"R,..." predictor:"rating" help:"Only these ratings, comma-separated."`
	Report string `placeholder:"ID" predictor:"report" help:"Only the tickers this report made a call on."`
	BOM    bool   `name:"bom" help:"csv: start with a UTF-8 BOM so Excel shows Chinese correctly."`
	Force  bool   `help:"Replace FILE if it exists."`
	Prices bool   `help:"csv, json, md: add the last price, change %, and the return since each rating's reference close (fetches quotes; stored closes)."`
}

// Run writes the export.
func (c *ExportCmd) Run(a *App) error {
	defer collectLess()()
	f, err := export.ParseFormat(c.Format)
	if err != nil {
		return usageError{err}
	}
	if c.BOM && f != export.CSV {
		return usage("--bom is for --format csv only")
	}
	snap, filter, err := a.loadFilter(filterFlags{Sector: c.Sector, Rating: c.Rating, Report: c.Report})
	if err != nil {
		return err
	}
	tickers := filter.Apply(snap.Tickers)
	if f == export.JSON { // the lossless format carries removed tickers too, from the same snapshot
		filter.Removed = true
		tickers = append(tickers, filter.Apply(snap.Tickers)...)
	}
	if c.Prices && !export.PriceFormats(f) {
		return usage("--prices is for --format csv, json or md")
	}
	opts := export.Options{BOM: c.BOM, Source: snap.Source, Sectors: snap.Sectors, Reports: snap.Reports, Now: time.Now}
	if f == export.JSON {
		if err := a.exportPositions(&opts, tickers, c.Sector == "" && c.Rating == "" && c.Report == ""); err != nil {
			return err
		}
	}
	if c.Prices {
		if opts.Prices, err = a.exportPrices(tickers, snap.Refs); err != nil {
			return err
		}
	}
	if c.Out == "" || c.Out == "-" {
		return writeExport(a.Out, f, tickers, opts)
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
	say := a.Out
	if fi, err := os.Stat(c.Out); err == nil && !fi.Mode().IsRegular() {
		say = a.Err // --out /dev/stdout, a FIFO: the stream carries the export only
	}
	fmt.Fprintf(say, "exported %d tickers%s to %s (%s)\n", n, extra, oneLine(c.Out), strings.ToUpper(string(f)))
	return nil
}

// writeExport writes an export to w. To a terminal it is shown inert:
// escape sequences, control, bidi and zero-width characters in names and
// notes are shown as visible marks (safetext.Inert), not obeyed. To a file
// or a pipe it is the exact data.
func writeExport(w io.Writer, f export.Format, tickers []sectors.Ticker, opts export.Options) error {
	if fd, ok := w.(interface{ Fd() uintptr }); !ok || !isatty.IsTerminal(fd.Fd()) {
		return export.Write(w, f, tickers, opts)
	}
	var buf bytes.Buffer
	if err := export.Write(&buf, f, tickers, opts); err != nil {
		return err
	}
	_, err := io.WriteString(w, safetext.Inert(buf.String()))
	return err
}

// exportPrices fetches quotes for the tickers on the list, the way `zixuan
// quote` does, and reads the stored reference closes. Prices are an
// addition: when no quote comes back (--offline, no connection) it says
// so in one line and returns nil, and the export goes on without them.
// Only a store that cannot be read is an error.
func (a *App) exportPrices(tickers []sectors.Ticker, refs map[string][]sectors.RefPrice) (*export.Prices, error) {
	prov, _ := a.QuoteProvider()
	if prov == nil {
		fmt.Fprintln(a.Err, "zixuan: quotes are off (--offline): exported without prices")
		return nil, nil
	}
	var codes []market.Code
	for _, t := range tickers {
		if t.OnList() {
			codes = append(codes, t.Code)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), quoteTimeout)
	defer cancel()
	quotes, qerr := prov.Quotes(ctx, codes)
	if qerr != nil && len(quotes) == 0 && len(codes) > 0 {
		fmt.Fprintf(a.Err, "zixuan: %s: exported without prices\n", quote.Status(qerr))
		return nil, nil
	}
	// the return since each rating runs through the daily history, as in
	// zixuan quote: only the missing days are fetched
	earliest := nowFunc()
	for _, t := range tickers {
		if t.OnList() {
			earliest = minTime(earliest, t.RatingAt)
		}
	}
	st, err := a.Store()
	if err != nil {
		return nil, err
	}
	// of each history, the bars a return since the rating reads
	ratedAt := make(map[string]time.Time, len(tickers))
	for _, t := range tickers {
		ratedAt[t.Code.Key()] = t.RatingAt
	}
	keep := func(h sectors.PriceHistory) []sectors.DailyBar {
		return sectors.KeepForScoring(h, []time.Time{ratedAt[h.Code.Key()]})
	}
	history, _, err := a.loadHistoryKeeping(st, codes, market.ChinaDay(earliest), true, keep)
	if err != nil {
		return nil, err
	}
	if missing := len(codes) - len(quotes); qerr != nil {
		fmt.Fprintf(a.Err, "zixuan: %s: %d of %d tickers exported without a quote\n", quote.Status(qerr), missing, len(codes))
	}
	return &export.Prices{Quotes: quotes, Refs: refs, History: history}, nil
}
