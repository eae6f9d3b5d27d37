package wizard

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"

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

	// other is a fund or an index the code typed names (the master lists
	// stocks only), shown first; lookup asks the quote server for its
	// name (nil: quotes are off)
	other  *otherSecurity
	lookup func(market.Code) tea.Cmd

	title string
}

// otherSecurity is a fund or an index typed by its code, and what is
// known of its name.
type otherSecurity struct {
	code   market.Code
	name   string // the quote server's, or zixuan's own for a known index
	asking bool
	err    error // the server's answer had no name: service.ErrNotQuoted, ErrQuotesOff or the fetch's error
}

// SubmitMsg asks the root to add Sec to the sector Sector, rated Rating;
// with NewSector the sector of that name is created with it.
type SubmitMsg struct {
	Sec       market.Security
	Sector    string
	NewSector string
	Rating    sectors.Rating
	// QuoteName is the quote server's name of a code the master does not
	// list (a fund, an index), kept with the ticker
	QuoteName string
}

// PickMsg says the wizard chose Sec, to be rated Rating, on the All tab:
// the sector is chosen next, never guessed.
type PickMsg struct {
	Sec       market.Security
	Rating    sectors.Rating
	QuoteName string
}

// NameMsg is the quote server's answer for a code the master does not
// list: its name, or why there is none (lookup's command returns it).
type NameMsg struct {
	Code market.Code
	Name string
	Err  error
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

// WithLookup lets the wizard add a fund or an index the master does not
// list: lookup is the command that asks the quote server for its name,
// answering a NameMsg; without it (quotes off) such a code is refused in
// a line that says why.
func (w Model) WithLookup(lookup func(market.Code) tea.Cmd) Model {
	w.lookup = lookup
	return w
}

// count is how many candidates are shown: the fund or index typed, then
// the master's.
func (w Model) count() int {
	if w.other != nil {
		return len(w.hits) + 1
	}
	return len(w.hits)
}

// choose answers enter on the candidate chosen.
func (w Model) choose() (Model, tea.Cmd, tea.Msg) {
	var sec market.Security
	quoteName := ""
	switch {
	case w.choice >= w.count():
		return w, nil, nil
	case w.other != nil && w.choice == 0:
		o := w.other
		switch {
		case o.asking:
			return w, nil, nil
		case o.err != nil && w.lookup != nil && !errors.Is(o.err, service.ErrNotQuoted):
			// the server did not answer: ask again (a copy: the wizard as
			// it was before the key shares the old one)
			again := otherSecurity{code: o.code, asking: true}
			w.other = &again
			return w, w.lookup(o.code), nil
		case o.name == "":
			return w, nil, nil // the line says why
		}
		sec = market.Security{Code: o.code, Name: o.name}
		if service.NeedsQuoteName(o.code) {
			quoteName = o.name
		}
	default:
		sec = market.Master()[w.hits[w.choice-w.offset()]]
	}
	if w.sector == "" { // the All tab: the sector is asked for next
		return w, nil, PickMsg{Sec: sec, Rating: w.rating, QuoteName: quoteName}
	}
	return w, nil, SubmitMsg{Sec: sec, Sector: w.sector, Rating: w.rating, QuoteName: quoteName}
}

// offset is where the master's candidates start among those shown.
func (w Model) offset() int {
	if w.other != nil {
		return 1
	}
	return 0
}

// typedOther is the fund or index the text v names by its code, asking
// the quote server for its name when zixuan does not know it.
func (w Model) typedOther(v string) (*otherSecurity, tea.Cmd) {
	code, err := market.ParseSecurity(strings.TrimSpace(v))
	if err != nil || code.IsStock() {
		return nil, nil
	}
	if _, listed := market.LookupMaster(code); listed {
		return nil, nil // among the master's candidates
	}
	o := &otherSecurity{code: code}
	switch {
	case !service.NeedsQuoteName(code):
		o.name = market.Indexes[code.Key()]
	case w.lookup == nil:
		o.err = service.ErrQuotesOff
	default:
		o.asking = true
		return o, w.lookup(code)
	}
	return o, nil
}

// named takes in the quote server's answer for the code typed.
func (w Model) named(msg NameMsg) Model {
	if w.other == nil || w.other.code != msg.Code {
		return w // typed on since: the answer is for another code
	}
	o := *w.other
	o.asking, o.name, o.err = false, msg.Name, msg.Err
	if o.name == "" && o.err == nil {
		o.err = service.ErrNotQuoted
	}
	w.other = &o
	return w
}

// otherLine is the candidate line of a fund or index typed.
func (w Model) otherLine(t *common.Text) string {
	o := w.other
	kind := string(o.code.Kind())
	if t.ZH {
		kind = o.code.Kind().Chinese()
	}
	label := strings.ToLower(o.code.Key()) // as the exchange is typed: sh000300
	switch {
	case o.asking:
		return label + " " + kind + "  " + t.Wizard.Asking
	case errors.Is(o.err, service.ErrQuotesOff):
		return fmt.Sprintf(t.Wizard.Offline, label+" "+kind)
	case errors.Is(o.err, service.ErrNotQuoted):
		return fmt.Sprintf(t.Wizard.Unknown, label)
	case o.err != nil:
		return label + " " + kind + "  " + fmt.Sprintf(t.Wizard.Failed, quote.Status(o.err))
	}
	line := label + " " + common.DisplayName(o.name) + " " + kind // a fund's name is long: whole
	if w.onList[o.code.Key()] {
		line += t.Paren(t.OnList)
	}
	return line
}

// Input is what is typed, the candidate chosen and the rating
// (common.Inputter).
func (w Model) Input() string {
	return w.input.Value() + "\x00" + strconv.Itoa(w.choice) + "\x00" + w.rating.ID()
}

func (w Model) update(msg tea.KeyPressMsg, k *common.KeyMap) (Model, tea.Cmd, tea.Msg) {
	switch {
	case key.Matches(msg, k.Cancel):
		return w, nil, common.CancelMsg{}
	case key.Matches(msg, k.Confirm):
		return w.choose()
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
		if w.choice < w.count()-1 {
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
		var ask tea.Cmd
		w.hits, w.choice, w.other = nil, 0, nil
		if strings.TrimSpace(v) != "" {
			w.hits = w.rank(v)
			w.other, ask = w.typedOther(v)
		}
		cmd = tea.Batch(cmd, ask)
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
	if w.count() == 0 && strings.TrimSpace(w.input.Value()) != "" {
		lines = append(lines, "  "+s.Dim.Render(t.NoMatch))
	}
	for i := first; i < w.count() && i < first+room; i++ {
		var line string
		if i < w.offset() {
			line = w.otherLine(t)
		} else {
			sec := master[w.hits[i-w.offset()]]
			line = sec.Code.Number + " " + safetext.Fit(common.DisplayName(sec.Name), 12) + " " + t.Board(sec.Code.Board())
			if w.onList[sec.Code.Key()] {
				line += t.Paren(t.OnList)
			}
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

// Prefill types v into the wizard, as if the user had; the command asks
// for the name of a fund or an index v names.
func (w *Model) Prefill(v string) tea.Cmd {
	w.input.SetValue(v)
	w.input.CursorEnd()
	var ask tea.Cmd
	w.hits, w.choice = w.rank(v), 0
	w.other, ask = w.typedOther(v)
	return ask
}

// The wizard as a dialog (common.Dialog).

func (w Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	if n, ok := msg.(NameMsg); ok {
		return w.named(n), nil
	}
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

// Chosen is the candidate highlighted now, if any (a fund or an index
// typed with the name known so far).
func (w Model) Chosen() (market.Security, bool) {
	switch {
	case w.choice >= w.count():
		return market.Security{}, false
	case w.choice < w.offset():
		return market.Security{Code: w.other.code, Name: w.other.name}, true
	}
	return market.Master()[w.hits[w.choice-w.offset()]], true
}

// Query is the text typed so far.
func (w Model) Query() string { return w.input.Value() }

// Hits are the candidates shown, indexes into market.Master(), best first.
func (w Model) Hits() []int { return w.hits }
