package ui

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/store"

	"zixuan/ui/common"
)

// reportAdd adds a report file (a in the reports view): the path typed,
// then the preview, the dry run of the store's AddReport (exactly what the
// add would do: each theme's sector, each call added, re-rated, kept or
// skipped, with its flags), and only on y or enter the add itself.
type reportAdd struct {
	path    textinput.Model
	reading bool
	err     string
	shown   bool                // the preview is on screen
	asking  bool                // the question before lowering ratings is on screen
	draft   service.ReportDraft // the report read; its Preview is out
	out     store.AddReportOutcome
	off     int // the preview's first line shown

	preview func(path string) tea.Cmd
	sectors []sectors.Sector // the watchlist's, for the themes' names
	keys    *common.KeyMap
	t       *common.Text
	rt      *common.ReportText
	styles  *common.Styles
	width   int
	height  int
}

// reportPreviewMsg is the dry run's result.
type reportPreviewMsg struct {
	draft service.ReportDraft
	err   string
}

// addReportMsg asks the root to add the report previewed; lower accepts
// the ratings it lowers.
type addReportMsg struct {
	draft service.ReportDraft
	lower bool
}

func newReportAdd(m *Model) (reportAdd, tea.Cmd) {
	d := reportAdd{keys: m.keys, t: m.t, rt: m.t.Reports, styles: m.dialogStyles(), preview: m.previewCmd(), sectors: m.data.sectors}
	d.path = common.NewInput(d.styles)
	d.path.Prompt = d.rt.AddPath + m.t.Colon
	d.path.CharLimit = 1024
	return d, d.path.Focus()
}

// previewCmd reads a report file and runs the add as a dry run, off the
// UI goroutine.
func (m *Model) previewCmd() func(string) tea.Cmd {
	st, t := m.st, m.t
	return func(path string) tea.Cmd {
		return func() tea.Msg {
			p := common.ExpandHome(strings.TrimSpace(path))
			f, err := os.Open(p)
			if err != nil {
				return reportPreviewMsg{err: safeLine(err.Error())}
			}
			d, err := service.ReadReport(f, service.ReportOptions{})
			f.Close()
			if err != nil {
				return reportPreviewMsg{err: safeLine(fmt.Sprintf("%s: %v", p, err))}
			}
			// what the add does with every lowering accepted: the preview
			// marks those, and y asks about them
			svc := service.Service{Store: st}
			if d, err = svc.PreviewReport(d); err != nil {
				return reportPreviewMsg{err: t.StoreError(err)}
			}
			return reportPreviewMsg{draft: d}
		}
	}
}

func (d reportAdd) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case reportPreviewMsg:
		d.reading = false
		if msg.err != "" {
			d.err = msg.err
			return d, nil
		}
		d.draft, d.out, d.shown, d.asking, d.off, d.err = msg.draft, msg.draft.Preview, true, false, 0, ""
		return d, nil
	case tea.KeyPressMsg:
		k := d.keys
		if d.asking {
			switch {
			case key.Matches(msg, k.Yes):
				return common.CloseWith(addReportMsg{draft: d.draft, lower: true}), nil
			case key.Matches(msg, k.KeepTickers):
				return common.CloseWith(addReportMsg{draft: d.draft}), nil
			case key.Matches(msg, k.Dismiss), key.Matches(msg, k.Cancel):
				d.asking = false
			}
			return d, nil
		}
		if d.shown {
			lines := len(d.previewLines())
			page := max(d.height-2, 1)
			switch {
			case key.Matches(msg, k.Yes), key.Matches(msg, k.Confirm):
				if d.out.Existing {
					return nil, nil
				}
				if len(d.out.Lowering()) > 0 {
					d.asking = true // a report lowers a rating only when the user says so
					return d, nil
				}
				return common.CloseWith(addReportMsg{draft: d.draft}), nil
			case key.Matches(msg, k.Cancel):
				d.shown = false // back to the path
				return d, d.path.Focus()
			}
			if off, moved := step(msg, k, d.off, max(lines-page+1, 1), page-1); moved {
				d.off = off
			}
			return d, nil
		}
		switch {
		case key.Matches(msg, k.Cancel):
			return nil, nil
		case key.Matches(msg, k.Confirm):
			if strings.TrimSpace(d.path.Value()) == "" || d.reading {
				return d, nil
			}
			d.reading, d.err = true, ""
			return d, d.preview(d.path.Value())
		}
	}
	var cmd tea.Cmd
	d.path, cmd = d.path.Update(msg)
	return d, cmd
}

