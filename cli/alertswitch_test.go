package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestAlertDisableAndEnable(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	mustRun(t, db, "alert", "add", "002230", "--above", "100")
	if out := mustRun(t, db, "alert", "disable", "1"); !strings.Contains(out, "alert 1 off: SZ002230 above 100.00") {
		t.Errorf("disable said %q", out)
	}
	if l := alertList(t, db); l.Alerts[0].State != "disabled" {
		t.Errorf("state after disable %q", l.Alerts[0].State)
	}
	if out := mustRun(t, db, "alert", "enable", "1"); !strings.Contains(out, "alert 1 on") {
		t.Errorf("enable said %q", out)
	}
	if l := alertList(t, db); l.Alerts[0].State != "armed" {
		t.Errorf("state after enable %q", l.Alerts[0].State)
	}
	if _, errs, code := run(t, db, "", "alert", "disable", "7"); code != 1 || !strings.Contains(errs, "there is no alert 7") {
		t.Errorf("missing: exit %d %q", code, errs)
	}
}
