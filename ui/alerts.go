package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
	"zixuan/store"

	"zixuan/ui/common"
	"zixuan/ui/dialogs/alertline"
)

// Alerts in the TUI. Every quote refresh that brings quotes checks the
// armed alerts against them, through the same service call as `zixuan
// alert check` (every kind, since-call and drawdown on the stored price
// history), in one store write queued on the writer (writes.go), never
// inside Update. What fires is marked in the store (so a cron check does
// not fire it again), shows as a badge on its row and in the status line,
// rings the terminal bell unless the config turns it off (alert_bell
// = false), and gives a desktop notification where the terminal or the
// system offers one (ui/notify; alert_notify in the config). An alert
// that cannot be judged is not touched. A firing is owed to `alert check --exec` as that check's own would be, once a check
// with --exec has run on the database (service.AlertCheck.OweIfDelivering).
//
// Setting and cancelling alerts from the focused detail pane: ! opens the
// alert line (ui/dialogs/alertline), c asks whether to cancel the
// ticker's alerts. The pane lists them (alertState.lines).
//
// The alerts are a part of their own (alertState): the root routes it
// its messages (Model.route) and does what it asks (alertOut).

// alertState is the alerts' part: every alert, the badges of those fired
// and why the last check judged none of some.
type alertState struct {
	list     []sectors.Alert
	badge    map[string]bool                // Code.Key() → a fired alert to show on its row
	busy     bool                           // a check is under way
	again    bool                           // a check was asked for while one was: run one after it
	unjudged map[uint64]service.UnjudgedWhy // by alert id: why the last check did not judge it
	// cache keeps the histories a check read for the next refresh's, at
	// the same store generation; shared by the model's copies, as the
	// render cache is (what it holds is never changed)
	cache *service.HistoryCache
}

// The alerts' messages: from the detail pane and the alert line, a check
// to start and the answers of the store writes.
type (
	openAlertMsg    struct{} // ! in the focused detail pane
	askCancelAlerts struct{} // c in the focused detail pane
	cancelAlertsMsg struct{ code market.Code }
	// alertCheckMsg starts a check against quotes (nil: quotes off, the
	// alerts that need none).
	alertCheckMsg struct{ quotes map[string]sectors.Quote }
	// alertsCheckedMsg is a check's result.
	alertsCheckedMsg struct {
		fired, all []sectors.Alert
		unjudged   map[uint64]service.UnjudgedWhy
		now        time.Time
	}
	alertCheckFailedMsg struct{}
	// alertsStoredMsg: an alert was added, or the alerts of cancelled
	// were removed; all are the alerts after it.
	alertsStoredMsg struct {
		all       []sectors.Alert
		cancelled market.Code
	}
)

// alertIn is what the alerts read of the root for a message.
type alertIn struct {
	c        partCtx
	ctx      common.Common     // for the alert line
	tk       *sectors.Ticker   // the ticker selected; nil: none
	snap     *sectors.Snapshot // the reports, for a bare "target"
	quotes   map[string]sectors.Quote
	canWrite bool // a store and its writer: a check can run
	// sinceLater: the history is still being fetched and stored; the
	// since-call and drawdown alerts wait for the check after it
	sinceLater bool
}

// alertOut is what the alerts ask of the root besides a command.
type alertOut struct {
	say     string
	open    common.Dialog
	openCmd tea.Cmd // what starts open (its cursor's blink)
	ask     string  // a yes/no question whose yes hands action back to the alerts
	action  tea.Msg
	// write is a store write to queue; answer, after it, is handed back
	// to the alerts, and failed when it failed. quiet: no "saving".
	write  writeOp
	answer func() tea.Msg
	failed tea.Msg
	quiet  bool
	cells  bool // the badges changed: the price cells are formatted again
}

