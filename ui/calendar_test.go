package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"zixuan/sectors"
)

// The TUI says once, at the start, that the exchanges' notices have run
// out; before the last month it says nothing.
func TestStatusSaysTheCalendarIsProvisional(t *testing.T) {
	st, _ := newTestStore(t)
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		lang, now string
		want      string
	}{
		{"en", "2026-03-02", ""},
		{"en", "2027-03-01", "notices in this build end with 2026"},
		{"zh", "2027-03-01", "交易所休市通知止于2026年"},
		{"zh", "2026-12-10", "交易所休市通知截至2026-12-31"},
	} {
		now, _ := time.ParseInLocation(time.DateOnly, c.now, sectors.China)
		opts := testOptions(t, c.lang)
		opts.Now = func() time.Time { return now.Add(10 * time.Hour) }
		m, err := New(st, opts)
		if err != nil {
			t.Fatal(err)
		}
		m = update(m, tea.WindowSizeMsg{Width: 200, Height: 30})
		view := m.View()
		if c.want == "" {
			if strings.Contains(view, "notices") {
				t.Errorf("%s %s: a calendar note months before the end:\n%s", c.lang, c.now, view)
			}
			continue
		}
		if !strings.Contains(view, c.want) {
			t.Errorf("%s %s: no %q in\n%s", c.lang, c.now, c.want, view)
		}
	}
}
