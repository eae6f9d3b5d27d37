package store

import (
	"errors"
	"strings"
	"testing"
	"time"
	"zixuan/sectors/market"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

func chinaAt(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, market.China)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAlertsSurviveReopenAndFireOnce(t *testing.T) {
	s := newStore(t)
	now := chinaAt("2026-04-02 10:00")
	s.SetClock(func() time.Time { return now })
	a, err := sectors.NewAlert(code("002230"), sectors.AlertAbove, 100, chinaAt("2026-04-30 00:00"), now)
	if err != nil {
		t.Fatal(err)
	}
	a.Note = "breakout"
	got, err := s.AddAlert(a)
	if err != nil || got.ID != 1 {
		t.Fatalf("add: %+v %v", got, err)
	}
	observe := func(last float64) []sectors.Alert {
		t.Helper()
		q := &sectors.AlertQuote{Last: last, PrevClose: 95, ChangePct: 1, High: last, Time: now}
		fired, err := s.ObserveAlerts(func(a *sectors.Alert) (bool, bool) {
			f, c, _ := a.Observe(sectors.AlertMarket{Now: now, Quote: q})
			return f, c
		})
		if err != nil {
			t.Fatal(err)
		}
		return fired
	}
	gen, _ := s.Generation()
	if f := observe(99); len(f) != 0 {
		t.Fatalf("fired at 99: %+v", f)
	}
	if g, _ := s.Generation(); g != gen {
		t.Error("a check that changed nothing wrote")
	}
	if f := observe(101); len(f) != 1 || f[0].FiredPrice != 101 {
		t.Fatalf("crossing: %+v", f)
	}
	if f := observe(102); len(f) != 0 {
		t.Fatal("fired twice")
	}
	// a new process sees the same
	s2, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	s2.SetClock(func() time.Time { return now })
	list, err := s2.Alerts()
	if err != nil || len(list) != 1 {
		t.Fatalf("%+v %v", list, err)
	}
	b := list[0]
	if b.State(now) != sectors.AlertFired || b.FiredPrice != 101 || !b.FiredAt.Equal(now) || b.Note != "breakout" ||
		market.ChinaDate(b.Expires) != "2026-04-30" || len(b.Firings) != 1 {
		t.Errorf("after reopen %+v", b)
	}
	if _, err := s2.RearmAlert(1, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if f := observe(103); len(f) != 0 {
		t.Error("re-armed alert fired on the same crossing")
	}
	observe(90)
	if f := observe(100.5); len(f) != 1 {
		t.Error("re-armed alert did not fire on a new crossing")
	}
	if _, err := s.RemoveAlert(1); err != nil {
		t.Fatal(err)
	}
	var se *Error
	if _, err := s.RemoveAlert(1); !errors.As(err, &se) || se.Reason != NoSuchAlert || !errors.Is(err, ErrNotFound) {
		t.Errorf("second rm: %v", err)
	}
	if _, err := s.RearmAlert(7, time.Time{}); !errors.As(err, &se) || se.Reason != NoSuchAlert {
		t.Errorf("rearm missing: %v", err)
	}
}

func TestBadAlertsStoreNothing(t *testing.T) {
	s := newStore(t)
	now := chinaAt("2026-04-02 10:00")
	s.SetClock(func() time.Time { return now })
	gen, _ := s.Generation()
	var se *Error
	// not on the list
	a := sectors.Alert{Code: code("600000"), Kind: sectors.AlertAbove, Value: 10, Armed: true, Primed: true}
	if _, err := s.AddAlert(a); !errors.As(err, &se) || se.Reason != NotOnList {
		t.Errorf("unknown ticker: %v", err)
	}
	a.Code, a.Value = code("002230"), -3
	if _, err := s.AddAlert(a); !errors.As(err, &se) || se.Reason != BadAlert || !errors.Is(err, ErrInvalid) {
		t.Errorf("negative price: %v", err)
	}
	a.Value, a.Expires = 3, chinaAt("2026-04-01 00:00")
	if _, err := s.AddAlert(a); !errors.As(err, &se) || se.Reason != BadAlert {
		t.Errorf("expired: %v", err)
	}
	if g, _ := s.Generation(); g != gen {
		t.Error("a refused alert wrote")
	}
	if list, _ := s.Alerts(); len(list) != 0 {
		t.Errorf("stored %+v", list)
	}
}

func TestTradesReplayIntoPositions(t *testing.T) {
	s := newStore(t)
	now := chinaAt("2026-04-02 10:00")
	s.SetClock(func() time.Time { return now })
	buy := sectors.Trade{Code: code("688111"), Side: sectors.Bought, Qty: 400, Price: 200, Fee: 10, Date: chinaAt("2026-03-02 00:00")}
	if _, err := s.AddTrade(buy); err != nil {
		t.Fatal(err)
	}
	var se *Error
	sell := sectors.Trade{Code: code("688111"), Side: sectors.Sold, Qty: 150, Price: 250, Date: chinaAt("2026-03-20 00:00")}
	if _, err := s.AddTrade(sell); !errors.As(err, &se) || se.Reason != BadTrade {
		t.Errorf("STAR sell of 150 of 400: %v", err) // at least 200, or the whole holding
	}
	sell.Qty = 200
	if _, err := s.AddTrade(sell); err != nil {
		t.Fatal(err)
	}
	over := sell
	over.Qty = 201
	if _, err := s.AddTrade(over); !errors.As(err, &se) || se.Reason != Oversold {
		t.Errorf("oversell: %v", err)
	}
	bad := buy
	bad.Qty = 100 // STAR: at least 200
	if _, err := s.AddTrade(bad); !errors.As(err, &se) || se.Reason != BadTrade {
		t.Errorf("STAR 100: %v", err)
	}
	bad = buy
	bad.Code = code("BJ430001") // neither listed in the master nor on the list
	if _, ok := market.LookupMaster(bad.Code); !ok {
		if _, err := s.AddTrade(bad); !errors.As(err, &se) || se.Reason != NotOnList {
			t.Errorf("unknown code: %v", err)
		}
	}
	s2, _ := Open(s.Path())
	ps, err := s2.Positions()
	if err != nil || len(ps) != 1 {
		t.Fatalf("%+v %v", ps, err)
	}
	p := ps[0]
	if p.Qty != 200 || p.Cost != 200*200+10*200.0/400 || p.Realised != 200*50-10*200.0/400 {
		t.Errorf("position %+v", p)
	}
	// removing the buy would leave the sell without shares
	if _, err := s2.RemoveTrade(1); !errors.As(err, &se) || se.Reason != Oversold {
		t.Errorf("rm the buy: %v", err)
	}
	if _, err := s2.RemoveTrade(2); err != nil {
		t.Fatal(err)
	}
	if _, err := s2.RemoveTrade(2); !errors.As(err, &se) || se.Reason != NoSuchTrade {
		t.Errorf("rm twice: %v", err)
	}
	// import: what is there is not doubled, the rest comes in
	trades, _ := s2.Trades()
	more := append(trades, sectors.Trade{Code: code("600519"), Side: sectors.Bought, Qty: 100, Price: 1500, Date: chinaAt("2026-03-02 00:00"), Created: now})
	n, err := s2.ImportTrades(more)
	if err != nil || n != 1 {
		t.Errorf("import: %d %v", n, err)
	}
	if n, _ := s2.ImportTrades(more); n != 0 {
		t.Errorf("import again added %d", n)
	}
}

func TestUpgradedSchema1FileHoldsAlertsAndTrades(t *testing.T) {
	path := schema1Copy(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	err = s.view(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketAlerts, bucketTrades} {
			if tx.Bucket(b) == nil {
				t.Errorf("no %s bucket after the upgrade", b)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTrade(sectors.Trade{Code: code("600519"), Side: sectors.Bought, Qty: 100, Price: 1500, Date: chinaAt("2026-03-02 00:00")}); err != nil {
		t.Fatal(err)
	}
}

func TestDoctorChecksAlertsAndTrades(t *testing.T) {
	s := newStore(t)
	now := chinaAt("2026-04-02 10:00")
	s.SetClock(func() time.Time { return now })
	if _, err := s.AddTrade(sectors.Trade{Code: code("600519"), Side: sectors.Bought, Qty: 100, Price: 1500, Date: chinaAt("2026-03-02 00:00")}); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("healthy file: %v %v", problems, err)
	}
	// a sell written behind the store's back, of more than is held, and
	// an alert that does not decode
	err := s.update(func(tx *bolt.Tx) error {
		if err := putJSON(tx.Bucket(bucketTrades), itob(9), tradeRecord{Code: "SH600519", Side: "sell", Date: "2026-03-03", Price: 1, Qty: 500}); err != nil {
			return err
		}
		return tx.Bucket(bucketAlerts).Put(itob(3), []byte("{"))
	})
	if err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check()
	if err != nil || len(problems) != 2 || !strings.Contains(problems[0], "alerts/3") || !strings.Contains(problems[1], "holds 100") {
		t.Errorf("%q %v", problems, err)
	}
}

// A backdated buy that makes a stored sell break the lot rule is refused,
// naming the sell; stored trades that broke a rule before stay as they are.
func TestABackdatedTradeThatUpsetsAStoredSellIsRefused(t *testing.T) {
	s := newStore(t)
	s.SetClock(func() time.Time { return chinaAt("2026-04-02 10:00") })
	add := func(tr sectors.Trade) error { _, err := s.AddTrade(tr); return err }
	c := code("600519")
	if err := add(sectors.Trade{Code: c, Side: sectors.Bought, Qty: 37, Price: 1500, Date: chinaAt("2026-03-02 00:00"), Forced: true}); err != nil {
		t.Fatal(err)
	}
	// 37 held: selling them all is the whole holding
	if err := add(sectors.Trade{Code: c, Side: sectors.Sold, Qty: 37, Price: 1600, Date: chinaAt("2026-03-10 00:00")}); err != nil {
		t.Fatal(err)
	}
	// a buy of 100 before it makes that sell 37 of 137: the odd remainder,
	// still fine; a forced 50 would make it 37 of 87, which breaks the rule
	if err := add(sectors.Trade{Code: c, Side: sectors.Bought, Qty: 100, Price: 1500, Date: chinaAt("2026-03-03 00:00")}); err != nil {
		t.Errorf("a buy that leaves the sell the odd remainder: %v", err)
	}
	err := add(sectors.Trade{Code: c, Side: sectors.Bought, Qty: 50, Price: 1500, Date: chinaAt("2026-03-04 00:00"), Forced: true})
	var se *Error
	if !errors.As(err, &se) || se.Reason != BadTrade || !strings.Contains(err.Error(), "SH600519 2's sell of 2026-03-10 would break a rule") {
		t.Errorf("a buy that upsets the stored sell: %v", err)
	}
}

// A no-note alert watches a buy call: on a ticker rated otherwise it
// could never fire and is refused, saying why; nothing is stored.
func TestNoNoteAlertNeedsABuyRating(t *testing.T) {
	s := newStore(t)
	now := time.Date(2026, 4, 1, 10, 0, 0, 0, market.China)
	a, err := sectors.NewAlert(code("688111"), sectors.AlertNoNote, 30, time.Time{}, now)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAlert(a); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "rate it buy first") {
		t.Fatalf("no-note on a ticker rated overweight: %v", err)
	}
	if list, _ := s.Alerts(); len(list) != 0 {
		t.Errorf("a refused alert was stored: %v", list)
	}
	if _, err := s.SetRating(code("688111"), sectors.Buy, "", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAlert(a); err != nil {
		t.Errorf("no-note on a ticker rated buy: %v", err)
	}
}
