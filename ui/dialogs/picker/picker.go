package picker

import (
	"fmt"
	"strconv"
	"strings"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// Model is the picker. The current rating is marked and said to be.
type Model struct {
	common.Common

	code     market.Code
	label    string
	from     sectors.Rating
	choice   int  // index into sectors.Ratings
	inReason bool // the reason has the keys
	reason   textinput.Model

	ask bool // esc on a typed reason: asking before it is thrown away

}

// SubmitMsg asks the root to set the rating.
type SubmitMsg struct {
	Code   market.Code
	Rating sectors.Rating
	Reason string
}

// New picks a rating for code (label: its code and name), now from.
func New(c common.Common, code market.Code, label string, from sectors.Rating) (Model, tea.Cmd) {
	t, s := c.T, c.Styles
	p := Model{Common: c, code: code, label: label, from: from}
	for i, r := range sectors.Ratings {
		if r == from {
			p.choice = i
		}
	}
	p.reason = common.NewInput(s)
	p.reason.Prompt = t.Reason + t.Colon
	p.reason.Placeholder = t.ReasonHint
	p.reason.CharLimit = 1000
	return p, nil
}

func (p Model) update(msg tea.KeyPressMsg, k *common.KeyMap) (Model, tea.Cmd, tea.Msg) {
	n := len(sectors.Ratings)
	if p.ask { // "discard what you typed?"
		switch {
		case key.Matches(msg, k.Yes):
			return p, nil, common.CancelMsg{}
		case key.Matches(msg, k.No), key.Matches(msg, k.Cancel):
			p.ask = false
		}
		return p, nil, nil
	}
	switch {
	case key.Matches(msg, k.Cancel), key.Matches(msg, k.ForceQuit):
		if p.HasDraft() {
			p.ask = true
			return p, nil, nil
		}
		return p, nil, common.CancelMsg{}
	case key.Matches(msg, k.Confirm):
		return p, nil, SubmitMsg{Code: p.code, Rating: sectors.Ratings[p.choice], Reason: strings.TrimSpace(p.reason.Value())}
	case key.Matches(msg, k.ReasonFocus):
		p.inReason = !p.inReason
		if p.inReason {
			return p, p.reason.Focus(), nil
		}
		p.reason.Blur()
		return p, nil, nil
	case p.inReason:
		// every other key is the reason's ("2025年报…" picks no rating)
		var cmd tea.Cmd
		p.reason, cmd = p.reason.Update(msg)
		return p, cmd, nil
	case key.Matches(msg, k.Up):
		p.choice = (p.choice + n - 1) % n
	case key.Matches(msg, k.Down):
		p.choice = (p.choice + 1) % n
	case key.Matches(msg, k.Ratings):
		p.choice = int(msg.Code - '1')
	}
	return p, nil, nil
}

// HasDraft reports whether closing the picker would throw a typed reason away.
func (p Model) HasDraft() bool { return strings.TrimSpace(p.reason.Value()) != "" }

func (p Model) view(t *common.Text, s *common.Styles, width int) string {
	var b strings.Builder
	if p.ask {
		b.WriteString(s.Error.Render(safetext.Truncate(t.ConfirmDiscard, width)))
	} else {
		b.WriteString(s.Title.Render(safetext.Truncate(fmt.Sprintf(t.RatePrompt, p.label), width)))
	}
	b.WriteString("\n")
	// On a short screen the ratings shown are a window that keeps the
	// choice in sight, between the title and the reason's line.
	first, last := 0, len(sectors.Ratings)
	if room := max(p.Height-2, 1); p.Height > 0 && room < last {
		first = min(max(p.choice-room+1, 0), last-room)
		last = first + room
	}
	for i := first; i < last; i++ {
		r := sectors.Ratings[i]
		mark := "  "
		label := t.Rating(r)
		if r == p.from {
			label += " *" + t.Paren(t.Watch.Current)
		}
		line := mark + string(rune('1'+i)) + " " + label
		if i == p.choice {
			line = s.Selected.Render("> " + string(rune('1'+i)) + " " + label)
		} else {
			line = s.Rating[r].Render(line)
		}
		b.WriteString(line + "\n")
	}
	p.reason.SetWidth(max(width-safetext.Width(p.reason.Prompt)-2, 10))
	if p.inReason {
		b.WriteString(p.reason.View())
	} else {
		b.WriteString(s.Dim.Render(safetext.Truncate(p.reason.Prompt+p.reasonOrHint(t), width)))
	}
	return b.String()
}

// reasonOrHint is the reason typed, or how to type one.
func (p Model) reasonOrHint(t *common.Text) string {
	if v := p.reason.Value(); v != "" {
		return safetext.Line(v)
	}
	return t.Watch.ReasonTab
}

// The picker as a dialog (common.Dialog).

func (p Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		p.reason, cmd = p.reason.Update(msg)
		return p, cmd
	}
	p, cmd, act := p.update(k, p.Keys)
	return common.Answer(p, act), cmd
}

func (p Model) View() string { return p.view(p.T, p.Styles, p.Width) }

// Input is the rating chosen and the reason typed (common.Inputter):
// going into the reason and back changes neither.
func (p Model) Input() string { return strconv.Itoa(p.choice) + "\x00" + p.reason.Value() }
func (p Model) ShortHelp() []key.Binding {
	if p.inReason {
		return p.Keys.PickerReasonHelp().ShortHelp()
	}
	return p.Keys.PickerHelp().ShortHelp()
}
func (p Model) FullHelp() [][]key.Binding               { return p.Keys.PickerHelp().FullHelp() }
func (p Model) SetSize(width, height int) common.Dialog { p.Common.SetSize(width, height); return p }

func (Model) WritesStore() {}

// Choice is the index into sectors.Ratings chosen now.
func (p Model) Choice() int { return p.choice }

// Reason is the reason typed so far.
func (p Model) Reason() string { return p.reason.Value() }
