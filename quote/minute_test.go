package quote

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"zixuan/sectors/market"
)

func TestMinuteLineFromTheServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		code := r.URL.Query().Get("code")
		if r.URL.Path != "/appstock/app/minute/query" {
			http.NotFound(w, r)
			return
		}
		b, err := os.ReadFile("testdata/minute_" + code + ".json")
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	}))
	defer srv.Close()
	tc := NewTencent(srv.URL, srv.Client())

	d, err := tc.Minutes(context.Background(), market.MustParseCode("600519"))
	if err != nil {
		t.Fatal(err)
	}
	if market.ChinaDate(d.Day) != "2026-04-02" || d.PrevClose != 1459.44 || len(d.Minutes) != 6 {
		t.Fatalf("day %s prev %v, %d minutes", market.ChinaDate(d.Day), d.PrevClose, len(d.Minutes))
	}
	first, last := d.Minutes[0], d.Minutes[5]
	// the running totals become each minute's own, in shares (lots here)
	if first.Shares != 30000 || d.Minutes[1].Shares != 40000 || first.Time.Format("15:04") != "09:30" {
		t.Errorf("first minutes: %+v %+v", first, d.Minutes[1])
	}
	var shares int64
	var amount float64
	for _, m := range d.Minutes {
		shares += m.Shares
		amount += m.Amount
	}
	if shares != 2106400 || amount != 3071809846 {
		t.Errorf("the minutes add up to %d shares, %.0f yuan; the day traded 2106400 and 3071809846", shares, amount)
	}
	// 均价 is the running amount over the running shares: the quote's 1458.30
	if last.Average < 1458.2 || last.Average > 1458.4 || last.Time.Format("15:04") != "15:00" {
		t.Errorf("last minute %+v", last)
	}

	// STAR volumes are shares already
	s, err := tc.Minutes(context.Background(), market.MustParseCode("688111"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Minutes[0].Shares != 2000 || s.Minutes[0].Average != 281.5 {
		t.Errorf("STAR first minute %+v", s.Minutes[0])
	}

	if _, err := tc.Minutes(context.Background(), market.MustParseCode("000977")); err == nil {
		t.Error("a code the server does not know gave a minute line")
	}
}

// Rows out of the session, out of order, with shrinking totals or no
// number are skipped; an answer with nothing readable is malformed.
func TestMinuteLineGarbage(t *testing.T) {
	code := market.MustParseCode("600519")
	body := `{"code":0,"data":{"sh600519":{"data":{"date":"20260402","data":[
		"0930 10.00 100 100000","0800 10.00 200 200000","0931 1e300 300 300000","0931 10.10 90 90000",
		"0932 10.20 300 305000","0932 10.30 400 410000","1200 10.00 500 510000","x y z","0933 10.10 400 410000"]}}}}`
	d, err := ParseMinutes([]byte(body), code)
	if err != nil {
		t.Fatal(err)
	}
	var times []string
	for _, m := range d.Minutes {
		times = append(times, m.Time.Format("1504"))
	}
	if got := strings.Join(times, " "); got != "0930 0932 0933" {
		t.Errorf("minutes kept: %s, want 0930 0932 0933", got)
	}
	for _, bad := range []string{`{`, `{"data":{"sh600519":{"data":{"date":"x","data":[]}}}}`, `{"data":{"sh600519":{"data":{"date":"20260402","data":["garbage"]}}}}`} {
		if _, err := ParseMinutes([]byte(bad), code); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v, want ErrMalformed", bad, err)
		}
	}
	// before the open the session is empty, which is no error
	if d, err := ParseMinutes([]byte(`{"data":{"sh600519":{"data":{"date":"20260402","data":[]}}}}`), code); err != nil || len(d.Minutes) != 0 {
		t.Errorf("empty session: %v %v", d, err)
	}
}
