package service

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"zixuan/quote"
	"zixuan/sectors/market"
)

// The minute line comes from the k-line server (Tencent's recorded
// answer replayed); with quotes off it is not asked for.
func TestFetchMinutes(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := os.ReadFile("../quote/testdata/minute_" + r.URL.Query().Get("code") + ".json")
		if r.URL.Path != "/appstock/app/minute/query" || err != nil {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	}))
	defer srv.Close()
	tc := quote.NewTencent(srv.URL, srv.Client())
	svc := &Service{Quotes: tc, History: tc}
	d, err := svc.FetchMinutes(context.Background(), market.MustParseCode("600519"))
	if err != nil || len(d.Minutes) != 6 || d.PrevClose != 1459.44 {
		t.Fatalf("%d minutes, prev %v: %v", len(d.Minutes), d.PrevClose, err)
	}
	off := &Service{}
	if _, err := off.FetchMinutes(context.Background(), market.MustParseCode("600519")); !errors.Is(err, ErrQuotesOff) {
		t.Errorf("offline: %v", err)
	}
}
