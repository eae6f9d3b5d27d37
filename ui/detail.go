package ui

import (
	"fmt"
	"strings"
	"time"

	"zixuan/sectors/market"
	"zixuan/ui/common"

	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/sectors"
)

// detailModel is the detail pane: the sector's thesis, the rating history,
// the notes and every report's call of the selected ticker. Focused, it selects a note to edit
// or delete and scrolls. It draws from what the root hands it for the
// frame (detailIn); its own state is only where it is.
type detailModel struct {
	note   int // selected live note while focused
	offset int // first line shown
	scroll int // lines scrolled with PgUp/PgDn from where the selected note shows
}

func (d *detailModel) reset() { d.note, d.offset, d.scroll = 0, 0, 0 }

// detailIn is what the detail pane draws from, as the root has it for one
// frame: the selected ticker, the texts and styles, the loaded sectors
// and reports, the render cache, and the sections other parts draw at a
// width (the quote, the chart, the alerts, a rating's return since).
type detailIn struct {
	tk   sectors.Ticker
	ok   bool   // a ticker is selected
	gone string // the focused pane's ticker has left the list: what it says instead

	t       *common.Text
	styles  *common.Styles
	loc     *time.Location
	sectors []sectors.Sector
	snap    *sectors.Snapshot
	epoch   uint64 // the loaded data's (callsKey)
	dark    bool   // the styles are for a dark background
	rc      *renderCache

	quote, chart func(tk *sectors.Ticker, width int) []string
	// alerts draws the alert lines, in the focused pane with the one the
	// cursor is on selected (sel: its index, -1 for none)
	alerts func(tk *sectors.Ticker, width int, focused bool, cursor uint64) (lines []string, sel int)
	since  func(tk *sectors.Ticker, at time.Time) string
	alert  uint64 // the focused pane's cursor is on this alert line; 0: on the notes
}

// detailLines renders the pane's content for in.tk in width cells; noteLine
// is the first line of the selected note (when focused).
//
// Only notes[from:to] of the live notes are drawn (noteWindow): lines of
// notes the pane cannot reach from where it is are not made at all, so a
// key costs the same at 5 notes and at 5,000.
func (d *detailModel) detailLines(in *detailIn, width int, focused bool) (lines []string, noteLine int) {
	return d.detailLinesIn(in, width, focused, nil)
}

// detailLinesIn is detailLines drawing the notes window gives of them
// (all of them when nil).
func (d *detailModel) detailLinesIn(in *detailIn, width int, focused bool, window func(n int) (from, to int)) (lines []string, noteLine int) {
	tk, s, t := in.tk, in.styles, in.t
	// wrap adds str cut into lines of width cells; continuation lines are
	// indented like the first.
	wrap := func(str string, style *lipgloss.Style) {
		lines = append(lines, in.wrapped(str, width, style)...)
	}
	title := fmt.Sprintf("%s %s  %s", tk.Code.Key(), common.DisplayName(tk.Name), t.Board(tk.Code.Board()))
	lines = append(lines, s.Title.Render(safetext.Truncate(title, width)))
	rating := s.Rating[tk.Rating].Render(t.Rating(tk.Rating))
	sec := sectorLabel(in.sectors, t, tk.Sector)
	lines = append(lines, safetext.Truncate(rating+"  "+sec, width))
	if tk.ReportName != "" && market.DisplayName(tk.ReportName) != market.DisplayName(tk.Name) {
		lines = append(lines, s.Dim.Render(safetext.Truncate(safeLine(market.DisplayName(tk.ReportName))+" ("+t.Report+")", width)))
	}
	lines = append(lines, in.quote(&tk, width)...)
	lines = append(lines, in.chart(&tk, width)...) // chart.go, ui/views/chart
	noteLine = -1
	alertLines, sel := in.alerts(&tk, width, focused, in.alert)
	if sel >= 0 { // the selected line is the alert's: the pane keeps it in sight
		noteLine = len(lines) + sel
	}
	lines = append(lines, alertLines...)

	shown := ""
	if def, ok := thesisOf(in.sectors, tk.Sector); ok {
		shown = def.Thesis
		lines = append(lines, "", s.ColHead.Render(t.Thesis))
		// The report's own words come first in Chinese; in English the
		// one-line summary leads and the paragraph follows, because the
		// investor reading the report reads it in Chinese.
		if t.ZH {
			wrap(quoteWide.Replace(def.Thesis), &s.Row)
		} else {
			wrap(def.ThesisEN, &s.Row)
			wrap(quoteWide.Replace(def.Thesis), &s.Dim)
		}
	}

	lines = append(lines, "", s.ColHead.Render(t.History))
	if len(tk.Ratings) == 0 {
		wrap(t.NoHistory, &s.Dim)
	}
	for i := len(tk.Ratings) - 1; i >= 0; i-- { // newest first
		h := tk.Ratings[i]
		line := fmt.Sprintf(t.HistoryLine, h.At.In(in.loc).Format("2006-01-02"),
			t.Rating(h.From), t.Rating(h.To), t.SourceName(h.Source))
		if r := t.ReasonText(h.Reason); r != "" {
			line += t.Colon + r
		}
		wrap(line, &s.Row)
		if since := in.since(&tk, h.At); since != "" {
			lines = append(lines, safetext.Truncate("    "+since, width))
		}
	}

	lines = append(lines, "", s.ColHead.Render(t.Notes))
	notes := tk.LiveNotes()
	if len(notes) == 0 {
		wrap(t.NoNotes, &s.Dim)
	}
	from, to := 0, len(notes)
	if window != nil {
		from, to = window(len(notes))
	}
	for i := from; i < to; i++ {
		n := notes[i]
		mark := "  "
		style := s.Dim
		if focused && i == d.note && in.alert == 0 {
			mark, style, noteLine = "> ", s.Selected, len(lines)
		}
		stamp := n.Created.In(in.loc).Format("2006-01-02 15:04")
		if n.Updated.After(n.Created) {
			stamp += " *"
		}
		lines = append(lines, style.Render(mark+stamp))
		for _, l := range strings.Split(safeBlock(n.Text), "\n") {
			wrap("  "+l, &s.Row)
		}
	}
	lines = append(lines, in.callLines(&tk, width, shown)...)
	return lines, noteLine
}

