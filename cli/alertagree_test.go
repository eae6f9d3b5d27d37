package cli

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/store"
	"zixuan/ui"
)

// copyFile copies a database file: the CLI and the TUI start from the
// same bytes.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// driveTUI carries out cmd and every command the messages it brings give,
// in order, as the program would (with polling and the refresh timer off,
// none waits on anything but the local servers).
func driveTUI(m tea.Model, cmd tea.Cmd) tea.Model {
	if cmd == nil {
		return m
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			m = driveTUI(m, c)
		}
		return m
	}
	if msg == nil {
		return m
	}
	next, more := m.Update(msg)
	return driveTUI(next, more)
}

// tuiRound starts the TUI on db with the CLI's quote server (none: quotes
// off) and clock and runs its start, whose quote round checks the alerts.
func tuiRound(t *testing.T, db, quotesURL string) {
	t.Helper()
	a := &App{root: &Root{DB: db, QuotesURL: quotesURL, Offline: quotesURL == ""}, dbPath: db}
	prov, hist := a.QuoteProvider()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ui.New(st, ui.Options{Lang: "en", NoColor: true, PollInterval: -1, Refresh: -1, Quotes: prov, History: hist, Offline: prov == nil, Now: nowFunc})
	if err != nil {
		t.Fatal(err)
	}
	var tm tea.Model = m
	// the size's command too: it reads the history, and the since-call
	// and drawdown alerts wait for its fetch, as in the program
	tm, size := tm.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	driveTUI(tm, tea.Batch(tm.Init(), size))
}

