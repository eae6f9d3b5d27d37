package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"

	"zixuan/ui/dialogs/alertline"
	alertsview "zixuan/ui/views/alerts"
)

// Alerts one by one, from the alerts view (ui/views/alerts): the alert
// line to add or edit one, a question before deleting one, a re-arm and
// switching one off or on, each one store write queued on the writer.
// The store refuses what cannot fire as set (a bad value, a passed
// expiry, a no-note alert on a ticker not rated buy) and its reason is
// the status line's; the alerts after a write go back to the view.

type (
	// removeAlertMsg deletes one alert, confirmed.
	removeAlertMsg struct{ id uint64 }
	// openTickerAlertsMsg opens the alerts view over the selected
	// ticker's alerts (A in the focused detail pane).
	openTickerAlertsMsg struct{}
)

// edit takes the alerts view's messages and those that follow them;
// handled is false for any other.
func (a *alertState) edit(msg tea.Msg, in alertIn) (out alertOut, handled bool) {
	at := in.c.t.Alerts
	switch msg := msg.(type) {
	case openTickerAlertsMsg:
		if in.tk == nil {
			return out, true
		}
		d := alertsview.Data{List: a.list, Names: map[string]string{}, Now: in.c.o.Now(), Location: in.c.o.Location}
		for _, tk := range in.c.tickers {
			d.Names[tk.Code.Key()] = tk.Name
		}
		return alertOut{open: alertsview.ForTicker(in.ctx, d, in.tk.Code)}, true
	case alertsview.AddMsg:
		target, last := a.levels(msg.Code, in)
		line, cmd := alertline.New(in.ctx, msg.Code, in.c.o.Now(), target, last)
		return alertOut{open: line.AnyCode(), openCmd: cmd}, true
	case alertsview.EditMsg:
		target, last := a.levels(msg.Alert.Code, in)
		line, cmd := alertline.New(in.ctx, msg.Alert.Code, in.c.o.Now(), target, last)
		return alertOut{open: line.Editing(msg.Alert.ID, alertline.Spec(msg.Alert)), openCmd: cmd}, true
	case alertsview.DeleteMsg:
		al := msg.Alert
		return alertOut{ask: fmt.Sprintf(at.AskDelete, al.ID, al.Code.Key(), al.Describe()), action: removeAlertMsg{id: al.ID}}, true
	case removeAlertMsg:
		return a.stored(func(st *store.Store) (sectors.Alert, error) { return st.RemoveAlert(msg.id) },
			func(al sectors.Alert) string { return fmt.Sprintf(at.Deleted, al.ID) }), true
	case alertsview.RearmMsg:
		return a.stored(func(st *store.Store) (sectors.Alert, error) { return st.RearmAlert(msg.Alert.ID, time.Time{}) },
			func(al sectors.Alert) string { return fmt.Sprintf(at.Rearmed, al.ID) }), true
	case alertsview.EnableMsg:
		return a.stored(func(st *store.Store) (sectors.Alert, error) { return st.EnableAlert(msg.Alert.ID, msg.On) },
			func(al sectors.Alert) string {
				if al.Disabled {
					return fmt.Sprintf(at.SwitchedOff, al.ID)
				}
				return fmt.Sprintf(at.SwitchedOn, al.ID)
			}), true
	}
	return out, false
}

// stored is a write of one alert, saying said of it, the alerts after it
// handed back.
func (a *alertState) stored(do func(*store.Store) (sectors.Alert, error), said func(sectors.Alert) string) alertOut {
	var all []sectors.Alert
	out := alertOut{write: func(st *store.Store) (market.Code, string, error) {
		al, err := do(st)
		if err != nil {
			return market.Code{}, "", err
		}
		all, _ = st.Alerts()
		return market.Code{}, said(al), nil
	}}
	out.answer = func() tea.Msg { return alertsStoredMsg{all: all} }
	return out
}

// levels are the newest report's target price for code and its last
// price, for the alert line (0: not known).
func (a *alertState) levels(code market.Code, in alertIn) (target, last float64) {
	if code == (market.Code{}) {
		return 0, 0
	}
	if in.snap != nil {
		for i := range in.c.tickers {
			if tk := &in.c.tickers[i]; tk.Code == code {
				if c, ok := tk.LatestTarget(in.snap.Reports); ok {
					target = c.Target
				}
			}
		}
	}
	if q, ok := in.quotes[code.Key()]; ok {
		last = q.Last
	}
	return target, last
}

// alertsViewData is what the alerts view shows.
func alertsViewData(al *alertState, data *watchData, selected market.Code, o *Options) alertsview.Data {
	d := alertsview.Data{List: al.list, Names: map[string]string{}, Selected: selected, Now: o.Now(), Location: o.Location}
	for _, tk := range data.tickers {
		d.Names[tk.Code.Key()] = tk.Name
	}
	return d
}
