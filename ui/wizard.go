package ui

import (
	"strings"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"

	"zixuan/ui/common"
)

// wizardModel adds a ticker from the whole market, the way a trading
// terminal's keyboard wizard works: type a code, a name or pinyin
// initials; candidates from the securities master appear as you type.
type wizardModel struct {
	input   textinput.Model
	hits    []int // indexes into sectors.Master()
	choice  int
	sector  string // sector id the ticker goes into; "" asks after the choice (All tab)
	onList  map[string]bool
	maxHits int
	fuzzy   bool // fuzzy sounds (Options.FuzzyPinyin)

	keys          *common.KeyMap
	t             *common.Text
	styles        *common.Styles
	title         string
	width, height int
}

type addSubmitMsg struct {
	sec    market.Security
	sector string
}

func newWizard(sector string, onList map[string]bool, t *common.Text, s *common.Styles) (wizardModel, tea.Cmd) {
	w := wizardModel{sector: sector, onList: onList, maxHits: 50}
	w.input = common.NewInput(s)
	w.input.Prompt = "> "
	w.input.Placeholder = t.AddHint
	w.input.CharLimit = 20
	cmd := w.input.Focus()
	return w, cmd
}

func (w wizardModel) update(msg tea.KeyPressMsg, k *common.KeyMap) (wizardModel, tea.Cmd, tea.Msg) {
	switch {
	case key.Matches(msg, k.Cancel):
		return w, nil, common.CancelMsg{}
	case key.Matches(msg, k.Confirm):
		if w.choice < len(w.hits) {
			sec := market.Master()[w.hits[w.choice]]
			if w.sector == "" { // the All tab: the sector is asked for next
				return w, nil, addPickMsg{sec: sec}
			}
			return w, nil, addSubmitMsg{sec: sec, sector: w.sector}
		}
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
func (w wizardModel) typed(msg tea.Msg) (wizardModel, tea.Cmd) {
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

func (w wizardModel) view(title string, t *common.Text, s *common.Styles, width, height int) string {
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
		line := sec.Code.Number + " " + safetext.Fit(displayName(sec.Name), 12) + " " + t.Board(sec.Code.Board())
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

// rank is the market's securities that fit v, best first, by the resolver
// the CLI uses.
func (w *wizardModel) rank(v string) []int {
	if w.fuzzy {
		return rankMatches(market.FuzzyMarketKeys(), market.FuzzyQuery(v), w.maxHits)
	}
	return rankMatches(marketKeys(), v, w.maxHits)
}

// prefill types v into the wizard, as if the user had.
func (w *wizardModel) prefill(v string) {
	w.input.SetValue(v)
	w.input.CursorEnd()
	w.hits, w.choice = w.rank(v), 0
}

// The wizard as a dialog (dialog.go).

func (w wizardModel) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok { // pasted text, the cursor's blink
		w, cmd := w.typed(msg)
		return w, cmd
	}
	w, cmd, act := w.update(k, w.keys)
	return common.Answer(w, act), cmd
}

func (w wizardModel) View() string {
	return w.view(w.title, w.t, w.styles, w.width, w.height)
}
func (w wizardModel) ShortHelp() []key.Binding  { return w.keys.WizardHelp().ShortHelp() }
func (w wizardModel) FullHelp() [][]key.Binding { return w.keys.WizardHelp().FullHelp() }
func (w wizardModel) SetSize(width, height int) common.Dialog {
	w.width, w.height = width, height
	return w
}
