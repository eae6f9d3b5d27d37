package notes

import (
	"fmt"
	"strings"
	"time"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// History shows a ticker's notes as they were (v in the detail pane): the
// old versions of the selected note, and the deleted notes, one of which
// u brings back.
type History struct {
	common.Common
	code    market.Code
	label   string
	note    sectors.Note   // the selected live note (ID 0: none)
	deleted []sectors.Note // newest deletion first
	choice  int
	loc     *time.Location
}

// UndeleteMsg asks the root to bring a deleted note back.
type UndeleteMsg struct {
	Code market.Code
	ID   uint64
}

// NewHistory shows tk's notes as they were, selected's versions first,
// dated in loc.
func NewHistory(c common.Common, tk sectors.Ticker, selected sectors.Note, loc *time.Location) History {
	d := History{Common: c, code: tk.Code, label: tk.Code.Number + " " + common.DisplayName(tk.Name), note: selected, loc: loc}
	d.deleted = Deleted(tk)
	return d
}

// Deleted are the ticker's deleted notes, the one deleted last first.
func Deleted(tk sectors.Ticker) []sectors.Note {
	var out []sectors.Note
	for _, n := range tk.Notes {
		if n.IsDeleted() {
			out = append(out, n)
		}
	}
	for i := 1; i < len(out); i++ { // few: insertion sort by deletion, newest first
		for j := i; j > 0 && out[j].Deleted.After(out[j-1].Deleted); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func (d History) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	switch {
	case key.Matches(k, d.Keys.Back), key.Matches(k, d.Keys.NoteHistory):
		return nil, nil
	case key.Matches(k, d.Keys.Up):
		d.choice = max(d.choice-1, 0)
	case key.Matches(k, d.Keys.Down):
		d.choice = max(min(d.choice+1, len(d.deleted)-1), 0)
	case key.Matches(k, d.Keys.Undelete):
		if d.choice < len(d.deleted) {
			return common.CloseWith(UndeleteMsg{Code: d.code, ID: d.deleted[d.choice].ID}), nil
		}
	}
	return d, nil
}

func (d History) View() string {
	s, w := d.Styles, d.T.Watch
	stamp := func(at time.Time) string { return at.In(d.loc).Format("2006-01-02 15:04") }
	var lines []string
	add := func(str string, style func(...string) string) {
		for _, l := range common.WrapText(str, max(d.Width-4, 8)) {
			lines = append(lines, style("    "+l))
		}
	}
	plain := func(s ...string) string { return strings.Join(s, "") }
	lines = append(lines, s.Title.Render(safetext.Truncate(fmt.Sprintf(w.NoteHistoryTitle, d.label), d.Width)), "")
	lines = append(lines, s.ColHead.Render(w.Versions))
	switch {
	case d.note.ID == 0 || len(d.note.Revisions) == 0:
		lines = append(lines, s.Dim.Render("  "+w.NoVersions))
	default:
		lines = append(lines, "  "+stamp(d.note.Updated))
		for _, l := range strings.Split(safetext.Block(d.note.Text), "\n") {
			add(l, plain)
		}
		for i := len(d.note.Revisions) - 1; i >= 0; i-- {
			r := d.note.Revisions[i]
			lines = append(lines, s.Dim.Render("  "+stamp(r.At)))
			for _, l := range strings.Split(safetext.Block(r.Text), "\n") {
				add(l, s.Dim.Render)
			}
		}
	}
	lines = append(lines, "", s.ColHead.Render(w.DeletedNotes))
	selAt := 0
	if len(d.deleted) == 0 {
		lines = append(lines, s.Dim.Render("  "+w.NoDeleted))
	}
	for i, n := range d.deleted {
		head := stamp(n.Created) + d.T.Paren(fmt.Sprintf(w.DeletedAt, stamp(n.Deleted)))
		if i == d.choice {
			selAt = len(lines)
			lines = append(lines, s.Selected.Render(safetext.Truncate("> "+head, d.Width)))
		} else {
			lines = append(lines, safetext.Truncate("  "+head, d.Width))
		}
		for _, l := range strings.Split(safetext.Block(n.Text), "\n") {
			add(l, plain)
		}
	}
	// keep the chosen deleted note on screen
	if d.Height > 0 && len(lines) > d.Height {
		first := max(0, min(selAt-d.Height/2, len(lines)-d.Height))
		lines = append(lines[:1:1], lines[first+1:]...)
	}
	return strings.Join(lines, "\n")
}

func (d History) Placement() common.Placement { return common.InBody }
func (d History) ShortHelp() []key.Binding {
	return []key.Binding{d.Keys.Up, d.Keys.Down, d.Keys.Undelete, d.Keys.Back}
}
func (d History) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
func (d History) SetSize(width, height int) common.Dialog {
	d.Common.SetSize(width, height)
	return d
}

// Search searches the notes of every ticker (N): type words, the notes
// that hold them appear, enter shows the chosen one in its ticker's
// detail pane.
type Search struct {
	common.Common
	input  textinput.Model
	hits   []noteHit
	choice int

	tickers []sectors.Ticker
	loc     *time.Location
}

type noteHit struct {
	ticker int // index in tickers
	note   sectors.Note
}

// JumpMsg asks the root to show note ID of Code.
type JumpMsg struct {
	Code market.Code
	ID   uint64
}

// maxNoteHits bounds the hits listed.
const maxNoteHits = 200

// NewSearch searches the notes of tickers, dated in loc.
func NewSearch(c common.Common, tickers []sectors.Ticker, loc *time.Location) (Search, tea.Cmd) {
	t := c.T
	d := Search{Common: c, tickers: tickers, loc: loc}
	d.input = common.NewInput(c.Styles)
	d.input.Prompt = "> "
	d.input.Placeholder = t.Watch.NoteSearchHint
	d.input.CharLimit = 60
	return d, d.input.Focus()
}

// search finds the live notes holding every word of q, case folded.
func (d *Search) search(q string) {
	d.hits, d.choice = nil, 0
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return
	}
	for i := range d.tickers {
		for _, n := range d.tickers[i].Notes {
			if n.IsDeleted() {
				continue
			}
			text := strings.ToLower(n.Text)
			all := true
			for _, w := range words {
				if !strings.Contains(text, w) {
					all = false
					break
				}
			}
			if all {
				d.hits = append(d.hits, noteHit{ticker: i, note: n})
				if len(d.hits) >= maxNoteHits {
					return
				}
			}
		}
	}
}

func (d Search) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok: // pasted text, the cursor's blink
	case key.Matches(k, d.Keys.Cancel):
		return nil, nil
	case key.Matches(k, d.Keys.Confirm):
		if d.choice < len(d.hits) {
			h := d.hits[d.choice]
			return common.CloseWith(JumpMsg{Code: d.tickers[h.ticker].Code, ID: h.note.ID}), nil
		}
		return d, nil
	case key.Matches(k, d.Keys.ChoosePrev):
		d.choice = max(d.choice-1, 0)
		return d, nil
	case key.Matches(k, d.Keys.ChooseNext):
		d.choice = max(min(d.choice+1, len(d.hits)-1), 0)
		return d, nil
	}
	before := d.input.Value()
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	if v := d.input.Value(); v != before { // typed or pasted
		d.search(v)
	}
	return d, cmd
}

