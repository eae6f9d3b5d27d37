package cli

import (
	"fmt"
	"io"
	"strings"
	"time"
	"zixuan/sectors/market"

	"zixuan/safetext"
	"zixuan/sectors"
)

// ShowCmd shows one ticker.
type ShowCmd struct {
	Code    string `arg:"" predictor:"code" help:"Code: 688111, SH688111, 688111.SH, 688111.SS …"`
	History bool   `help:"Also show each note's earlier versions and the deleted notes."`
}

func dateCST(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(market.China).Format("2006-01-02")
}

func stampCST(t time.Time) string { return t.In(market.China).Format("2006-01-02 15:04") }

// Run prints the ticker, its rating history and its notes.
func (c *ShowCmd) Run(a *App) error {
	code, err := a.resolveCode(c.Code)
	if err != nil {
		return err
	}
	st, err := a.Store()
	if err != nil {
		return err
	}
	d, err := st.Detail(code)
	if err != nil {
		return err
	}
	t, secs := d.Ticker, d.Sectors
	w := a.Out
	name := safetext.Line(market.MarkedName(t.Name))
	fmt.Fprintf(w, "%s  %s  %s %s\n", t.Code.Key(), name, t.Code.Board(), t.Code.Board().Chinese())
	if market.IsRiskWarning(t.Name) {
		fmt.Fprintf(w, "  ! risk warning: %s is under special treatment (ST)\n", name)
	}
	if t.ReportName != "" && market.DisplayName(t.ReportName) != market.DisplayName(t.Name) {
		fmt.Fprintf(w, "  named %s in the report\n", safetext.Line(t.ReportName))
	}
	if !t.OnList() {
		fmt.Fprintf(w, "  removed %s (zixuan rm --undo %s brings it back)\n", stampCST(t.Removed), t.Code.Number)
	}
	if sec, err := sectors.FindSector(secs, t.Sector); err == nil {
		fmt.Fprintf(w, "sector   %s / %s\n", safetext.Line(sec.Name), safetext.Line(sec.NameZH))
	} else {
		fmt.Fprintf(w, "sector   %s\n", safetext.Line(t.Sector))
	}
	fmt.Fprintf(w, "rating   %s %s since %s (%s)\n", t.Rating.ID(), t.Rating.Chinese(), dateCST(t.RatingAt), safetext.Line(t.RatingSource))
	fmt.Fprintln(w, "\nrating history")
	if len(t.Ratings) == 0 {
		fmt.Fprintln(w, "  none: not rated yet")
	}
	for i := len(t.Ratings) - 1; i >= 0; i-- {
		r := t.Ratings[i]
		line := fmt.Sprintf("  %s  %s → %s  %s", stampCST(r.At), r.From.ID(), r.To.ID(), safetext.Line(r.Source))
		if r.Reason != "" {
			line += "  " + safetext.Line(r.Reason)
		}
		fmt.Fprintln(w, line)
	}
	if len(t.Calls) > 0 {
		fmt.Fprintf(w, "\ncalls (%d)\n", len(t.Calls))
		for _, c := range t.CallsNewestFirst(d.Reports) {
			r := c.Report
			date := "(no date)"
			if !r.Date.IsZero() {
				date = market.ChinaDate(r.Date)
			}
			word := c.Rating.ID()
			if c.RatingInReport != "" && c.RatingInReport != c.Rating.Chinese() {
				word += " (" + safetext.Line(c.RatingInReport) + ")"
			} else if c.RatingInReport != "" {
				word += " " + c.Rating.Chinese()
			}
			if c.Rerated {
				word += " (re-rated " + c.From.ID() + " → " + c.To.ID() + ")"
			}
			if c.Target > 0 {
				word += "  target " + price2(c.Target)
			}
			line := fmt.Sprintf("  %s  %s  %s  %s", date, word, safetext.Line(c.Theme), c.ReportID)
			if r.Broker != "" {
				line += "  " + safetext.Line(r.Broker)
			}
			if r.Title != "" {
				line += "  " + safetext.Truncate(safetext.Line(r.Title), 30)
			}
			if c.NameInReport != "" && c.NameInReport != t.Name {
				line += "  written " + safetext.Line(c.NameInReport)
			}
			fmt.Fprintln(w, line)
		}
	}
	live := t.LiveNotes()
	fmt.Fprintf(w, "\nnotes (%d)\n", len(live))
	for _, n := range live {
		stamp := stampCST(n.Created)
		if len(n.Revisions) > 0 {
			stamp += ", edited " + stampCST(n.Updated)
		}
		fmt.Fprintf(w, "  #%d  %s\n", n.ID, stamp)
		printNoteText(w, n.Text, "      ")
		if c.History {
			printRevisions(w, n)
		}
	}
	var deleted []sectors.Note
	for _, n := range t.Notes {
		if n.IsDeleted() {
			deleted = append(deleted, n)
		}
	}
	switch {
	case len(deleted) == 0:
	case !c.History:
		fmt.Fprintf(w, "  (%d deleted: zixuan show %s --history lists them)\n", len(deleted), t.Code.Number)
	default:
		fmt.Fprintf(w, "\ndeleted notes (%d): zixuan note %s --undelete ID brings one back\n", len(deleted), t.Code.Number)
		for _, n := range deleted {
			fmt.Fprintf(w, "  #%d  %s, deleted %s\n", n.ID, stampCST(n.Created), stampCST(n.Deleted))
			printNoteText(w, n.Text, "      ")
			printRevisions(w, n)
		}
	}
	return nil
}

func printNoteText(w io.Writer, text, indent string) {
	for _, line := range strings.Split(safetext.Block(text), "\n") {
		fmt.Fprintf(w, "%s%s\n", indent, line)
	}
}

// printRevisions lists a note's earlier texts, newest first, each with
// when it was replaced.
func printRevisions(w io.Writer, n sectors.Note) {
	for i := len(n.Revisions) - 1; i >= 0; i-- {
		r := n.Revisions[i]
		fmt.Fprintf(w, "      earlier version, replaced %s:\n", stampCST(r.At))
		printNoteText(w, r.Text, "        ")
	}
}
