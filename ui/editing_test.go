package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"
	"zixuan/ui/dialogs/confirm"
	"zixuan/ui/dialogs/editor"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

func TestFailedSaveKeepsTheEditor(t *testing.T) {
	st, path := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "n", "months of thinking")
	// another program holds the file: the write fails after a second
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	m = press(m, "ctrl+s")
	db.Close()
	if showing(m) != "editor" || !strings.Contains(topOf[editor.Model](m).Text(), "months of thinking") || !m.statusErr {
		t.Fatalf("after a failed save: showing %s, text %q, status %q", showing(m), topOf[editor.Model](m).Text(), m.status)
	}
	m = press(m, "ctrl+s") // the file is free again: the same text saves
	tk, _ := st.Get(market.MustParseCode(selectedNumber(m)))
	if n, ok := tk.LatestNote(); !ok || n.Text != "months of thinking" || showing(m) != "list" {
		t.Errorf("retry: %+v, showing %s", tk.Notes, showing(m))
	}
}

func TestLongNoteIsNotCutByTheEditor(t *testing.T) {
	st, _ := newTestStore(t)
	long := strings.Repeat("研报摘录\n", 1500) + "end"
	c := market.MustParseCode("300634")
	if _, err := st.AddNote(c, long); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "j", "enter", "e", "ctrl+s") // open the note, save unchanged
	tk, _ := st.Get(c)
	if n, _ := tk.LatestNote(); n.Text != long || len(n.Revisions) != 0 {
		t.Errorf("saving a long note unchanged altered it: %d runes, %d revisions", len([]rune(n.Text)), len(n.Revisions))
	}
}

func TestReasonStartingWithDigits(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40) // 002230, rated buy
	m = press(m, "r", "2", "tab", "2025年报超预期", "enter")
	tk, _ := st.Get(market.MustParseCode("002230"))
	last := tk.Ratings[len(tk.Ratings)-1]
	if tk.Rating != sectors.Overweight || last.Reason != "2025年报超预期" {
		t.Errorf("r 2 then a reason with digits: rating %s, reason %q", tk.Rating, last.Reason)
	}
}

func TestNoteSelectionSurvivesReloads(t *testing.T) {
	st, _ := newTestStore(t)
	c := market.MustParseCode("002230")
	for _, text := range []string{"older", "newer"} {
		if _, err := st.AddNote(c, text); err != nil {
			t.Fatal(err)
		}
	}
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "enter", "j") // the second note: "older"
	if id := selectedNoteID(&m); id != 1 {
		t.Fatalf("selected note %d, want 1", id)
	}
	// another process adds notes, here and to another ticker
	st.AddNote(market.MustParseCode("300634"), "elsewhere")
	st.AddNote(c, "newest")
	m.reload()
	if id := selectedNoteID(&m); id != 1 {
		t.Errorf("after a reload the selection moved to note %d", id)
	}
	m = press(m, "d")
	if a, ok := topOf[confirm.Model](m).Action.(deleteNoteMsg); !ok || a.id != 1 {
		t.Errorf("d would delete %+v, want note 1", topOf[confirm.Model](m).Action)
	}
}

func TestAddedTickerIsSelectedThroughFilters(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "1", "a", "gzmt", "enter", "enter") // buy filter on; the new one is unrated
	if selectedNumber(m) != "600519" {
		t.Errorf("after adding 600519 under a buy filter the cursor is on %s", selectedNumber(m))
	}
}

func TestLateBackgroundLoadIsDropped(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	stale := m.sync.load()() // a background load, started before our write
	m = press(m, "n", "just saved", "ctrl+s")
	m = update(m, stale)
	tk, _ := m.selected()
	if n, ok := tk.LatestNote(); !ok || n.Text != "just saved" {
		t.Errorf("a late background load put old data back: %+v", tk.Notes)
	}
}

// A note taller than the pane can be read to its end with PgDn.
func TestLongNoteCanBeReadInTheDetailPane(t *testing.T) {
	st, _ := newTestStore(t)
	var b strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "line %d\n", i)
	}
	c := market.MustParseCode("002230")
	st.AddNote(c, b.String())
	st.AddNote(c, "short and newer")
	m := newTestModel(t, st, "en", 80, 24)
	m = press(m, "enter", "j") // the long note
	seen := map[string]bool{}
	for i := 0; i < 12; i++ {
		for _, l := range strings.Split(m.plainView(), "\n") {
			if f := strings.Fields(l); len(f) >= 2 && f[len(f)-2] == "line" {
				seen[f[len(f)-1]] = true
			}
		}
		m = press(m, "pgdown")
	}
	for i := 1; i <= 40; i++ {
		if !seen[fmt.Sprint(i)] {
			t.Errorf("line %d of the long note was never on screen", i)
			break
		}
	}
}
