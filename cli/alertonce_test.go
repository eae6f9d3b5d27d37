package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"zixuan/sectors/market"
)

// setClock gives the CLI a clock the test moves while a check runs.
func setClock(t *testing.T, s string) func(string) {
	t.Helper()
	var at atomic.Pointer[time.Time]
	set := func(s string) {
		t.Helper()
		v, err := time.ParseInLocation("2006-01-02 15:04:05", s, market.China)
		if err != nil {
			t.Fatal(err)
		}
		at.Store(&v)
	}
	set(s)
	old := nowFunc
	nowFunc = func() time.Time { return *at.Load() }
	t.Cleanup(func() { nowFunc = old })
	return set
}

// lateCheck starts a check whose quote answer (the tick of now) is held
// until the returned release is called; release waits for the check to
// end and returns its exit status.
func lateCheck(t *testing.T, ts *tickServer, db string) (release func() int) {
	t.Helper()
	hold, arrived := make(chan struct{}), make(chan struct{})
	ts.mu.Lock()
	ts.hold, ts.arrived = hold, arrived
	ts.mu.Unlock()
	done := make(chan int, 1)
	go func() {
		_, _, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check")
		done <- code
	}()
	select {
	case <-arrived:
	case <-time.After(10 * time.Second):
		t.Fatal("the late check never asked for quotes")
	}
	return func() int { close(hold); return <-done }
}