// sectorLabel is the label of sector id among list.
func sectorLabel(list []sectors.Sector, t *common.Text, id string) string {
	for _, s := range list {
		if s.ID == id {
			return t.SectorLabel(s)
		}
	}
	return safeLine(id)
}

// thesisOf is the thesis of sector id among list, from its report.
func thesisOf(list []sectors.Sector, id string) (def struct{ Thesis, ThesisEN string }, ok bool) {
	for _, s := range list {
		if s.ID == id {
			if d, ok := sectors.ReportSectorDef(s); ok {
				def.Thesis, def.ThesisEN = d.Thesis, d.ThesisEN
				return def, true
			}
		}
	}
	return def, false
}

// quoteWide swaps the curly quotes, which are East-Asian ambiguous width
// (one cell or two depending on the terminal), for the corner brackets
// Chinese text also quotes with, which are always two cells.
var quoteWide = strings.NewReplacer("“", "「", "”", "」", "‘", "『", "’", "』")

// detailView draws the pane in width x height.
func (d *detailModel) detailView(in *detailIn, width, height int, focused bool) string {
	if in.gone != "" {
		lines := common.WrapText(in.gone, max(width, 10))
		for i := range lines {
			lines[i] = in.styles.Dim.Render(lines[i])
		}
		return strings.Join(lines[:min(len(lines), max(height, 1))], "\n")
	}
	if !in.ok {
		return in.styles.Dim.Render(in.t.NoSelection)
	}
	lines, noteLine := d.detailLinesIn(in, width, focused, d.noteWindow(focused, height))
	// the first line (code and name) stays put; the rest scrolls
	title, lines := lines[0], lines[1:]
	height--
	noteLine--
	off := d.offset
	if noteLine >= 0 {
		if noteLine < off {
			off = noteLine
		}
		if noteLine >= off+height-2 {
			off = noteLine - height + 3
		}
	}
	off += d.scroll // PgDn reads on through a note taller than the pane
	off = max(0, min(off, len(lines)-height))
	end := min(off+height, len(lines))
	return title + "\n" + strings.Join(lines[off:end], "\n")
}

// windowNotes turns the notes' window off, for the test that compares
// what is drawn with and without it.
var windowNotes = true

// noteWindow is the part of a ticker's notes the pane can show at its
// height: the view places the selected note's first line within the pane
// (or starts at the top, unfocused) and moves by the scroll from there,
// so it never reaches more than height+|scroll| lines above or below that
// line. Each note is at least two lines (its date and one of text), so
// that many lines are within half as many notes.
func (d *detailModel) noteWindow(focused bool, height int) func(n int) (from, to int) {
	if !windowNotes {
		return nil
	}
	return func(n int) (from, to int) {
		sel := 0
		if focused {
			sel = min(d.note, max(n-1, 0))
		}
		up, down := max(-d.scroll, 0), max(d.scroll, 0)
		if !focused {
			down += max(d.offset, 0)
		}
		before := (height+up)/2 + 2
		after := (height+down)/2 + 2
		return max(sel-before, 0), min(sel+after+1, n)
	}
}
