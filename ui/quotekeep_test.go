package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/quote"
	"zixuan/sectors"
)

// startQuotes runs what the start asks of the quotes (the last known
// quotes read, the references, the first round), each answer taken in as
// the program would.
func startQuotes(m Model) Model {
	cmd, _ := m.route(startQuotesMsg{})
	return runCmds(m, cmd)
}

func runCmds(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			m = runCmds(m, c)
		}
		return m
	}
	if _, tick := msg.(quoteTickMsg); tick || msg == nil {
		return m
	}
	return update(m, msg)
}

// A live round is kept in the store, without moving the generation; the
// next start with quotes off shows it in the list, the strip and the
// detail pane, says its time once, and judges no alert by it.
func TestOfflineStartShowsTheLastKnownQuotes(t *testing.T) {
	st, _ := newTestStore(t)
	addAlert(t, st, "002230", sectors.AlertAbove, 105) // 110 would fire it, live
	at := tradingNow                                   // 10:00 in China
	m := quoteModel(t, st, at.Add(5*time.Second), &fakeQuotes{at: at}, 120, 40)
	gen, _ := st.Generation()
	m, _ = fetch(m)
	m = settle(m)
	kept, err := st.KeptQuotes()
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != len(sectors.ReportTickers)+len(sectors.StripIndexes) { // the list and the strip (沪深300 among them)
		t.Errorf("%d quotes kept", len(kept))
	}
	if q := kept["SZ002230"]; q.Last != 110 || !q.Time.Equal(at) || !q.Fetched.Equal(at.Add(5*time.Second)) {
		t.Errorf("kept %+v", q)
	}
	// the alert fired on the live round: armed again for the offline start
	for _, a := range must(st.Alerts()) {
		if _, err := st.RearmAlert(a.ID, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	gen, _ = st.Generation()

	evening := at.Add(10 * time.Hour) // 20:00, the market closed
	opts := testOptions(t, "en")
	opts.Offline, opts.Now = true, func() time.Time { return evening }
	off, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	off = startQuotes(update(off, tea.WindowSizeMsg{Width: 120, Height: 40}))
	v := off.plainView()
	if row := rowOf(t, v, "002230"); !strings.Contains(row, "110.00") || !strings.Contains(row, "+10.00%") {
		t.Errorf("the list's row offline: %q", row)
	}
	if !strings.Contains(v, "上证指数 110.00 +10.00%") {
		t.Errorf("no strip offline:\n%s", v)
	}
	if n := strings.Count(v, "offline: quotes of 03-02 10:00"); n != 1 {
		t.Errorf("their time said %d times:\n%s", n, v)
	}
	long := off
	long.say("%s", strings.Repeat("a message longer than the line ", 8))
	if v := long.plainView(); !strings.Contains(v, "offline: quotes of 03-02 10:00") {
		t.Errorf("a long message cut their time off:\n%s", v)
	}
	off = press(off, "enter")
	if v := off.plainView(); !strings.Contains(v, "open 101.00") || !strings.Contains(v, "2026-03-02 10:00:00") {
		t.Errorf("the detail pane offline:\n%s", v)
	}
	off = settle(off)
	for _, a := range must(st.Alerts()) {
		if a.State(evening) != sectors.AlertArmed {
			t.Errorf("alert %d judged by the last known quotes: %v", a.ID, a.State(evening))
		}
	}
	if g, _ := st.Generation(); g != gen {
		t.Errorf("the generation moved from %d to %d", gen, g)
	}
}

// With quotes on, the last known quotes are shown while the server does
// not answer, with its error beside their time, and the first answer
// replaces them whole.
func TestLastKnownQuotesUntilTheServerAnswers(t *testing.T) {
	st, _ := newTestStore(t)
	first := tradingNow
	m := quoteModel(t, st, first, &fakeQuotes{at: first}, 120, 40)
	m, _ = fetch(m)
	m = settle(m)

	f := &fakeQuotes{err: quote.ErrOffline}
	later := first.Add(24 * time.Hour) // the next day's session
	m = startQuotes(quoteModel(t, st, later, f, 120, 40))
	v := m.plainView()
	if !strings.Contains(rowOf(t, v, "002230"), "110.00") || !strings.Contains(v, "last known quotes of 03-02 10:00") ||
		!strings.Contains(v, "no connection") {
		t.Errorf("the server not answering:\n%s", v)
	}
	f.err, f.at = nil, later
	m, _ = fetch(m)
	if v := m.plainView(); strings.Contains(v, "last known") || m.qs.kept {
		t.Errorf("a live answer did not replace the last known quotes:\n%s", v)
	}
}

// A session keeps its rounds at most once a minute, and the last one not
// kept when it ends.
func TestQuotesKeptOnceAMinuteAndAtTheEnd(t *testing.T) {
	st, _ := newTestStore(t)
	now := tradingNow
	f := &fakeQuotes{at: now}
	opts := testOptions(t, "en")
	opts.Now = func() time.Time { return now }
	opts.Quotes = f
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	keptAt := func() time.Time { return must(st.KeptQuotes())["SZ002230"].Time }
	m, _ = fetch(m)
	m = settle(m)
	if !keptAt().Equal(tradingNow) {
		t.Fatalf("the first round was not kept: %v", keptAt())
	}
	now, f.at = now.Add(30*time.Second), now.Add(30*time.Second)
	m, _ = fetch(m)
	m = settle(m)
	if !keptAt().Equal(tradingNow) {
		t.Errorf("a round was kept again within the minute: %v", keptAt())
	}
	m.qs.keepAtExit(partCtxOf(&m))
	if q := must(st.KeptQuotes())["SZ002230"]; !q.Time.Equal(f.at) || !q.Fetched.Equal(now) {
		t.Errorf("at the end, kept %v fetched %v", q.Time, q.Fetched)
	}
	now, f.at = now.Add(time.Minute), now.Add(time.Minute)
	m, _ = fetch(m)
	settle(m)
	if !keptAt().Equal(f.at) {
		t.Errorf("a round a minute later was not kept: %v", keptAt())
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