func (d Search) View() string {
	s, w := d.Styles, d.T.Watch
	title := w.NoteSearchTitle
	if strings.TrimSpace(d.input.Value()) != "" {
		title += "  " + fmt.Sprintf(w.NoteHits, len(d.hits))
	}
	lines := []string{s.Title.Render(safetext.Truncate(title, d.Width))}
	d.input.SetWidth(max(d.Width-4, 10))
	lines = append(lines, d.input.View())
	if len(d.hits) == 0 && strings.TrimSpace(d.input.Value()) != "" {
		lines = append(lines, "  "+s.Dim.Render(d.T.NoMatch))
	}
	room := max(d.Height-len(lines), 1)
	first := 0
	if d.choice >= room {
		first = d.choice - room + 1
	}
	for i := first; i < len(d.hits) && i < first+room; i++ {
		h := d.hits[i]
		tk := &d.tickers[h.ticker]
		line := tk.Code.Number + " " + safetext.Fit(common.DisplayName(tk.Name), 10) + " " +
			h.note.Created.In(d.loc).Format("2006-01-02") + " " + safetext.Line(safetext.FirstLine(h.note.Text))
		line = safetext.Truncate(line, d.Width-2)
		if i == d.choice {
			lines = append(lines, s.Selected.Render("> "+line))
		} else {
			lines = append(lines, "  "+line)
		}
	}
	return strings.Join(lines, "\n")
}

func (d Search) ShortHelp() []key.Binding {
	return []key.Binding{d.Keys.Choose, d.Keys.Confirm, d.Keys.Cancel}
}
func (d Search) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
func (d Search) SetSize(width, height int) common.Dialog {
	d.Width, d.Height = width, height
	return d
}
