package store

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// A file of schema 2 (before funds and indexes could be on the list) is
// upgraded keeping everything, with its backup beside it; the upgraded
// file then keeps a fund's name from the quote server, through Load and
// the list index, and an index's from the names zixuan knows.
func TestSchemaThreeTakesFundsAndKeepsTheirNames(t *testing.T) {
	path, old := oldFile(t)
	if err := old.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(2)))
	}); err != nil {
		t.Fatal(err)
	}
	before, err := old.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".schema-2.bak"); err != nil {
		t.Fatalf("no backup of schema 2: %v", err)
	}
	after, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Tickers) != len(before.Tickers) {
		t.Fatalf("%d tickers after the upgrade, %d before", len(after.Tickers), len(before.Tickers))
	}
	for i := range before.Tickers {
		b, a := before.Tickers[i], after.Tickers[i]
		if a.Code != b.Code || a.Name != b.Name || a.Rating != b.Rating || len(a.Notes) != len(b.Notes) || len(a.Ratings) != len(b.Ratings) || a.Removed != b.Removed {
			t.Errorf("changed in the upgrade: %+v\nwas %+v", a, b)
		}
	}
	var schema int
	_ = s.view(func(tx *bolt.Tx) error { schema = fileSchema(tx); return nil })
	if schema != 3 {
		t.Errorf("schema %d after the upgrade", schema)
	}

	etf, _ := market.ParseSecurity("510300")
	index, _ := market.ParseSecurity("399006")
	if _, err := s.AddOrRestore(etf, AddOptions{QuoteName: "沪深300ETF华泰柏瑞", Sector: sectors.SectorAI}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddOrRestore(index, AddOptions{Sector: sectors.SectorAI}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddOrRestore(market.MustParseCode("588000"), AddOptions{Sector: sectors.SectorAI}); !isReason(err, ErrInvalid, NotInMaster) {
		t.Errorf("a fund with no name was added: %v", err)
	}
	snap, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, tk := range snap.Tickers {
		names[tk.Code.Key()] = tk.Name + "|" + tk.QuoteName
	}
	if names["SH510300"] != "沪深300ETF华泰柏瑞|沪深300ETF华泰柏瑞" || names["SZ399006"] != "创业板指|" {
		t.Errorf("names %q %q", names["SH510300"], names["SZ399006"])
	}
	if err := s.SaveListIndex(snap); err != nil {
		t.Fatal(err)
	}
	ix, ok, err := s.LoadListIndex()
	if err != nil || !ok {
		t.Fatalf("list index: %v %v", ok, err)
	}
	for _, tk := range ix.Tickers {
		if tk.Code == etf && (tk.QuoteName != "沪深300ETF华泰柏瑞" || tk.Name != "沪深300ETF华泰柏瑞") {
			t.Errorf("list index: %q %q", tk.Name, tk.QuoteName)
		}
	}
	// removed and brought back without a name: it keeps the one it had
	if err := s.RemoveTicker(etf); err != nil {
		t.Fatal(err)
	}
	res, err := s.AddOrRestore(etf, AddOptions{Sector: sectors.SectorAI})
	if err != nil || res.Ticker.Name != "沪深300ETF华泰柏瑞" {
		t.Errorf("brought back: %q %v", res.Ticker.Name, err)
	}
}

// A report's call on a fund or an index (a JSON report may hold one) is
// skipped: no rating, not put on the list, even when the fund is on it.
func TestReportsNeverRateFundsOrIndexes(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	etf, _ := market.ParseSecurity("510300")
	if _, err := s.AddOrRestore(etf, AddOptions{QuoteName: "沪深300ETF华泰柏瑞", Sector: sectors.SectorAI}); err != nil {
		t.Fatal(err)
	}
	call := func(c market.Code) sectors.Call {
		return sectors.Call{Code: c, Name: "x", NameInReport: "x", Rating: sectors.Buy, RatingInReport: "买入"}
	}
	out, err := s.AddReport(reportOn("r-funds", cnDay(2026, 3, 2), call(etf), call(market.MustParseCode("159915")), call(market.Code{Exchange: market.SZ, Number: "399006"}), rated("600519", sectors.Buy, "买入")), AddReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ code, why string }{{"510300", WhyFund}, {"159915", WhyFund}, {"399006", WhyIndex}} {
		if o := outcomeOf(t, out, c.code); o.What != CallSkipped || o.WhyCode != c.why {
			t.Errorf("%s: %s (%s), want skipped as %s", c.code, o.What, o.WhyCode, c.why)
		}
	}
	if o := outcomeOf(t, out, "600519"); o.What == CallSkipped {
		t.Errorf("the stock's call was skipped: %s", o.Why)
	}
	tk, err := s.Get(etf)
	if err != nil || tk.Rating != sectors.Unrated || len(tk.Calls) != 0 {
		t.Errorf("the fund on the list: rating %v, calls %v, %v", tk.Rating, tk.Calls, err)
	}
	if _, err := s.Get(market.MustParseCode("159915")); err == nil {
		t.Error("a report put a fund on the list")
	}
}
