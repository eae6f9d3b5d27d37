package reports

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

// AddModel adds a report file (a in the reports view): the path typed,
// then the preview, the dry run of the store's AddReport (exactly what the
// add would do: each theme's sector, each call added, re-rated, kept or
// skipped, with its flags), and only on y or enter the add itself.
type AddModel struct {
	common.Common

	path    textinput.Model
	reading bool
	err     common.Notice       // why the file could not be read, until the path changes
	shown   bool                // the preview is on screen
	asking  bool                // the question before lowering ratings is on screen
	draft   service.ReportDraft // the report read; its Preview is out
	out     store.AddReportOutcome
	off     int // the preview's first line shown

	sectors []sectors.Sector // the watchlist's, for the themes' names
}

// previewMsg is the dry run's result.
type previewMsg struct {
	draft service.ReportDraft
	err   string
}

// AddMsg asks the root to add the report previewed; Lower accepts the
// ratings it lowers.
type AddMsg struct {
	Draft service.ReportDraft
	Lower bool
}

// NewAdd asks for a report file to add to the watchlist, whose sectors
// are secs.
func NewAdd(c common.Common, secs []sectors.Sector) (AddModel, tea.Cmd) {
	d := AddModel{Common: c, sectors: secs}
	d.path = common.NewInput(c.Styles)
	d.path.Prompt = c.T.Reports.AddPath + c.T.Colon
	d.path.CharLimit = 1024
	return d, d.path.Focus()
}

// Preview reads a report file and runs the add as a dry run, off the UI
// goroutine.
func (d AddModel) Preview(path string) tea.Cmd {
	st, t := d.Store, d.T
	return func() tea.Msg {
		p := common.ExpandHome(strings.TrimSpace(path))
		f, err := os.Open(p)
		if err != nil {
			return previewMsg{err: safetext.Line(err.Error())}
		}
		d, err := service.ReadReport(f, service.ReportOptions{})
		f.Close()
		if err != nil {
			return previewMsg{err: safetext.Line(fmt.Sprintf("%s: %v", p, err))}
		}
		// what the add does with every lowering accepted: the preview
		// marks those, and y asks about them
		svc := service.Service{Store: st}
		if d, err = svc.PreviewReport(d); err != nil {
			return previewMsg{err: t.StoreError(err)}
		}
		return previewMsg{draft: d}
	}
}

// Shown reports whether the preview is on screen.
func (d AddModel) Shown() bool { return d.shown }

// Asking reports whether it asks before lowering ratings.
func (d AddModel) Asking() bool { return d.asking }

// Err is why the file could not be previewed.
func (d AddModel) Err() string { return d.err.Text() }

// Input is the path typed (common.Inputter).
func (d AddModel) Input() string { return d.path.Value() }

// Outcome is the preview: what the add would do.
func (d AddModel) Outcome() store.AddReportOutcome { return d.out }

func (d AddModel) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case previewMsg:
		d.reading = false
		if msg.err != "" {
			d.err.Say(msg.err, d.Input())
			return d, nil
		}
		d.draft, d.out, d.shown, d.asking, d.off, d.err = msg.draft, msg.draft.Preview, true, false, 0, common.Notice{}
		return d, nil
	case tea.KeyPressMsg:
		k := d.Keys
		if d.asking {
			switch {
			case key.Matches(msg, k.Yes):
				return common.CloseWith(AddMsg{Draft: d.draft, Lower: true}), nil
			case key.Matches(msg, k.KeepTickers):
				return common.CloseWith(AddMsg{Draft: d.draft}), nil
			case key.Matches(msg, k.Dismiss), key.Matches(msg, k.Cancel):
				d.asking = false
			}
			return d, nil
		}
		if d.shown {
			lines := len(d.previewLines())
			page := max(d.Height-2, 1)
			switch {
			case key.Matches(msg, k.Yes), key.Matches(msg, k.Confirm):
				if d.out.Existing {
					return nil, nil
				}
				if len(d.out.Lowering()) > 0 {
					d.asking = true // a report lowers a rating only when the user says so
					return d, nil
				}
				return common.CloseWith(AddMsg{Draft: d.draft}), nil
			case key.Matches(msg, k.Cancel):
				d.shown = false // back to the path
				return d, d.path.Focus()
			}
			if off, moved := common.Step(msg, k, d.off, max(lines-page+1, 1), page-1); moved {
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
			d.reading, d.err = true, common.Notice{}
			return d, d.Preview(d.path.Value())
		}
	}
	var cmd tea.Cmd
	d.path, cmd = d.path.Update(msg)
	d.err.Track(d.Input())
	return d, cmd
}

func (d AddModel) Placement() common.Placement { return common.InBody }

// TakesText: the path is typed (an alt+key is the input's).
func (d AddModel) TakesText() {}

