package ui

import (
	"image/color"
	"testing"

	"zixuan/ui/common"

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
	darkAccent := common.NewStyles(false, true).App.GetForeground()
	lightAccent := common.NewStyles(false, false).App.GetForeground()
	if darkAccent == lightAccent {
		t.Fatal("the accent is the same on both backgrounds")
	}
	if accent(m) != darkAccent {
		t.Errorf("before an answer the accent is %v, want the dark one", accent(m))
	}
	m = update(m, tea.BackgroundColorMsg{Color: color.White})
	if accent(m) != lightAccent || m.help.Styles.ShortKey.GetForeground() == nil {
		t.Errorf("on a light background the accent is %v, want %v", accent(m), lightAccent)
	}
	m = update(m, tea.BackgroundColorMsg{Color: color.Black})
	if accent(m) != darkAccent {
		t.Errorf("on a dark background the accent is %v", accent(m))
	}
	plain := newTestModel(t, st, "en", 80, 24)
	plain = update(plain, tea.BackgroundColorMsg{Color: color.White})
	if _, none := plain.styles.App.GetForeground().(lipgloss.NoColor); !none {
		t.Errorf("with no colours the accent is %v", plain.styles.App.GetForeground())
	}
}
