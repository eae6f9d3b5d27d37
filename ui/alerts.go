package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/store"

	"zixuan/ui/common"
)

// Alerts in the TUI. Every quote refresh that brings quotes checks the
// armed alerts against them, through the same service call as `zixuan
// alert check` (every kind, since-call and drawdown on the stored price
// history), in one store write queued on the writer (writes.go), never
// inside Update. What fires is marked in the store (so a cron check does
// not fire it again), shows as a badge on its row and in the status line,
// and rings the terminal bell unless the config turns it off (alert_bell
// = false). An alert that cannot be judged is not touched. Delivery to a
// command (--exec) stays with alert check.

// alertState is the root model's alert data.
type alertState struct {
	list     []sectors.Alert
	badge    map[string]bool                // Code.Key() → a fired alert to show on its row
	busy     bool                           // a check is under way
	unjudged map[uint64]service.UnjudgedWhy // by alert id: why the last check did not judge it
}

func (m *Model) alertT() *common.AlertText { return m.t.Alerts }

// checkAlertsCmd queues the check of the armed alerts against quotes;
// with quotes off (nil), once at the start, of those that need none
// (no-note), as the CLI's offline check does.
func (m *Model) checkAlertsCmd(quotes map[string]sectors.Quote) tea.Cmd {
	if m.st == nil || m.writes == nil || m.al.busy || (len(quotes) == 0 && m.quotesOn()) {
		return nil
	}
	now := m.opts.Now()
	if quotes == nil && !slices.ContainsFunc(m.al.list, func(a sectors.Alert) bool {
		return !a.Kind.NeedsQuote() && a.State(now) == sectors.AlertArmed
	}) {
		return nil // offline, nothing it could judge: no write queued
	}
	m.al.busy = true
	// a copy: the op runs on the writer's goroutine while Update goes on
	qs := make(map[string]sectors.Quote, len(quotes))
	for k, q := range quotes {
		qs[k] = q
	}
	var fired, all []sectors.Alert
	var unjudged map[uint64]service.UnjudgedWhy
	op := func(st *store.Store) (market.Code, string, error) {
		svc := service.Service{Store: st, Now: func() time.Time { return now }}
		check := service.AlertCheck{}
		if quotes != nil {
			check.Quotes = func([]market.Code) (map[string]sectors.Quote, error) { return qs, nil }
		}
		res, err := svc.CheckAlerts(check)
		if err != nil {
			return market.Code{}, "", err
		}
		for _, f := range res.Fired {
			fired = append(fired, f.Alert)
		}
		all = res.Alerts
		unjudged = map[uint64]service.UnjudgedWhy{}
		for _, u := range res.Unjudged {
			unjudged[u.Alert.ID] = u.Why
		}
		return market.Code{}, "", nil
	}
	then := func(mm *Model, _ market.Code) tea.Cmd {
		mm.al.unjudged = unjudged
		return mm.alertsChecked(fired, all, now)
	}
	back := func(mm *Model) { mm.al.busy = false }
	return m.writes.start(op, then, back)
}

// alertsChecked takes in a check's result: the badges, the status line
// and the bell.
func (m *Model) alertsChecked(fired, all []sectors.Alert, now time.Time) tea.Cmd {
	m.al.busy = false
	m.al.list = all
	m.al.badge = map[string]bool{}
	today := market.ChinaDate(now)
	for _, a := range all {
		if a.State(now) == sectors.AlertFired || (!a.FiredAt.IsZero() && market.ChinaDate(a.FiredAt) == today) {
			m.al.badge[a.Code.Key()] = true
		}
	}
	m.buildCells()
	if len(fired) == 0 {
		return nil
	}
	names := map[string]string{}
	for _, tk := range m.data.tickers {
		names[tk.Code.Key()] = tk.Name
	}
	at := m.t.Alerts
	first := fired[0]
	line := fmt.Sprintf("%s: %s %s %s @ %s", at.Fired, first.Code.Key(), safetext.Line(names[first.Code.Key()]), first.Describe(), price(first.FiredPrice))
	if len(fired) > 1 {
		line += " (" + fmt.Sprintf(at.More, len(fired)-1) + ")"
	}
	m.say("%s", strings.TrimSpace(line))
	if m.opts.Bell != nil {
		bell := m.opts.Bell
		return func() tea.Msg { bell(); return nil }
	}
	return nil
}

