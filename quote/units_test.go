package quote

import (
	"testing"
	"zixuan/sectors"
)

// The lines in tencent_units.gbk carry an amount consistent with their
// volume, as the real server's do: amount ÷ (volume × price) is about 1 for
// the STAR lines (shares) and about 100 for the others (lots).
func TestTencentVolumeUnitsFromAmount(t *testing.T) {
	got, err := ParseTencent(fixture(t, "tencent_units.gbk"), codes(t, "SH688691", "SZ002230", "SH688031", "SH600845", "SH601138"))
	if err != nil {
		t.Fatal(err)
	}
	// STAR, shares: 1327404280 / (10931723 × 122.70) = 0.99
	star := got["SH688691"]
	if star.Volume != 10931723 || star.Amount != 1327404280 {
		t.Errorf("STAR 688691: volume %d amount %.0f, want 10931723 shares and 1327404280 yuan (field 35, not 132740×10⁴)", star.Volume, star.Amount)
	}
	// main board, lots: 6674412300 / (1478950 × 45.12) = 100.02
	main := got["SZ002230"]
	if main.Volume != 147895000 || main.Amount != 6674412300 {
		t.Errorf("002230: volume %d amount %.0f, want 147895000 shares and 6674412300 yuan", main.Volume, main.Amount)
	}
	// the average price the converted volume implies lies in the day's range
	for _, q := range []sectors.Quote{star, main} {
		if avg := q.Amount / float64(q.Volume); avg < q.Low || avg > q.High {
			t.Errorf("%s: average price %.2f outside %.2f–%.2f", q.Code, avg, q.Low, q.High)
		}
	}
	loss := got["SH688031"]
	if !loss.LossMaking || loss.PE != 0 || loss.Volume != 1325060 {
		t.Errorf("星环科技-U = %+v: a negative PE is a loss, not a multiple", loss)
	}
	if star.LossMaking || star.PE != 89.53 {
		t.Errorf("688691 PE %v loss %v", star.PE, star.LossMaking)
	}
	// bounded numbers: a +250 % change is not shown, NaN/negative/Inf fields
	// read as unknown, and the volume's unit still comes from its amount
	odd := got["SH600845"]
	if !odd.ChangeUnknown || odd.Change != 0 || odd.ChangePct != 0 || odd.High != odd.Last || odd.Low != odd.Last ||
		odd.Turnover != 0 || odd.PE != 0 || odd.LossMaking || odd.Volume != 10000 {
		t.Errorf("600845 = %+v", odd)
	}
	if _, ok := got["SH601138"]; ok {
		t.Error("a 1e300 last price gave a quote")
	}
}

func TestVolumeUnitFallsBackToBoard(t *testing.T) {
	star, main := codes(t, "SH688111")[0], codes(t, "SH600519")[0]
	// no amount: the board decides
	if v := tencentShares(star, 1000, 0, 280); v != 1000 {
		t.Errorf("STAR without amount: %d", v)
	}
	if v := tencentShares(main, 1000, 0, 1400); v != 100000 {
		t.Errorf("main board without amount: %d", v)
	}
	// the amount overrules the board when it clearly says the other unit
	if v := tencentShares(main, 1000, 1000*1400, 1400); v != 1000 {
		t.Errorf("main-board line whose amount says shares: %d", v)
	}
	if v := tencentShares(star, 1000, 1000*100*280, 280); v != 100000 {
		t.Errorf("STAR line whose amount says lots: %d", v)
	}
	// an amount that fits neither unit is ignored
	if v := tencentShares(main, 1000, 1000*1400*10, 1400); v != 100000 {
		t.Errorf("ambiguous amount: %d", v)
	}
}

// tencent_auction.gbk is the server at 09:18 on Tuesday 2026-12-01, in the
// call auction: nothing has traded yet anywhere, which is not a halt. The
// third line, stamped 10:30, is a stock that still has not traded: halted.
func TestTencentCallAuctionIsNotAHalt(t *testing.T) {
	got, err := ParseTencent(fixture(t, "tencent_auction.gbk"), codes(t, "SH600519", "SH688111", "SZ000977"))
	if err != nil {
		t.Fatal(err)
	}
	m := got["SH600519"]
	if m.Suspended || !m.PreOpen || m.Last != 1461.00 || m.Volume != 0 {
		t.Errorf("600519 at 09:18 = %+v: pre-open, not suspended", m)
	}
	k := got["SH688111"]
	if k.Suspended || !k.PreOpen || k.Last != 281.50 || k.Change != 0 {
		t.Errorf("688111 at 09:18 without an indicative price = %+v: pre-open, last = previous close", k)
	}
	h := got["SZ000977"]
	if !h.Suspended || h.PreOpen || h.Last != 50.12 || h.Change != 0 {
		t.Errorf("000977 with no trade at 10:30 = %+v: halted", h)
	}
}

func TestSinaStatusField(t *testing.T) {
	got, err := ParseSina(fixture(t, "sina_status.gbk"), codes(t, "SZ000977", "SH688111", "SH600519"))
	if err != nil {
		t.Fatal(err)
	}
	if q := got["SZ000977"]; !q.Suspended || q.Halt != "临停" || q.Volume != 81234500 || q.Last != 52.31 || q.Change != 0 {
		t.Errorf("临停 after trades = %+v: halted although it traded", q)
	}
	if q := got["SH688111"]; !q.Suspended || q.Halt != "停牌" || q.Last != 281.50 {
		t.Errorf("停牌 = %+v", q)
	}
	if q := got["SH600519"]; q.Suspended || !q.PreOpen || q.Last != 1459.44 {
		t.Errorf("09:18 with status 00 = %+v: pre-open", q)
	}
	// the recorded 15:00 answer is normal trading
	n, _ := ParseSina(fixture(t, "sina_normal.gbk"), codes(t, "SH600519"))
	if q := n["SH600519"]; q.Suspended || q.PreOpen || q.Halt != "" {
		t.Errorf("normal = %+v", q)
	}
}

func TestNoTradeWithoutTimeIsNeither(t *testing.T) {
	q := sectors.Quote{PrevClose: 10}
	noTrade(&q)
	if q.Suspended || q.PreOpen || q.Last != 10 {
		t.Errorf("%+v", q)
	}
}
