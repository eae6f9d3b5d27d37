package store

import (
	"encoding/json"
	"testing"
	"time"

	"zixuan/sectors"
)

// The fast encoders must write exactly json.Marshal's bytes (or its error).

func checkEncodeSame(t *testing.T, text string, at time.Time, n uint64, flag bool) {
	t.Helper()
	cmp := func(what string, fast []byte, fastErr error, v any) {
		t.Helper()
		slow, slowErr := json.Marshal(v)
		if (fastErr == nil) != (slowErr == nil) || string(fast) != string(slow) && fastErr == nil {
			t.Fatalf("%s %q %v: fast %s (%v), encoding/json %s (%v)", what, text, at, fast, fastErr, slow, slowErr)
		}
	}
	var zero time.Time
	removed := zero
	if flag {
		removed = at
	}
	tr := tickerRecord{Exchange: "SH", Code: text, ReportName: text, CustomName: text, Sector: text, Rating: text, RatingAt: at,
		RatingSource: text, Added: at, Removed: removed, Updated: at, AddedBy: text, Pinned: flag, Position: n}
	if flag {
		tr.Groups = []string{text, "b"}
	}
	b, err := encodeTickerRecord(&tr)
	cmp("ticker", b, err, tr)
	tr = tickerRecord{}
	b, err = encodeTickerRecord(&tr)
	cmp("empty ticker", b, err, tr)
	rr := ratingRecord{From: text, To: "buy", At: at, Source: text, Reason: text}
	b, err = encodeRatingRecord(&rr)
	cmp("rating", b, err, rr)
	rr.Reason = ""
	b, err = encodeRatingRecord(&rr)
	cmp("rating", b, err, rr)
	note := sectors.Note{ID: n, Text: text, Created: at, Updated: at, Deleted: removed}
	if flag {
		note.Revisions = []sectors.Revision{{Text: text, At: at}, {Text: "x", At: zero}}
	}
	b, err = encodeNote(&note)
	cmp("note", b, err, note)
}

var encodeTexts = []string{"", "688111", "a\"b\\c", "<&>", "\u2028\u2029", "\x00\x1f\x7f", "\b\f\n\r\t", "😀 平安银行", "\ufffd",
	"bad \xff utf8", "\xe2\x80", "\u200b\u202e\u0085", "/ slash", "\xed\xa0\x80 surrogate"}

var encodeTimes = []time.Time{
	{}, time.Date(2026, 7, 1, 9, 30, 0, 5, time.FixedZone("CST", 8*3600)), time.Date(2024, 5, 11, 16, 0, 0, 0, time.UTC),
	time.Date(2026, 7, 1, 9, 30, 0, 123456000, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("odd", 5*3600+30*60+7)),
	time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("far", -23*3600-59*60)),
}

func TestFastEncodeMatchesJSON(t *testing.T) {
	for _, s := range encodeTexts {
		for _, at := range encodeTimes {
			for _, flag := range []bool{false, true} {
				checkEncodeSame(t, s, at, 42, flag)
			}
		}
	}
	checkEncodeSame(t, "x", time.Date(2026, 12, 28, 1, 2, 3, 456789123, time.UTC), 0, false)
	checkEncodeSame(t, "x", time.Date(2027, 3, 1, 23, 59, 59, 999999999, time.UTC), ^uint64(0), true)
}

func FuzzFastEncode(f *testing.F) {
	for _, s := range encodeTexts {
		f.Add(s, int64(1751362200), int64(5), uint64(3), true)
	}
	f.Fuzz(func(t *testing.T, text string, sec, nsec int64, n uint64, flag bool) {
		at := time.Unix(sec, nsec)
		if flag {
			at = at.UTC()
		}
		checkEncodeSame(t, text, at, n, flag)
	})
}
