package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
	"zixuan/sectors/market"

	"github.com/mattn/go-isatty"

	"zixuan/report"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/store"
)

// ReportCmd groups the report subcommands.
type ReportCmd struct {
	Add  ReportAddCmd  `cmd:"" help:"Read a broker report (a PDF with a text layer, a saved web page, or text: .txt/.md, UTF-8 or GBK) and keep its calls; --dry-run shows them first."`
	List ReportListCmd `cmd:"" default:"1" help:"List the reports the watchlist keeps."`
	Show ReportShowCmd `cmd:"" help:"Show one report: its themes, theses and calls."`
	Rm   ReportRmCmd   `cmd:"" help:"Take a report and its calls off the record; the ratings it set go back where nobody changed them since (notes and the full rating history stay)."`
}

// ReportAddCmd reads a report.
type ReportAddCmd struct {
	File   string   `arg:"" predictor:"file" help:"The report: a PDF, a saved web page (.html) or text (OCR output, a copy-paste); - reads stdin."`
	DryRun bool     `name:"dry-run" help:"Print what would be added and write nothing."`
	Format string   `short:"f" default:"text" enum:"text,json" help:"Output: text or json."`
	Map    []string `placeholder:"THEME=SECTOR" help:"Send a theme to a sector (id or name) instead of the automatic choice; repeatable: --map 储能=compute."`
	Date   string   `placeholder:"YYYY-MM-DD" help:"The report's date, for a report that gives none (an undated report rates nothing) or one misread; given for a report kept undated, it lets that report rate."`
	Yes    bool     `short:"y" help:"Accept the ratings the report lowers without asking."`
	Keep   bool     `name:"keep-ratings" help:"Add the report but keep the ratings it would lower (its calls are recorded)."`
}

// Run reads the report and keeps it.
func (c *ReportAddCmd) Run(a *App) error {
	if c.Yes && c.Keep {
		return usage("give --yes or --keep-ratings, not both")
	}
	overrides := map[string]string{}
	for _, m := range c.Map {
		theme, sector, ok := strings.Cut(m, "=")
		if !ok || strings.TrimSpace(theme) == "" || strings.TrimSpace(sector) == "" {
			return usage("--map %q is not THEME=SECTOR: write it as --map 储能=compute", safetext.Clip(m))
		}
		overrides[strings.TrimSpace(theme)] = strings.TrimSpace(sector)
	}
	var date time.Time
	if c.Date != "" {
		d, err := parseDay("--date", c.Date)
		if err != nil {
			return err
		}
		date = d
	}
	in, name := a.In, c.File
	if c.File == "-" {
		name = "stdin"
	} else {
		f, err := os.Open(c.File)
		if err != nil {
			return fmt.Errorf("read %s: %w", c.File, err)
		}
		defer f.Close()
		in = f
	}
	draft, err := service.ReadReport(in, service.ReportOptions{Map: overrides, Date: date})
	var readErr *service.ReadError
	var themeErr *service.UnknownThemeError
	switch {
	case errors.As(err, &readErr):
		return fmt.Errorf("%s: %w; nothing was added", name, readErr.Err)
	case errors.As(err, &themeErr):
		return usage("--map names the theme %q, which the report does not have: its themes are %s", safetext.Clip(themeErr.Theme), strings.Join(themeErr.Themes, ", "))
	case err != nil:
		return err
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	svc := a.service(st)
	// what the add would do with every rating it lowers accepted: the
	// preview, and the list of what to ask about
	if draft, err = svc.PreviewReport(draft); err != nil {
		return sectorUsage(err)
	}
	res, out := draft.Result, draft.Preview
	if !c.DryRun {
		lower := !c.Keep
		if low := out.Lowering(); len(low) > 0 && !c.Yes && !c.Keep {
			if lower, err = c.askLower(a, low); err != nil {
				return err
			}
		}
		if out, err = svc.AddReport(draft, lower); err != nil {
			return sectorUsage(err)
		}
	}
	if c.Format == "json" {
		return writeJSON(a.Out, newReportAddJSON(res, out))
	}
	printReportOutcome(a.Out, res, out)
	if out.Existing && c.Date != "" && !out.Report.Date.IsZero() && !out.Report.Date.Equal(res.Report.Date) {
		fmt.Fprintf(a.Err, "zixuan: --date changes nothing: the report is kept with its date, %s (report rm, then add it again, to change it)\n", market.ChinaDate(out.Report.Date))
	}
	return nil
}

// askLower asks whether to lower the ratings the report lowers: yes
// lowers them, keep adds the report without lowering them, anything else
// adds nothing. Without a terminal to ask on, the add is refused.
func (c *ReportAddCmd) askLower(a *App, low []store.CallOutcome) (bool, error) {
	parts := make([]string, len(low))
	for i, o := range low {
		parts[i] = fmt.Sprintf("%s %s → %s", o.Call.Code.Key(), o.Before.ID(), o.Call.Rating.ID())
	}
	list := strings.Join(parts, ", ")
	if len(parts) > 6 {
		list = strings.Join(parts[:6], ", ") + fmt.Sprintf(" and %d more", len(parts)-6)
	}
	if !a.stdinIsTerminal() {
		return false, usage("the report would lower %d rating(s) (%s): nothing was added; give --yes to lower them, or --keep-ratings to add it and keep them", len(low), list)
	}
	fmt.Fprintf(a.Err, "The report would lower %d rating(s):\n", len(low))
	for _, o := range low {
		fmt.Fprintf(a.Err, "  %s %s  %s → %s (%s)\n", o.Call.Code.Key(), safetext.Line(o.Call.Name), o.Before.ID(), o.Call.Rating.ID(), safetext.Line(o.Call.RatingInReport))
	}
	fmt.Fprint(a.Err, "Lower them (y), add the report and keep them (k), or add nothing (N)? [y/k/N] ")
	answer, _ := bufio.NewReader(a.In).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes":
		return true, nil
	case "k", "keep":
		return false, nil
	}
	return false, usage("nothing was added: the report would lower %d rating(s); give --yes to lower them, or --keep-ratings to keep them", len(low))
}

