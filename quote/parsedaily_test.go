package quote

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"zixuan/sectors/market"
)

// BenchmarkParseDaily reads a year's k-line answer, distributions among
// its rows: a whole market's fetch reads 5,538 of them.
func BenchmarkParseDaily(b *testing.B) {
	one, err := os.ReadFile("testdata/kline_day_sz300624.json")
	if err != nil {
		b.Fatal(err)
	}
	h, err := ParseDaily(one, market.MustParseCode("300624"))
	if err != nil {
		b.Fatal(err)
	}
	var rows []string
	day := h.Bars[0].Date
	for i := range 245 {
		d := day.AddDate(0, 0, i)
		row := fmt.Sprintf(`["%s","%.2f","%.2f","%.2f","%.2f","%d.000",{},"0.51","%d.123"]`,
			market.ChinaDate(d), 50+float64(i%7), 51+float64(i%5), 52+float64(i%3), 49.5, 10000+i, 5000+i)
		if i%120 == 60 {
			row = fmt.Sprintf(`["%s","50.00","51.00","52.00","49.00","12345",{"nd":"2025","fh_sh":"3.5","djr":"%s","cqr":"%s","FHcontent":"10派3.5元"}]`,
				market.ChinaDate(d), market.ChinaDate(d), market.ChinaDate(d))
		}
		rows = append(rows, row)
	}
	body := []byte(`{"code":0,"msg":"","data":{"sz300624":{"day":[` + strings.Join(rows, ",") + `],"qt":{"sz300624":["51","x"]},"prec":"50.00","version":"16"}}}`)
	if h, err := ParseDaily(body, market.MustParseCode("300624")); err != nil || len(h.Bars) != 245 || len(h.Events) != 2 {
		b.Fatalf("the answer read as %d bars, %d distributions, %v", len(h.Bars), len(h.Events), err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseDaily(body, market.MustParseCode("300624")); err != nil {
			b.Fatal(err)
		}
	}
}

// A row after a longer one carries none of its fields: a distribution is
// read once, on its own row.
func TestShortRowAfterALongOne(t *testing.T) {
	body := []byte(`{"code":0,"data":{"sz300624":{"day":[` +
		`["2025-06-16","50.00","51.00","52.00","49.00","12345",{"nd":"2024","cqr":"2025-06-16","FHcontent":"10派3.5元"},"0.5","6000.0"],` +
		`["2025-06-17","51.00","51.50","52.00","50.50","23456"]]}}}`)
	h, err := ParseDaily(body, market.MustParseCode("300624"))
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Bars) != 2 || len(h.Events) != 1 {
		t.Fatalf("%d bars, %d distributions; want 2 and 1", len(h.Bars), len(h.Events))
	}
}
