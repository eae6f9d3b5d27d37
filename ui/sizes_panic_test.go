package ui

import (
	"fmt"
	"strings"
	"testing"

	"zixuan/sectors/market"
	"zixuan/ui/common"

	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
)

// modes opens each pane and dialog of the TUI from the list.
var modes = map[string][]string{
	"list":   nil,
	"search": {"/", "kd"},
	"detail": {"enter"},
	"editor": {"n", "a note"},
	"picker": {"r"},
	"wizard": {"a", "600"},
	"mover":  {"m"},
	"remove": {"x"},
	"export": {"e"},
	"help":   {"?"},
}

// Every size from a 1x1 pane up to a 300x100 window, in every mode, and
// rapid resizes between them: no panic, and the frame never draws outside
// the terminal (more lines or wider lines would scroll or wrap it).
func TestAnySizeInAnyMode(t *testing.T) {
	st, _ := newTestStore(t)
	sizes := [][2]int{{1, 1}, {2, 1}, {20, 5}, {49, 11}, {50, 12}, {60, 15}, {80, 24}, {99, 30}, {100, 30}, {120, 40}, {300, 100}}
	for name, keys := range modes {
		for _, lang := range []string{"en", "zh"} {
			m := newTestModel(t, st, lang, 120, 40)
			m = press(m, keys...)
			// rapid resizes, each followed by a frame
			for round := 0; round < 3; round++ {
				for i, sz := range sizes {
					if round == 1 {
						sz = sizes[len(sizes)-1-i]
					}
					m = update(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
					checkFits(t, fmt.Sprintf("%s/%s at %dx%d", name, lang, sz[0], sz[1]), m.plainView(), sz[0], sz[1])
				}
			}
			// keys keep working after all that
			m = update(m, tea.WindowSizeMsg{Width: 60, Height: 15})
			m = press(m, "esc", "j", "k")
			checkFits(t, name+" after resizes", m.plainView(), 60, 15)
		}
	}
}

func checkFits(t *testing.T, what, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		t.Errorf("%s: %d lines in a %d-line terminal", what, len(lines), h)
	}
	for i, l := range lines {
		if got := safetext.Width(l); got > w {
			t.Errorf("%s: line %d is %d cells wide in a %d-cell terminal: %q", what, i, got, w, l)
			return
		}
	}
}

// panicky wraps the real model and panics on "!", as a bug would.
type panicky struct{ Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "!" {
		panic("a bug in the TUI")
	}
	next, cmd := p.Model.Update(msg)
	return panicky{next.(Model)}, cmd
}

// A panic after a confirmed note: the program ends with a message naming
// the database and saying the data is intact, the note is on disk, and the
// file passes the checks.
func TestPanicKeepsDataAndSaysWhere(t *testing.T) {
	st, path := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	// n, text, ctrl+s (saved synchronously), then the bug
	input := "n" + "after the crash too" + "\x13" + "!"
	var out, stderr strings.Builder
	p := tea.NewProgram(panicky{m}, tea.WithInput(strings.NewReader(input)), tea.WithOutput(&out), tea.WithoutSignalHandler())
	err := runProgram(p, path, &stderr)
	if err == nil || !strings.Contains(err.Error(), "intact") || !strings.Contains(err.Error(), path) {
		t.Fatalf("runProgram after a panic: %v", err)
	}
	if !strings.Contains(stderr.String(), path) || !strings.Contains(stderr.String(), "safe") {
		t.Errorf("no word on where the data is: %q", stderr.String())
	}
	tk, err := st.Get(selectedCode(m))
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := tk.LatestNote(); !ok || n.Text != "after the crash too" {
		t.Errorf("the note confirmed before the panic is not on disk: %+v", tk.Notes)
	}
	if problems, err := st.Check(); err != nil || len(problems) > 0 {
		t.Errorf("database after the panic: %v %v", problems, err)
	}
}

func selectedCode(m Model) market.Code {
	tk, _ := m.selected()
	return tk.Code
}

func TestExportPathExpandsHome(t *testing.T) {
	t.Setenv("HOME", "/home/investor")
	if got := common.ExpandHome("~/Desktop/zixuan.csv"); got != "/home/investor/Desktop/zixuan.csv" {
		t.Errorf("expandHome = %q", got)
	}
	if got := common.ExpandHome("out/~/x.csv"); got != "out/~/x.csv" {
		t.Errorf("a ~ inside the path changed: %q", got)
	}
}

// The detail pane starts at the same column however many rows the list
// shows (a full list, a sector tab, a search with one hit).
func TestDetailPaneColumnIsFixed(t *testing.T) {
	st, _ := newTestStore(t)
	col := func(m Model) int {
		line := strings.Split(m.plainView(), "\n")[3] // the first row
		i := strings.Index(line, "|")
		return safetext.Width(line[:max(i, 0)])
	}
	for _, size := range [][2]int{{120, 40}, {110, 24}, {200, 50}} {
		m := newTestModel(t, st, "en", size[0], size[1])
		want := col(m)
		for _, keys := range [][]string{{"tab"}, {"/", "kdxf", "enter"}, {"2"}} {
			if got := col(press(newTestModel(t, st, "en", size[0], size[1]), keys...)); got != want {
				t.Errorf("%dx%d after %v: pane at column %d, want %d", size[0], size[1], keys, got, want)
			}
		}
	}
}
