package ui

import (
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"zixuan/store"
)

// fixedNow is the clock of every test: goldens must not depend on today.
var fixedNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// newTestStore opens a real store in a temporary folder (seeded with the
// report's 25 tickers) and stamps every ticker with the fixed clock.
func newTestStore(t testing.TB) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "zixuan.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.SetClock(func() time.Time { return fixedNow })
	snap, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range snap.Tickers {
		if err := st.SetName(tk.Code, tk.CustomName); err != nil { // sets Updated to the fixed clock
			t.Fatal(err)
		}
	}
	return st, path
}

func testOptions(t testing.TB, lang string) Options {
	return Options{
		Lang: lang, NoColor: true, PollInterval: -1, // dates in CST, the default
		Now: func() time.Time { return fixedNow }, Dir: t.TempDir(),
	}
}

// newTestModel builds a model over st, sized w x h, with no colours.
func newTestModel(t testing.TB, st *store.Store, lang string, w, h int) Model {
	t.Helper()
	lipgloss.SetColorProfile(termenv.Ascii)
	m, err := New(st, testOptions(t, lang))
	if err != nil {
		t.Fatal(err)
	}
	m.jump.now = slowTypist()
	return update(m, tea.WindowSizeMsg{Width: w, Height: h})
}

// update sends msg, then hands back the results of the store writes it
// started, as the program would once they are done: a test reads the
// state after the write, as the user sees it a moment later.
func update(m Model, msg tea.Msg) Model {
	next, _ := m.Update(msg)
	return settle(next.(Model))
}

// settle waits for the writes still pending and takes their results in.
func settle(m Model) Model {
	for _, j := range m.writes.unsettled() {
		<-j.done
		next, _ := m.Update(j.res)
		m = next.(Model)
	}
	return m
}

// keyMsg turns a key name as bubbletea prints it into a KeyMsg.
func keyMsg(s string) tea.KeyMsg {
	types := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"ctrl+s": tea.KeyCtrlS, "ctrl+c": tea.KeyCtrlC, "backspace": tea.KeyBackspace,
		"ctrl+n": tea.KeyCtrlN, "ctrl+p": tea.KeyCtrlP,
	}
	if k, ok := types[s]; ok {
		return tea.KeyMsg{Type: k}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// press sends keys one by one; a key name of more than one character that
// is not a special key is typed rune by rune.
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		msg := keyMsg(k)
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 {
			for _, r := range msg.Runes {
				m = update(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
			continue
		}
		m = update(m, msg)
	}
	return m
}

// pressCmd sends one key and returns the command it gave.
func pressCmd(m Model, k string) (Model, tea.Cmd) {
	next, cmd := m.Update(keyMsg(k))
	return settle(next.(Model)), cmd
}

// codes lists the numbers of the visible rows, in order.
func codes(m Model) []string {
	out := make([]string, len(m.view.rows))
	for i, r := range m.view.rows {
		out[i] = m.data.tickers[r].Code.Number
	}
	return out
}

func selectedNumber(m Model) string {
	tk, _ := m.selected()
	return tk.Code.Number
}

// slowTypist is a key clock a second further on at every key: digits
// pressed one after another are filter toggles, never a code (codejump.go).
func slowTypist() func() time.Time {
	at := fixedNow
	return func() time.Time {
		at = at.Add(time.Second)
		return at
	}
}

// showing names what has the keys: "list", or the dialog on top.
func showing(m Model) string {
	switch m.top().(type) {
	case nil:
		return "list"
	case editorModel:
		return "editor"
	case pickerModel:
		return "picker"
	case wizardModel:
		return "wizard"
	case moverModel:
		return "mover"
	case exportModel:
		return "export"
	case confirmModel:
		return "confirm"
	case searchLine:
		return "search"
	case detailFocus:
		return "detail"
	case fullHelp:
		return "help"
	case sectorsModel:
		return "sectors"
	}
	return "an unknown dialog"
}

// topOf is the dialog on top as a T (its zero value when it is not one).
func topOf[T dialog](m Model) T {
	d, _ := m.top().(T)
	return d
}

// withTop changes the dialog on top, as typing into it would.
func withTop[T dialog](m Model, change func(T) T) Model {
	m.stack = append(m.stack[:len(m.stack)-1:len(m.stack)-1], change(topOf[T](m)))
	return m
}

// reload re-reads the whole store now, as the poll does after a change
// by another process.
func (m *Model) reload() {
	m.loadSeq++ // any background load still running is older than this
	snap, err := m.st.Load()
	if err != nil {
		m.fail(err)
		return
	}
	m.setData(snap)
}