// alertMark is the row's mark for a ticker with a fired alert.
const alertMark = "!"

// Setting and cancelling alerts from the focused detail pane: ! opens a
// line in the status bar for the alert ("above 1700", "below 1500",
// "change 5", "target 1800", "limit", "drawdown 10", "since-call 20",
// "excess 20", "no-note 30", and "until 2026-06-30" after any of them;
// "target" alone is the newest report's target price for the ticker),
// c asks whether to cancel the ticker's alerts. The pane lists them.

// What the detail pane and the alert line ask of the root.
type (
	openAlertMsg    struct{} // ! in the focused detail pane
	askCancelAlerts struct{} // c in the focused detail pane
	alertSubmitMsg  struct{ alert sectors.Alert }
	cancelAlertsMsg struct{ code market.Code }
)

// alertLine is the status-line input of a new alert.
type alertLine struct {
	input  textinput.Model
	code   market.Code
	now    time.Time
	target float64 // the newest report's target price, for a bare "target"
	last   float64 // the last price when the line opened (0: none): a target already reached is refused
	err    string
	keys   *common.KeyMap
	style  *common.Styles
}

func (m *Model) openAlertLine() (tea.Model, tea.Cmd) {
	tk, ok := m.selected()
	if !ok {
		return *m, nil
	}
	in := common.NewInput(&m.styles)
	in.Prompt = m.t.Alerts.Prompt + " " + tk.Code.Key() + ": "
	in.Placeholder = "above 12.50 / below / change 5 / limit / no-note 30"
	in.CharLimit = 60
	cmd := in.Focus()
	line := alertLine{input: in, code: tk.Code, now: m.opts.Now(), keys: m.keys, style: m.dialogStyles()}
	if m.hs.snap != nil {
		if c, ok := tk.LatestTarget(m.hs.snap.Reports); ok {
			line.target = c.Target
		}
	}
	if q, ok := m.qs.quotes[tk.Code.Key()]; ok {
		line.last = q.Last
	}
	m.push(line)
	return *m, cmd
}

func (l alertLine) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if ok {
		switch {
		case key.Matches(k, l.keys.Cancel):
			return nil, nil
		case key.Matches(k, l.keys.Confirm):
			a, err := parseAlertSpecWith(l.code, l.input.Value(), l.now, l.target)
			if err == nil {
				err = a.Passed(l.last)
			}
			if err != nil {
				l.err = err.Error()
				return l, nil
			}
			return common.CloseWith(alertSubmitMsg{alert: a}), nil
		}
		l.err = "" // typing again: the reason was seen
	}
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	return l, cmd
}

func (l alertLine) Placement() common.Placement { return common.InStatusLine }
func (l alertLine) View() string {
	if l.err != "" {
		return l.style.Error.Render(safeLine(l.err)) + "  " + l.input.View() // the reason first: the input is padded
	}
	return l.input.View()
}
func (l alertLine) ShortHelp() []key.Binding  { return []key.Binding{l.keys.Confirm, l.keys.Cancel} }
func (l alertLine) FullHelp() [][]key.Binding { return [][]key.Binding{l.ShortHelp()} }
func (l alertLine) SetSize(w, _ int) common.Dialog {
	l.input.SetWidth(max(w-len(l.input.Prompt)-2, 10))
	return l
}

// parseAlertSpec reads "above 12.5", "limit", "since-call 20 until
// 2026-06-30" into an alert on code, checked as the CLI checks it.
func parseAlertSpec(code market.Code, spec string, now time.Time) (sectors.Alert, error) {
	return parseAlertSpecWith(code, spec, now, 0)
}

