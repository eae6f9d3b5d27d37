package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"zixuan/sectors"
)

// manyNotes gives the selected ticker n notes of one to a dozen lines,
// some wider than the pane, in memory.
func manyNotes(t testing.TB, m *Model, n int) {
	t.Helper()
	i := m.view.rows[m.list.cursor]
	tk := &m.data.tickers[i]
	tk.Notes = make([]sectors.Note, n)
	for j := range tk.Notes {
		text := fmt.Sprintf("note %d: ", j) + strings.Repeat("订单超预期 ", j%7)
		for k := 0; k < j%4; k++ {
			text += fmt.Sprintf("\nline %d of note %d", k, j)
		}
		at := fixedNow.Add(-time.Duration(n-j) * time.Hour)
		tk.Notes[j] = sectors.Note{ID: uint64(j + 1), Text: text, Created: at, Updated: at}
	}
}

// The pane draws only the notes it can reach, and what it draws is what
// it drew with every note: at every selection and scroll, focused or not.
func TestNoteWindowDrawsTheSame(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 30)
	manyNotes(t, &m, 300)
	notes := len(m.data.tickers[m.view.rows[m.list.cursor]].LiveNotes())
	for _, focused := range []bool{false, true} {
		for _, sel := range []int{0, 1, 5, 40, 150, notes - 20, notes - 1} {
			for _, scroll := range []int{-60, -13, 0, 13, 60} {
				m.det.note, m.det.scroll = sel, scroll
				windowNotes = false
				want := detailView(&m, 60, 25, focused)
				windowNotes = true
				got := detailView(&m, 60, 25, focused)
				if got != want {
					t.Errorf("focused %v, note %d, scroll %d: the window draws\n%s\nnot\n%s", focused, sel, scroll, got, want)
				}
			}
		}
	}
}

// A key in the focused pane of a ticker with 5,000 notes.
func BenchmarkDetailKey5000Notes(b *testing.B) {
	st, _ := newTestStore(b)
	m := newTestModel(b, st, "en", 120, 40)
	manyNotes(b, &m, 5000)
	m = press(m, "enter")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := "j"
		if i%100 >= 50 {
			k = "k"
		}
		next, _ := m.Update(keyMsg(k))
		m = next.(Model)
		_ = m.plainView()
	}
}
