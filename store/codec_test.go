package store

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// The record decoders (goccy/go-json) must give exactly what encoding/json
// gives, error or not, for any input: the records zixuan writes, the
// records of existing databases, and anything else.

var decodeSeeds = []string{
	`{"id":1,"text":"平安银行 第1条：一季度营收同比+7.0%","created":"2026-07-01T02:30:00Z","updated":"2026-07-01T02:30:00Z"}`,
	`{"id":2,"text":"line one\nline \"two\"\t\\ \u003cb\u003e \u2028 é","created":"2026-07-01T02:30:00.123456789+08:00","updated":"2026-07-01T02:30:00Z","deleted":"2026-07-02T00:00:00Z"}`,
	`{"id":3,"text":"x","created":"2026-07-01T02:30:00Z","updated":"2026-07-01T02:30:00Z","revisions":[{"text":"old","at":"2026-07-01T02:30:00Z"}]}`,
	`{"ID":4,"Text":"case"}`,
	`{"id":5,"text":null}`,
	`{"id":-1}`, `{"id":1.5}`, `{"id":01}`, `{"id":"1"}`, `{"id":18446744073709551616}`,
	`{"text":"\ud83d\ude00 surrogate"}`, `{"text":"bad \x01 control"}`, `{"text":"bad utf8 ` + "\xff" + `"}`, `{"text":"\q"}`, `{"text":"\u12"}`,
	`{"created":"not a time"}`, `{"created":"2026-07-01T02:30:00\u005a"}`,
	`{"created":"2026-02-29T02:30:00Z"}`, `{"created":"2024-02-29T23:59:59.999999999Z"}`, `{"created":"2026-13-01T02:30:00Z"}`,
	`{"created":"2026-04-31T02:30:00Z"}`, `{"created":"2026-07-01T24:00:00Z"}`, `{"created":"2026-07-01T02:60:00Z"}`,
	`{"created":"2026-07-01T02:30:60Z"}`, `{"created":"2026-07-01T02:30:00.Z"}`, `{"created":"2026-07-01T02:30:00.1234567891Z"}`,
	`{"created":"2026-07-01T02:30:00.5Z"}`, `{"created":"0000-01-01T00:00:00Z"}`, `{"created":"2026-00-01T02:30:00Z"}`,
	`{"created":"2026-07-00T02:30:00Z"}`, `{"created":"2026-07-01t02:30:00Z"}`, `{"created":"2026-07-01T02:30:00z"}`,
	`{"created":"+026-07-01T02:30:00Z"}`, `{"created":"2026-07-01T2:30:00Z"}`, `{"created":"2026-07-01T02:30:00,5Z"}`,
	` { "id" : 7 , "text" : "spaced" } `, `{}`, `{"id":1,}`, `{"id":1} x`, `[]`, ``, `{"id":1,"id":2}`, `{"unknown":true}`,
	`{"exchange":"SH","code":"688111","report_name":"金山办公","sector":"ai","rating":"overweight","rating_at":"2024-05-11T16:00:00Z","rating_source":"report-2024-05-12","added":"2026-07-01T01:30:00Z","updated":"2026-07-01T01:30:00Z"}`,
	`{"exchange":"SZ","code":"000001","custom_name":"平安","sector":"x","rating":"buy","rating_at":"2026-07-01T01:30:00Z","rating_source":"user","added":"2026-07-01T01:30:00Z","removed":"2026-07-03T01:30:00Z","updated":"2026-07-01T01:30:00Z"}`,
	`{"from":"unrated","to":"buy","at":"2026-07-01T01:30:00Z","source":"user","reason":"added"}`,
	`{"from":"unrated","to":"buy","at":"2026-07-01T01:30:00Z","source":"import:a.csv"}`,
}

func checkDecodesAsJSON(t *testing.T, data []byte) {
	t.Helper()
	same := func(what string, fastErr, slowErr error, fast, slow any) {
		if (fastErr == nil) != (slowErr == nil) || (fastErr != nil && fastErr.Error() != slowErr.Error()) {
			t.Fatalf("%s %q: goccy error %v, encoding/json %v", what, data, fastErr, slowErr)
		}
		// times are compared as written: each parse of an offset makes its own *Location
		fj, _ := json.Marshal(fast)
		sj, _ := json.Marshal(slow)
		if fastErr == nil && string(fj) != string(sj) {
			t.Fatalf("%s %q:\ngoccy %#v\njson  %#v", what, data, fast, slow)
		}
	}
	var n1, n2 sectors.Note
	e1, e2 := decodeNote(data, &n1), json.Unmarshal(data, &n2)
	same("note", e1, e2, n1, n2)
	if noteDecodes(data) != (e1 == nil) { // the check's verdict, without the note
		t.Fatalf("noteDecodes(%q) = %v, decodeNote: %v", data, noteDecodes(data), e1)
	}
	var t1, t2 tickerRecord
	e1, e2 = decodeTickerRecord(data, &t1), json.Unmarshal(data, &t2)
	same("ticker", e1, e2, t1, t2)
	var r1, r2 ratingRecord
	e1, e2 = decodeRatingRecord(data, &r1), json.Unmarshal(data, &r2)
	same("rating", e1, e2, r1, r2)
}

func TestRecordsDecodeAsEncodingJSON(t *testing.T) {
	for _, s := range decodeSeeds {
		checkDecodesAsJSON(t, []byte(s))
	}
	// What json.Marshal writes for awkward texts round-trips.
	for _, text := range []string{"", "a\"b", "<&>", "\u2028\u2029", "\x00\x1f", "tab\there", "😀 emoji", "\ufffd"} {
		at := time.Date(2026, 7, 1, 9, 30, 0, 5, time.FixedZone("CST", 8*3600))
		data, _ := json.Marshal(sectors.Note{ID: 9, Text: text, Created: at, Updated: at})
		checkDecodesAsJSON(t, data)
	}
}

// Every record of an existing database decodes as encoding/json decodes
// it: the schema-1 file kept from an older release, and a file this
// release writes (notes with revisions, deletions, rating changes).
func TestStoredRecordsDecodeAsEncodingJSON(t *testing.T) {
	old := filepath.Join(t.TempDir(), "schema1.db")
	copyFixture(t, "testdata/schema1.db", old)
	st := newStore(t)
	snap, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := snap.Tickers[0].Code
	n, err := st.AddNote(c, "第一条 \"quoted\" <b>")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.EditNote(c, n.ID, "改过 =1+1"); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteNote(c, n.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetRating(c, sectors.Buy, "user", "reason ✓"); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{old, st.Path()} {
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		records := 0
		err = db.View(func(tx *bolt.Tx) error {
			return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
				return walkValues(b, func(v []byte) {
					if bytes.HasPrefix(v, []byte("{")) {
						records++
						checkDecodesAsJSON(t, v)
					}
				})
			})
		})
		db.Close()
		if err != nil || records == 0 {
			t.Fatalf("%s: %d records, %v", path, records, err)
		}
	}
}

func walkValues(b *bolt.Bucket, fn func(v []byte)) error {
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			return walkValues(b.Bucket(k), fn)
		}
		fn(v)
		return nil
	})
}

func copyFixture(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func FuzzRecordDecode(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkDecodesAsJSON(t, data) })
}
