package ui

import (
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"

	"zixuan/sectors"
	"zixuan/store"
)

func TestPositionsViewBySectorWithTotals(t *testing.T) {
	st := storeHolding(t)
	open := func(m Model) Model { return openView(t, m, "P") }
	m := quoteModel(t, st, tradingNow, &fakeQuotes{at: tradingNow.Add(-5 * time.Second)}, 120, 40)
	m, _ = fetch(m)
	m = open(m)
	v := m.plainView()
	for _, want := range []string{"Positions", "SZ002230", "11000.00", "+1000.00", "+10.00%", "SH603019", "-2000.00", "-8.33%",
		"Total", "34000.00", "33000.00", "-1000.00", "-2.94%"} {
		if !strings.Contains(v, want) {
			t.Errorf("positions view lacks %q:\n%s", want, v)
		}
	}
	if !strings.Contains(v, "AI") || !strings.Contains(v, "Compute") {
		t.Errorf("no sector groups:\n%s", v)
	}
	m = press(m, "esc")
	if strings.Contains(m.plainView(), "SZ002230  ") && strings.Contains(m.plainView(), "Positions") {
		t.Error("esc does not close the view")
	}
	// offline: quantities and cost
	off := newTestModel(t, st, "en", 120, 40)
	off = open(off)
	v = off.plainView()
	if !strings.Contains(v, "24000.00") || !strings.Contains(v, "quantities and cost only") || strings.Contains(v, "+1000.00") {
		t.Errorf("offline view:\n%s", v)
	}
}

// The positions view counts the distributions stored with the history:
// 100 shares through 10转4股派5元 are 140 at the same cost, and the 50.00
// yuan of dividend is realised.
func TestPositionsViewThroughADistribution(t *testing.T) {
	st, _ := newTestStore(t)
	code := market.MustParseCode("002230")
	day := func(s string) time.Time { d, _ := time.ParseInLocation(time.DateOnly, s, market.China); return d }
	if _, err := st.AddTrade(sectors.Trade{Code: code, Side: sectors.Bought, Qty: 100, Price: 100, Date: day("2026-02-02")}); err != nil {
		t.Fatal(err)
	}
	h := sectors.PriceHistory{Code: code, Bars: []sectors.DailyBar{{Date: day("2026-02-02"), Close: 100}, {Date: day("2026-02-10"), Close: 71}},
		Events: []sectors.ExRights{{ExDate: day("2026-02-10"), CashPerShare: 0.5, BonusPerShare: 0.4, Text: "10转4股派5元"}}}
	if err := st.SaveHistories(map[string]store.HistoryUpdate{code.Key(): {Fetched: h, Covered: []sectors.DayRange{sectors.DayRange{From: day("2026-02-02"), To: day("2026-02-27")}}}}); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, st, "en", 120, 40)
	m, cmd := pressCmd(m, "P")
	m = update(m, cmd())
	v := m.plainView()
	for _, want := range []string{"140", "10000.00", "71.429", "50.00"} {
		if !strings.Contains(v, want) {
			t.Errorf("positions view lacks %q:\n%s", want, v)
		}
	}
}