// reportAddJSON is `report add --format json`: the report and its calls
// as the reader gives them, each with what the add did with it.
type reportAddJSON struct {
	Report  report.JSONReport `json:"report"`
	Calls   []reportAddCall   `json:"calls"`
	Existed bool              `json:"existing,omitempty"` // kept already: nothing changed
	DryRun  bool              `json:"dry_run,omitempty"`
	Skipped map[string]int    `json:"skipped,omitempty"` // securities named that are no A-share, by kind
}

type reportAddCall struct {
	report.JSONCall
	// Outcome is added, rerated, kept or skipped; Why the reason code of
	// a kept or skipped call (same, newer, no-rating, undated, lowers,
	// removed, mention, unknown-code, index).
	Outcome string `json:"outcome"`
	Why     string `json:"why,omitempty"`
	// RatingBefore is the rating in force before the report ("" for a
	// stock new to the list), RatingAfter the one it leaves.
	RatingBefore string `json:"rating_before"`
	RatingAfter  string `json:"rating_after"`
	Lowers       bool   `json:"lowers,omitempty"`
}

func newReportAddJSON(res *report.Result, out store.AddReportOutcome) reportAddJSON {
	var calls []sectors.Call
	if !out.Existing {
		calls = make([]sectors.Call, len(out.Calls))
		for i, o := range out.Calls {
			calls[i] = o.Call
		}
	}
	j := report.NewJSON(res.Report, calls, sectorsOf(out.Mapping))
	js := reportAddJSON{Report: j.Report, Calls: make([]reportAddCall, len(j.Calls)), Existed: out.Existing, DryRun: out.DryRun, Skipped: res.Skipped}
	for i, jc := range j.Calls {
		o := out.Calls[i]
		rc := reportAddCall{JSONCall: jc, Outcome: o.What, Why: o.WhyCode, RatingAfter: o.After.ID(), Lowers: o.Lowers}
		if o.What != store.CallAdded && o.What != store.CallSkipped {
			rc.RatingBefore = o.Before.ID()
		}
		if o.What == store.CallSkipped {
			rc.RatingAfter = ""
		}
		js.Calls[i] = rc
	}
	return js
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
	if out.Dated {
		fmt.Fprintln(w, "dated: the report, kept without a date, is read again with the date given and may rate")
	}
	rows := make([][]string, 0, len(out.Calls))
	for _, o := range out.Calls {
		c := o.Call
		mark, what, rating := callChange(o, out.DryRun)
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
		target := ""
		if c.Target > 0 {
			target = price2(c.Target)
		}
		rows = append(rows, []string{mark, c.Code.Key(), name, c.Rating.ID(), safetext.Line(written), target, safetext.Line(c.Theme), rating, what})
	}
	fmt.Fprintf(w, "calls (%d)\n", len(out.Calls))
	writeTable(w, []string{" ", "CODE", "NAME", "CALL", "AS WRITTEN", "TARGET", "THEME", "RATING", ""}, rows)
	if s := res.SkippedSummary(); s != "" {
		fmt.Fprintln(w, s)
	}
	verb := ""
	if out.DryRun {
		verb = "would "
	}
	lowered := 0
	for _, o := range out.Calls {
		if o.Lowers && o.What == store.CallRerated {
			lowered++
		}
	}
	summary := fmt.Sprintf("%sadd %d tickers, re-rate %d", verb, out.Count(store.CallAdded), out.Count(store.CallRerated))
	if lowered > 0 {
		summary += fmt.Sprintf(" (%d lowered)", lowered)
	}
	unchanged := 0
	for _, o := range out.Calls {
		if o.Unchanged() {
			unchanged++
		}
	}
	summary += fmt.Sprintf(", leave %d unchanged, keep %d on the record, skip %d", unchanged, out.Count(store.CallKept)-unchanged, out.Count(store.CallSkipped))
	if n := len(out.SectorsCreated); n > 0 {
		summary += fmt.Sprintf("; %screate %d sector(s)", verb, n)
	}
	if out.DryRun {
		summary += "; nothing was written"
	}
	fmt.Fprintln(w, summary)
	if out.Undated() {
		fmt.Fprintln(w, "no date: the report gives none, so it changes no rating; add it with --date YYYY-MM-DD to let it rate")
	}
	if out.DryRun && lowered > 0 {
		fmt.Fprintf(w, "lowers %d rating(s): adding it asks first (--yes lowers them, --keep-ratings keeps them)\n", lowered)
	}
}

