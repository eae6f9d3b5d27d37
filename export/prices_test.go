package export

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

// fixedPrices is a quote round and some stored closes for the fixture:
// a gain, a loss, a suspended stock, a ref without a quote, a quote
// without a ref, a ref too old to count, a quote of zero (unknown), a
// removed ticker's quote and a quote for a ticker not on the list.
func fixedPrices() *Prices {
	at := time.Date(2030, 1, 2, 15, 0, 3, 0, market.China)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, market.China) }
	q := func(key string, last, prev float64) sectors.Quote {
		// as the vendors give them: two decimals
		return sectors.Quote{Code: mustCode(key), Name: "vendor name", Last: last, PrevClose: prev, Change: round2(last - prev),
			ChangePct: round2((last/prev - 1) * 100), Time: at}
	}
	susp := q("SH603019", 30, 30)
	susp.Suspended = true
	ref := func(key string, d time.Time, close float64) sectors.RefPrice {
		return sectors.RefPrice{Code: mustCode(key), Day: d, Close: close, Source: "user"} // set by hand: unadjusted
	}
	bar := func(d time.Time, close float64) sectors.DailyBar {
		return sectors.DailyBar{Date: d, Open: close, Close: close, High: close, Low: close, Volume: 100}
	}
	return &Prices{
		Quotes: map[string]sectors.Quote{
			"SZ300634": q("SZ300634", 12.5, 12),      // +4.17 %, ref 10 → +25 %
			"SH688111": q("SH688111", 250.1, 260),    // -3.81 %, ref 255.5 → -2.11 %
			"SH603019": susp,                         // suspended, no ref
			"SH603300": q("SH603300", 3.33, 3.3),     // its only close is too old
			"SH688041": {Code: mustCode("SH688041")}, // no last: unknown
			"SH688590": q("SH688590", 20, 19),        // removed from the list
			"SH600000": q("SH600000", 9, 9),          // not on the list at all
		},
		Refs: map[string][]sectors.RefPrice{
			"SZ300634": {ref("SZ300634", day(2024, 5, 9), 9.8), ref("SZ300634", day(2024, 5, 10), 10)},
			"SH688111": {ref("SH688111", day(2024, 5, 10), 300), ref("SH688111", day(2030, 1, 1), 255.5)},
			"SZ002230": {ref("SZ002230", day(2030, 1, 2), 45.67)}, // no quote
			"SH603300": {ref("SH603300", day(2024, 4, 1), 3)},
		},
		// the daily history the returns run through, up to the day before the quotes
		History: map[string]sectors.PriceHistory{
			"SZ300634": {Code: mustCode("SZ300634"), Bars: []sectors.DailyBar{bar(day(2024, 5, 10), 10), bar(day(2030, 1, 1), 12)}},
			"SH688111": {Code: mustCode("SH688111"), Bars: []sectors.DailyBar{bar(day(2030, 1, 1), 260)}},
		},
	}
}

// TestGoldenWithPrices pins the price columns of csv, json and md.
func TestGoldenWithPrices(t *testing.T) {
	_, tickers, opts := fixture(t)
	opts.Prices = fixedPrices()
	for _, f := range []Format{CSV, JSON, MD} {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			check(t, Write(&buf, f, tickers, opts))
			path := filepath.Join("testdata", string(f)+"-prices.golden")
			if *update {
				check(t, os.WriteFile(path, buf.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./export -run Golden -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s export differs from %s:\n%s", f, path, diffLines(want, buf.Bytes()))
			}
		})
	}
}

func TestCSVPriceCells(t *testing.T) {
	_, tickers, opts := fixture(t)
	opts.Prices = fixedPrices()
	rows, err := csv.NewReader(bytes.NewReader(exportBytes(t, CSV, tickers, opts))).ReadAll()
	check(t, err)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if len(rows[0]) != len(CSVHeader)+len(CSVPriceHeader) {
		t.Fatalf("header %v", rows[0])
	}
	byKey := map[string][]string{}
	for _, r := range rows[1:] {
		byKey[r[col["exchange"]]+r[col["code"]]] = r
	}
	cells := func(key string) string {
		r := byKey[key]
		var out []string
		for _, h := range CSVPriceHeader {
			out = append(out, r[col[h]])
		}
		return strings.Join(out, ",")
	}
	for key, want := range map[string]string{
		"SZ300634": "12.5,4.17,2030-01-02 15:00:03,10,2024-05-10,25.00",
		"SH688111": "250.1,-3.81,2030-01-02 15:00:03,255.5,2030-01-01,-2.11", // a number, not '-3.81
		"SH603019": "30,0.00,2030-01-02 15:00:03,,,",
		"SZ002230": ",,,45.67,2030-01-02,",
		"SH603300": "3.33,0.91,2030-01-02 15:00:03,,,",
		"SH688041": ",,,,,",
		"SH688031": ",,,,,",
	} {
		if got := cells(key); got != want {
			t.Errorf("%s: %s, want %s", key, got, want)
		}
	}
	if _, ok := byKey["SH600000"]; ok {
		t.Error("a quote for a ticker not exported added a row")
	}
}