func (d reportAdd) Placement() common.Placement { return common.InBody }

func (d reportAdd) ShortHelp() []key.Binding {
	k := d.keys
	if d.asking {
		rt := d.t.Ratings
		return []key.Binding{
			key.NewBinding(key.WithKeys("y"), key.WithHelp("y", rt.KLower)),
			key.NewBinding(key.WithKeys("n"), key.WithHelp("n", rt.KKeep)),
			k.Dismiss,
		}
	}
	if d.shown {
		if d.out.Existing {
			return []key.Binding{k.Confirm, k.Cancel}
		}
		return []key.Binding{k.Yes, k.Up, k.Down, k.Cancel}
	}
	return []key.Binding{k.Confirm, k.Cancel}
}

func (d reportAdd) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

func (d reportAdd) SetSize(w, h int) common.Dialog {
	d.width, d.height = w, h
	d.path.SetWidth(max(w-safetext.Width(d.path.Prompt)-2, 10))
	return d
}

func (d reportAdd) View() string {
	s, w := d.styles, d.width
	if !d.shown {
		lines := []string{s.Title.Render(safetext.Truncate(d.rt.AddTitle, w)), "", d.path.View(), s.Dim.Render(safetext.Truncate(d.rt.AddHint, w))}
		switch {
		case d.reading:
			lines = append(lines, "", s.Dim.Render(d.rt.Reading))
		case d.err != "":
			lines = append(lines, "")
			for _, l := range common.WrapText(d.err, max(w, 8)) {
				lines = append(lines, s.Error.Render(l))
			}
		}
		return fitLines(strings.Join(lines, "\n"), w, d.height)
	}
	all := d.previewLines()
	title := s.Title.Render(safetext.Truncate(d.rt.PreviewTitle+d.t.Colon+reportLabel(d.out.Report), w))
	rows := max(d.height-1, 1)
	var ask []string
	if d.asking {
		ask = common.WrapText(d.lowerQuestion(), max(w, 8))
		for i := range ask {
			ask[i] = s.Error.Render(ask[i])
		}
		rows = max(rows-len(ask), 1)
	}
	off := min(d.off, max(len(all)-rows, 0))
	end := min(off+rows, len(all))
	return fitLines(title+"\n"+strings.Join(append(all[off:end:end], ask...), "\n"), w, d.height)
}

// lowerQuestion asks whether to lower the ratings the report lowers.
func (d reportAdd) lowerQuestion() string {
	low := d.out.Lowering()
	parts := make([]string, 0, min(len(low), 4))
	for i, o := range low {
		if i == 4 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, o.Call.Code.Number+" "+d.t.Rating(o.Before)+" → "+d.t.Rating(o.Call.Rating))
	}
	return sprintf(d.t.Ratings.LowerAsk, len(low), strings.Join(parts, d.t.ListSep+" "))
}

