package ui

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"zixuan/sectors/market"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"

	"zixuan/ui/common"
)

func TestRefreshSaysWhatItDid(t *testing.T) {
	st, _ := newTestStore(t)
	opts := testOptions(t, "en")
	opts.Offline = true
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if m = press(m, "R"); m.status != "quotes off: started with --offline" {
		t.Errorf("R offline: %q", m.status)
	}
	// with quotes: refreshing…, then nothing (the age says it), or the retry
	p := &fakeQuotes{at: time.Date(2026, 4, 2, 3, 0, 0, 0, time.UTC)}
	m = quoteModel(t, st, time.Date(2026, 4, 2, 3, 0, 5, 0, time.UTC), p, 80, 24)
	m.opts.Refresh = 10 * time.Second
	next, cmd := m.Update(keyMsg("R"))
	m = next.(Model)
	if m.status != "refreshing quotes…" || cmd == nil {
		t.Fatalf("R: %q", m.status)
	}
	if m = press(m, "R"); m.status != "quotes are being fetched already" {
		t.Errorf("R while fetching: %q", m.status)
	}
	m.status = "refreshing quotes…"
	next, _ = m.Update(cmd())
	if m = next.(Model); m.status != "" {
		t.Errorf("after a good round: %q", m.status)
	}
	p.err = errors.New("dial tcp: no route")
	m = press(m, "R")
	m, _ = fetch(m)
	if m.status != "no connection, retrying in 10s" || !m.statusErr {
		t.Errorf("after a failed round: %q", m.status)
	}
	// a status of another action is not taken over by the round
	m = press(m, "R", "s")
	m, _ = fetch(m)
	if !strings.Contains(m.status, "sort") {
		t.Errorf("the sort's status was replaced: %q", m.status)
	}
}

func TestStatusGoesWithTheNextAction(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 80, 24)
	m = press(m, "p")
	if !strings.HasPrefix(m.status, "pinned 002230") {
		t.Fatalf("status %q", m.status)
	}
	if m = press(m, "j"); m.status != "" {
		t.Errorf("the pin's message outlived the next key: %q", m.status)
	}
	m = press(m, "-")
	status := strings.Split(m.plainView(), "\n")[22]
	if strings.HasPrefix(status, " ") || !strings.HasPrefix(status, "on a sector tab") {
		t.Errorf("status line %q", status)
	}
}

func TestViewAndColumnsFromOptions(t *testing.T) {
	st, _ := newTestStore(t)
	opts := testOptions(t, "en")
	opts.Sort, opts.RatingFilter = "rating", []sectors.Rating{sectors.Buy}
	opts.Columns = []string{"changed", "code", "nonsense", "board"}
	var saved string
	var savedRatings []sectors.Rating
	opts.SaveView = func(s string, rs []sectors.Rating) error { saved, savedRatings = s, rs; return nil }
	m, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	m = update(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.view.sortBy != sortRating || !m.view.filter.Ratings.Has(sectors.Buy) || len(m.view.rows) == 25 {
		t.Errorf("view at start: sort %d, %d rows", m.view.sortBy, len(m.view.rows))
	}
	if !slices.Equal(m.list.columnIDs(m.opts.Columns), []string{"changed", "board"}) {
		t.Errorf("columns %v", m.list.columnIDs(m.opts.Columns))
	}
	m = press(m, "s", "2")
	if err := saveView(m.opts, &m.view); err != nil || saved != "changed" || !slices.Equal(savedRatings, []sectors.Rating{sectors.Buy, sectors.Overweight}) {
		t.Errorf("saved %q %v %v", saved, savedRatings, err)
	}
}

func TestStatusHasNoLeadingBlanksInColour(t *testing.T) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 80, 24)
	m.styles = common.NewStyles(false, true) // an empty bold string is escape codes
	m.status = "pinned 002230"
	f := m.newFrame()
	if got := f.statusView(); strings.HasPrefix(got, " ") || !strings.HasPrefix(ansi.Strip(got), "pinned") {
		t.Errorf("status %q", got)
	}
}

func TestReorderInALargeSectorLoadsOnce(t *testing.T) {
	st, _ := newTestStore(t)
	for _, c := range []string{"600519", "000858", "000568", "600809", "002304", "603369", "000596", "600702", "603589", "600779", "000799", "603198", "600559", "603919", "600197", "000860", "603156"} {
		if _, err := st.AddTicker(market.MustParseCode(c), "", "compute", sectors.Unrated, sectors.SourceUser); err != nil {
			t.Fatal(err)
		}
	}
	m := newTestModel(t, st, "en", 80, 24)
	m = press(m, "tab", "tab")
	want := append([]string{codes(m)[1], codes(m)[0]}, codes(m)[2:]...)
	m = press(m, "J") // the first move numbers the whole sector: 24 tickers
	if m.data.gen != 0 {
		t.Errorf("the data should wait for a load, at generation %d", m.data.gen)
	}
	m.reload() // the load the write asked for
	if !slices.Equal(codes(m), want) || selectedNumber(m) != want[1] {
		t.Errorf("after the load %v (on %s), want %v", codes(m), selectedNumber(m), want)
	}
}
