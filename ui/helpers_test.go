package ui

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
	"zixuan/ui/common"
	"zixuan/ui/dialogs/confirm"
	"zixuan/ui/dialogs/editor"
	"zixuan/ui/dialogs/exportdlg"
	"zixuan/ui/dialogs/keyhelp"
	"zixuan/ui/dialogs/picker"
	"zixuan/ui/dialogs/search"
	"zixuan/ui/dialogs/sectorpick"
	"zixuan/ui/dialogs/sectorsdlg"
	"zixuan/ui/dialogs/wizard"
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
	// a result applies the keys held meanwhile, which may write again
	for js := m.writes.unsettled(); len(js) > 0; js = m.writes.unsettled() {
		<-js[0].done
		next, _ := m.Update(js[0].res)
		m = next.(Model)
	}
	return m
}

// keyMsg turns a key name as bubbletea prints it into a key press.
func keyMsg(s string) tea.KeyPressMsg {
	special := map[string]tea.KeyPressMsg{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"up":        {Code: tea.KeyUp}, "down": {Code: tea.KeyDown}, "left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
		"shift+up": {Code: tea.KeyUp, Mod: tea.ModShift}, "shift+down": {Code: tea.KeyDown, Mod: tea.ModShift},
		"pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown}, "home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
		"backspace": {Code: tea.KeyBackspace}, "delete": {Code: tea.KeyDelete},
		"space": {Code: tea.KeySpace, Text: " "}, " ": {Code: tea.KeySpace, Text: " "},
	}
	if k, ok := special[s]; ok {
		return k
	}
	if c, ok := strings.CutPrefix(s, "ctrl+"); ok && utf8.RuneCountInString(c) == 1 {
		return tea.KeyPressMsg{Code: []rune(c)[0], Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	if utf8.RuneCountInString(s) == 1 && unicode.IsUpper(r) {
		// as the terminal's input reads it: the letter, shifted
		return tea.KeyPressMsg{Code: unicode.ToLower(r), ShiftedCode: r, Mod: tea.ModShift, Text: s}
	}
	return tea.KeyPressMsg{Code: r, Text: s}
}

// typedRunes reports whether k names text of more than one character
// rather than a key: it is typed one key press per character.
func typedRunes(k string) bool {
	msg := keyMsg(k)
	return msg.Text != "" && utf8.RuneCountInString(msg.Text) > 1
}

// press sends keys one by one; a key name of more than one character that
// is not a special key is typed rune by rune.
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		if typedRunes(k) {
			for _, r := range k {
				m = update(m, keyMsg(string(r)))
			}
			continue
		}
		m = update(m, keyMsg(k))
	}
	return m
}

// drive runs m as the program does, reading input as a terminal's bytes
// through Bubble Tea's own input decoder (keys, pasted text, alt+key),
// and returns the model once all of it is taken in.
func drive(t testing.TB, m Model, input string) Model {
	t.Helper()
	// ctrl+] ends the run: no binding has it, and it is read after input
	p := tea.NewProgram(untilCtrlBracket{m}, tea.WithInput(strings.NewReader(input+"\x1d")),
		tea.WithOutput(io.Discard), tea.WithWindowSize(m.width, m.height), tea.WithoutSignals())
	final, err := p.Run()
	if err != nil {
		t.Fatal(err)
	}
	return settle(final.(untilCtrlBracket).Model)
}

// untilCtrlBracket is a Model that quits on ctrl+].
type untilCtrlBracket struct{ Model }

func (u untilCtrlBracket) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "ctrl+]" {
		return u, tea.Quit
	}
	next, cmd := u.Model.Update(msg)
	return untilCtrlBracket{next.(Model)}, cmd
}

// plainView is the screen as text, without the escape codes of its
// styles (what a test reads, as the user does).
func (m Model) plainView() string { return ansi.Strip(m.View().Content) }

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
	switch m.stack.top().(type) {
	case nil:
		return "list"
	case editor.Model:
		return "editor"
	case picker.Model:
		return "picker"
	case wizard.Model:
		return "wizard"
	case sectorpick.Model:
		return "mover"
	case exportdlg.Model:
		return "export"
	case confirm.Model:
		return "confirm"
	case search.Model:
		return "search"
	case detailFocus:
		return "detail"
	case keyhelp.Model:
		return "help"
	case sectorsdlg.Model:
		return "sectors"
	}
	return "an unknown common.Dialog"
}

// topOf is the dialog on top as a T (its zero value when it is not one).
func topOf[T common.Dialog](m Model) T {
	d, _ := m.stack.top().(T)
	return d
}

// withTop changes the dialog on top, as typing into it would.
func withTop[T common.Dialog](m Model, change func(T) T) Model {
	m.stack = append(m.stack[:len(m.stack)-1:len(m.stack)-1], change(topOf[T](m)))
	return m
}

// reload re-reads the whole store now, as the poll does after a change
// by another process, or as the load a write asked for (loadAwaited).
func (m *Model) reload() {
	m.sync.outdate() // any background load still running is older than this
	m.loadAwaited = 0
	snap, err := m.st.Load()
	if err != nil {
		m.fail(err)
		return
	}
	m.setData(snap, false)
}

// selectedNoteID is the id of the note selected in the detail pane (0:
// none).
func selectedNoteID(m *Model) uint64 {
	tk, _ := m.selected()
	return m.det.noteID(&tk)
}

// storeHolding is a test store holding two positions bought on
// 2026-02-02: 100 科大讯飞 at 100.00 and 200 中科曙光 at 120.00.
func storeHolding(t *testing.T) *store.Store {
	t.Helper()
	st, _ := newTestStore(t)
	day := time.Date(2026, 2, 2, 0, 0, 0, 0, market.China)
	for _, tr := range []sectors.Trade{
		{Code: market.MustParseCode("002230"), Side: sectors.Bought, Qty: 100, Price: 100, Date: day},
		{Code: market.MustParseCode("603019"), Side: sectors.Bought, Qty: 200, Price: 120, Date: day},
	} {
		if _, err := st.AddTrade(tr); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// openView presses key, which must ask for the view's data, and takes
// the answer in.
func openView(t *testing.T, m Model, key string) Model {
	t.Helper()
	m, cmd := pressCmd(m, key)
	if cmd == nil {
		t.Fatalf("%s asks for no data", key)
	}
	return update(m, cmd())
}