// update takes the alerts' messages; handled is false for any other.
func (a *alertState) update(msg tea.Msg, in alertIn) (cmd tea.Cmd, out alertOut, handled bool) {
	if out, ok := a.edit(msg, in); ok { // alertedit.go
		return out.openCmd, out, true
	}
	at := in.c.t.Alerts
	switch msg := msg.(type) {
	case openAlertMsg:
		if in.tk == nil {
			return nil, out, true
		}
		target, last := 0.0, 0.0
		if in.snap != nil {
			if c, ok := in.tk.LatestTarget(in.snap.Reports); ok {
				target = c.Target
			}
		}
		if q, ok := in.quotes[in.tk.Code.Key()]; ok {
			last = q.Last
		}
		line, cmd := alertline.New(in.ctx, in.tk.Code, in.c.o.Now(), target, last)
		return cmd, alertOut{open: line}, true
	case askCancelAlerts:
		if in.tk == nil {
			return nil, out, true
		}
		n := len(a.of(in.tk.Code))
		if n == 0 {
			return nil, alertOut{say: at.None}, true
		}
		return nil, alertOut{ask: fmt.Sprintf(at.AskCancel, n, in.tk.Code.Key()), action: cancelAlertsMsg{code: in.tk.Code}}, true
	case alertline.SubmitMsg:
		if msg.ID != 0 {
			to := msg.Alert
			return nil, a.stored(func(st *store.Store) (sectors.Alert, error) { return st.EditAlert(msg.ID, to) },
				func(al sectors.Alert) string { return fmt.Sprintf(at.Edited, al.ID, al.Code.Key(), al.Describe()) }), true
		}
		var all []sectors.Alert
		out.write = func(st *store.Store) (market.Code, string, error) {
			a, err := st.AddAlert(msg.Alert)
			if err != nil {
				return market.Code{}, "", err
			}
			all, _ = st.Alerts()
			return market.Code{}, fmt.Sprintf(at.Set, a.ID, a.Code.Key(), a.Describe()), nil
		}
		out.answer = func() tea.Msg { return alertsStoredMsg{all: all} }
		return nil, out, true
	case cancelAlertsMsg:
		ids := []uint64{}
		for _, al := range a.of(msg.code) {
			ids = append(ids, al.ID)
		}
		var all []sectors.Alert
		out.write = func(st *store.Store) (market.Code, string, error) {
			for _, id := range ids {
				if _, err := st.RemoveAlert(id); err != nil && !errors.Is(err, store.ErrNotFound) {
					return market.Code{}, "", err
				}
			}
			all, _ = st.Alerts()
			return market.Code{}, fmt.Sprintf(at.Cancelled, len(ids), msg.code.Key()), nil
		}
		out.answer = func() tea.Msg { return alertsStoredMsg{all: all, cancelled: msg.code} }
		return nil, out, true
	case alertsStoredMsg:
		a.list = msg.all
		if msg.cancelled != (market.Code{}) {
			delete(a.badge, msg.cancelled.Key())
			out.cells = true
		}
		return nil, out, true
	case alertCheckMsg:
		return nil, a.check(msg.quotes, in), true
	case alertsCheckedMsg:
		say, bell := a.checked(msg, in)
		out = alertOut{say: say, cells: true}
		if a.again { // asked for while this one ran: on the latest quotes
			a.again = false
			again := a.check(in.quotes, in)
			out.write, out.answer, out.failed, out.quiet = again.write, again.answer, again.failed, again.quiet
		}
		return bell, out, true
	case alertCheckFailedMsg:
		a.busy = false
		if a.again {
			a.again = false
			return nil, a.check(in.quotes, in), true
		}
		return nil, out, true
	}
	return nil, out, false
}

// check is the check of the armed alerts against quotes, to queue on the
// writer; with quotes off (nil), once at the start, of those that need
// none (no-note), as the CLI's offline check does.
func (a *alertState) check(quotes map[string]sectors.Quote, in alertIn) alertOut {
	quotesOn := in.c.o.quotesOn()
	if a.busy {
		a.again = quotesOn // the one under way may have judged on older quotes, or left some for later
		return alertOut{}
	}
	if !in.canWrite || (len(quotes) == 0 && quotesOn) {
		return alertOut{}
	}
	now := in.c.o.Now()
	if quotes == nil && !slices.ContainsFunc(a.list, func(al sectors.Alert) bool {
		return !al.Kind.NeedsQuote() && al.State(now) == sectors.AlertArmed
	}) {
		return alertOut{} // offline, nothing it could judge: no write queued
	}
	a.busy = true
	if a.cache == nil {
		a.cache = &service.HistoryCache{}
	}
	cache := a.cache
	// The op runs on the writer's goroutine while Update goes on: it
	// reads the quotes as they are now, a map never changed once it is
	// the quotes' (quotes.go makes a new one for each round). While the
	// since-call and drawdown alerts wait for the fetch, only the quotes
	// of the others known are kept for it (not a whole market's, while
	// the check waits for its turn); one set meanwhile by another process
	// is judged at the next refresh.
	qs := quotes
	if in.sinceLater {
		qs = map[string]sectors.Quote{}
		for _, al := range a.list {
			if q, ok := quotes[al.Code.Key()]; ok && al.Kind.NeedsQuote() && !service.JudgedOnHistory(al.Kind) {
				qs[al.Code.Key()] = q
			}
		}
	}
	var res alertsCheckedMsg
	sinceLater, jobs := in.sinceLater, in.c.o.jobs
	op := func(st *store.Store) (market.Code, string, error) {
		// in its turn among the background jobs (jobs.go): the check
		// reads a whole market's tickers and histories
		done := jobs.wait()
		defer done()
		svc := service.Service{Store: st, Now: func() time.Time { return now }}
		check := service.AlertCheck{Cache: cache, OweIfDelivering: true, SinceLater: sinceLater}
		if quotes != nil {
			check.Quotes = func([]market.Code) (map[string]sectors.Quote, error) { return qs, nil }
		}
		r, err := svc.CheckAlerts(check)
		if err != nil {
			return market.Code{}, "", err
		}
		res = alertsCheckedMsg{all: r.Alerts, unjudged: map[uint64]service.UnjudgedWhy{}, now: now}
		for _, f := range r.Fired {
			res.fired = append(res.fired, f.Alert)
		}
		for _, u := range r.Unjudged {
			res.unjudged[u.Alert.ID] = u.Why
		}
		return market.Code{}, "", nil
	}
	return alertOut{write: op, answer: func() tea.Msg { return res }, failed: alertCheckFailedMsg{}, quiet: true}
}