func firings(t *testing.T, db string) int {
	t.Helper()
	var l struct {
		Alerts []struct {
			Firings []json.RawMessage `json:"firings"`
		} `json:"alerts"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "alert", "list", "--format", "json")), &l); err != nil || len(l.Alerts) != 1 {
		t.Fatalf("alert list: %v %+v", err, l)
	}
	return len(l.Alerts[0].Firings)
}

// A check whose quote answer arrives after a newer check fired must not
// prime the alert again: one crossing, one firing, for a repeating alert
// and for one re-armed meanwhile.
func TestLateQuoteAnswerDoesNotFireTwice(t *testing.T) {
	for _, rearm := range []bool{false, true} {
		name := map[bool]string{false: "repeat", true: "rearmed"}[rearm]
		t.Run(name, func(t *testing.T) {
			ts := newTickServer(t)
			db := filepath.Join(t.TempDir(), "z.db")
			clock := setClock(t, "2026-04-02 10:00:00")
			args := []string{"alert", "add", "002230", "--above", "50"}
			if !rearm {
				args = append(args, "--repeat")
			}
			mustRun(t, db, args...)
			check := func(at, stamp string, last float64) int {
				t.Helper()
				clock("2026-04-02 " + at)
				ts.set(tick{Last: last, Prev: 48, Open: 48, Volume: 1000, Time: stamp})
				_, _, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check")
				return code
			}
			// A check begins at 10:01 below the level; its answer is late.
			clock("2026-04-02 10:01:00")
			ts.set(tick{Last: 49, Prev: 48, Open: 48, Volume: 1000, Time: "20260402100100"})
			release := lateCheck(t, ts, db)
			// Meanwhile the price crosses and a newer check fires.
			if code := check("10:02:00", "20260402100200", 51); code != ExitFired {
				t.Fatalf("the crossing: exit %d", code)
			}
			if rearm {
				clock("2026-04-02 10:02:30")
				mustRun(t, db, "alert", "rearm", "1")
			}
			if code := release(); code != 0 {
				t.Errorf("the late check: exit %d", code)
			}
			// Still above: the same crossing, whatever the late check saw.
			if code := check("10:03:00", "20260402100300", 52); code != 0 {
				t.Errorf("the same crossing fired again: exit %d", code)
			}
			if n := firings(t, db); n != 1 {
				t.Errorf("%d firings for one crossing", n)
			}
			// A real new crossing still fires.
			check("10:04:00", "20260402100400", 49)
			if code := check("10:05:00", "20260402100500", 51); code != ExitFired {
				t.Errorf("a new crossing: exit %d", code)
			}
		})
	}
}

// A quote older than the one an alert last changed on is not looked at,
// whatever the check's clock says (a lagging mirror).
func TestOlderQuoteIsIgnored(t *testing.T) {
	ts := newTickServer(t)
	db := filepath.Join(t.TempDir(), "z.db")
	clock := setClock(t, "2026-04-02 10:00:00")
	mustRun(t, db, "alert", "add", "002230", "--above", "50", "--repeat")
	ts.set(tick{Last: 51, Prev: 48, Open: 48, Volume: 1000, Time: "20260402100200"})
	if _, _, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check"); code != ExitFired {
		t.Fatalf("crossing: %d", code)
	}
	for i, q := range []struct {
		last  float64
		stamp string
	}{{49, "20260402100100"}, {51, "20260402100300"}} {
		clock("2026-04-02 10:03:" + []string{"10", "20"}[i])
		ts.set(tick{Last: q.last, Prev: 48, Open: 48, Volume: 1000, Time: q.stamp})
		if _, _, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check"); code != 0 {
			t.Errorf("quote %v: exit %d", q, code)
		}
	}
	if n := firings(t, db); n != 1 {
		t.Errorf("%d firings", n)
	}
}

// A fired alert's --exec is owed until it exits 0: a failing or killed
// command runs again at the next check, and once delivered, never again.
func TestExecIsDeliveredAtLeastOnce(t *testing.T) {
	ts := newTickServer(t)
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	mustRun(t, db, "alert", "add", "002230", "--above", "50")
	ts.set(tick{Last: 51, Prev: 48, Open: 48, Volume: 1000, Time: "20260402095930"})
	hook := filepath.Join(t.TempDir(), "hook.txt")
	check := func(exec string, extra ...string) (string, string, int) {
		t.Helper()
		return run(t, db, "", append([]string{"--quotes-url", ts.URL, "alert", "check", "--exec", exec}, extra...)...)
	}
	_, e, code := check("exit 1")
	if code != ExitDeliveryFailed || !strings.Contains(e, "alert 1") || !strings.Contains(e, "runs again") {
		t.Fatalf("failing command: exit %d %q", code, e)
	}
	if out := mustRun(t, db, "alert", "list"); !strings.Contains(out, "1 --exec owed") {
		t.Errorf("list does not show the delivery owed:\n%s", out)
	}
	// killed by a signal, then timed out: still owed
	if _, e, code := check("kill -9 $$"); code != ExitDeliveryFailed {
		t.Errorf("killed command: exit %d %q", code, e)
	}
	if _, e, code := check("sleep 30", "--exec-timeout", "100ms"); code != ExitDeliveryFailed || !strings.Contains(e, "timed out") {
		t.Errorf("slow command: exit %d %q", code, e)
	}
	o, e, code := check(`echo "$ZIXUAN_ALERT_ID $ZIXUAN_ALERT_PRICE" >> `+hook, "--format", "json")
	if code != ExitDelivered || !strings.Contains(o, `"delivered": [`) {
		t.Errorf("delivery: exit %d %q %q", code, o, e)
	}
	if _, _, code := check(`echo again >> ` + hook); code != 0 {
		t.Errorf("after delivery: exit %d", code)
	}
	if got, _ := os.ReadFile(hook); string(got) != "1 51.00\n" {
		t.Errorf("the hook ran %q", got)
	}
}

// A check that cannot judge an armed alert says why and exits
// ExitUnjudged; an alert on a ticker taken off the list is not fired and
// the list says why.
func TestUnjudgedAlertsAreNamed(t *testing.T) {
	ts := newTickServer(t)
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	mustRun(t, db, "alert", "add", "300634", "--since-call", "20")
	ts.set(tick{Last: 51, Prev: 48, Open: 48, Volume: 1000, Time: "20260402095930"})
	_, e, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check")
	if code != ExitUnjudged || !strings.Contains(e, "alert 1 (SZ300634) not judged") {
		t.Errorf("since-call without history: exit %d %q", code, e)
	}
	mustRun(t, db, "alert", "rm", "1")
	mustRun(t, db, "alert", "add", "002230", "--above", "50")
	mustRun(t, db, "rm", "002230")
	_, e, code = run(t, db, "", "--quotes-url", ts.URL, "alert", "check")
	if code != ExitUnjudged || !strings.Contains(e, "not on the watchlist") {
		t.Errorf("removed ticker: exit %d %q", code, e)
	}
	if n := firings(t, db); n != 0 {
		t.Errorf("an alert on a removed ticker fired %d times", n)
	}
	if out := mustRun(t, db, "alert", "list"); !strings.Contains(out, "ticker removed") {
		t.Errorf("list:\n%s", out)
	}
	if out := mustRun(t, db, "alert", "list", "-f", "json"); !strings.Contains(out, `"ticker_removed": true`) {
		t.Errorf("list json:\n%s", out)
	}
}

// --exec gets the alert's fields whole, however long.
func TestExecGetsLongValuesWhole(t *testing.T) {
	ts := newTickServer(t)
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	note := strings.Repeat("长", 3000) // 9 KB
	mustRun(t, db, "alert", "add", "002230", "--above", "50", "--note", note)
	ts.set(tick{Last: 51, Prev: 48, Open: 48, Volume: 1000, Time: "20260402095930"})
	hook := filepath.Join(t.TempDir(), "hook.txt")
	if _, e, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check", "--exec", `printf '%s' "$ZIXUAN_ALERT_NOTE" > `+hook); code != ExitFired {
		t.Fatalf("exit %d %q", code, e)
	}
	if got, _ := os.ReadFile(hook); string(got) != note {
		t.Errorf("the note reached --exec as %d bytes, want %d", len(got), len(note))
	}
}

// Firings owed by one alert are delivered oldest first, each once.
func TestOwedFiringsArriveInOrder(t *testing.T) {
	ts := newTickServer(t)
	db := filepath.Join(t.TempDir(), "z.db")
	clock := setClock(t, "2026-04-02 10:00:00")
	mustRun(t, db, "alert", "add", "002230", "--above", "50", "--repeat")
	mustRun(t, db, "alert", "add", "300634", "--above", "50")
	hook := filepath.Join(t.TempDir(), "hook.txt")
	check := func(at, stamp string, last float64, exec string) int {
		t.Helper()
		clock("2026-04-02 " + at)
		ts.set(tick{Last: last, Prev: 48, Open: 48, Volume: 1000, Time: stamp})
		_, _, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check", "--exec", exec)
		return code
	}
	if code := check("10:01:00", "20260402100100", 51, "exit 1"); code != ExitDeliveryFailed {
		t.Fatalf("first firing: %d", code)
	}
	check("10:02:00", "20260402100200", 49, "exit 1")
	if code := check("10:03:00", "20260402100300", 52, "exit 1"); code != ExitDeliveryFailed {
		t.Fatalf("second firing: %d", code)
	}
	write := `echo "$ZIXUAN_ALERT_CODE $ZIXUAN_ALERT_PRICE" >> ` + hook
	if code := check("10:04:00", "20260402100400", 52, write); code != ExitDelivered {
		t.Errorf("delivery: %d", code)
	}
	got, _ := os.ReadFile(hook)
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	slices.Sort(lines) // the alerts run side by side; each alert's own in order
	want := []string{"SZ002230 51.00", "SZ002230 52.00", "SZ300634 51.00"}
	if !slices.Equal(lines, want) {
		t.Errorf("delivered %q, want %q", lines, want)
	}
	if i, j := strings.Index(string(got), "SZ002230 51.00"), strings.Index(string(got), "SZ002230 52.00"); i > j {
		t.Errorf("an alert's firings out of order:\n%s", got)
	}
}

// A firing the TUI makes on a database where alert check --exec runs (from
// cron) is owed to that command as the check's own would be: the next
// check with --exec runs it, once. Where no check with --exec has run, the
// TUI's firing owes nothing.
func TestTUIFiringIsOwedToExec(t *testing.T) {
	ts := newTickServer(t)
	hook := filepath.Join(t.TempDir(), "hook.txt")
	for _, cron := range []bool{true, false} {
		db := filepath.Join(t.TempDir(), "z.db")
		setNow(t, "2026-04-02 10:00")
		mustRun(t, db, "alert", "add", "002230", "--above", "50")
		ts.set(tick{Last: 49, Prev: 48, Open: 48, Volume: 1000, Time: "20260402095930"})
		if cron {
			if _, e, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check", "--exec", "exit 0"); code != 0 {
				t.Fatalf("a check with nothing to fire: exit %d %q", code, e)
			}
		}
		ts.set(tick{Last: 51, Prev: 48, Open: 48, Volume: 1000, Time: "20260402095930"})
		tuiRound(t, db, ts.URL)
		if a := storedAlerts(t, db); len(a) != 1 || a[0].FiredPrice != 51 {
			t.Fatalf("the TUI did not fire it: %+v", a)
		}
		os.Remove(hook)
		_, e, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check", "--exec", `echo "$ZIXUAN_ALERT_ID $ZIXUAN_ALERT_PRICE" >> `+hook)
		got, _ := os.ReadFile(hook)
		switch {
		case cron && (code != ExitDelivered || string(got) != "1 51.00\n"):
			t.Errorf("with cron's --exec before: exit %d %q, the command ran %q, want it run once for the TUI's firing", code, e, got)
		case !cron && (code != 0 || len(got) != 0):
			t.Errorf("with no --exec before: exit %d %q, the command ran %q, want nothing owed", code, e, got)
		}
	}
}