// parseAlertSpecWith is parseAlertSpec where a bare "target" takes
// callTarget, the newest report's target price for the ticker (0: none).
func parseAlertSpecWith(code market.Code, spec string, now time.Time, callTarget float64) (sectors.Alert, error) {
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

// alertAsked handles the alert messages of the detail pane and the alert
// line; ok is false for any other message.
func (m Model) alertAsked(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case openAlertMsg:
		next, cmd := m.openAlertLine()
		return next, cmd, true
	case askCancelAlerts:
		tk, ok := m.selected()
		if !ok {
			return m, nil, true
		}
		n := len(m.alertsOf(tk.Code))
		if n == 0 {
			m.say("%s", m.t.Alerts.None)
			return m, nil, true
		}
		m.ask(fmt.Sprintf(m.t.Alerts.AskCancel, n, tk.Code.Key()), cancelAlertsMsg{code: tk.Code})
		return m, nil, true
	case alertSubmitMsg:
		at := m.t.Alerts
		var all []sectors.Alert
		cmd := m.write(func(st *store.Store) (market.Code, string, error) {
			a, err := st.AddAlert(msg.alert)
			if err != nil {
				return market.Code{}, "", err
			}
			all, _ = st.Alerts()
			return market.Code{}, fmt.Sprintf(at.Set, a.ID, a.Code.Key(), a.Describe()), nil
		}, func(mm *Model, _ market.Code) tea.Cmd { mm.al.list = all; return nil }, nil)
		return m, cmd, true
	case cancelAlertsMsg:
		at := m.t.Alerts
		ids := []uint64{}
		for _, a := range m.alertsOf(msg.code) {
			ids = append(ids, a.ID)
		}
		var all []sectors.Alert
		cmd := m.write(func(st *store.Store) (market.Code, string, error) {
			for _, id := range ids {
				if _, err := st.RemoveAlert(id); err != nil && !errors.Is(err, store.ErrNotFound) {
					return market.Code{}, "", err
				}
			}
			all, _ = st.Alerts()
			return market.Code{}, fmt.Sprintf(at.Cancelled, len(ids), msg.code.Key()), nil
		}, func(mm *Model, _ market.Code) tea.Cmd {
			mm.al.list = all
			delete(mm.al.badge, msg.code.Key())
			mm.buildCells()
			return nil
		}, nil)
		return m, cmd, true
	}
	return m, nil, false
}

func (m *Model) alertsOf(code market.Code) []sectors.Alert {
	var out []sectors.Alert
	for _, a := range m.al.list {
		if a.Code == code {
			out = append(out, a)
		}
	}
	return out
}

// alertLines are the detail pane's lines for tk's alerts; none without.
func (m *Model) alertLines(tk *sectors.Ticker, width int) []string {
	list := m.alertsOf(tk.Code)
	if len(list) == 0 {
		return nil
	}
	s, at := &m.styles, m.t.Alerts
	now := m.opts.Now()
	lines := []string{"", s.ColHead.Render(at.Heading)}
	for _, a := range list {
		line := fmt.Sprintf("%d %s  %s", a.ID, a.DescribeAt(m.hs.hist[a.Code.Key()].Events, m.hs.hist[a.Code.Key()].Unread, now), at.State(a.State(now)))
		if why, ok := m.al.unjudged[a.ID]; ok && a.State(now) == sectors.AlertArmed {
			line += " (" + at.NotJudged[why] + ")"
		}
		if !a.FiredAt.IsZero() {
			line += fmt.Sprintf("  %s @ %s", a.FiredAt.In(m.opts.Location).Format("2006-01-02 15:04"), price(a.FiredPrice))
		}
		if a.Note != "" {
			line += "  " + safeLine(a.Note)
		}
		lines = append(lines, safetext.Truncate(line, width))
	}
	return append(lines, s.Dim.Render(safetext.Truncate(at.Hint, width)))
}
