package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestAlertsAndPositionsSurviveExportImport(t *testing.T) {
	ts := newTickServer(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	setNow(t, "2026-04-02 10:00")
	seedPosition(t, db)
	mustRun(t, db, "alert", "add", "002230", "--above", "50", "--note", "breakout", "--expires", "2026-12-31")
	mustRun(t, db, "alert", "add", "300634", "--since-call", "20", "--excess", "--repeat")
	ts.set(tick{Last: 51, Prev: 48, Open: 48, Volume: 1000, Time: "20260402095930"})
	if _, _, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check"); code != ExitFired {
		t.Fatalf("check: %d", code)
	}
	alerts := mustRun(t, db, "alert", "list", "--format", "json")
	pos := mustRun(t, db, "--offline", "position", "list", "--format", "json")

	file := filepath.Join(dir, "all.json")
	mustRun(t, db, "export", "--format", "json", "-o", file)
	fresh := filepath.Join(dir, "fresh.db")
	out := mustRun(t, fresh, "import", file)
	if !strings.Contains(out, "2 of 2 alerts added") || !strings.Contains(out, "3 of 3 buys and sells added") {
		t.Errorf("import:\n%s", out)
	}
	if got := mustRun(t, fresh, "alert", "list", "--format", "json"); got != alerts {
		t.Errorf("alerts after the round trip:\n%s\nwant\n%s", got, alerts)
	}
	if got := mustRun(t, fresh, "--offline", "position", "list", "--format", "json"); got != pos {
		t.Errorf("positions after the round trip:\n%s\nwant\n%s", got, pos)
	}
	// the fired alert stays fired: the same crossing does not fire again
	// (the since-call alert has no price history to be judged on)
	if _, _, code := run(t, fresh, "", "--quotes-url", ts.URL, "alert", "check"); code != ExitUnjudged {
		t.Errorf("imported fired alert fired again: %d", code)
	}
	// importing into the database it came from adds nothing
	out = mustRun(t, db, "import", file)
	if !strings.Contains(out, "0 of 2 alerts added") || !strings.Contains(out, "0 of 3 buys and sells added") {
		t.Errorf("re-import:\n%s", out)
	}
	if got := mustRun(t, db, "--offline", "position", "list", "--format", "json"); got != pos {
		t.Error("re-import changed the positions")
	}
}
