package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestCalendarSaysWhetherADayIsASession(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	out := mustRun(t, db, "calendar", "2027-01-01", "2027-03-01", "2026-10-02", "2028-10-02")
	for _, want := range []string{
		"2027-01-01 Fri  closed: 元旦 (State Council holiday plan)",
		"2027-03-01 Mon  session (State Council holiday plan",
		"2026-10-02 Fri  closed: 国庆节 (exchange notice)",
		"2028-10-02 Mon  closed: 国庆节 (statutory holiday)",
		"exchange notices 2024–2026",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("calendar output lacks %q:\n%s", want, out)
		}
	}
	if _, errs, code := run(t, db, "", "calendar", "2027-13-01"); code == 0 || !strings.Contains(errs, "YYYY-MM-DD") {
		t.Errorf("a bad date: exit %d, %q", code, errs)
	}
}

// The calendar running out is said to the user, not a failing build: doctor
// and config say it from a month before the notices end.
func TestDoctorAndConfigSayTheCalendarIsProvisional(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "list")
	setNow(t, "2026-11-01 10:00")
	if out := mustRun(t, db, "doctor"); strings.Contains(out, "note:") || !strings.Contains(out, "exchange notices 2024–2026") {
		t.Errorf("doctor two months before the end:\n%s", out)
	}
	setNow(t, "2027-03-01 10:00")
	for _, args := range [][]string{{"doctor"}, {"config"}} {
		out := mustRun(t, db, args...)
		if !strings.Contains(out, "notices in this build end with 2026") || !strings.Contains(out, "State Council") {
			t.Errorf("%v after the notices end:\n%s", args, out)
		}
	}
	if out := mustRun(t, db, "version"); !strings.Contains(out, "trading calendar: exchange notices 2024–2026") {
		t.Errorf("version: %s", out)
	}
}
