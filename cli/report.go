package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/mattn/go-isatty"

	"zixuan/report"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/store"
)

// ReportCmd groups the report subcommands.
type ReportCmd struct {
	Add  ReportAddCmd  `cmd:"" help:"Read a broker report (text: .txt/.md, UTF-8 or GBK) and keep its calls; --dry-run shows them first."`
	List ReportListCmd `cmd:"" default:"1" help:"List the reports the watchlist keeps."`
	Show ReportShowCmd `cmd:"" help:"Show one report: its themes, theses and calls."`
	Rm   ReportRmCmd   `cmd:"" help:"Take a report and its calls off the record (notes and rating history stay)."`
}

// ReportAddCmd reads a report.
type ReportAddCmd struct {
	File   string   `arg:"" predictor:"file" help:"The report as text (OCR output, a copy-paste of the PDF); - reads stdin."`
	DryRun bool     `name:"dry-run" help:"Print what would be added and write nothing."`
	Format string   `short:"f" default:"text" enum:"text,json" help:"Output: text or json."`
	Map    []string `placeholder:"THEME=SECTOR" help:"Send a theme to a sector (id or name) instead of the automatic choice; repeatable: --map 储能=compute."`
}

// Run reads the report and keeps it.
func (c *ReportAddCmd) Run(a *App) error {
	overrides := map[string]string{}
	for _, m := range c.Map {
		theme, sector, ok := strings.Cut(m, "=")
		if !ok || strings.TrimSpace(theme) == "" || strings.TrimSpace(sector) == "" {
			return usage("--map %q is not THEME=SECTOR: write it as --map 储能=compute", safetext.Clip(m))
		}
		overrides[strings.TrimSpace(theme)] = strings.TrimSpace(sector)
	}
	var res *report.Result
	var err error
	name := c.File
	if c.File == "-" {
		name = "stdin"
		res, err = report.Read(a.In)
	} else {
		var f *os.File
		if f, err = os.Open(c.File); err != nil {
			return fmt.Errorf("read %s: %w", c.File, err)
		}
		res, err = report.Read(f)
		f.Close()
	}
	if err != nil {
		return fmt.Errorf("%s: %w; nothing was added", name, err)
	}
	for theme := range overrides {
		if _, ok := res.Theme(theme); !ok {
			names := make([]string, len(res.Themes))
			for i, t := range res.Themes {
				names[i] = t.Name
			}
			return usage("--map names the theme %q, which the report does not have: its themes are %s", safetext.Clip(theme), strings.Join(names, ", "))
		}
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	out, err := st.AddReport(store.ReportInput{Report: res.Report, Themes: res.Themes, Calls: res.Calls}, store.AddReportOptions{Map: overrides, DryRun: c.DryRun})
	if err != nil {
		return sectorUsage(err)
	}
	if c.Format == "json" {
		calls := res.Calls
		if out.Existing {
			calls = nil
		}
		return writeJSON(a.Out, report.NewJSON(res.Report, calls, sectorsOf(out.Mapping)))
	}
	printReportOutcome(a.Out, res, out)
	return nil
}

func sectorsOf(ms []sectors.ThemeMapping) map[string]string { return report.SectorsByTheme(ms) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func printReportOutcome(w io.Writer, res *report.Result, out store.AddReportOutcome) {
	printReportHead(w, out.Report)
	if out.Existing {
		fmt.Fprintf(w, "already kept: the watchlist has this report (%d calls); nothing changed\n", out.Report.Calls)
		return
	}
	fmt.Fprintln(w, "themes")
	for _, m := range out.Mapping {
		how := map[string]string{sectors.MappedByName: "same name", sectors.MappedByAlias: "alias", sectors.MappedByOverride: "--map", sectors.MappedToNew: "new sector"}[m.How]
		if m.SectorID == "" {
			fmt.Fprintf(w, "  %s → no sector needed: its stocks are on the list already\n", safetext.Line(m.Theme))
			continue
		}
		fmt.Fprintf(w, "  %s → %s (%s)\n", safetext.Line(m.Theme), safetext.Line(m.SectorID), how)
	}
	marks := map[string]string{store.CallAdded: "+", store.CallRerated: "~", store.CallKept: "=", store.CallSkipped: "!"}
	rows := make([][]string, 0, len(out.Calls))
	for _, o := range out.Calls {
		c := o.Call
		what := o.What
		if o.Why != "" {
			what += ": " + o.Why
		}
		if len(c.Flags) > 0 {
			flags := make([]string, len(c.Flags))
			for i, f := range c.Flags {
				flags[i] = string(f)
			}
			what += " [" + strings.Join(flags, ", ") + "]"
		}
		written := c.RatingInReport
		if written == "" {
			written = "—"
		}
		name := safetext.Line(c.Name)
		if c.NameInReport != "" && c.NameInReport != c.Name {
			name += " (" + safetext.Line(c.NameInReport) + ")"
		}
		rows = append(rows, []string{marks[o.What], c.Code.Key(), name, c.Rating.ID(), safetext.Line(written), safetext.Line(c.Theme), what})
	}
	fmt.Fprintf(w, "calls (%d)\n", len(out.Calls))
	writeTable(w, []string{" ", "CODE", "NAME", "RATING", "AS WRITTEN", "THEME", ""}, rows)
	verb := ""
	if out.DryRun {
		verb = "would "
	}
	summary := fmt.Sprintf("%sadd %d tickers, re-rate %d, keep %d on the record, skip %d", verb, out.Count(store.CallAdded), out.Count(store.CallRerated), out.Count(store.CallKept), out.Count(store.CallSkipped))
	if n := len(out.SectorsCreated); n > 0 {
		summary += fmt.Sprintf("; %screate %d sector(s)", verb, n)
	}
	if out.DryRun {
		summary += "; nothing was written"
	}
	fmt.Fprintln(w, summary)
}

func printReportHead(w io.Writer, r sectors.ReportEntry) {
	date := "(no date)"
	if !r.Date.IsZero() {
		date = sectors.ChinaDate(r.Date)
	}
	line := []string{r.ID, date}
	for _, s := range []string{r.Broker, r.Industry, r.IndustryRating.String()} {
		if s != "" {
			line = append(line, safetext.Line(s))
		}
	}
	fmt.Fprintf(w, "report  %s\n", strings.Join(line, "  "))
	if r.Title != "" {
		fmt.Fprintf(w, "title   %s\n", safetext.Line(r.Title))
	}
}

// ReportListCmd lists reports.
type ReportListCmd struct {
	Format string `short:"f" default:"table" enum:"table,json" help:"Output: table or json."`
}

// reportListJSON is `report list --format json`.
type reportListJSON struct {
	Reports []reportListItem `json:"reports"`
}

type reportListItem struct {
	report.JSONReport
	Calls int `json:"calls"`
}

// Run lists the reports, oldest first.
func (c *ReportListCmd) Run(a *App) error {
	st, err := a.Store()
	if err != nil {
		return err
	}
	list, err := st.Reports()
	if err != nil {
		return err
	}
	if c.Format == "json" {
		out := reportListJSON{Reports: []reportListItem{}}
		for _, r := range list {
			out.Reports = append(out.Reports, reportListItem{JSONReport: report.NewJSON(r.BrokerReport, nil, nil).Report, Calls: r.Calls})
		}
		return writeJSON(a.Out, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(a.Err, "zixuan: no reports yet: add one with zixuan report add FILE")
		return nil
	}
	rows := make([][]string, 0, len(list))
	for _, r := range list {
		date := ""
		if !r.Date.IsZero() {
			date = sectors.ChinaDate(r.Date)
		}
		rows = append(rows, []string{r.ID, date, safetext.Line(r.Broker), fmt.Sprint(r.Calls), safetext.Truncate(safetext.Line(r.Title), 48)})
	}
	writeTable(a.Out, []string{"ID", "DATE", "BROKER", "CALLS", "TITLE"}, rows, 3)
	return nil
}

// ReportShowCmd shows a report.
type ReportShowCmd struct {
	ID     string `arg:"" predictor:"report" help:"The report: its id, a unique start of it, or its date (2024-05-12)."`
	Format string `short:"f" default:"text" enum:"text,json" help:"Output: text or json."`
}

// Run prints the report with its theses and calls.
func (c *ReportShowCmd) Run(a *App) error {
	st, err := a.Store()
	if err != nil {
		return err
	}
	snap, err := st.Load()
	if err != nil {
		return err
	}
	r, err := findReport(snap.Reports, c.ID)
	if err != nil {
		return err
	}
	var calls []sectors.Call
	onList := map[string]*sectors.Ticker{}
	for i := range snap.Tickers {
		t := &snap.Tickers[i]
		if call, ok := t.CallFrom(r.ID); ok {
			calls = append(calls, call)
			onList[t.Code.Key()] = t
		}
	}
	sort.SliceStable(calls, func(i, j int) bool { return themeIndex(r, calls[i].Theme) < themeIndex(r, calls[j].Theme) })
	sectorOf := map[string]string{}
	for _, t := range r.Themes {
		sectorOf[t.Name] = t.Sector
	}
	if c.Format == "json" {
		return writeJSON(a.Out, report.NewJSON(r.BrokerReport, calls, sectorOf))
	}
	w := a.Out
	printReportHead(w, r)
	for _, t := range r.Themes {
		fmt.Fprintf(w, "\n%s → %s\n", safetext.Line(t.Name), safetext.Line(t.Sector))
		if t.Thesis != "" {
			fmt.Fprintf(w, "  %s\n", safetext.Line(t.Thesis))
		}
		var rows [][]string
		for _, call := range calls {
			if call.Theme != t.Name {
				continue
			}
			tk := onList[call.Code.Key()]
			now := tk.Rating.ID()
			if !tk.OnList() {
				now = "removed"
			}
			rows = append(rows, []string{"  " + call.Code.Key(), safetext.Line(call.Name), call.Rating.ID(), safetext.Line(call.RatingInReport), "now " + now})
		}
		if len(rows) > 0 {
			writeTable(w, []string{"  CODE", "NAME", "CALL", "AS WRITTEN", ""}, rows)
		}
	}
	return nil
}

func themeIndex(r sectors.ReportEntry, name string) int {
	for i, t := range r.Themes {
		if t.Name == name {
			return i
		}
	}
	return len(r.Themes)
}

// findReport resolves what the user typed for a report: its id, a unique
// start of it, or the date of exactly one report.
func findReport(list []sectors.ReportEntry, input string) (sectors.ReportEntry, error) {
	in := strings.TrimSpace(input)
	var prefix, dated []sectors.ReportEntry
	for _, r := range list {
		if r.ID == in {
			return r, nil
		}
		if in != "" && (strings.HasPrefix(r.ID, in) || strings.HasPrefix(strings.TrimPrefix(r.ID, "report-"), in)) {
			prefix = append(prefix, r)
		}
		if !r.Date.IsZero() && sectors.ChinaDate(r.Date) == in {
			dated = append(dated, r)
		}
	}
	for _, m := range [][]sectors.ReportEntry{prefix, dated} {
		if len(m) == 1 {
			return m[0], nil
		}
	}
	ids := make([]string, len(list))
	for i, r := range list {
		ids[i] = r.ID
	}
	if len(prefix) > 1 || len(dated) > 1 {
		return sectors.ReportEntry{}, usage("%q fits several reports: give one of %s", safetext.Clip(in), strings.Join(ids, ", "))
	}
	if len(ids) == 0 {
		return sectors.ReportEntry{}, usage("no report %q: the watchlist keeps none yet (zixuan report add FILE)", safetext.Clip(in))
	}
	return sectors.ReportEntry{}, usage("no report %q: use one of %s (zixuan report list)", safetext.Clip(in), strings.Join(ids, ", "))
}

// ReportRmCmd removes a report.
type ReportRmCmd struct {
	ID          string `arg:"" predictor:"report" help:"The report: its id, a unique start of it, or its date."`
	Yes         bool   `short:"y" help:"Also take off the list the tickers only this report brought, without asking."`
	KeepTickers bool   `name:"keep-tickers" help:"Keep the tickers only this report brought on the list."`
}

// Run removes the report, asking about the tickers only it brought.
func (c *ReportRmCmd) Run(a *App) error {
	if c.Yes && c.KeepTickers {
		return usage("give --yes or --keep-tickers, not both")
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	list, err := st.Reports()
	if err != nil {
		return err
	}
	r, err := findReport(list, c.ID)
	if err != nil {
		return err
	}
	plan, err := st.RemoveReport(r.ID, store.RemoveReportOptions{DryRun: true})
	if err != nil {
		return err
	}
	removeTickers := c.Yes
	if len(plan.OnlyThis) > 0 && !c.Yes && !c.KeepTickers {
		codes := make([]string, len(plan.OnlyThis))
		for i, code := range plan.OnlyThis {
			codes[i] = code.Key()
		}
		list := strings.Join(codes, " ")
		if len(codes) > 8 {
			list = strings.Join(codes[:8], " ") + fmt.Sprintf(" and %d more", len(codes)-8)
		}
		if !a.stdinIsTerminal() {
			return usage("%d tickers are on the list only because of this report (%s): give --yes to take them off too, or --keep-tickers to keep them", len(codes), list)
		}
		fmt.Fprintf(a.Err, "%d tickers are on the list only because of this report (%s).\nTake them off the list too (notes and history stay)? [y/N] ", len(codes), list)
		answer, _ := bufio.NewReader(a.In).ReadString('\n')
		removeTickers = strings.EqualFold(strings.TrimSpace(answer), "y") || strings.EqualFold(strings.TrimSpace(answer), "yes")
	}
	out, err := st.RemoveReport(r.ID, store.RemoveReportOptions{RemoveTickers: removeTickers})
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("removed report %s and its %d calls", out.Report.ID, out.CallsRemoved)
	switch {
	case len(out.TickersRemoved) > 0:
		msg += fmt.Sprintf("; took %d tickers off the list (zixuan rm --undo CODE brings one back)", len(out.TickersRemoved))
	case len(out.OnlyThis) > 0:
		msg += fmt.Sprintf("; kept the %d tickers it brought", len(out.OnlyThis))
	}
	fmt.Fprintln(a.Out, msg)
	return nil
}

// stdinIsTerminal reports whether a person can answer a question.
func (a *App) stdinIsTerminal() bool {
	f, ok := a.In.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
