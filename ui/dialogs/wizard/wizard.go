package wizard

import (
	"slices"
	"strings"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// Model is the wizard.
type Model struct {
	common.Common

	input  textinput.Model
	hits   []int // indexes into sectors.Master()
	choice int
	sector string // sector id the ticker goes into; "" asks after the choice (All tab)
	onList map[string]bool
	rank   func(query string) []int // the candidates for a query, best first
	rating sectors.Rating           // given to the ticker added (ctrl+r)

	title string
}

// SubmitMsg asks the root to add Sec to the sector Sector, rated Rating.
type SubmitMsg struct {
	Sec    market.Security
	Sector string
	Rating sectors.Rating
}

// PickMsg says the wizard chose Sec, to be rated Rating, on the All tab:
// the sector is chosen next, never guessed.
type PickMsg struct {
	Sec    market.Security
	Rating sectors.Rating
}

// New is the wizard titled title, adding into the sector with id sector
// ("": asked after the choice); onList marks what is on the list already
// (by Code.Key), rank finds the candidates (indexes into market.Master()).
func New(c common.Common, title, sector string, onList map[string]bool, rank func(query string) []int) (Model, tea.Cmd) {
	t, s := c.T, c.Styles
	w := Model{Common: c, title: title, sector: sector, onList: onList, rank: rank}
	w.input = common.NewInput(s)
	w.input.Prompt = "> "
	w.input.Placeholder = t.AddHint
	w.input.CharLimit = 20
	cmd := w.input.Focus()
	return w, cmd
}

func (w Model) update(msg tea.KeyPressMsg, k *common.KeyMap) (Model, tea.Cmd, tea.Msg) {
	switch {
	case key.Matches(msg, k.Cancel):
		return w, nil, common.CancelMsg{}
	case key.Matches(msg, k.Confirm):
		if w.choice < len(w.hits) {
			sec := market.Master()[w.hits[w.choice]]
			if w.sector == "" { // the All tab: the sector is asked for next
				return w, nil, PickMsg{Sec: sec, Rating: w.rating}
			}
			return w, nil, SubmitMsg{Sec: sec, Sector: w.sector, Rating: w.rating}
		}
		return w, nil, nil
	case key.Matches(msg, k.AddRating):
		// Unrated, then Buy … Sell, then Unrated again
		w.rating = sectors.Ratings[(slices.Index(sectors.Ratings, w.rating)+1)%len(sectors.Ratings)]
		return w, nil, nil
	case key.Matches(msg, k.ChoosePrev):
		if w.choice > 0 {
			w.choice--
		}
		return w, nil, nil
	case key.Matches(msg, k.ChooseNext):
		if w.choice < len(w.hits)-1 {
			w.choice++
		}
		return w, nil, nil
	}
	w, cmd := w.typed(msg)
	return w, cmd, nil
}

// typed gives msg (a key, pasted text) to the input and ranks the
// candidates again when the text changed.
func (w Model) typed(msg tea.Msg) (Model, tea.Cmd) {
	before := w.input.Value()
	var cmd tea.Cmd
	w.input, cmd = w.input.Update(msg)
	if v := w.input.Value(); v != before {
		w.hits, w.choice = nil, 0
		if strings.TrimSpace(v) != "" {
			w.hits = w.rank(v)
		}
	}
	return w, cmd
}

func (w Model) view(title string, t *common.Text, s *common.Styles, width, height int) string {
	if w.rating != sectors.Unrated {
		title += "  " + t.AddRated + t.Colon + t.Rating(w.rating)
	}
	lines := []string{s.Title.Render(safetext.Truncate(title, width))}
	w.input.SetWidth(max(width-4, 10))
	lines = append(lines, w.input.View())
	room := max(height-len(lines), 1)
	first := 0
	if w.choice >= room {
		first = w.choice - room + 1
	}
	master := market.Master()
	if len(w.hits) == 0 && strings.TrimSpace(w.input.Value()) != "" {
		lines = append(lines, "  "+s.Dim.Render(t.NoMatch))
	}
	for i := first; i < len(w.hits) && i < first+room; i++ {
		sec := master[w.hits[i]]
		line := sec.Code.Number + " " + safetext.Fit(common.DisplayName(sec.Name), 12) + " " + t.Board(sec.Code.Board())
		if w.onList[sec.Code.Key()] {
			line += t.Paren(t.OnList)
		}
		line = safetext.Truncate(line, width-2)
		if i == w.choice {
			lines = append(lines, s.Selected.Render("> "+line))
		} else {
			lines = append(lines, "  "+line)
		}
	}
	return strings.Join(lines, "\n")
}

// Prefill types v into the wizard, as if the user had.
func (w *Model) Prefill(v string) {
	w.input.SetValue(v)
	w.input.CursorEnd()
	w.hits, w.choice = w.rank(v), 0
}

// The wizard as a dialog (common.Dialog).

func (w Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok { // pasted text, the cursor's blink
		w, cmd := w.typed(msg)
		return w, cmd
	}
	w, cmd, act := w.update(k, w.Keys)
	return common.Answer(w, act), cmd
}

func (w Model) View() string {
	return w.view(w.title, w.T, w.Styles, w.Width, w.Height)
}
func (w Model) ShortHelp() []key.Binding  { return w.Keys.WizardHelp().ShortHelp() }
func (w Model) FullHelp() [][]key.Binding { return w.Keys.WizardHelp().FullHelp() }
func (w Model) SetSize(width, height int) common.Dialog {
	w.Common.SetSize(width, height)
	return w
}

// Chosen is the candidate highlighted now, if any.
func (w Model) Chosen() (market.Security, bool) {
	if w.choice < len(w.hits) {
		return market.Master()[w.hits[w.choice]], true
	}
	return market.Security{}, false
}

// Query is the text typed so far.
func (w Model) Query() string { return w.input.Value() }

// Hits are the candidates shown, indexes into market.Master(), best first.
func (w Model) Hits() []int { return w.hits }
