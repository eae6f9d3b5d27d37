package sectors

import (
	"errors"
	"math"
	"testing"
	"zixuan/sectors/market"
)

func closeTo(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestFIFOSellsRealiseAgainstTheOldestLots(t *testing.T) {
	code := market.MustParseCode("600519")
	d := func(s string) Trade { return Trade{Code: code, Date: at(s, "00:00")} }
	b1 := d("2026-01-05")
	b1.ID, b1.Side, b1.Qty, b1.Price, b1.Fee = 1, Bought, 100, 10, 5
	b2 := d("2026-02-02")
	b2.ID, b2.Side, b2.Qty, b2.Price = 2, Bought, 200, 13
	s1 := d("2026-03-02")
	s1.ID, s1.Side, s1.Qty, s1.Price, s1.Fee = 3, Sold, 150, 15, 3
	// entered out of order: replayed by date
	ps, err := BuildPositions([]Trade{s1, b2, b1})
	if err != nil || len(ps) != 1 {
		t.Fatalf("%v %v", ps, err)
	}
	p := ps[0]
	// the sell takes all 100 of lot 1 (cost 1005) and 50 of lot 2 (650)
	if p.Qty != 150 || !closeTo(p.Cost, 150*13) || !closeTo(p.Realised, 150*15-3-1005-650) {
		t.Errorf("qty %d cost %.2f realised %.2f", p.Qty, p.Cost, p.Realised)
	}
	if len(p.Lots) != 1 || p.Lots[0].BuyID != 2 || p.Lots[0].Qty != 150 {
		t.Errorf("lots %+v", p.Lots)
	}
	if !closeTo(p.AvgPrice(), 13) || !p.FirstBuy.Equal(b1.Date) {
		t.Errorf("avg %.4f first buy %v", p.AvgPrice(), p.FirstBuy)
	}
	pnl, pct := p.PnL(14)
	if !closeTo(pnl, 150) || !closeTo(pct, 150/1950.0*100) {
		t.Errorf("pnl %.2f %.4f", pnl, pct)
	}
	tot := TotalPositions(ps, map[string]float64{code.Key(): 14})
	if !closeTo(tot.Value, 2100) || !closeTo(tot.PnL, 150) || !closeTo(tot.Realised, p.Realised) || tot.Priced != 1 {
		t.Errorf("total %+v", tot)
	}
	// offline: cost without value
	tot = TotalPositions(ps, nil)
	if tot.Priced != 0 || !closeTo(tot.Cost, 1950) || tot.Value != 0 {
		t.Errorf("offline total %+v", tot)
	}
}

func TestOversellIsRefused(t *testing.T) {
	code := market.MustParseCode("688111")
	b := Trade{ID: 1, Code: code, Side: Bought, Qty: 200, Price: 100, Date: at("2026-01-05", "00:00")}
	s := Trade{ID: 2, Code: code, Side: Sold, Qty: 201, Price: 100, Date: at("2026-01-06", "00:00")}
	if _, err := BuildPositions([]Trade{b, s}); !errors.Is(err, ErrOversold) {
		t.Errorf("oversell: %v", err)
	}
	// a sell dated before the buy holds nothing yet
	s.Qty, s.Date = 100, at("2026-01-02", "00:00")
	if _, err := BuildPositions([]Trade{b, s}); !errors.Is(err, ErrOversold) {
		t.Errorf("sell before buy: %v", err)
	}
	// selling everything closes the position; a new buy starts a new first buy
	s.Qty, s.Date = 200, at("2026-01-07", "00:00")
	b2 := Trade{ID: 3, Code: code, Side: Bought, Qty: 200, Price: 90, Date: at("2026-02-02", "00:00")}
	ps, err := BuildPositions([]Trade{b, s, b2})
	if err != nil || ps[0].Qty != 200 || !ps[0].FirstBuy.Equal(b2.Date) || ps[0].Realised != 0 {
		t.Errorf("%+v %v", ps, err)
	}
}

func TestBoardLots(t *testing.T) {
	now := at("2026-04-02", "10:00")
	day := at("2026-04-01", "00:00")
	cases := []struct {
		code string
		side TradeSide
		qty  int64
		ok   bool
	}{
		{"600519", Bought, 100, true},
		{"600519", Bought, 150, false},
		{"300624", Bought, 300, true},
		{"688111", Bought, 100, false}, // STAR: at least 200
		{"688111", Bought, 201, true},
		{"920819", Bought, 101, true},
		{"600519", Sold, 37, true}, // odd lots sell
		{"600519", Bought, 0, false},
	}
	for _, c := range cases {
		err := CheckTrade(Trade{Code: market.MustParseCode(c.code), Side: c.side, Qty: c.qty, Price: 10, Date: day}, now)
		if (err == nil) != c.ok {
			t.Errorf("%s %s %d: %v", c.code, c.side, c.qty, err)
		}
	}
	if BoardLot(market.MustParseCode("688111")) != 200 || BoardLot(market.MustParseCode("600519")) != 100 {
		t.Error("board lots")
	}
	bad := []Trade{
		{Code: market.MustParseCode("600519"), Side: Bought, Qty: 100, Price: -1, Date: day},
		{Code: market.MustParseCode("600519"), Side: Bought, Qty: 100, Price: 1, Fee: -1, Date: day},
		{Code: market.MustParseCode("600519"), Side: Bought, Qty: 100, Price: 1, Date: at("2026-04-03", "00:00")},
		{Code: Benchmark, Side: Bought, Qty: 100, Price: 1, Date: day},
	}
	for _, tr := range bad {
		if err := CheckTrade(tr, now); !errors.Is(err, ErrTradeInput) {
			t.Errorf("%+v: %v", tr, err)
		}
	}
}
