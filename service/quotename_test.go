package service

import (
	"context"
	"errors"
	"testing"

	"zixuan/quote"
	"zixuan/quote/quotetest"
	"zixuan/sectors/market"
)

// A fund or an index the master does not list is named by the quote
// server, as the CLI's add and the TUI's wizard keep it; a code the server
// does not know, or no quote source, says so apart from a name.
func TestQuoteNameOfFundsAndIndexes(t *testing.T) {
	srv := quotetest.NewServer(t, quotetest.Lines(t, "tencent_funds.gbk"))

	svc := newService(t, nil)
	code := market.MustParseCode("510300")
	if _, err := svc.QuoteName(context.Background(), code); !errors.Is(err, ErrQuotesOff) {
		t.Errorf("no quote source: %v", err)
	}
	svc.Quotes = quote.NewTencent(srv.URL, nil)
	for in, want := range map[string]string{"510300": "沪深300ETF华泰柏瑞", "sz159915": "创业板ETF易方达", "sh512710": "军工龙头ETF"} {
		got, err := svc.QuoteName(context.Background(), market.MustParseCode(in))
		if err != nil || got != want {
			t.Errorf("%s: %q %v, want %q", in, got, err, want)
		}
	}
	if got, err := svc.QuoteName(context.Background(), market.MustParseCode("sh510999")); !errors.Is(err, ErrNotQuoted) || got != "" {
		t.Errorf("unknown to the server: %q %v", got, err)
	}

	for in, want := range map[string]bool{"510300": true, "sz159915": true, "sh000300": false, "sz399006": false, "600519": false} {
		if got := NeedsQuoteName(market.MustParseCode(in)); got != want {
			t.Errorf("NeedsQuoteName(%s) = %v", in, got)
		}
	}
}
