package ui

import (
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

// noteHistoryModel shows a ticker's notes as they were (v in the detail
// pane): the old versions of the selected note, and the deleted notes,
// one of which u brings back.
type noteHistoryModel struct {
	code     market.Code
	label    string
	note     sectors.Note   // the selected live note (ID 0: none)
	deleted  []sectors.Note // newest deletion first
	choice   int
	loc      *time.Location
	keys     *common.KeyMap
	t        *common.Text
	styles   *common.Styles
	width, h int
}

// undeleteMsg asks the root to bring a deleted note back.
type undeleteMsg struct {
	code market.Code
	id   uint64
}

func newNoteHistory(tk sectors.Ticker, selected sectors.Note) noteHistoryModel {
	d := noteHistoryModel{code: tk.Code, label: tk.Code.Number + " " + common.DisplayName(tk.Name), note: selected}
	d.deleted = deletedNotes(tk)
	return d
}

// deletedNotes are the ticker's deleted notes, the one deleted last first.
func deletedNotes(tk sectors.Ticker) []sectors.Note {
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

func (d noteHistoryModel) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	switch {
	case key.Matches(k, d.keys.Back), key.Matches(k, d.keys.NoteHistory):
		return nil, nil
	case key.Matches(k, d.keys.Up):
		d.choice = max(d.choice-1, 0)
	case key.Matches(k, d.keys.Down):
		d.choice = max(min(d.choice+1, len(d.deleted)-1), 0)
	case key.Matches(k, d.keys.Undelete):
		if d.choice < len(d.deleted) {
			return common.CloseWith(undeleteMsg{code: d.code, id: d.deleted[d.choice].ID}), nil
		}
	}
	return d, nil
}

func (d noteHistoryModel) View() string {
	s, w := d.styles, d.t.Watch
	stamp := func(at time.Time) string { return at.In(d.loc).Format("2006-01-02 15:04") }
	var lines []string
	add := func(str string, style func(...string) string) {
		for _, l := range wrapText(str, max(d.width-4, 8)) {
			lines = append(lines, style("    "+l))
		}
	}
	plain := func(s ...string) string { return strings.Join(s, "") }
	lines = append(lines, s.Title.Render(safetext.Truncate(sprintf(w.NoteHistoryTitle, d.label), d.width)), "")
	lines = append(lines, s.ColHead.Render(w.Versions))
	switch {
	case d.note.ID == 0 || len(d.note.Revisions) == 0:
		lines = append(lines, s.Dim.Render("  "+w.NoVersions))
	default:
		lines = append(lines, "  "+stamp(d.note.Updated))
		for _, l := range strings.Split(safeBlock(d.note.Text), "\n") {
			add(l, plain)
		}
		for i := len(d.note.Revisions) - 1; i >= 0; i-- {
			r := d.note.Revisions[i]
			lines = append(lines, s.Dim.Render("  "+stamp(r.At)))
			for _, l := range strings.Split(safeBlock(r.Text), "\n") {
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
		head := stamp(n.Created) + d.t.Paren(sprintf(w.DeletedAt, stamp(n.Deleted)))
		if i == d.choice {
			selAt = len(lines)
			lines = append(lines, s.Selected.Render(safetext.Truncate("> "+head, d.width)))
		} else {
			lines = append(lines, safetext.Truncate("  "+head, d.width))
		}
		for _, l := range strings.Split(safeBlock(n.Text), "\n") {
			add(l, plain)
		}
	}
	// keep the chosen deleted note on screen
	if d.h > 0 && len(lines) > d.h {
		first := max(0, min(selAt-d.h/2, len(lines)-d.h))
		lines = append(lines[:1:1], lines[first+1:]...)
	}
	return strings.Join(lines, "\n")
}

func (d noteHistoryModel) Placement() common.Placement { return common.InBody }
func (d noteHistoryModel) ShortHelp() []key.Binding {
	return []key.Binding{d.keys.Up, d.keys.Down, d.keys.Undelete, d.keys.Back}
}
func (d noteHistoryModel) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
func (d noteHistoryModel) SetSize(width, height int) common.Dialog {
	d.width, d.h = width, height
	return d
}

// noteSearchModel searches the notes of every ticker (N): type words,
// the notes that hold them appear, enter shows the chosen one in its
// ticker's detail pane.
type noteSearchModel struct {
	input  textinput.Model
	hits   []noteHit
	choice int

	data   *watchData
	loc    *time.Location
	keys   *common.KeyMap
	t      *common.Text
	styles *common.Styles
	width  int
	height int
}

type noteHit struct {
	ticker int // index in data.tickers
	note   sectors.Note
}

// noteJumpMsg asks the root to show note id of code.
type noteJumpMsg struct {
	code market.Code
	id   uint64
}

// maxNoteHits bounds the hits listed.
const maxNoteHits = 200

func newNoteSearch(t *common.Text, s *common.Styles) (noteSearchModel, tea.Cmd) {
	d := noteSearchModel{t: t}
	d.input = common.NewInput(s)
	d.input.Prompt = "> "
	d.input.Placeholder = t.Watch.NoteSearchHint
	d.input.CharLimit = 60
	return d, d.input.Focus()
}

// search finds the live notes holding every word of q, case folded.
func (d *noteSearchModel) search(q string) {
	d.hits, d.choice = nil, 0
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return
	}
	for i := range d.data.tickers {
		for _, n := range d.data.tickers[i].Notes {
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

func (d noteSearchModel) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok: // pasted text, the cursor's blink
	case key.Matches(k, d.keys.Cancel):
		return nil, nil
	case key.Matches(k, d.keys.Confirm):
		if d.choice < len(d.hits) {
			h := d.hits[d.choice]
			return common.CloseWith(noteJumpMsg{code: d.data.tickers[h.ticker].Code, id: h.note.ID}), nil
		}
		return d, nil
	case key.Matches(k, d.keys.ChoosePrev):
		d.choice = max(d.choice-1, 0)
		return d, nil
	case key.Matches(k, d.keys.ChooseNext):
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

func (d noteSearchModel) View() string {
	s, w := d.styles, d.t.Watch
	title := w.NoteSearchTitle
	if strings.TrimSpace(d.input.Value()) != "" {
		title += "  " + sprintf(w.NoteHits, len(d.hits))
	}
	lines := []string{s.Title.Render(safetext.Truncate(title, d.width))}
	d.input.SetWidth(max(d.width-4, 10))
	lines = append(lines, d.input.View())
	if len(d.hits) == 0 && strings.TrimSpace(d.input.Value()) != "" {
		lines = append(lines, "  "+s.Dim.Render(d.t.NoMatch))
	}
	room := max(d.height-len(lines), 1)
	first := 0
	if d.choice >= room {
		first = d.choice - room + 1
	}
	for i := first; i < len(d.hits) && i < first+room; i++ {
		h := d.hits[i]
		tk := &d.data.tickers[h.ticker]
		line := tk.Code.Number + " " + safetext.Fit(common.DisplayName(tk.Name), 10) + " " +
			h.note.Created.In(d.loc).Format("2006-01-02") + " " + safeLine(safetext.FirstLine(h.note.Text))
		line = safetext.Truncate(line, d.width-2)
		if i == d.choice {
			lines = append(lines, s.Selected.Render("> "+line))
		} else {
			lines = append(lines, "  "+line)
		}
	}
	return strings.Join(lines, "\n")
}

func (d noteSearchModel) ShortHelp() []key.Binding {
	return []key.Binding{d.keys.Choose, d.keys.Confirm, d.keys.Cancel}
}
func (d noteSearchModel) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
func (d noteSearchModel) SetSize(width, height int) common.Dialog {
	d.width, d.height = width, height
	return d
}