// previewLines is the dry run's outcome as lines of the view's width.
func (d reportAdd) previewLines() []string {
	s, w, t, rt := d.styles, d.width, d.t, d.rt
	out := d.out
	r := out.Report
	var lines []string
	cut := func(l string) string { return safetext.Truncate(l, w) }
	var head []string
	for _, f := range []string{r.Broker, r.Industry, r.IndustryRating.String()} {
		if f != "" {
			head = append(head, safeLine(f))
		}
	}
	if len(head) > 0 {
		lines = append(lines, cut(strings.Join(head, "  ")))
	}
	if out.Existing {
		return append(lines, "", s.Risk.Render(cut(sprintf(rt.Already, r.Calls))))
	}
	lines = append(lines, s.ColHead.Render(rt.Themes))
	for _, mp := range out.Mapping {
		if mp.SectorID == "" { // no stock new to the list goes there: no sector is made
			lines = append(lines, cut("  "+safeLine(mp.Theme)+" → "+rt.NoSectorNeeded))
			continue
		}
		how := rt.MapHow[mp.How]
		lines = append(lines, cut("  "+safeLine(mp.Theme)+" → "+safeLine(d.sectorName(mp.SectorID))+t.Paren(how)))
	}
	lines = append(lines, s.ColHead.Render(rt.Calls+t.Paren(strconv.Itoa(len(out.Calls)))))
	rw := 11
	if t.ZH {
		rw = 6
	}
	theme := 8
	if w < 64 {
		theme = 0
	}
	for _, o := range out.Calls {
		c := o.Call
		mark, what, style := d.change(o)
		if len(c.Flags) > 0 {
			fl := make([]string, len(c.Flags))
			for i, f := range c.Flags {
				fl[i] = string(f)
			}
			what += " [" + strings.Join(fl, ",") + "]"
		}
		name := common.DisplayName(c.Name)
		line := mark + " " + safetext.Fit(c.Code.Number, 6) + " " + fitName(name, 10) + " " + safetext.Fit(t.Rating(c.Rating), rw) + " "
		if theme > 0 {
			line += safetext.Fit(safeLine(c.Theme), theme) + " "
		}
		line = cut(line + what)
		if style != nil {
			line = style.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "", cut(sprintf(rt.Summary, out.Count(store.CallAdded), out.Count(store.CallRerated), out.Count(store.CallKept), out.Count(store.CallSkipped))))
	if out.Undated() {
		for _, l := range common.WrapText(d.t.Ratings.Undated, max(w, 8)) {
			lines = append(lines, s.Risk.Render(l))
		}
	}
	lines = append(lines, s.Dim.Render(cut(d.t.Ratings.Legend)))
	lines = append(lines, s.Dim.Render(cut(rt.NothingYet)))
	return lines
}

// change is how a call shows in the preview: its mark, what the add does
// with the rating in force (old → new when it changes it) and the style
// of the row (nil: plain).
//
// + new to the list, ~ re-rated, ↓ lowers (asked before the add), =
// unchanged (the same rating), · kept (the rating in force stays; why),
// ! skipped (why).
func (d reportAdd) change(o store.CallOutcome) (mark, what string, style *lipgloss.Style) {
	t, rt, s := d.t, d.t.Ratings, d.styles
	why := d.rt.Why[o.WhyCode]
	if why == "" {
		why = rt.Why[o.WhyCode]
	}
	if why == "" && o.Why != "" {
		why = safeLine(o.Why)
	}
	switch {
	case o.What == store.CallAdded:
		mark, what, style = "+", rt.New, &s.Status
		if o.WhyCode != "" {
			what += t.Colon + why
		}
	case o.What == store.CallRerated && o.Lowers:
		mark, what, style = "↓", rt.Lowers+" "+t.Rating(o.Before)+" → "+t.Rating(o.After), &s.Risk
	case o.What == store.CallRerated:
		mark, what = "~", rt.Rerated+" "+t.Rating(o.Before)+" → "+t.Rating(o.After)
	case o.Unchanged():
		mark, what, style = "=", rt.Unchanged+" "+t.Rating(o.After), &s.Dim
	case o.What == store.CallKept:
		mark, what, style = "·", rt.Kept+" "+t.Rating(o.After)+t.Colon+why, &s.Dim
	default:
		mark, what, style = "!", rt.Skipped+t.Colon+why, &s.Error
	}
	return mark, what, style
}

// sectorName is a sector's label for the preview: a new one by its id.
func (d reportAdd) sectorName(id string) string {
	for _, list := range [][]sectors.Sector{d.sectors, d.out.SectorsCreated} {
		for _, sec := range list {
			if sec.ID == id {
				return sec.Label(d.t.ZH)
			}
		}
	}
	return id
}