func storedAlerts(t *testing.T, db string) []sectors.Alert {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.Alerts()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// The CLI's alert check and the TUI's quote refresh judge the same alerts
// alike: from the same database, on the same quote and k-line answers at
// the same time, the same alerts fire, at the same prices, and each
// alert is left in the same recorded state (armed, primed, its firings,
// the time of the observation that changed it). Every kind is among
// them: since-call and drawdown on the stored history, a price level
// carried across a 10转4, an alert on a ticker taken off the list.
func TestCLIAndTUIJudgeAlertsAlike(t *testing.T) {
	type scenario struct {
		name     string
		set, now string     // when the alerts are set, when they are checked
		alerts   [][]string // alert add arguments
		removed  string     // a ticker taken off the list after its alert was set
		stock    tick
		bench    tick
		offline  bool     // quotes off: only no-note alerts are judged
		fired    []uint64 // what the CLI fires: the scenario means something
	}
	scenarios := []scenario{{
		name: "every kind on one quote",
		set:  "2026-04-01 10:00", now: "2026-04-02 10:00",
		alerts: [][]string{
			{"002230", "--since-call", "15"},             // 1: +20 % since the call: fires
			{"002230", "--since-call", "15", "--excess"}, // 2: +10 % excess: does not
			{"002230", "--drawdown", "10"},               // 3: 12 against the high of 14: fires
			{"002230", "--no-note", "30"},                // 4: rated buy, no note since the report: fires
			{"688111", "--no-note", "30"},                // 5: re-rated overweight since: never
			{"002230", "--above", "11"},                  // 6: fires
			{"002230", "--below", "5"},                   // 7: does not
			{"002230", "--change", "10", "--repeat"},     // 8: −14.29 %: fires, stays armed
			{"002230", "--limit"},                        // 9: 12 is below the limit down of 12.60: fires
			{"002230", "--drawdown", "20"},               // 10: 14.29 %: does not
			{"688111", "--above", "11"},                  // 11: fires
			{"600845", "--above", "1"},                   // 12: its ticker removed: not judged
		},
		removed: "600845",
		stock:   tick{Last: 12, Prev: 14, Open: 14, Volume: 1000, Time: "20260402095930"},
		bench:   tick{Last: 3300, Prev: 3300, Open: 3300, Volume: 1000, Time: "20260402095930"},
		fired:   []uint64{1, 3, 4, 6, 8, 9, 11},
	}, {
		name: "price levels across a 10转4",
		set:  "2024-06-20 10:00", now: "2024-07-02 10:00",
		alerts: [][]string{
			{"300634", "--below", "13"},  // 1: 9.29 after the 10转4: 9.20 fires
			{"300634", "--below", "12"},  // 2: 8.57 after it: does not
			{"300634", "--above", "12"},  // 3: 8.57 after it: fires
			{"300634", "--above", "14"},  // 4: 10.00 after it: does not
			{"300634", "--change", "20"}, // 5: −8 %: does not
		},
		stock: tick{Last: 9.2, Prev: 10, Open: 10, Volume: 1000, Time: "20240702095930"},
		bench: tick{Last: 3300, Prev: 3300, Open: 3300, Volume: 1000, Time: "20240702095930"},
		fired: []uint64{1, 3},
	}, {
		name: "quotes off",
		set:  "2026-04-01 10:00", now: "2026-04-02 10:00",
		alerts: [][]string{
			{"002230", "--no-note", "30"},   // 1: fires
			{"688111", "--no-note", "30"},   // 2: re-rated overweight since: never
			{"002230", "--above", "11"},     // 3: needs a quote: not judged
			{"002230", "--no-note", "3000"}, // 4: not yet
		},
		offline: true,
		fired:   []uint64{1},
	}}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			ks := newKlineServer(t)
			ts := newTickServer(t)
			ts.klines = ks.URL
			dir := t.TempDir()
			cliDB, tuiDB := filepath.Join(dir, "cli.db"), filepath.Join(dir, "tui.db")
			setNow(t, sc.set)
			for _, args := range sc.alerts {
				if args[0] == "688111" && args[1] == "--no-note" {
					// set while it was rated buy (a no-note alert on
					// another rating is refused), re-rated since: it
					// never fires
					mustRun(t, cliDB, "--offline", "rate", "688111", "buy")
					mustRun(t, cliDB, append([]string{"--offline", "alert", "add"}, args...)...)
					mustRun(t, cliDB, "--offline", "rate", "688111", "overweight")
					continue
				}
				mustRun(t, cliDB, append([]string{"--offline", "alert", "add"}, args...)...)
			}
			if sc.removed != "" {
				mustRun(t, cliDB, "rm", sc.removed)
			}
			setNow(t, sc.now)
			// the history both judge on, stored before: the TUI reads what
			// is stored, as the CLI does once it has fetched
			if _, e, code := run(t, cliDB, "", "--quotes-url", ts.URL, "scorecard"); code != 0 {
				t.Fatalf("scorecard: %d %s", code, e)
			}
			copyFile(t, cliDB, tuiDB)
			if !reflect.DeepEqual(storedAlerts(t, cliDB), storedAlerts(t, tuiDB)) {
				t.Fatal("the copies differ before the checks")
			}
			ts.set(sc.stock)
			ts.setBench(sc.bench)

			quotes := []string{"--quotes-url", ts.URL}
			tuiQuotes := ts.URL
			if sc.offline {
				quotes, tuiQuotes = []string{"--offline"}, ""
			}
			out, e, code := run(t, cliDB, "", append(quotes, "alert", "check", "--format", "json")...)
			if code != ExitFired {
				t.Fatalf("alert check: exit %d\n%s\n%s", code, out, e)
			}
			var checked struct {
				Fired []struct {
					ID uint64 `json:"id"`
				} `json:"fired"`
			}
			if err := json.Unmarshal([]byte(out), &checked); err != nil {
				t.Fatal(err)
			}
			var cliFired []uint64
			for _, f := range checked.Fired {
				cliFired = append(cliFired, f.ID)
			}
			slices.Sort(cliFired)
			if !slices.Equal(cliFired, sc.fired) {
				t.Errorf("the CLI fired %v, want %v\n%s", cliFired, sc.fired, e)
			}

			tuiRound(t, tuiDB, tuiQuotes)

			cliState, tuiState := storedAlerts(t, cliDB), storedAlerts(t, tuiDB)
			now := nowFunc()
			var tuiFired []uint64
			for _, a := range tuiState {
				if len(a.Firings) > 0 && a.Firings[len(a.Firings)-1].At.Equal(now) {
					tuiFired = append(tuiFired, a.ID)
				}
			}
			if !slices.Equal(tuiFired, cliFired) {
				t.Errorf("the TUI fired %v, the CLI %v", tuiFired, cliFired)
			}
			if len(cliState) != len(tuiState) {
				t.Fatalf("%d alerts recorded by the CLI, %d by the TUI", len(cliState), len(tuiState))
			}
			for i := range cliState {
				if !reflect.DeepEqual(cliState[i], tuiState[i]) {
					t.Errorf("alert %d recorded differently:\nCLI %+v\nTUI %+v", cliState[i].ID, cliState[i], tuiState[i])
				}
			}
			// and a TUI refresh after the CLI's check fires nothing again:
			// one crossing, one firing, whichever front end saw it first
			tuiRound(t, cliDB, tuiQuotes)
			if again := storedAlerts(t, cliDB); !reflect.DeepEqual(again, cliState) {
				t.Errorf("the TUI changed what the CLI's check recorded:\nbefore %+v\nafter  %+v", cliState, again)
			}
		})
	}
}
