package service

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"zixuan/quote"
	"zixuan/sectors/market"
)

// FetchQuotes asks for each code once and gives the recorded answer's
// quotes by key; with no quote source it says quotes are off.
func TestFetchQuotesAsksEachCodeOnce(t *testing.T) {
	recorded, err := os.ReadFile(filepath.Join("..", "quote", "testdata", "tencent_normal.gbk"))
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var asked []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, strings.TrimPrefix(r.URL.Path, "/q="))
		mu.Unlock()
		_, _ = w.Write(recorded)
	}))
	defer srv.Close()
	svc := newService(t, nil)
	if _, err := svc.FetchQuotes(context.Background(), []market.Code{market.MustParseCode("600519")}); !errors.Is(err, ErrQuotesOff) {
		t.Errorf("no quote source: %v", err)
	}
	svc.Quotes = quote.NewTencent(srv.URL, nil)
	maotai, inspur := market.MustParseCode("600519"), market.MustParseCode("000977")
	q, err := svc.FetchQuotes(context.Background(), []market.Code{maotai, inspur, maotai})
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 1 || asked[0] != "sh600519,sz000977" {
		t.Errorf("asked %q", asked)
	}
	if q[maotai.Key()].Last != 1459.88 || q[inspur.Key()].Last != 52.31 {
		t.Errorf("quotes %+v", q)
	}
	if l, ok := svc.Latest(context.Background(), inspur); !ok || l.Last != 52.31 || l.PrevClose != 50.12 {
		t.Errorf("latest %+v %v", l, ok)
	}
}
