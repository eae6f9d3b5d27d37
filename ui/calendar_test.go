package ui

import (
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"
)

// The TUI says once, at the start, that the exchanges' notices have run
// out; before the last month it says nothing.
func TestStatusSaysTheCalendarIsProvisional(t *testing.T) {
	st, _ := newTestStore(t)
	for _, c := range []struct {
		lang, now string
		want      string
	}{
		{"en", "2026-03-02", ""},
		{"en", "2027-03-01", "no exchange notice for 2027 yet; sessions by the State Council plan"},
		{"zh", "2027-03-01", "尚无2027年交易所通知"},
		{"zh", "2026-12-10", "交易所通知至2026-12-31，2027年暂按国务院放假安排"},
	} {
		now, _ := time.ParseInLocation(time.DateOnly, c.now, market.China)
		opts := testOptions(t, c.lang)
		opts.Now = func() time.Time { return now.Add(10 * time.Hour) }
		m, err := New(st, opts)
		if err != nil {
			t.Fatal(err)
		}
		m = update(m, tea.WindowSizeMsg{Width: 200, Height: 30})
		view := m.plainView()
		if c.want == "" {
			if strings.Contains(view, "calendar") {
				t.Errorf("%s %s: a calendar note months before the end:\n%s", c.lang, c.now, view)
			}
			continue
		}
		if !strings.Contains(view, c.want) {
			t.Errorf("%s %s: no %q in\n%s", c.lang, c.now, c.want, view)
		}
	}
}