// checked takes in a check's result: the badges, what the status line
// says and the bell.
func (a *alertState) checked(msg alertsCheckedMsg, in alertIn) (say string, bell tea.Cmd) {
	a.busy = false
	a.unjudged = msg.unjudged
	a.list = msg.all
	a.badge = map[string]bool{}
	now := msg.now
	today := market.ChinaDate(now)
	for _, al := range msg.all {
		if al.State(now) == sectors.AlertFired || (!al.FiredAt.IsZero() && market.ChinaDate(al.FiredAt) == today) {
			a.badge[al.Code.Key()] = true
		}
	}
	if len(msg.fired) == 0 {
		return "", nil
	}
	names := map[string]string{}
	for _, tk := range in.c.tickers {
		names[tk.Code.Key()] = tk.Name
	}
	at := in.c.t.Alerts
	first := msg.fired[0]
	line := fmt.Sprintf("%s: %s %s %s @ %s", at.Fired, first.Code.Key(), safetext.Line(names[first.Code.Key()]), first.Describe(), price(first.FiredPrice))
	if len(msg.fired) > 1 {
		line += " (" + fmt.Sprintf(at.More, len(msg.fired)-1) + ")"
	}
	line = strings.TrimSpace(line)
	if ring := in.c.o.Bell; ring != nil {
		bell = func() tea.Msg { ring(); return nil }
	}
	if notify := in.c.o.Notify; notify != nil { // beside the bell, a desktop notification
		bell = tea.Batch(bell, notify("zixuan", line))
	}
	return line, bell
}

// alertMark is the row's mark for a ticker with a fired alert.
const alertMark = "!"

func (a *alertState) of(code market.Code) []sectors.Alert {
	var out []sectors.Alert
	for _, al := range a.list {
		if al.Code == code {
			out = append(out, al)
		}
	}
	return out
}

// lines are the detail pane's lines for tk's alerts, none without. In
// the focused pane they are indented for the cursor, which is on the
// alert of id cursor (0: none); sel is that line's index (-1: none).
func (a *alertState) lines(tk *sectors.Ticker, width int, c partCtx, focused bool, cursor uint64) (lines []string, sel int) {
	list := a.of(tk.Code)
	if len(list) == 0 {
		return nil, -1
	}
	s, at := c.s, c.t.Alerts
	now := c.o.Now()
	lines, sel = []string{"", s.ColHead.Render(at.Heading)}, -1
	hint := at.Hint
	if focused {
		hint = at.HintFocused
	}
	for _, al := range list {
		h := c.hist[al.Code.Key()]
		line := fmt.Sprintf("%d %s  %s", al.ID, al.DescribeAt(h.Events, h.Unread, now), at.State(al.State(now)))
		if why, ok := a.unjudged[al.ID]; ok && al.State(now) == sectors.AlertArmed {
			line += " (" + at.NotJudged[why] + ")"
		}
		if !al.FiredAt.IsZero() {
			line += fmt.Sprintf("  %s @ %s", al.FiredAt.In(c.o.Location).Format("2006-01-02 15:04"), price(al.FiredPrice))
		}
		if al.Note != "" {
			line += "  " + safeLine(al.Note)
		}
		switch {
		case focused && al.ID == cursor:
			sel = len(lines)
			lines = append(lines, s.Selected.Render(safetext.Fit("> "+line, width)))
		case focused:
			lines = append(lines, safetext.Truncate("  "+line, width))
		default:
			lines = append(lines, safetext.Truncate(line, width))
		}
	}
	return append(lines, s.Dim.Render(safetext.Truncate(hint, width))), sel
}
