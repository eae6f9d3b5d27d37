package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"

	"zixuan/ui/views/reports"
)

// weekly is a broker weekly as text, the CLI's test report.
func weekly(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "cli", "testdata", "weekly-2025-04-28.txt"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "weekly.txt")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// pressRun sends one key and carries out the commands it gives.
func pressRun(m Model, k string) Model {
	next, cmd := m.Update(keyMsg(k))
	return run(settle(next.(Model)), cmd)
}

func TestReportsViewFilterAndBack(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "b")
	v, ok := m.stack.top().(reports.Model)
	if !ok || len(v.Reports()) != 1 || v.Reports()[0].ID != sectors.ReportSourceID && !strings.HasPrefix(v.Reports()[0].ID, "report-") {
		t.Fatalf("reports view: %T %+v", m.stack.top(), v.Reports())
	}
	view := m.plainView()
	checkFrame(t, view, 120, 40)
	if !strings.Contains(view, "Reports (1)") || !strings.Contains(view, "2024-05-12") {
		t.Errorf("the seed report is not listed:\n%s", view)
	}
	// enter: its calls, and the list filtered by it
	m = press(m, "enter")
	if m.view.filter.Report != v.Reports()[0].ID || len(m.view.rows) != 25 {
		t.Fatalf("filter %q, %d rows", m.view.filter.Report, len(m.view.rows))
	}
	if v := m.stack.top().(reports.Model); v.Opened() != 0 || v.CallCount(0) != 25 {
		t.Fatalf("calls: open %d, %d calls", v.Opened(), v.CallCount(0))
	}
	if view := m.plainView(); !strings.Contains(view, "Calls of 2024-05-12") || !strings.Contains(view, "688111") {
		t.Errorf("calls not shown:\n%s", view)
	}
	// esc: back to the reports, esc again: the list, the filter still on
	m = press(m, "esc", "esc")
	if showing(m) != "list" || m.view.filter.Report == "" {
		t.Fatalf("showing %s, filter %q", showing(m), m.view.filter.Report)
	}
	lines := strings.Split(m.plainView(), "\n")
	if !strings.Contains(lines[1], "[report 2024-05-12") || !strings.Contains(lines[len(lines)-2], "report: 2024-05-12") {
		t.Errorf("tabs line %q, status line %q do not say the filter is on", lines[1], lines[len(lines)-2])
	}
	// esc on the list clears it; so does 0
	m = press(m, "esc")
	if m.view.filter.Report != "" {
		t.Error("esc left the report filter on")
	}
	m = press(m, "b", "enter", "esc", "esc", "0")
	if m.view.filter.Report != "" {
		t.Error("0 left the report filter on")
	}
	// enter on a call goes to its ticker
	m = press(m, "b", "enter", "j", "j", "enter")
	if showing(m) != "list" || selectedNumber(m) == "" {
		t.Fatalf("showing %s", showing(m))
	}
}

func TestReportFilterOnlyItsTickers(t *testing.T) {
	st, _ := newTestStore(t)
	if _, err := st.AddTicker(market.MustParseCode("600519"), "贵州茅台", "ai", sectors.Unrated, sectors.SourceUser); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, st, "en", 120, 40)
	if len(m.view.rows) != 26 {
		t.Fatalf("%d rows", len(m.view.rows))
	}
	m = press(m, "b", "enter", "esc", "esc")
	if len(m.view.rows) != 25 || strings.Contains(strings.Join(codes(m), " "), "600519") {
		t.Errorf("the report filter kept a ticker it did not call: %v", codes(m))
	}
}

