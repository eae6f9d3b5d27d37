package quote

import (
	"math"
	"os"
	"testing"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// A whole recorded line (600519, 2026-04-02 16:14) read field by field,
// each checked against what the line itself says elsewhere, so that an
// index or a unit taken wrong fails here rather than on a user's screen.
func TestTencentLineBeyondThePrice(t *testing.T) {
	body, err := os.ReadFile("testdata/tencent_full_600519.gbk")
	if err != nil {
		t.Fatal(err)
	}
	code := market.MustParseCode("600519")
	qs, err := ParseTencent(body, []market.Code{code})
	if err != nil {
		t.Fatal(err)
	}
	q, ok := qs[code.Key()]
	if !ok {
		t.Fatal("no quote")
	}
	near := func(what string, got, want, tol float64) {
		t.Helper()
		if math.Abs(got-want) > tol {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	// the limits are the previous close ± 10 %, rounded to the fen
	near("limit up", q.LimitUp, math.Round(q.PrevClose*1.1*100)/100, 0.001)
	near("limit down", q.LimitDown, math.Round(q.PrevClose*0.9*100)/100, 0.001)
	// amplitude: (high − low) ÷ previous close
	near("amplitude", q.Amplitude, (q.High-q.Low)/q.PrevClose*100, 0.005)
	// caps in yuan: fields 72 and 73 are the float and total share counts
	near("float cap", q.FloatCap, 1252270215*q.Last, 0.0001*q.FloatCap)
	near("total cap", q.TotalCap, 1252270215*q.Last, 0.0001*q.TotalCap)
	near("PB", q.PB, 8.05, 0)
	near("volume ratio", q.VolumeRatio, 0.61, 0)
	// the book's volumes are in the line's unit (lots here): 买一 1 lot
	if q.Bids[0].Price != 1459.44 || q.Bids[0].Shares != 100 || q.Asks[3].Price != 1460.00 || q.Asks[3].Shares != 9300 {
		t.Errorf("book: bids %v asks %v", q.Bids, q.Asks)
	}
	for i := 1; i < 5; i++ {
		if q.Bids[i].Price >= q.Bids[i-1].Price || q.Asks[i].Price <= q.Asks[i-1].Price {
			t.Errorf("levels out of order: bids %v asks %v", q.Bids, q.Asks)
		}
	}
	if q.Bids[0].Price >= q.Asks[0].Price {
		t.Errorf("best bid %v not below best ask %v", q.Bids[0], q.Asks[0])
	}
	// 委比 from the book is the server's own (field 74: −72.66)
	r, ok := q.OrderRatio()
	near("order ratio", r, -72.66, 0.005)
	if !ok {
		t.Error("an order book with volumes gives no order ratio")
	}
}

// Garbage in the new fields reads as unknown, never as a number to show.
func TestTencentFieldsOutOfBounds(t *testing.T) {
	f := make([]string, 50)
	f[1], f[2], f[3], f[4], f[5], f[6] = "X", "600000", "10.00", "9.90", "9.95", "100"
	f[43], f[44], f[45], f[46], f[47], f[48], f[49] = "1e300", "-5", "NaN", "-3.2", "1e300", "abc", "1e9"
	f[10] = "-7"
	q, ok := tencentFields(market.MustParseCode("600000"), f)
	if !ok {
		t.Fatal("line refused")
	}
	if q.Amplitude != 0 || q.FloatCap != 0 || q.TotalCap != 0 || q.PB != 0 || q.LimitUp != 0 || q.LimitDown != 0 || q.VolumeRatio != 0 || q.Bids[0].Shares != 0 {
		t.Errorf("out-of-bounds fields read as numbers: %+v", q)
	}
	if _, ok := q.OrderRatio(); ok {
		t.Error("an empty book gives an order ratio")
	}
}

// Sina's book: shares then price for each level, bids in 10–19, asks in
// 20–29.
func TestSinaOrderBook(t *testing.T) {
	body, err := os.ReadFile("testdata/sina_normal.gbk")
	if err != nil {
		t.Fatal(err)
	}
	code := market.MustParseCode("600519")
	qs, err := ParseSina(body, []market.Code{code})
	if err != nil {
		t.Fatal(err)
	}
	q := qs[code.Key()]
	if q.Bids[0] != (sectors.Level{Price: 1459.88, Shares: 10}) || q.Bids[4] != (sectors.Level{Price: 1459.84, Shares: 50}) ||
		q.Asks[0] != (sectors.Level{Price: 1459.89, Shares: 10}) || q.Asks[4] != (sectors.Level{Price: 1459.93, Shares: 50}) {
		t.Errorf("book: bids %v asks %v", q.Bids, q.Asks)
	}
}
