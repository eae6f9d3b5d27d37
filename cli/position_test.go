package cli

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

type positionsJSON struct {
	Positions []struct {
		Code     string   `json:"code"`
		Name     string   `json:"name"`
		Qty      int64    `json:"qty"`
		Cost     float64  `json:"cost"`
		AvgPrice float64  `json:"avg_price"`
		Last     *float64 `json:"last"`
		Value    *float64 `json:"value"`
		PnL      *float64 `json:"pnl"`
		PnLPct   *float64 `json:"pnl_pct"`
		Realised float64  `json:"realised"`
		FirstBuy string   `json:"first_buy"`
		Return   *float64 `json:"return_pct"`
		Bench    *float64 `json:"benchmark_pct"`
		Excess   *float64 `json:"excess_pct"`
		Trades   []struct {
			ID   uint64 `json:"id"`
			Side string `json:"side"`
		} `json:"trades"`
	} `json:"positions"`
	Total struct {
		Cost     float64  `json:"cost"`
		Value    *float64 `json:"value"`
		PnL      *float64 `json:"pnl"`
		Realised float64  `json:"realised"`
	} `json:"total"`
}

func positions(t *testing.T, db string, args ...string) positionsJSON {
	t.Helper()
	var p positionsJSON
	out := mustRun(t, db, append(args, "position", "list", "--format", "json")...)
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return p
}

// seedPosition buys 002230 twice and sells 150: FIFO takes all of the
// first lot (100 at 10 + fee 5 = 1005) and 50 of the second (at 14). The
// sell is no whole lot, so it goes in as a statement's line (--force).
func seedPosition(t *testing.T, db string) {
	t.Helper()
	mustRun(t, db, "position", "add", "002230", "--qty", "100", "--price", "10", "--date", "2024-05-10", "--fee", "5")
	mustRun(t, db, "position", "add", "科大讯飞", "--qty", "200", "--price", "14", "--date", "2024-06-11")
	out := mustRun(t, db, "position", "sell", "002230", "--qty", "150", "--price", "15", "--date", "2024-07-01", "--fee", "3", "--force")
	if !strings.Contains(out, "150 shares held") || !strings.Contains(out, "forced: a sell is whole lots of 100 shares (150 of 300 held)") {
		t.Errorf("sell: %q", out)
	}
}

func TestPositionPnLAndReturnAgainstTheIndex(t *testing.T) {
	ks := newKlineServer(t)
	ts := newTickServer(t)
	ts.klines = ks.URL
	ts.set(tick{Last: 16, Prev: 14, Open: 14, Volume: 1000, Time: "20260402100000"})
	ts.setBench(tick{Last: 3300, Prev: 3300, Open: 3300, Volume: 1000, Time: "20260402100000"})
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	seedPosition(t, db)

	p := positions(t, db, "--quotes-url", ts.URL)
	if len(p.Positions) != 1 {
		t.Fatalf("%+v", p)
	}
	pos := p.Positions[0]
	if pos.Code != "SZ002230" || pos.Name != "科大讯飞" || pos.Qty != 150 || pos.Cost != 2100 || pos.AvgPrice != 14 || pos.Realised != 2250-3-1005-700 {
		t.Errorf("position %+v", pos)
	}
	if pos.Last == nil || *pos.Last != 16 || *pos.Value != 2400 || *pos.PnL != 300 || *pos.PnLPct != 14.29 {
		t.Errorf("P&L %v %v %v %v", pos.Last, pos.Value, pos.PnL, pos.PnLPct)
	}
	// from the first buy (10 on 2024-05-10) to the last price, 16: +60 %
	// against the index's 3000 → 3300
	if pos.FirstBuy != "2024-05-10" || pos.Return == nil || math.Abs(*pos.Return-60) > 0.01 || math.Abs(*pos.Bench-10) > 0.01 || math.Abs(*pos.Excess-50) > 0.01 {
		t.Errorf("return %v bench %v excess %v since %s", deref(pos.Return), deref(pos.Bench), deref(pos.Excess), pos.FirstBuy)
	}
	if p.Total.Cost != 2100 || p.Total.Value == nil || *p.Total.Value != 2400 || *p.Total.PnL != 300 || p.Total.Realised != 542 {
		t.Errorf("total %+v", p.Total)
	}
	// offline (a restart without quotes): quantities and cost, and the
	// return from the stored history
	off := positions(t, db, "--offline")
	o := off.Positions[0]
	if o.Qty != 150 || o.Cost != 2100 || o.Last != nil || o.PnL != nil || off.Total.Value != nil || o.Return == nil {
		t.Errorf("offline %+v %+v", o, off.Total)
	}
	out := mustRun(t, db, "--offline", "position", "list", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][0] != "SZ002230" || rows[1][2] != "150" || rows[1][3] != "2100.00" || rows[1][5] != "" {
		t.Errorf("csv %v %v", rows, err)
	}
	table := mustRun(t, db, "--offline", "position", "list")
	if !strings.Contains(table, "quantities and cost only") || !strings.Contains(table, "TOTAL") {
		t.Errorf("table:\n%s", table)
	}
}

func TestBadTradesAreOneLineAndStoreNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	mustRun(t, db, "position", "add", "600519", "--qty", "100", "--price", "1500", "--date", "2026-04-01")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"add", "600519", "--qty", "150", "--price", "1500"}, 2, "whole lots of 100"},
		{[]string{"add", "688111", "--qty", "100", "--price", "150"}, 2, "at least 200"},
		{[]string{"add", "600519", "--qty", "100", "--price=-1"}, 2, "not a price"},
		{[]string{"add", "600519", "--qty", "100", "--price", "1", "--date", "2026-05-01"}, 2, "in the future"},
		{[]string{"add", "SZ001999", "--qty", "100", "--price", "1"}, 1, "not on the watchlist"},
		{[]string{"sell", "600519", "--qty", "101", "--price", "1600"}, 1, "holds 100"},
		{[]string{"sell", "002230", "--qty", "1", "--price", "16"}, 1, "holds 0"},
		{[]string{"sell", "600519", "--qty", "37", "--price", "1600"}, 1, "a sell is whole lots of 100 shares (37 of 100 held) (a statement's line that breaks it is recorded with --force)"},
		{[]string{"sell", "600519", "--qty", "100", "--price", "1600", "--date", "2026-04-01"}, 1, "T+1"},
		{[]string{"add", "600519", "--qty", "100", "--price", "1", "--date", "2026-03-28"}, 2, "2026-03-28 is a weekend: trades are made on session days only"},
		{[]string{"add", "600519", "--qty", "9223372036854775800", "--price", "1"}, 2, "not a quantity"},
		{[]string{"add", "600519", "--qty", "100", "--price", "1", "--fee", "1e308"}, 2, "at most the trade's amount"},
		{[]string{"add", "600519", "--qty", "100", "--price", "1", "--date", "1900-01-02"}, 2, "before the exchanges opened"},
		{[]string{"add", "600519", "--qty", "100", "--price", "1e9"}, 2, "not a price"},
		{[]string{"rm", "9"}, 1, "no position entry 9"},
		{[]string{"rm", "x"}, 2, "not an id"},
	} {
		_, e, code := run(t, db, "", append([]string{"position"}, c.args...)...)
		if code != c.code || !strings.Contains(e, c.want) || strings.Count(e, "\n") != 1 {
			t.Errorf("%v: exit %d %q", c.args, code, e)
		}
	}
	p := positions(t, db, "--offline")
	if len(p.Positions) != 1 || p.Positions[0].Qty != 100 || len(p.Positions[0].Trades) != 1 {
		t.Errorf("after bad input %+v", p)
	}
	// the whole holding sells the next session; removing the buy under a
	// sell is refused
	mustRun(t, db, "position", "sell", "600519", "--qty", "100", "--price", "1600")
	if _, e, code := run(t, db, "", "position", "rm", "1"); code != 1 || !strings.Contains(e, "holds 0") {
		t.Errorf("rm the buy under a sell: %d %q", code, e)
	}
	mustRun(t, db, "position", "rm", "2")
	mustRun(t, db, "position", "rm", "1")
	if p := positions(t, db, "--offline"); len(p.Positions) != 0 {
		t.Errorf("after rm %+v", p)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
