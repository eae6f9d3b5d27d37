package ui

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"zixuan/quote"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/store"
)

// Alerts in the TUI. Every quote refresh that brings quotes checks the
// armed alerts against them, as `zixuan alert check` does, in one store
// write queued on the writer (writes.go), never inside Update. What fires
// is marked in the store (so a cron check does not fire it again), shows
// as a badge on its row and in the status line, and rings the terminal
// bell unless the config turns it off (alert_bell = false). Alerts that
// need the daily history (since-call, drawdown) are left to alert check:
// the TUI does not fetch history on every refresh, and an alert that
// cannot be judged is not touched.

// alertState is the root model's alert data.
type alertState struct {
	list  []sectors.Alert
	badge map[string]bool // Code.Key() → a fired alert to show on its row
	busy  bool            // a check is under way
}

// alertText is the alert wording of each language.
type alertText struct {
	Fired, More string
}

var alertTexts = map[string]*alertText{
	"en": {Fired: "alert", More: "and %d more"},
	"zh": {Fired: "预警", More: "另有 %d 条"},
}

func (m *Model) alertT() *alertText {
	if m.t == &textZH {
		return alertTexts["zh"]
	}
	return alertTexts["en"]
}

// checkAlertsCmd queues the check of the armed alerts against quotes.
func (m *Model) checkAlertsCmd(quotes map[string]quote.Quote) tea.Cmd {
	if m.st == nil || m.writes == nil || m.al.busy || len(quotes) == 0 {
		return nil
	}
	m.al.busy = true
	now := m.opts.Now()
	// copies: the op runs on the writer's goroutine while Update goes on
	qs := make(map[string]sectors.AlertQuote, len(quotes))
	names := make(map[string]string, len(quotes))
	for k, q := range quotes {
		qs[k] = q.ForAlerts()
		names[k] = q.Name
	}
	tickers := make(map[string]sectors.Ticker, len(m.data.tickers))
	for _, tk := range m.data.tickers {
		tickers[tk.Code.Key()] = tk
		if names[tk.Code.Key()] == "" {
			names[tk.Code.Key()] = tk.Name
		}
	}
	var fired, all []sectors.Alert
	op := func(st *store.Store) (sectors.Code, string, error) {
		var err error
		if all, err = st.Alerts(); err != nil || !anyArmed(all, now) {
			return sectors.Code{}, "", err // nothing to check: no write
		}
		fired, err = st.ObserveAlerts(func(a *sectors.Alert) (bool, bool) {
			mk := sectors.AlertMarket{Now: now, Name: names[a.Code.Key()]}
			if q, ok := qs[a.Code.Key()]; ok {
				mk.Quote = &q
			}
			if tk, ok := tickers[a.Code.Key()]; ok {
				mk.Ticker = &tk
			}
			f, changed, _ := a.Observe(mk)
			return f, changed
		})
		if err != nil {
			return sectors.Code{}, "", err
		}
		all, err = st.Alerts()
		return sectors.Code{}, "", err
	}
	then := func(mm *Model, _ sectors.Code) tea.Cmd { return mm.alertsChecked(fired, all, now) }
	back := func(mm *Model) { mm.al.busy = false }
	return m.writes.start(op, then, back)
}

// alertsChecked takes in a check's result: the badges, the status line
// and the bell.
func (m *Model) alertsChecked(fired, all []sectors.Alert, now time.Time) tea.Cmd {
	m.al.busy = false
	m.al.list = all
	m.al.badge = map[string]bool{}
	today := sectors.ChinaDate(now)
	for _, a := range all {
		if a.State(now) == sectors.AlertFired || (!a.FiredAt.IsZero() && sectors.ChinaDate(a.FiredAt) == today) {
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
	at := m.alertT()
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

func anyArmed(list []sectors.Alert, now time.Time) bool {
	for _, a := range list {
		if a.State(now) == sectors.AlertArmed {
			return true
		}
	}
	return false
}

// alertMark is the row's mark for a ticker with a fired alert.
const alertMark = "!"
