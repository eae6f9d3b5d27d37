package store

import (
	"errors"
	"math"
	"path/filepath"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

func mustCode(t *testing.T, s string) market.Code {
	t.Helper()
	c, err := market.ParseCode(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRefPrices(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.RefPrices()
	if err != nil || len(got) != 0 {
		t.Fatalf("new store: %v %v", got, err)
	}
	gen0, _ := st.Generation()
	mt := mustCode(t, "SH600519")
	fri := time.Date(2024, 5, 10, 0, 0, 0, 0, market.China)
	if err := st.SetRefPrices([]sectors.RefPrice{
		{Code: mt, Day: fri, Close: 1612, Adjusted: true, Source: "tencent"},
		{Code: mt, Day: fri.AddDate(0, 0, -1), Close: 1594.88, Source: "tencent"},
		{Code: mustCode(t, "SZ000977"), Day: fri, Close: 40.1},
	}); err != nil {
		t.Fatal(err)
	}
	if gen, _ := st.Generation(); gen != gen0+1 {
		t.Errorf("one write, gen %d -> %d", gen0, gen)
	}
	all, err := st.RefPrices()
	if err != nil {
		t.Fatal(err)
	}
	l := all["SH600519"]
	if len(l) != 2 || l[0].Close != 1594.88 || l[1].Close != 1612 || !l[1].Adjusted || l[1].Source != "tencent" {
		t.Fatalf("prices %+v", l)
	}
	if all["SZ000977"][0].Source != sectors.SourceUser {
		t.Errorf("default source %q", all["SZ000977"][0].Source)
	}
	// the seed's rating date, a Sunday, takes Friday's close; a UTC time
	// late on the 11th is the 12th in China
	report := time.Date(2024, 5, 11, 20, 0, 0, 0, time.UTC)
	if p, ok := sectors.RefFor(l, report); !ok || p.Close != 1612 {
		t.Errorf("RefFor(report) = %+v %v", p, ok)
	}
	if p, ok := sectors.RefFor(l, fri.Add(10*time.Hour)); !ok || p.Close != 1612 {
		t.Errorf("RefFor(same day) = %+v %v", p, ok)
	}
	if _, ok := sectors.RefFor(l, fri.AddDate(0, 0, -2)); ok {
		t.Error("a close after the rating was used")
	}
	if _, ok := sectors.RefFor(l, fri.AddDate(0, 1, 0)); ok {
		t.Error("a close a month old was used")
	}
	// replace
	if err := st.SetRefPrices([]sectors.RefPrice{{Code: mt, Day: fri, Close: 1600, Source: "user"}}); err != nil {
		t.Fatal(err)
	}
	all, _ = st.RefPrices()
	if p := all["SH600519"][1]; p.Close != 1600 || p.Source != "user" || p.Adjusted {
		t.Errorf("replaced: %+v", p)
	}
	for _, bad := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if err := st.SetRefPrices([]sectors.RefPrice{{Code: mt, Day: fri, Close: bad}}); !errors.Is(err, ErrInvalid) {
			t.Errorf("close %v: %v", bad, err)
		}
	}
	if err := st.SetRefPrices([]sectors.RefPrice{{Code: mt, Close: 1}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("no date: %v", err)
	}
	// the database stays healthy with a prices bucket
	if problems, err := st.Check(); err != nil || len(problems) != 0 {
		t.Errorf("check: %v %v", problems, err)
	}
	if _, err := st.Load(); err != nil {
		t.Error(err)
	}
}
