package ui

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/ui/notify"
)

// raws runs cmd and what it batches, and gathers what they would write
// to the terminal.
func raws(cmd tea.Cmd) []string {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []string
		for _, c := range msg {
			out = append(out, raws(c)...)
		}
		return out
	case tea.RawMsg:
		return []string{fmt.Sprint(msg.Msg)}
	}
	return nil
}

// A fired alert is told to the desktop beside the bell: the status
// line's words, the name cleaned, in the sequence the config chose.
func TestAFiredAlertIsANotification(t *testing.T) {
	st, _ := newTestStore(t)
	addAlert(t, st, "002230", sectors.AlertAbove, 105)
	if err := st.SetName(market.MustParseCode("002230"), "讯飞\x1b]0;pwned\x07"); err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t, "en")
	opts.Now = func() time.Time { return tradingNow }
	opts.Quotes = &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}
	bells := 0
	opts.Bell = func() { bells++ }
	opts.Notify = notify.Notifier{Mode: notify.OSC9}.Cmd
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = fetch(m)
	var written []string
	for _, j := range m.writes.unsettled() {
		<-j.done
		next, cmd := m.Update(j.res)
		m = next.(Model)
		written = append(written, raws(cmd)...)
	}
	want := "\x1b]9;zixuan: alert: SZ002230 讯飞␛]0;pwned␇ above 105.00 @ 110.00\x07"
	if len(written) != 1 || written[0] != want {
		t.Errorf("written %q, want %q", written, want)
	}
	if bells != 1 {
		t.Errorf("%d bells", bells)
	}
	// the same crossing again: no second notification
	m, _ = fetch(m)
	for _, j := range m.writes.unsettled() {
		<-j.done
		_, cmd := m.Update(j.res)
		if r := raws(cmd); len(r) != 0 {
			t.Errorf("notified again: %q", r)
		}
	}
}
