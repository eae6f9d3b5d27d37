package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"zixuan/sectors/market"

	"zixuan/export"
	"zixuan/safetext"
	"zixuan/store"
)

// ImportCmd merges a file into the watchlist.
type ImportCmd struct {
	File        string `arg:"" placeholder:"FILE" predictor:"file" help:"The file to import (- for stdin)."`
	Format      string `short:"f" placeholder:"F" predictor:"format" help:"json, csv, tdx, codes, yahoo or ticker (default: detected from the content)."`
	Sector      string `short:"s" placeholder:"S" predictor:"sector" help:"Sector for new tickers whose sector the file lacks or the watchlist does not have (default: the import_sector setting, else the file's sector, created, else a sector named for the file)."`
	DryRun      bool   `short:"n" help:"Show what would change and write nothing."`
	SkipInvalid bool   `help:"Import the good rows and list the bad ones (default: one bad row rejects the file)."`
}

// Run reads, checks and merges the file.
func (c *ImportCmd) Run(a *App) error {
	var f export.Format
	if c.Format != "" {
		var err error
		if f, err = export.ParseFormat(c.Format); err != nil {
			return usageError{err}
		}
	}
	data, err := c.read(a)
	if err != nil {
		return err
	}
	file, err := export.Parse(data, c.File, f)
	if err != nil {
		return err
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	if c.Sector == "" && a.cfg != nil && a.cfg.ImportSector != "" {
		if _, err := st.ResolveSector(a.cfg.ImportSector); err != nil {
			return fmt.Errorf("config file %s: key import_sector: %w", a.cfg.Path, err)
		}
		c.Sector = a.cfg.ImportSector
	}
	if c.Sector != "" {
		if _, err := st.ResolveSector(c.Sector); err != nil {
			return usageError{err}
		}
	}
	fmt.Fprintf(a.Err, "%s: %s, %s, %d good rows\n", oneLine(file.Name), file.Format, file.Encoding, len(file.Items))
	listed(a.Err, len(file.Repeats), func(i int) {
		fmt.Fprintf(a.Err, "  note: %s\n", oneLine(file.Repeats[i].Error()))
	})
	if len(file.Bad) > 0 {
		fmt.Fprintf(a.Err, "rejected %d:\n", len(file.Bad))
		listed(a.Err, len(file.Bad), func(i int) { fmt.Fprintf(a.Err, "  %s\n", oneLine(file.Bad[i].Error())) })
		if !c.SkipInvalid {
			return fmt.Errorf("%s: %d bad rows (listed above), so nothing was imported: fix them, or import the rest with --skip-invalid", file.Name, len(file.Bad))
		}
		if len(file.Items) == 0 {
			return fmt.Errorf("%s: no good rows to import", file.Name)
		}
	}
	rep, err := st.Import(file.Items, store.ImportOptions{Source: file.Source(), Sector: c.Sector, Sectors: file.Sectors, Reports: file.Reports, Alerts: file.Alerts, Trades: file.Trades, FileTime: file.Exported, DryRun: c.DryRun, FileSector: fileSector(c.File)})
	if err != nil {
		return err
	}
	printReport(a.Out, file, rep)
	return nil
}

// maxListed bounds every per-line list an import prints (bad rows,
// repeats, tickers added or updated): a wrong file would list every line.
const maxListed = 50

// listed calls line for the first maxListed of n entries and says how
// many more there are.
func listed(w io.Writer, n int, line func(i int)) {
	for i := 0; i < n; i++ {
		if i == maxListed {
			fmt.Fprintf(w, "  … and %d more\n", n-maxListed)
			return
		}
		line(i)
	}
}

func (c *ImportCmd) read(a *App) ([]byte, error) {
	var r io.Reader = a.In
	if c.File != "-" {
		fi, err := os.Stat(c.File)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file", c.File)
			}
			return nil, err
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s is a folder: give the file to import", c.File)
		}
		fh, err := os.Open(c.File)
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		r = fh
	}
	data, err := io.ReadAll(io.LimitReader(r, export.MaxImportSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", c.File, err)
	}
	return data, nil
}

func printReport(w io.Writer, file *export.ImportFile, rep store.ImportReport) {
	verb := map[bool]string{false: "", true: "would be "}[rep.DryRun]
	for _, sec := range rep.SectorsCreated {
		fmt.Fprintf(w, "sector %s %screated (%s)\n", oneLine(sec.ID), verb, oneLine(sec.Label(true)))
	}
	line := func(mark string, r store.ImportResult, detail []string) {
		fmt.Fprintf(w, "  %s %s %s", mark, r.Code.Key(), safetext.Line(market.DisplayName(r.Name)))
		if len(detail) > 0 {
			fmt.Fprintf(w, ": %s", safetext.Line(strings.Join(detail, "; ")))
		}
		fmt.Fprintf(w, " (line %d)\n", r.Line)
	}
	if len(rep.Added) > 0 {
		fmt.Fprintf(w, "%sadded %d:\n", verb, len(rep.Added))
		listed(w, len(rep.Added), func(i int) { line("+", rep.Added[i], []string{"into " + rep.Added[i].Sector}) })
	}
	if len(rep.Updated) > 0 {
		fmt.Fprintf(w, "%supdated %d:\n", verb, len(rep.Updated))
		listed(w, len(rep.Updated), func(i int) {
			r := rep.Updated[i]
			line("~", r, append(r.Changes, keptText(r.Kept)...))
		})
	}
	var kept []store.ImportResult
	for _, r := range rep.Unchanged {
		if len(r.Kept) > 0 {
			kept = append(kept, r)
		}
	}
	listed(w, len(kept), func(i int) { line("=", kept[i], keptText(kept[i].Kept)) })
	if len(file.Alerts) > 0 {
		fmt.Fprintf(w, "%s: %d of %d alerts %sadded (the others are there already or their ticker is not)\n", oneLine(file.Name), rep.AlertsAdded, len(file.Alerts), verb)
	}
	if len(file.Trades) > 0 {
		fmt.Fprintf(w, "%s: %d of %d buys and sells %sadded (the others are there already)\n", oneLine(file.Name), rep.TradesAdded, len(file.Trades), verb)
	}
	fmt.Fprintf(w, "%s: %d added, %d updated, %d unchanged, %d rejected", oneLine(file.Name), len(rep.Added), len(rep.Updated), len(rep.Unchanged), len(file.Bad))
	if rep.DryRun {
		fmt.Fprint(w, " (dry run: nothing was written)")
	}
	fmt.Fprintln(w)
}

// fileSector is the sector named for the imported file, for new tickers
// it gives no sector for: "白酒" for 白酒.csv; none for stdin.
func fileSector(path string) string {
	if path == "-" {
		return ""
	}
	name := filepath.Base(path)
	for {
		ext := strings.ToLower(filepath.Ext(name))
		switch ext {
		case ".csv", ".json", ".txt", ".blk", ".yaml", ".yml", ".md", ".ticker", ".codes", ".yahoo", ".tdx":
			if base := name[:len(name)-len(ext)]; base != "" {
				name = base
				continue
			}
		}
		return name
	}
}

func keptText(kept []string) []string {
	out := make([]string, len(kept))
	for i, k := range kept {
		out[i] = "kept " + k
	}
	return out
}