// callChange is how a call shows in the outcome: a mark, what happened
// and the rating in force (old → new when it changes). The marks: "+" new
// to the list, "~" re-rated, "↓" lowered, "=" unchanged (the same rating),
// "·" kept (the rating in force stays; the why says why), "!" skipped.
func callChange(o store.CallOutcome, dry bool) (mark, what, rating string) {
	switch {
	case o.What == store.CallAdded:
		mark, what, rating = "+", "new", "→ "+o.After.ID()
		if o.WhyCode != "" {
			what += ": " + o.Why
		}
	case o.What == store.CallRerated && o.Lowers:
		mark, what, rating = "↓", "lowered", o.Before.ID()+" → "+o.After.ID()
		if dry {
			what = "lowers: adding it asks"
		}
	case o.What == store.CallRerated:
		mark, what, rating = "~", "re-rated", o.Before.ID()+" → "+o.After.ID()
	case o.Unchanged():
		mark, what, rating = "=", "unchanged", o.After.ID()
	case o.What == store.CallKept:
		mark, what, rating = "·", "kept: "+o.Why, o.After.ID()
	default:
		mark, what = "!", "skipped: "+o.Why
	}
	return mark, what, rating
}

func printReportHead(w io.Writer, r sectors.ReportEntry) {
	date := "(no date)"
	if !r.Date.IsZero() {
		date = market.ChinaDate(r.Date)
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
			date = market.ChinaDate(r.Date)
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
	sort.SliceStable(calls, func(i, j int) bool { return r.ThemeIndex(calls[i].Theme) < r.ThemeIndex(calls[j].Theme) })
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
			target := ""
			if call.Target > 0 {
				target = price2(call.Target)
			}
			rows = append(rows, []string{"  " + call.Code.Key(), safetext.Line(call.Name), call.Rating.ID(), safetext.Line(call.RatingInReport), target, "now " + now})
		}
		if len(rows) > 0 {
			writeTable(w, []string{"  CODE", "NAME", "CALL", "AS WRITTEN", "TARGET", ""}, rows)
		}
	}
	return nil
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
		if !r.Date.IsZero() && market.ChinaDate(r.Date) == in {
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
	if len(out.Restored) > 0 {
		parts := make([]string, len(out.Restored))
		for i, r := range out.Restored {
			parts[i] = fmt.Sprintf("%s %s → %s", r.Code.Key(), r.From.ID(), r.To.ID())
			if r.From == r.To {
				parts[i] = fmt.Sprintf("%s %s (now %s's)", r.Code.Key(), r.To.ID(), r.Source)
			}
		}
		fmt.Fprintf(a.Out, "restored %d rating(s) it set: %s\n", len(parts), strings.Join(parts, ", "))
	}
	if len(out.Left) > 0 {
		parts := make([]string, len(out.Left))
		for i, l := range out.Left {
			by := "a later report, " + l.Source
			if l.Source == sectors.SourceUser {
				by = "you"
			} else if strings.HasPrefix(l.Source, "import:") {
				by = "an import, " + strings.TrimPrefix(l.Source, "import:")
			}
			parts[i] = fmt.Sprintf("%s %s (it set %s; changed since by %s)", l.Code.Key(), l.Now.ID(), l.Set.ID(), safetext.Line(by))
		}
		fmt.Fprintf(a.Out, "left %d rating(s) as they are: %s\n", len(parts), strings.Join(parts, ", "))
	}
	return nil
}

// stdinIsTerminal reports whether a person can answer a question.
func (a *App) stdinIsTerminal() bool {
	f, ok := a.In.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
