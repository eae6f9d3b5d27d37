package sectors

import (
	"strings"
	"testing"
	"zixuan/sectors/market"
)

// FIFO lots through a 10转4: each lot gains its bonus shares at no cost
// (its cost per share falls), and a later sell takes them oldest first.
func TestLotsThroughABonusKeepTheirCost(t *testing.T) {
	code := market.MustParseCode("600036")
	h := barsOf(t, "SH600036", map[string]float64{"2024-09-20": 14, "2024-09-23": 10})
	h.Events = []ExRights{{ExDate: calDay(t, "2024-09-23"), BonusPerShare: 0.4, CashPerShare: 0.1, Text: "10转4股派1元"}}
	trades := []Trade{
		{ID: 1, Code: code, Side: Bought, Qty: 100, Price: 10, Fee: 5, Date: calDay(t, "2024-09-19")},
		{ID: 2, Code: code, Side: Bought, Qty: 200, Price: 13, Date: calDay(t, "2024-09-20")},
		{ID: 3, Code: code, Side: Sold, Qty: 150, Price: 11, Date: calDay(t, "2024-09-24")},
	}
	ps, err := BuildHoldings(trades, map[string]PriceHistory{code.Key(): h})
	if err != nil {
		t.Fatal(err)
	}
	p := ps[0]
	// 300 → 420; the sell takes lot 1's 140 (cost 1005) and 10 of lot 2's
	// 280 (cost 2600 × 10/280)
	if p.Qty != 270 || len(p.Lots) != 1 || p.Lots[0].Qty != 270 || !closeTo(p.Cost, 2600*270.0/280) {
		t.Errorf("holding %d, lots %+v, cost %.4f", p.Qty, p.Lots, p.Cost)
	}
	if !closeTo(p.Dividends, 30) || !closeTo(p.Realised, 30+150*11-1005-2600*10.0/280) {
		t.Errorf("dividends %.2f realised %.4f", p.Dividends, p.Realised)
	}
	if len(p.Actions) != 1 || p.Actions[0].Held != 300 || p.Actions[0].Shares != 120 || p.Actions[0].Cash != 30 {
		t.Errorf("actions %+v", p.Actions)
	}
	// 150 of 420 is a lot and 50 odd shares, but the odd part of 420 is 20:
	// the exchanges would not take it (the lot arithmetic is the test's)
	if b := p.Trades[2].Breaks; !strings.Contains(b, "the odd 20 goes in one sell") {
		t.Errorf("breaks %q", b)
	}
}

// T+1: shares bought on a day sell from the next session; the older ones
// sell the same day.
func TestTPlusOne(t *testing.T) {
	code := market.MustParseCode("600036")
	trades := []Trade{
		{ID: 1, Code: code, Side: Bought, Qty: 100, Price: 10, Date: calDay(t, "2024-09-19")},
		{ID: 2, Code: code, Side: Bought, Qty: 200, Price: 13, Date: calDay(t, "2024-09-20")},
		{ID: 3, Code: code, Side: Sold, Qty: 100, Price: 11, Date: calDay(t, "2024-09-20")},
		{ID: 4, Code: code, Side: Sold, Qty: 100, Price: 11, Date: calDay(t, "2024-09-20")},
	}
	ps, err := BuildPositions(trades)
	if err != nil {
		t.Fatal(err)
	}
	if b := ps[0].Trades[2].Breaks; b != "" {
		t.Errorf("selling the day before's 100: %q", b)
	}
	if b := ps[0].Trades[3].Breaks; !strings.Contains(b, "T+1") {
		t.Errorf("selling the day's buy: %q", b)
	}
}
