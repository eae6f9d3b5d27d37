package store

import (
	"errors"
	"testing"
	"time"

	"zixuan/sectors"
)

func TestAnAlertSwitchedOffIsNotJudgedAndOnAgainWaitsForANewCrossing(t *testing.T) {
	s := newStore(t)
	now := chinaAt("2026-04-02 10:00")
	s.SetClock(func() time.Time { return now })
	a, _ := sectors.NewAlert(code("002230"), sectors.AlertAbove, 100, time.Time{}, now)
	a.Note = "breakout"
	a, err := s.AddAlert(a)
	if err != nil {
		t.Fatal(err)
	}
	observe := func(last float64) int {
		t.Helper()
		q := &sectors.AlertQuote{Last: last, PrevClose: 95, ChangePct: 1, High: last, Time: now}
		fired, err := s.ObserveAlerts(func(a *sectors.Alert) (bool, bool) {
			f, c, _ := a.Observe(sectors.AlertMarket{Now: now, Quote: q})
			return f, c
		})
		if err != nil {
			t.Fatal(err)
		}
		return len(fired)
	}
	off, err := s.EnableAlert(a.ID, false)
	if err != nil || off.State(now) != sectors.AlertDisabled {
		t.Fatalf("off: %+v %v", off, err)
	}
	if n := observe(101); n != 0 {
		t.Fatal("a switched-off alert fired")
	}
	list, _ := s.Alerts()
	if list[0].State(now) != sectors.AlertDisabled || list[0].Note != "breakout" {
		t.Fatalf("stored %+v", list[0])
	}
	now = now.Add(time.Minute)
	if on, err := s.EnableAlert(a.ID, true); err != nil || on.State(now) != sectors.AlertArmed {
		t.Fatalf("on: %+v %v", on, err)
	}
	now = now.Add(time.Minute)
	if n := observe(102); n != 0 {
		t.Error("switched on above the level, it fired on the crossing it missed")
	}
	observe(99)
	if n := observe(101); n != 1 {
		t.Error("switched on, it did not fire on a new crossing")
	}
	// re-armed, one switched off is on again
	if _, err := s.EnableAlert(a.ID, false); err != nil {
		t.Fatal(err)
	}
	if re, err := s.RearmAlert(a.ID, time.Time{}); err != nil || re.State(now) != sectors.AlertArmed {
		t.Errorf("re-armed while off: %+v %v", re, err)
	}
	var se *Error
	if _, err := s.EnableAlert(9, true); !errors.As(err, &se) || se.Reason != NoSuchAlert {
		t.Errorf("missing: %v", err)
	}
}

func TestEditingAnAlertKeepsItsIdAndFiringsAndChecksTheNewCondition(t *testing.T) {
	s := newStore(t)
	now := chinaAt("2026-04-02 10:00")
	s.SetClock(func() time.Time { return now })
	a, _ := sectors.NewAlert(code("002230"), sectors.AlertAbove, 100, time.Time{}, now)
	a.Firings = []sectors.AlertFiring{{At: now.Add(-time.Hour), Price: 101}}
	a.Armed = false
	a, err := s.AddAlert(a)
	if err != nil {
		t.Fatal(err)
	}
	to, _ := sectors.NewAlert(code("002230"), sectors.AlertBelow, 80, time.Time{}, now)
	got, err := s.EditAlert(a.ID, to)
	if err != nil || got.ID != a.ID || got.Kind != sectors.AlertBelow || got.Value != 80 || len(got.Firings) != 1 || got.State(now) != sectors.AlertArmed {
		t.Fatalf("edit: %+v %v", got, err)
	}
	gen, _ := s.Generation()
	var se *Error
	bad := to
	bad.Value = -1
	if _, err := s.EditAlert(a.ID, bad); !errors.As(err, &se) || se.Reason != BadAlert {
		t.Errorf("negative price: %v", err)
	}
	// rated neutral, a no-note alert on it could never fire
	if _, err := s.SetRating(code("002230"), sectors.Neutral, "test", ""); err != nil {
		t.Fatal(err)
	}
	gen, _ = s.Generation()
	noNote, _ := sectors.NewAlert(code("002230"), sectors.AlertNoNote, 30, time.Time{}, now)
	if _, err := s.EditAlert(a.ID, noNote); !errors.As(err, &se) || se.Reason != BadAlert || !errors.Is(err, ErrInvalid) {
		t.Errorf("no-note on a ticker not rated buy: %v", err)
	}
	if g, _ := s.Generation(); g != gen {
		t.Error("a refused edit wrote")
	}
	if list, _ := s.Alerts(); list[0].Kind != sectors.AlertBelow || list[0].Value != 80 {
		t.Errorf("after refusals %+v", list[0])
	}
	if _, err := s.EditAlert(9, to); !errors.As(err, &se) || se.Reason != NoSuchAlert {
		t.Errorf("missing: %v", err)
	}
}