func (d AddModel) ShortHelp() []key.Binding {
	k := d.Keys
	if d.asking {
		rt := d.T.Ratings
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

func (d AddModel) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

func (d AddModel) SetSize(w, h int) common.Dialog {
	d.Common.SetSize(w, h)
	d.path.SetWidth(max(w-safetext.Width(d.path.Prompt)-2, 10))
	return d
}

func (d AddModel) View() string {
	s, w := d.Styles, d.Width
	if !d.shown {
		lines := []string{s.Title.Render(safetext.Truncate(d.T.Reports.AddTitle, w)), "", d.path.View(), s.Dim.Render(safetext.Truncate(d.T.Reports.AddHint, w))}
		switch {
		case d.reading:
			lines = append(lines, "", s.Dim.Render(d.T.Reports.Reading))
		case d.err.Text() != "":
			lines = append(lines, "")
			for _, l := range common.WrapText(d.err.Text(), max(w, 8)) {
				lines = append(lines, s.Error.Render(l))
			}
		}
		return common.FitLines(strings.Join(lines, "\n"), w, d.Height)
	}
	all := d.previewLines()
	title := s.Title.Render(safetext.Truncate(d.T.Reports.PreviewTitle+d.T.Colon+Label(d.out.Report), w))
	rows := max(d.Height-1, 1)
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
	return common.FitLines(title+"\n"+strings.Join(append(all[off:end:end], ask...), "\n"), w, d.Height)
}

// lowerQuestion asks whether to lower the ratings the report lowers.
func (d AddModel) lowerQuestion() string {
	low := d.out.Lowering()
	parts := make([]string, 0, min(len(low), 4))
	for i, o := range low {
		if i == 4 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, o.Call.Code.Number+" "+d.T.Rating(o.Before)+" → "+d.T.Rating(o.Call.Rating))
	}
	return fmt.Sprintf(d.T.Ratings.LowerAsk, len(low), strings.Join(parts, d.T.ListSep+" "))
}

// previewLines is the dry run's outcome as lines of the view's width.
func (d AddModel) previewLines() []string {
	s, w, t, rt := d.Styles, d.Width, d.T, d.T.Reports
	out := d.out
	r := out.Report
	var lines []string
	cut := func(l string) string { return safetext.Truncate(l, w) }
	var head []string
	for _, f := range []string{r.Broker, r.Industry, r.IndustryRating.String()} {
		if f != "" {
			head = append(head, safetext.Line(f))
		}
	}
	if len(head) > 0 {
		lines = append(lines, cut(strings.Join(head, "  ")))
	}
	if out.Existing {
		return append(lines, "", s.Risk.Render(cut(fmt.Sprintf(rt.Already, r.Calls))))
	}
	lines = append(lines, s.ColHead.Render(rt.Themes))
	for _, mp := range out.Mapping {
		if mp.SectorID == "" { // no stock new to the list goes there: no sector is made
			lines = append(lines, cut("  "+safetext.Line(mp.Theme)+" → "+rt.NoSectorNeeded))
			continue
		}
		how := rt.MapHow[mp.How]
		lines = append(lines, cut("  "+safetext.Line(mp.Theme)+" → "+safetext.Line(d.sectorName(mp.SectorID))+t.Paren(how)))
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
		line := mark + " " + safetext.Fit(c.Code.Number, 6) + " " + common.FitName(name, 10) + " " + safetext.Fit(t.Rating(c.Rating), rw) + " "
		if theme > 0 {
			line += safetext.Fit(safetext.Line(c.Theme), theme) + " "
		}
		line = cut(line + what)
		if style != nil {
			line = style.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "", cut(fmt.Sprintf(rt.Summary, out.Count(store.CallAdded), out.Count(store.CallRerated), out.Count(store.CallKept), out.Count(store.CallSkipped))))
	if out.Undated() {
		for _, l := range common.WrapText(d.T.Ratings.Undated, max(w, 8)) {
			lines = append(lines, s.Risk.Render(l))
		}
	}
	lines = append(lines, s.Dim.Render(cut(d.T.Ratings.Legend)))
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
func (d AddModel) change(o store.CallOutcome) (mark, what string, style *lipgloss.Style) {
	t, rt, s := d.T, d.T.Ratings, d.Styles
	why := d.T.Reports.Why[o.WhyCode]
	if why == "" {
		why = rt.Why[o.WhyCode]
	}
	if why == "" && o.Why != "" {
		why = safetext.Line(o.Why)
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
func (d AddModel) sectorName(id string) string {
	for _, list := range [][]sectors.Sector{d.sectors, d.out.SectorsCreated} {
		for _, sec := range list {
			if sec.ID == id {
				return sec.Label(d.T.ZH)
			}
		}
	}
	return id
}
