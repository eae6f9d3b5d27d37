package export

import (
	"os"
	"path/filepath"
	"testing"
	"zixuan/sectors/market"
)

// fuzzParse checks what every import parser promises: no panic, and no
// row accepted with a code that is not a valid A-share code.
func fuzzParse(f *testing.F, format Format, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	golden, _ := filepath.Glob(filepath.Join("testdata", "*.golden"))
	for _, g := range golden {
		if b, err := os.ReadFile(g); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data, "fuzz", format)
		if err != nil {
			return
		}
		for _, it := range file.Items {
			back, err := market.ParseCode(it.Code.Key())
			if err != nil || back != it.Code || len(it.Code.Number) != 6 || it.Code.Board() == "" {
				t.Fatalf("line %d: accepted malformed code %+v (%v)", it.Line, it.Code, err)
			}
			if it.HasRating && !it.Rating.Valid() {
				t.Fatalf("line %d: invalid rating %d", it.Line, it.Rating)
			}
		}
		for _, b := range file.Bad {
			if b.Line < 1 {
				t.Fatalf("bad row without a line: %+v", b)
			}
		}
	})
}

func FuzzParseDetect(f *testing.F) {
	fuzzParse(f, "", "SH688111\n", "{\"version\":1,\"tickers\":[]}", "code\n977\n", "1688111\r\n", "watchlist:\n  - 688111.SS\n")
}

func FuzzParseCSV(f *testing.F) {
	fuzzParse(f, CSV,
		"code,name,exchange\n977,浪潮信息,SZ\n",
		"\ufeff代码;名称;板块\n'=688111;x;ai\n",
		"code,rating,rating_date,notes\n688111,买入,2024/5/12,\"[2026-01-01 09:00] a\n\n[2025-01-01 09:00] b\"\n",
		"code,exchange\n000001,SH\n688111,SZ\n12,BJ\n")
}

func FuzzParseJSON(f *testing.F) {
	fuzzParse(f, JSON,
		`{"version":1,"tickers":[{"key":"SH688111","rating":"buy","notes":[{"text":"x"}]}]}`,
		`{"version":2}`,
		`{"version":1,"tickers":[{"key":"SH000977","code":"000977"}]}`,
		`{"tickers":[{"key":1}],"version":1}`)
}

func FuzzParseTDX(f *testing.F) {
	fuzzParse(f, TDX, "1688111\r\n0000977\r\n2920002\r\n", "\r\n1600519\r\n", "1000977\n3600519\n", "0\n")
}

func FuzzParseCodes(f *testing.F) {
	fuzzParse(f, Codes, "SH688111\n688111.SS\n000977.sz\n６８８１１１\n", "# comment\n920002.BJ 万达轴承\n", "68811\n")
}

func FuzzParseTicker(f *testing.F) {
	fuzzParse(f, Ticker, "watchlist:\n  - \"688111.SS\" # 金山办公\n", "watchlist: [688111.SS, \"000977.SZ\"]\n", "groups:\n  - name: a\n    watchlist:\n      - 920002.BJ\nlots:\n  - symbol: x\n")
}
