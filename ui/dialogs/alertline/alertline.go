// Package alertline is the status-line input of a new alert, opened by !
// in the focused detail pane: "above 1700", "below 1500", "change 5",
// "target 1800", "limit", "drawdown 10", "since-call 20", "excess 20",
// "no-note 30", and "until 2026-06-30" after any of them; "target" alone
// is the newest report's target price for the ticker. Enter hands the
// alert, checked as the CLI checks it, to the root (SubmitMsg); a spec
// that does not read says why in the line and stays.
package alertline

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/ui/common"
)

// SubmitMsg is the alert typed, for the root to store: a new one, or
// the new condition of alert ID when the line edits one.
type SubmitMsg struct {
	Alert sectors.Alert
	ID    uint64
}

// Model is the alert line.
type Model struct {
	common.Common
	input   textinput.Model
	code    market.Code
	now     time.Time
	target  float64       // the newest report's target price, for a bare "target"
	last    float64       // the last price when the line opened (0: none): a target already reached is refused
	err     common.Notice // why the spec was refused, until it is changed
	id      uint64        // the alert edited; 0: a new one
	anyCode bool          // a code typed first ("600519 above 1700") is the ticker
}

// New opens the line for an alert on code at now; target is the newest
// report's target price (0: none), last the last price (0: none).
func New(c common.Common, code market.Code, now time.Time, target, last float64) (Model, tea.Cmd) {
	in := common.NewInput(c.Styles)
	in.Prompt = c.T.Alerts.Prompt + " " + code.Key() + ": "
	if code == (market.Code{}) {
		in.Prompt = c.T.Alerts.Prompt + ": "
	}
	in.Placeholder = "above 12.50 / below / change 5 / limit / no-note 30"
	in.CharLimit = 60
	cmd := in.Focus()
	return Model{Common: c, input: in, code: code, now: now, target: target, last: last}, cmd
}

// Editing makes the line edit alert id, its condition spec typed in.
func (l Model) Editing(id uint64, spec string) Model {
	l.id = id
	l.input.Prompt = l.T.Alerts.KEdit + " " + strconv.FormatUint(id, 10) + " " + l.code.Key() + ": "
	l.input.SetValue(spec)
	l.input.CursorEnd()
	return l
}

// AnyCode lets a code typed first choose the ticker: "600519 above 1700".
// A ticker so chosen has no target or last price known to the line.
func (l Model) AnyCode() Model { l.anyCode = true; return l }

// Update reads the keys: enter submits, esc closes.
func (l Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if ok {
		switch {
		case key.Matches(k, l.Keys.Cancel):
			return nil, nil
		case key.Matches(k, l.Keys.Confirm):
			code, spec, target, last := l.code, l.input.Value(), l.target, l.last
			if f := strings.Fields(spec); l.anyCode && len(f) > 0 {
				if c, err := market.ParseCode(f[0]); err == nil {
					code, spec, target, last = c, strings.Join(f[1:], " "), 0, 0
				}
			}
			if code == (market.Code{}) {
				l.err.Say(l.T.Alerts.NoTicker, l.Input())
				return l, nil
			}
			a, err := Parse(code, spec, l.now, target)
			if err == nil {
				err = a.Passed(last)
			}
			if err != nil {
				l.err.Say(err.Error(), l.Input())
				return l, nil
			}
			return common.CloseWith(SubmitMsg{Alert: a, ID: l.id}), nil
		}
	}
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	l.err.Track(l.Input()) // the spec changed: the reason was seen
	return l, cmd
}

// Input is the spec typed (common.Inputter).
func (l Model) Input() string { return l.input.Value() }

// Placement puts the line in the status line.
func (l Model) Placement() common.Placement { return common.InStatusLine }

func (l Model) View() string {
	if e := l.err.Text(); e != "" {
		return l.Styles.Error.Render(safetext.Line(e)) + "  " + l.input.View() // the reason first: the input is padded
	}
	return l.input.View()
}
func (l Model) ShortHelp() []key.Binding  { return []key.Binding{l.Keys.Confirm, l.Keys.Cancel} }
func (l Model) FullHelp() [][]key.Binding { return [][]key.Binding{l.ShortHelp()} }

// SetSize gives the input the status line's width.
func (l Model) SetSize(w, h int) common.Dialog {
	l.Common.SetSize(w, h)
	l.input.SetWidth(max(w-len(l.input.Prompt)-2, 10))
	return l
}

// Spec is a's condition as the line reads it: "above 12.5", "excess 20
// until 2026-06-30".
func Spec(a sectors.Alert) string {
	kind := string(a.Kind)
	if a.Kind == sectors.AlertSinceCall && a.Excess {
		kind = "excess"
	}
	s := kind
	if a.Kind != sectors.AlertLimit {
		s += " " + strconv.FormatFloat(a.Value, 'f', -1, 64)
	}
	if !a.Expires.IsZero() {
		s += " until " + market.ChinaDate(a.Expires)
	}
	return s
}

// Parse reads "above 12.5", "limit", "since-call 20 until 2026-06-30"
// into an alert on code, checked as the CLI checks it; a bare "target"
// takes callTarget, the newest report's target price (0: none).
func Parse(code market.Code, spec string, now time.Time, callTarget float64) (sectors.Alert, error) {
	f := strings.Fields(strings.ToLower(spec))
	var expires time.Time
	if n := len(f); n >= 2 && f[n-2] == "until" {
		d, err := time.ParseInLocation(time.DateOnly, f[n-1], market.China)
		if err != nil {
			return sectors.Alert{}, fmt.Errorf("%q is not a date (YYYY-MM-DD)", f[n-1])
		}
		expires, f = d, f[:n-2]
	}
	if len(f) == 0 {
		return sectors.Alert{}, fmt.Errorf("no kind: above, below, change, since-call, excess, target, drawdown, limit, no-note")
	}
	name, excess := f[0], false
	if name == "excess" {
		name, excess = string(sectors.AlertSinceCall), true
	}
	kind, err := sectors.ParseAlertKind(name)
	if err != nil {
		return sectors.Alert{}, fmt.Errorf("%q is not a kind: above, below, change, since-call, excess, target, drawdown, limit, no-note", safetext.Clip(f[0]))
	}
	value := 0.0
	switch {
	case kind == sectors.AlertLimit && len(f) == 1:
	case kind == sectors.AlertTarget && len(f) == 1:
		if callTarget <= 0 {
			return sectors.Alert{}, fmt.Errorf("no report gives it a target price: give one, such as target 88.50")
		}
		value = callTarget
	case len(f) == 2:
		if value, err = strconv.ParseFloat(strings.TrimSuffix(f[1], "%"), 64); err != nil {
			return sectors.Alert{}, fmt.Errorf("%q is not a number", safetext.Clip(f[1]))
		}
	default:
		return sectors.Alert{}, fmt.Errorf("give the kind and one number, such as: above 12.50")
	}
	a, err := sectors.NewAlert(code, kind, value, expires, now)
	if err != nil {
		return a, errors.New(strings.TrimPrefix(err.Error(), sectors.ErrAlertValue.Error()+": "))
	}
	a.Excess = excess
	return a, nil
}
