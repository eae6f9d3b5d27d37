package service

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
)

// checkNow is the clock of these checks: a Thursday's morning session.
var checkNow = time.Date(2026, 4, 2, 10, 0, 0, 0, market.China)

// newStore is a fresh database (the seed's watchlist: 002230 rated buy by
// the report of 2024-05-12) on the check's clock.
func newStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	st.SetClock(func() time.Time { return checkNow })
	return st
}

func addAlert(t *testing.T, st *store.Store, code string, kind sectors.AlertKind, v float64, excess bool) sectors.Alert {
	t.Helper()
	a, err := sectors.NewAlert(market.MustParseCode(code), kind, v, time.Time{}, checkNow.AddDate(0, 0, -1))
	if err != nil {
		t.Fatal(err)
	}
	a.Excess = excess
	if a, err = st.AddAlert(a); err != nil {
		t.Fatal(err)
	}
	return a
}

// storeHistory keeps a daily history from 2024-04-01 to the day before
// the check: close at before until 2024-06-03, at after from then on.
func storeHistory(t *testing.T, st *store.Store, code string, before, after float64) {
	t.Helper()
	c := market.MustParseCode(code)
	h := sectors.PriceHistory{Code: c}
	from := time.Date(2024, 4, 1, 0, 0, 0, 0, market.China)
	to := market.ChinaDay(checkNow).AddDate(0, 0, -1)
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		if !market.IsTradingDay(d) {
			continue
		}
		p := before
		if !d.Before(time.Date(2024, 6, 3, 0, 0, 0, 0, market.China)) {
			p = after
		}
		h.Bars = append(h.Bars, sectors.DailyBar{Date: d, Open: p, Close: p, High: p, Low: p, Volume: 1000})
	}
	err := st.SaveHistories(map[string]store.HistoryUpdate{c.Key(): {Fetched: h, Covered: []sectors.DayRange{{From: from, To: to}}}})
	if err != nil {
		t.Fatal(err)
	}
}

// trade is a quote of a trade a few seconds before the check.
func trade(code string, last, prev float64) sectors.Quote {
	return sectors.Quote{Code: market.MustParseCode(code), Last: last, PrevClose: prev, Open: prev, High: max(last, prev), Low: min(last, prev),
		Change: last - prev, ChangePct: (last - prev) / prev * 100, Volume: 1000, Time: checkNow.Add(-30 * time.Second)}
}

func fixedQuotes(qs ...sectors.Quote) QuoteSource {
	return func([]market.Code) (map[string]sectors.Quote, error) {
		out := map[string]sectors.Quote{}
		for _, q := range qs {
			out[q.Code.Key()] = q
		}
		return out, nil
	}
}

func ids[T any](list []T, id func(T) uint64) []uint64 {
	var out []uint64
	for _, x := range list {
		out = append(out, id(x))
	}
	return out
}

func firedIDs(r AlertResult) []uint64 {
	return ids(r.Fired, func(f Fired) uint64 { return f.Alert.ID })
}

// Since-call and drawdown alerts are judged on the stored history, and
// the other kinds beside them, in one check.
func TestCheckAlertsJudgesSinceCallAndDrawdownOnStoredHistory(t *testing.T) {
	st := newStore(t)
	since := addAlert(t, st, "002230", sectors.AlertSinceCall, 15, false) // +20 %: fires
	excess := addAlert(t, st, "002230", sectors.AlertSinceCall, 15, true) // +10 % over 沪深300: does not
	dd := addAlert(t, st, "002230", sectors.AlertDrawdown, 10, false)     // 12 from the high of 14: fires
	above := addAlert(t, st, "002230", sectors.AlertAbove, 11, false)     // fires
	storeHistory(t, st, "002230", 10, 14)
	storeHistory(t, st, sectors.Benchmark.Key(), 3000, 3300)
	svc := &Service{Store: st, Now: func() time.Time { return checkNow }}
	res, err := svc.CheckAlerts(AlertCheck{Quotes: fixedQuotes(trade("002230", 12, 14), trade(sectors.Benchmark.Key(), 3300, 3300))})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := firedIDs(res), []uint64{since.ID, dd.ID, above.ID}; !slices.Equal(got, want) {
		t.Errorf("fired %v, want %v", got, want)
	}
	for _, f := range res.Fired {
		if f.Alert.ID == dd.ID && f.Firing.Detail != "drawdown 14.29 % from 14.00" {
			t.Errorf("drawdown detail %q", f.Firing.Detail)
		}
	}
	if len(res.Unjudged) != 0 {
		t.Errorf("unjudged %+v", res.Unjudged)
	}
	stored, _ := st.Alerts()
	for _, a := range stored {
		if fired := a.ID != excess.ID; fired == a.Armed {
			t.Errorf("alert %d (%s) armed %v after the check", a.ID, a.Describe(), a.Armed)
		}
	}
	// the same quote again: the same crossing fires nothing
	res, err = svc.CheckAlerts(AlertCheck{Quotes: fixedQuotes(trade("002230", 12, 14), trade(sectors.Benchmark.Key(), 3300, 3300))})
	if err != nil || len(res.Fired) != 0 {
		t.Errorf("a second check fired %v (%v)", firedIDs(res), err)
	}
}