// TestPricesLeaveOtherFormatsAlone: the lists for other tools do not
// change with prices.
func TestPricesLeaveOtherFormatsAlone(t *testing.T) {
	_, tickers, opts := fixture(t)
	with := opts
	with.Prices = fixedPrices()
	for _, f := range Formats() {
		if PriceFormats(f) {
			continue
		}
		if a, b := exportBytes(t, f, tickers, opts), exportBytes(t, f, tickers, with); !bytes.Equal(a, b) {
			t.Errorf("%s changed with prices", f)
		}
	}
}

// TestJSONWithPricesImportsLosslessly: the quote and ref objects are
// ignored by import, which reads exactly what it reads without them.
func TestJSONWithPricesImportsLosslessly(t *testing.T) {
	a, _, _ := fixture(t)
	snapA, err := a.Load()
	check(t, err)
	plainOpts := Options{Source: snapA.Source, Sectors: snapA.Sectors}
	pricedOpts := plainOpts
	pricedOpts.Prices = fixedPrices()
	plain := exportBytes(t, JSON, snapA.Tickers, plainOpts)
	priced := exportBytes(t, JSON, snapA.Tickers, pricedOpts)
	if !bytes.Contains(priced, []byte(`"quote": {`)) || !bytes.Contains(priced, []byte(`"ref": {`)) {
		t.Fatal("no prices in the json")
	}
	if !bytes.Contains(priced, []byte(`"version": 1,`)) {
		t.Error("the json version changed")
	}
	fp, err := Parse(plain, "plain.json", "")
	check(t, err)
	fq, err := Parse(priced, "priced.json", "")
	check(t, err)
	check(t, fq.Err())
	if len(fp.Items) != len(fq.Items) {
		t.Fatalf("%d items with prices, %d without", len(fq.Items), len(fp.Items))
	}
	for i := range fp.Items {
		x, y := fp.Items[i], fq.Items[i]
		x.Line, y.Line = 0, 0 // the priced file has more lines
		if !reflect.DeepEqual(x, y) {
			t.Errorf("item %d differs:\n plain  %+v\n priced %+v", i, x, y)
		}
	}

	// Imported into a fresh store it is the same watchlist.
	b := freshStore(t)
	importInto(t, b, priced, "priced.json", "")
	snapB, err := b.Load()
	check(t, err)
	secA, tickA := comparable(snapA)
	secB, tickB := comparable(snapB)
	if !reflect.DeepEqual(secA, secB) {
		t.Errorf("sectors differ:\n a %+v\n b %+v", secA, secB)
	}
	if !reflect.DeepEqual(tickA, tickB) {
		t.Error("the tickers differ after importing the json with prices")
	}

	// Prices a reader does not understand spoil nothing.
	odd := bytes.Replace(priced, []byte(`"quote": {`), []byte(`"quote": "n/a", "x": {`), 1)
	odd = bytes.Replace(odd, []byte(`"ref": {`), []byte(`"ref": [1, "two"], "y": {`), 1)
	fo, err := Parse(odd, "odd.json", "")
	check(t, err)
	check(t, fo.Err())
	if len(fo.Items) != len(fp.Items) {
		t.Errorf("%d items from the odd file, want %d", len(fo.Items), len(fp.Items))
	}
}

// TestCSVWithPricesImports: the price columns are ignored on import.
func TestCSVWithPricesImports(t *testing.T) {
	_, tickers, opts := fixture(t)
	plain := exportBytes(t, CSV, tickers, opts)
	opts.Prices = fixedPrices()
	priced := exportBytes(t, CSV, tickers, opts)
	fp, err := Parse(plain, "plain.csv", "")
	check(t, err)
	fq, err := Parse(priced, "priced.csv", "")
	check(t, err)
	check(t, fq.Err())
	if !reflect.DeepEqual(fp.Items, fq.Items) {
		t.Error("the csv with prices imports differently")
	}
}
