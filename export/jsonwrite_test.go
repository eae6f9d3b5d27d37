package export

import (
	"bytes"
	"math"
	"testing"
	"time"

	"zixuan/safetext"
	"zixuan/sectors"
)

// writeJSON's hand-written path must write exactly what the Document
// through encoding/json and EscapeJSON writes, or fail the same way.

func checkJSONSame(t *testing.T, what string, tickers []sectors.Ticker, opts Options) {
	t.Helper()
	var fast, slow bytes.Buffer
	ferr := writeJSON(&fast, tickers, opts)
	serr := writeJSONDocument(&slow, tickers, opts)
	if (ferr == nil) != (serr == nil) || ferr != nil && ferr.Error() != serr.Error() {
		t.Fatalf("%s: error %v, encoding/json %v", what, ferr, serr)
	}
	if !bytes.Equal(fast.Bytes(), slow.Bytes()) {
		f, s := fast.Bytes(), slow.Bytes()
		i := 0
		for i < len(f) && i < len(s) && f[i] == s[i] {
			i++
		}
		t.Fatalf("%s: differs at byte %d:\nfast %q\njson %q", what, i, f[max(0, i-80):min(len(f), i+80)], s[max(0, i-80):min(len(s), i+80)])
	}
}

var awkward = []string{"", "plain", "a\"b\\c/d", "<script>&amp;", "\u2028\u2029", "\x00\x01\x1f\x7f", "\b\f\n\r\t",
	"😀 平安银行", "\ufffd", "bad \xff utf8 \xe2\x80", "\u200b\u200c\u200d\u2060\ufeff", "\u202a\u202e\u2066\u2069\u061c\u200e",
	"\u0080\u0085\u009f", "\U000e0001\U000e007f", "\xed\xa0\x80", "=HYPERLINK(\"x\")", "line\r\nline"}

func awkwardTickers(text string, at time.Time) []sectors.Ticker {
	removed := at.Add(time.Hour)
	return []sectors.Ticker{
		{Code: mustCode("688111"), Name: text, ReportName: text, CustomName: text, Sector: text, Rating: sectors.Buy, RatingAt: at,
			RatingSource: text, Added: at, AddedBy: text, Pinned: true, Position: 7, Groups: []string{text, "b"},
			Ratings: []sectors.RatingChange{{From: sectors.Unrated, To: sectors.Buy, At: at, Source: text, Reason: text}, {From: sectors.Buy, To: sectors.Sell, At: at, Source: "user"}},
			Notes:   []sectors.Note{{ID: 2, Text: text, Created: at, Updated: at, Deleted: removed, Revisions: []sectors.Revision{{Text: text, At: at}}}, {ID: 1, Text: "x", Created: at, Updated: at}},
			Calls:   []sectors.Call{{ReportID: text, Name: text, Rating: sectors.Buy, Theme: text, Flags: []sectors.CallFlag{"new"}}}},
		{Code: mustCode("000001"), Name: text, Rating: sectors.Unrated, Removed: removed, RatingAt: at, Added: at},
		{Code: mustCode("920002")},
	}
}

func TestJSONWriteMatchesEncodingJSON(t *testing.T) {
	_, fx, opts := fixture(t)
	if ok, err := writeJSONFast(&bytes.Buffer{}, fx, opts); !ok || err != nil {
		t.Fatalf("the fixture is not written by hand (%v, %v)", ok, err)
	}
	checkJSONSame(t, "fixture", fx, opts)
	checkJSONSame(t, "no tickers", nil, opts)
	checkJSONSame(t, "no options", fx, Options{})
	opts.Prices = fixedPrices()
	checkJSONSame(t, "fixture with prices", fx, opts)
	times := []time.Time{{}, t0, time.Date(2026, 7, 1, 9, 30, 0, 123456789, time.FixedZone("CST", 8*3600)),
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("odd", 5*3600+30*60+7)), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("far", 24*3600))}
	for _, text := range awkward {
		for _, at := range times {
			o := Options{Now: func() time.Time { return at }, Source: sectors.Source{ID: text, Title: text, Date: at},
				Sectors: []sectors.Sector{{ID: text, Name: text, NameZH: text, Report: true, Created: at}, {ID: "b"}},
				Reports: []sectors.ReportEntry{{BrokerReport: sectors.BrokerReport{ID: text, Title: text}, Added: at, Themes: []sectors.ReportTheme{{Theme: sectors.Theme{Name: text, Thesis: text}, Sector: text}}}},
				Alerts:  []sectors.Alert{{ID: 1, Code: mustCode("688111"), Note: text, Created: at, FiredAt: at, Value: 1.5}},
				Trades:  []sectors.Trade{{ID: 1, Code: mustCode("688111"), Date: at, Created: at, Price: 10, Qty: 100}}}
			checkJSONSame(t, text+" "+at.String(), awkwardTickers(text, at), o)
		}
	}
	bad := Options{Alerts: []sectors.Alert{{ID: 1, Code: mustCode("688111"), Value: math.NaN()}}}
	checkJSONSame(t, "NaN", awkwardTickers("x", t0), bad)
}

// appendString passes U+3000–U+9FFF through without asking safetext.
func TestCJKRangeIsSafe(t *testing.T) {
	for r := rune(0x3000); r <= 0x9FFF; r++ {
		if safetext.Unsafe(r) {
			t.Fatalf("safetext.Unsafe(%U): appendString must escape it", r)
		}
	}
}

func FuzzJSONWrite(f *testing.F) {
	for _, s := range awkward {
		f.Add(s, int64(1751362200), int64(5))
	}
	f.Fuzz(func(t *testing.T, text string, sec, nsec int64) {
		at := time.Unix(sec, nsec).UTC()
		checkJSONSame(t, "fuzz", awkwardTickers(text, at), Options{Now: func() time.Time { return at }, Sectors: []sectors.Sector{{ID: text, Name: text}}})
	})
}
