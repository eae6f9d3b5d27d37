package ui

import (
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// The colours follow the background the terminal reports: the dark ones
// until it answers, the light ones once it says it is light, and none at
// all with no colours asked for.
func TestColoursFollowTheTerminalsBackground(t *testing.T) {
	st, _ := newTestStore(t)
	opts := testOptions(t, "en")
	opts.NoColor = false
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	accent := func(m Model) color.Color { return m.styles.App.GetForeground() }
	if accent(m) != lipgloss.Color(colAccent.dark) {
		t.Errorf("before an answer the accent is %v, want the dark one", accent(m))
	}
	m = update(m, tea.BackgroundColorMsg{Color: color.White})
	if accent(m) != lipgloss.Color(colAccent.light) || m.help.Styles.ShortKey.GetForeground() == nil {
		t.Errorf("on a light background the accent is %v, want %s", accent(m), colAccent.light)
	}
	m = update(m, tea.BackgroundColorMsg{Color: color.Black})
	if accent(m) != lipgloss.Color(colAccent.dark) {
		t.Errorf("on a dark background the accent is %v", accent(m))
	}
	plain := newTestModel(t, st, "en", 80, 24)
	plain = update(plain, tea.BackgroundColorMsg{Color: color.White})
	if _, none := plain.styles.App.GetForeground().(lipgloss.NoColor); !none {
		t.Errorf("with no colours the accent is %v", plain.styles.App.GetForeground())
	}
}
