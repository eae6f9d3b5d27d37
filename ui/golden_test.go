package ui

import (
	"strings"
	"testing"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"
	goldenfile "github.com/charmbracelet/x/exp/golden"
	"github.com/mattn/go-runewidth"

	"zixuan/safetext"
	"zixuan/sectors"
)

// golden builds the model at w x h, sends keys as the program would hand
// them over, and compares the screen with testdata/<TestName>.golden
// (refresh with go test ./ui -update).
func golden(t *testing.T, lang string, w, h int, prepare func(m *Model), keys ...string) {
	t.Helper()
	st, _ := newTestStore(t)
	tk := market.MustParseCode("688111")
	if _, err := st.AddNote(tk, "Q1 revenue +20%, WPS AI paying users growing.\nWatch the July update."); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetRating(tk, sectors.Buy, sectors.SourceUser, "AI subscriptions"); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, st, lang, w, h)
	if prepare != nil {
		prepare(&m)
	}
	m = update(m, tea.WindowSizeMsg{Width: w, Height: h})
	m = press(m, keys...)
	view := m.plainView()
	checkFrame(t, view, w, h)
	goldenfile.RequireEqual(t, view)
}

// checkFrame asserts the screen is exactly w x h cells.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if safetext.Width(l) > w {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i, safetext.Width(l), w, l)
		}
	}
}

func selectKinsoft(m *Model) { m.selectKey("SH688111") }

func TestGoldenMain(t *testing.T)     { golden(t, "en", 120, 40, selectKinsoft) }
func TestGoldenMainZH(t *testing.T)   { golden(t, "zh", 120, 40, selectKinsoft) }
func TestGoldenFiltered(t *testing.T) { golden(t, "en", 120, 40, nil, "1", "/", "6", "enter") }
func TestGoldenSearchKDXF(t *testing.T) {
	golden(t, "zh", 120, 40, nil, "/", "kdxf")
}
func TestGoldenHelp(t *testing.T)     { golden(t, "en", 120, 40, nil, "?") }
func TestGoldenHelpZH(t *testing.T)   { golden(t, "zh", 60, 15, nil, "?") }
func TestGoldenEditor(t *testing.T)   { golden(t, "en", 120, 40, selectKinsoft, "n", "Beat on margins.") }
func TestGoldenPicker(t *testing.T)   { golden(t, "zh", 60, 15, selectKinsoft, "r", "down") }
func TestGoldenNarrow(t *testing.T)   { golden(t, "en", 60, 15, nil) }
func TestGoldenNarrowZH(t *testing.T) { golden(t, "zh", 60, 15, nil, "G") }
func TestGoldenNarrowDetail(t *testing.T) {
	golden(t, "en", 60, 15, selectKinsoft, "enter")
}
func TestGoldenWizard(t *testing.T) { golden(t, "zh", 80, 24, nil, "a", "gzmt") }

// TestDoubleWidthAlignment checks that every row's columns start at the
// same cell whatever the name's width (星环科技-U is 10 cells, 通行宝 6),
// in both languages, also when go-runewidth follows a Chinese locale.
func TestDoubleWidthAlignment(t *testing.T) {
	for _, eastAsian := range []bool{false, true} {
		for _, lang := range []string{"en", "zh"} {
			t.Setenv("LANG", "zh_CN.UTF-8")
			old := runewidth.DefaultCondition.EastAsianWidth
			runewidth.DefaultCondition.EastAsianWidth = eastAsian
			st, _ := newTestStore(t)
			m := newTestModel(t, st, lang, 120, 40)
			runewidth.DefaultCondition.EastAsianWidth = old
			for _, w := range []int{120, 80, 60} {
				m = update(m, tea.WindowSizeMsg{Width: w, Height: 40})
				checkFrame(t, m.plainView(), w, 40)
				dateAt, rows := -1, 0
				for _, line := range strings.Split(m.plainView(), "\n") {
					i := strings.Index(line, "2026-03-02")
					if i < 0 {
						continue
					}
					rows++
					at := safetext.Width(line[:i])
					if dateAt == -1 {
						dateAt = at
					} else if at != dateAt {
						t.Errorf("%s %dx40 eastAsian=%v: date column at %d, not %d, in %q", lang, w, eastAsian, at, dateAt, line)
					}
				}
				if rows < 25 {
					t.Errorf("%s %d: found %d rows with a date", lang, w, rows)
				}
			}
		}
	}
}