func TestReportAddPreviewThenConfirm(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	path := weekly(t)
	m = press(m, "b", "a")
	if _, ok := m.stack.top().(reports.AddModel); !ok {
		t.Fatalf("a opened %T", m.stack.top())
	}
	m = press(m, path)
	m = pressRun(m, "enter")
	d, ok := m.stack.top().(reports.AddModel)
	if !ok || !d.Shown() {
		t.Fatalf("no preview: %T %+v", m.stack.top(), d.Err())
	}
	view := m.plainView()
	checkFrame(t, view, 120, 40)
	for _, want := range []string{"Would add", "Themes", "→", "would add"} {
		if !strings.Contains(view, want) {
			t.Errorf("preview lacks %q:\n%s", want, view)
		}
	}
	// nothing written by the preview
	if list, _ := st.Reports(); len(list) != 1 {
		t.Fatalf("the preview wrote: %d reports", len(list))
	}
	// esc goes back to the path, enter previews again, y adds
	m = press(m, "esc")
	if d := m.stack.top().(reports.AddModel); d.Shown() {
		t.Fatal("esc did not go back to the path")
	}
	m = pressRun(m, "enter")
	m = pressRun(m, "y")
	list, _ := st.Reports()
	if len(list) != 2 {
		t.Fatalf("%d reports after y", len(list))
	}
	if _, ok := m.stack.top().(reports.Model); !ok {
		t.Fatalf("after the add: %T", m.stack.top())
	}
	if v := m.stack.top().(reports.Model); len(v.Reports()) != 2 || v.Reports()[0].ID != list[1].ID {
		t.Errorf("the reports view was not refreshed: %d reports", len(v.Reports()))
	}
	if !strings.Contains(m.status, "added report") {
		t.Errorf("status %q", m.status)
	}
}

func TestReportAddErrorsStayInTheDialog(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 80, 24)
	bad := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(bad, []byte("nothing here at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	m = press(m, "b", "a", bad)
	m = pressRun(m, "enter")
	d, ok := m.stack.top().(reports.AddModel)
	if !ok || d.Shown() || d.Err() == "" {
		t.Fatalf("%T shown=%v err=%q", m.stack.top(), d.Shown(), d.Err())
	}
	checkFrame(t, m.plainView(), 80, 24)
	m = press(m, "esc")
	if _, ok := m.stack.top().(reports.Model); !ok {
		t.Fatalf("esc: %T", m.stack.top())
	}
}

// addWeekly adds the weekly through the store, as the CLI would.
func addWeekly(t *testing.T, st *store.Store) store.AddReportOutcome {
	t.Helper()
	m := newTestModel(t, st, "en", 120, 40)
	m = press(m, "b", "a", weekly(t))
	m = pressRun(m, "enter")
	d := m.stack.top().(reports.AddModel)
	return d.Outcome()
}

func TestReportRemoveAsksAboutItsTickers(t *testing.T) {
	for _, answer := range []string{"y", "n", "esc"} {
		t.Run(answer, func(t *testing.T) {
			st, _ := newTestStore(t)
			out := addWeekly(t, st)
			m := newTestModel(t, st, "en", 120, 40)
			// add it for real
			m = press(m, "b", "a", weekly(t))
			m = pressRun(m, "enter")
			m = pressRun(m, "y")
			brought := out.Count(store.CallAdded)
			if brought == 0 {
				t.Skip("the weekly brings no new tickers")
			}
			before := len(m.data.tickers)
			// the newest report is first: d asks, y goes on
			m = press(m, "d")
			if showing(m) != "confirm" {
				t.Fatalf("d: %s", showing(m))
			}
			m = pressRun(m, "y")
			q, ok := m.stack.top().(reports.RemoveQuestion)
			if !ok {
				t.Fatalf("no question about the tickers: %T", m.stack.top())
			}
			if !strings.Contains(m.plainView(), "only because of it") {
				t.Errorf("question not shown: %q", q.Question())
			}
			m = pressRun(m, answer)
			list, _ := st.Reports()
			switch answer {
			case "esc":
				if len(list) != 2 || len(m.data.tickers) != before {
					t.Errorf("esc removed something: %d reports, %d tickers", len(list), len(m.data.tickers))
				}
			case "y":
				if len(list) != 1 || len(m.data.tickers) != before-brought {
					t.Errorf("y: %d reports, %d tickers (was %d, brought %d)", len(list), len(m.data.tickers), before, brought)
				}
			case "n":
				if len(list) != 1 || len(m.data.tickers) != before {
					t.Errorf("n: %d reports, %d tickers, want %d kept", len(list), len(m.data.tickers), before)
				}
			}
			checkFrame(t, m.plainView(), 120, 40)
		})
	}
}

func TestReportViewsFitEverySize(t *testing.T) {
	st, _ := newTestStore(t)
	for _, lang := range []string{"en", "zh"} {
		m := newTestModel(t, st, lang, 120, 40)
		for _, keys := range [][]string{{"b"}, {"b", "enter"}, {"b", "a"}} {
			n := press(m, keys...)
			for _, sz := range [][2]int{{120, 40}, {80, 24}, {60, 15}, {50, 12}} {
				n = update(n, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				checkFrame(t, n.plainView(), sz[0], sz[1])
			}
		}
	}
}
