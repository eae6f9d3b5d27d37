package sectors

import (
	"testing"
	"time"
	"zixuan/sectors/market"
)

// An observation older than the alert's last change, by the check's clock
// or by its quote's time, changes nothing: a late "below" cannot prime an
// alert that fired on a newer quote, nor one re-armed after it was made.
func TestStaleObservationChangesNothing(t *testing.T) {
	a, err := NewAlert(market.MustParseCode("600519"), AlertAbove, 100, time.Time{}, at("2026-04-02", "09:00"))
	if err != nil {
		t.Fatal(err)
	}
	a.Repeat = true
	obs := func(last float64, checkAt, quoteAt string) AlertMarket {
		return AlertMarket{Now: at("2026-04-02", checkAt), Quote: trade(last, 95, at("2026-04-02", quoteAt))}
	}
	if fired, _, _ := a.Observe(obs(101, "10:02", "10:02")); !fired {
		t.Fatal("the crossing did not fire")
	}
	for _, o := range []AlertMarket{
		obs(99, "10:01", "10:01"), // a check begun before the firing
		obs(99, "10:03", "10:01"), // a later check with an older quote
	} {
		if _, changed, _ := a.Observe(o); changed || a.Primed {
			t.Errorf("a stale observation at %v (quote %v) primed the alert", o.Now, o.Quote.Time)
		}
	}
	if fired, _, _ := a.Observe(obs(102, "10:04", "10:04")); fired {
		t.Error("the same crossing fired twice")
	}
	// re-armed at 10:05: a check begun before is ignored, one after counts
	a.Rearm(at("2026-04-02", "10:05"))
	if _, changed, _ := a.Observe(obs(99, "10:04", "10:04")); changed {
		t.Error("a check begun before the re-arm primed it")
	}
	if _, changed, _ := a.Observe(obs(99, "10:06", "10:06")); !changed || !a.Primed {
		t.Error("a check after the re-arm did not prime it")
	}
	if fired, _, _ := a.Observe(obs(101, "10:07", "10:07")); !fired {
		t.Error("a new crossing did not fire")
	}
}