// With no history stored since the call, a since-call alert is not
// judged, and says why: the service fetches nothing itself.
func TestSinceCallWithoutStoredHistoryIsUnjudged(t *testing.T) {
	st := newStore(t)
	a := addAlert(t, st, "002230", sectors.AlertSinceCall, 15, false)
	svc := &Service{Store: st, Now: func() time.Time { return checkNow }}
	res, err := svc.CheckAlerts(AlertCheck{Quotes: fixedQuotes(trade("002230", 12, 14))})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Fired) != 0 || len(res.Unjudged) != 1 || res.Unjudged[0].Alert.ID != a.ID || res.Unjudged[0].Why != UnjudgedNoHistory {
		t.Errorf("fired %v, unjudged %+v", firedIDs(res), res.Unjudged)
	}
}

// Quotes off: no-note alerts are judged, the others are unjudged, and
// the result says quotes were needed.
func TestQuotesOffJudgesOnlyNoNoteAlerts(t *testing.T) {
	st := newStore(t)
	above := addAlert(t, st, "002230", sectors.AlertAbove, 11, false)
	noNote := addAlert(t, st, "002230", sectors.AlertNoNote, 30, false) // no note since the report of 2024
	svc := &Service{Store: st, Now: func() time.Time { return checkNow }}
	res, err := svc.CheckAlerts(AlertCheck{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.QuotesOff || !slices.Equal(firedIDs(res), []uint64{noNote.ID}) {
		t.Errorf("quotes off %v, fired %v", res.QuotesOff, firedIDs(res))
	}
	if len(res.Unjudged) != 1 || res.Unjudged[0].Alert.ID != above.ID || res.Unjudged[0].Why != UnjudgedQuotesOff {
		t.Errorf("unjudged %+v", res.Unjudged)
	}
}

// An alert on a ticker taken off the list is not judged, whatever the
// quote, and says so.
func TestAlertOnARemovedTickerIsNotJudged(t *testing.T) {
	st := newStore(t)
	a := addAlert(t, st, "002230", sectors.AlertAbove, 11, false)
	if err := st.RemoveTicker(a.Code); err != nil {
		t.Fatal(err)
	}
	svc := &Service{Store: st, Now: func() time.Time { return checkNow }}
	res, err := svc.CheckAlerts(AlertCheck{Quotes: fixedQuotes(trade("002230", 12, 14))})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Fired) != 0 || len(res.Unjudged) != 1 || res.Unjudged[0].Why != UnjudgedOffList {
		t.Errorf("fired %v, unjudged %+v", firedIDs(res), res.Unjudged)
	}
}

// A firing owed to a delivery command is recorded with the firing, in
// the same write: the store holds it before anything is delivered.
func TestOwedFiringIsRecordedWithTheFiring(t *testing.T) {
	st := newStore(t)
	a := addAlert(t, st, "002230", sectors.AlertAbove, 11, false)
	svc := &Service{Store: st, Now: func() time.Time { return checkNow }}
	res, err := svc.CheckAlerts(AlertCheck{Quotes: fixedQuotes(trade("002230", 12, 14)), Owe: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Owed) != 1 || res.Owed[0].ID != a.ID || len(res.Owed[0].Undelivered) != 1 {
		t.Fatalf("owed %+v", res.Owed)
	}
	stored, _ := st.Alerts()
	if len(stored[0].Undelivered) != 1 || !stored[0].Undelivered[0].At.Equal(checkNow) {
		t.Errorf("stored %+v", stored[0])
	}
	// owed still at the next check, though nothing is armed
	if res, err = svc.CheckAlerts(AlertCheck{Quotes: fixedQuotes(trade("002230", 12, 14)), Owe: true}); err != nil || len(res.Owed) != 1 {
		t.Errorf("owed at the next check: %+v (%v)", res.Owed, err)
	}
}

// A check where nothing changes writes nothing, and a quote source that
// fails outright ends the check before anything is written.
func TestCheckWritesOnlyWhatChanged(t *testing.T) {
	st := newStore(t)
	addAlert(t, st, "002230", sectors.AlertAbove, 50, false)
	gen, err := st.Generation()
	if err != nil {
		t.Fatal(err)
	}
	svc := &Service{Store: st, Now: func() time.Time { return checkNow }}
	if res, err := svc.CheckAlerts(AlertCheck{Quotes: fixedQuotes(trade("002230", 12, 14))}); err != nil || len(res.Fired) != 0 {
		t.Fatalf("fired %v (%v)", firedIDs(res), err)
	}
	down := errors.New("no connection")
	_, err = svc.CheckAlerts(AlertCheck{Quotes: func([]market.Code) (map[string]sectors.Quote, error) { return nil, down }})
	if !errors.Is(err, down) {
		t.Errorf("a failed quote source: %v", err)
	}
	if now, _ := st.Generation(); now != gen {
		t.Errorf("the database changed: generation %d → %d", gen, now)
	}
}

// A check that leaves the since-call and drawdown alerts for later judges
// the others at once and touches none of them, reading no history for
// them; the check after it fires them as one check of all would have.
func TestSinceLaterJudgesThePriceAlertsFirstAndTheRestAfter(t *testing.T) {
	quotes := fixedQuotes(trade("002230", 12, 14), trade(sectors.Benchmark.Key(), 3300, 3300))
	setUp := func() (*store.Store, []sectors.Alert) {
		st := newStore(t)
		list := []sectors.Alert{
			addAlert(t, st, "002230", sectors.AlertSinceCall, 15, false), // fires
			addAlert(t, st, "002230", sectors.AlertSinceCall, 15, true),  // does not
			addAlert(t, st, "002230", sectors.AlertDrawdown, 10, false),  // fires
			addAlert(t, st, "002230", sectors.AlertAbove, 11, false),     // fires
		}
		storeHistory(t, st, "002230", 10, 14)
		storeHistory(t, st, sectors.Benchmark.Key(), 3000, 3300)
		return st, list
	}

	// all at once
	whole, list := setUp()
	svc := &Service{Store: whole, Now: func() time.Time { return checkNow }}
	res, err := svc.CheckAlerts(AlertCheck{Quotes: quotes})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := firedIDs(res), []uint64{list[0].ID, list[2].ID, list[3].ID}; !slices.Equal(got, want) {
		t.Fatalf("one check fired %v, want %v", got, want)
	}
	once, _ := whole.Alerts()

	// the price alert first, the rest after
	st, _ := setUp()
	svc = &Service{Store: st, Now: func() time.Time { return checkNow }}
	var asked []HistoryNeed
	reader := func(need HistoryNeed) (map[string]sectors.PriceHistory, bool, error) {
		asked = append(asked, need)
		return svc.StoredHistory(need)
	}
	first, err := svc.CheckAlerts(AlertCheck{Quotes: quotes, History: reader, SinceLater: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := firedIDs(first); !slices.Equal(got, []uint64{list[3].ID}) {
		t.Errorf("the first check fired %v, want only the price alert %d", got, list[3].ID)
	}
	if len(first.Unjudged) != 0 || first.HistoryErr != nil {
		t.Errorf("the alerts left for later are listed unjudged: %+v (%v)", first.Unjudged, first.HistoryErr)
	}
	for _, need := range asked {
		// the price level's distributions are read; the since-call
		// read (its stock and 沪深300, bars kept) is not
		if slices.Contains(need.Codes, sectors.Benchmark) {
			t.Errorf("history read for alerts left for later: %+v", need.Codes)
		}
	}
	after, _ := st.Alerts()
	for _, a := range after[:3] {
		if !a.Armed || len(a.Firings) != 0 {
			t.Errorf("alert %d (%s) changed by the check that left it: %+v", a.ID, a.Describe(), a)
		}
	}
	second, err := svc.CheckAlerts(AlertCheck{Quotes: quotes, History: reader})
	if err != nil {
		t.Fatal(err)
	}
	if got := firedIDs(second); !slices.Equal(got, []uint64{list[0].ID, list[2].ID}) {
		t.Errorf("the check after fired %v, want %v", got, []uint64{list[0].ID, list[2].ID})
	}
	// each alert recorded as the one check recorded it
	twice, _ := st.Alerts()
	for i := range once {
		a, b := once[i], twice[i]
		if a.Armed != b.Armed || a.Primed != b.Primed || a.FiredPrice != b.FiredPrice || len(a.Firings) != len(b.Firings) {
			t.Errorf("alert %d: one check left %+v, two %+v", a.ID, a, b)
		}
	}

	// nothing but alerts left for later: nothing read at all
	only := newStore(t)
	addAlert(t, only, "002230", sectors.AlertDrawdown, 10, false)
	svc = &Service{Store: only, Now: func() time.Time { return checkNow }}
	asked = nil
	calls := 0
	counting := func(codes []market.Code) (map[string]sectors.Quote, error) { calls++; return quotes(codes) }
	if res, err := svc.CheckAlerts(AlertCheck{Quotes: counting, History: reader, SinceLater: true}); err != nil || len(res.Fired)+len(res.Unjudged) != 0 {
		t.Errorf("fired %v, unjudged %+v (%v)", firedIDs(res), res.Unjudged, err)
	}
	if calls != 0 || len(asked) != 0 {
		t.Errorf("%d quote requests, %d history reads for a check with nothing to judge now", calls, len(asked))
	}
}
