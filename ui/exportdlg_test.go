package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zixuan/export"
	"zixuan/ui/dialogs/exportdlg"
)

// TestExportCarriesTheQuotesItHolds: e writes the quotes of the last
// round and the reference closes the UI knows, without a fetch of its own.
func TestExportCarriesTheQuotesItHolds(t *testing.T) {
	st, _ := newTestStore(t)
	seedRefs(t, st)
	f := &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}
	m := quoteModel(t, st, tradingNow, f, 120, 40)
	m = loadRefs(t, m)
	m, _ = fetch(m)
	calls := f.calls
	m = press(m, "e")
	path := filepath.Join(t.TempDir(), "w.csv")
	m = withTop(m, func(e exportdlg.Model) exportdlg.Model { return e.SetPath(path) })
	m, cmd := pressCmd(m, "enter")
	if cmd == nil {
		t.Fatal("enter does not start the export")
	}
	if msg := cmd().(exportDoneMsg); msg.err != nil {
		t.Fatal(msg.err)
	}
	if f.calls != calls {
		t.Error("the export fetched quotes")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if len(rows[0]) != len(export.CSVHeader)+len(export.CSVPriceHeader) || len(rows) != 1+len(codes(m)) {
		t.Fatalf("header %v, %d rows", rows[0], len(rows))
	}
	withRef := 0
	for _, r := range rows[1:] {
		if r[col["last"]] != "110" || r[col["change_pct"]] != "10.00" {
			t.Errorf("%s: %v", r[0], r[len(export.CSVHeader):])
		}
		if r[col["ref_close"]] == "100" && r[col["return_since_rating_pct"]] == "10.00" {
			withRef++
		}
	}
	if withRef != len(rows)-2 { // seedRefs leaves the last seed ticker out
		t.Errorf("%d rows with a reference and a return, want %d", withRef, len(rows)-2)
	}
}

// TestExportWithoutQuotes: with quotes off the export is as it always was.
func TestExportWithoutQuotes(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "e")
	path := filepath.Join(t.TempDir(), "w.csv")
	m = withTop(m, func(e exportdlg.Model) exportdlg.Model { return e.SetPath(path) })
	_, cmd := pressCmd(m, "enter")
	if msg := cmd().(exportDoneMsg); msg.err != nil {
		t.Fatal(msg.err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	first := strings.TrimPrefix(strings.SplitN(string(data), "\n", 2)[0], "\ufeff")
	if first != strings.Join(export.CSVHeader, ",") {
		t.Errorf("header %q", first)
	}
}

// A file name typed without an extension is written with the format's:
// the file the other tools open is the one the dialog showed.
func TestExportNameGetsTheFormatsExtension(t *testing.T) {
	st, _ := newTestStore(t)
	dir := t.TempDir()
	for _, tc := range []struct{ typed, want string }{
		{"mylist", "mylist.csv"},
		{"notes.txt", "notes.txt"}, // an extension typed is kept
	} {
		m := newTestModel(t, st, "en", 120, 40)
		m = press(m, "e")
		m = withTop(m, func(e exportdlg.Model) exportdlg.Model { return e.SetPath(filepath.Join(dir, tc.typed)) })
		if v := m.plainView(); !strings.Contains(v, tc.want) {
			t.Errorf("%s: the dialog does not show %s:\n%s", tc.typed, tc.want, v)
		}
		_, cmd := pressCmd(m, "enter")
		if cmd == nil {
			t.Fatalf("%s: enter does not start the export", tc.typed)
		}
		if msg := cmd().(exportDoneMsg); msg.err != nil || msg.path != filepath.Join(dir, tc.want) {
			t.Errorf("%s: written to %s (%v), want %s", tc.typed, msg.path, msg.err, tc.want)
		}
		if _, err := os.Stat(filepath.Join(dir, tc.want)); err != nil {
			t.Error(err)
		}
	}
}
