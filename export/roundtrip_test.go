package export

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
	"zixuan/sectors/market"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"zixuan/sectors"
	"zixuan/store"
)

func freshStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "fresh.db"))
	check(t, err)
	s.SetClock(func() time.Time { return t0.Add(24 * time.Hour) })
	return s
}

func exportBytes(t *testing.T, f Format, tickers []sectors.Ticker, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	check(t, Write(&buf, f, tickers, opts))
	return buf.Bytes()
}

func importInto(t *testing.T, s *store.Store, data []byte, name string, f Format) store.ImportReport {
	t.Helper()
	file, err := Parse(data, name, f)
	check(t, err)
	check(t, file.Err())
	rep, err := s.Import(file.Items, store.ImportOptions{Source: file.Source(), Sectors: file.Sectors})
	check(t, err)
	return rep
}

// comparable strips what an import cannot carry over: the time of the
// last change.
func comparable(snap *sectors.Snapshot) ([]sectors.Sector, []sectors.Ticker) {
	secs := append([]sectors.Sector(nil), snap.Sectors...)
	for i := range secs {
		secs[i].Created = time.Time{}
	}
	ts := append([]sectors.Ticker(nil), snap.Tickers...)
	for i := range ts {
		ts[i].Updated = time.Time{}
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Code.Key() < ts[j].Code.Key() })
	return secs, ts
}

func TestJSONRoundTripIsLossless(t *testing.T) {
	a, _, _ := fixture(t)
	snapA, err := a.Load()
	check(t, err)
	data := exportBytes(t, JSON, snapA.Tickers, Options{Source: snapA.Source, Sectors: snapA.Sectors})

	b := freshStore(t)
	rep := importInto(t, b, data, "/tmp/zixuan-20301231.json", "")
	snapB, err := b.Load()
	check(t, err)
	secA, tickA := comparable(snapA)
	secB, tickB := comparable(snapB)
	if !reflect.DeepEqual(secA, secB) {
		t.Errorf("sectors differ:\n a %+v\n b %+v", secA, secB)
	}
	if len(tickA) != len(tickB) {
		t.Fatalf("%d tickers exported, %d after import", len(tickA), len(tickB))
	}
	for i := range tickA {
		if !reflect.DeepEqual(tickA[i], tickB[i]) {
			t.Errorf("%s differs after the round trip:\n a %s\n b %s", tickA[i].Code, brief(tickA[i]), brief(tickB[i]))
		}
	}
	if len(rep.Added) != 1 || len(rep.SectorsCreated) != 1 {
		t.Errorf("report: %d added (want the BJ ticker), %d sectors created (want defense)", len(rep.Added), len(rep.SectorsCreated))
	}

	// A second import of the same file changes nothing.
	gen, _ := b.Generation()
	rep = importInto(t, b, data, "again.json", "")
	if len(rep.Added)+len(rep.Updated) != 0 {
		t.Errorf("re-import changed %d/%d tickers: %+v", len(rep.Added), len(rep.Updated), rep.Updated)
	}
	snapB2, _ := b.Load()
	_, tickB2 := comparable(snapB2)
	if !reflect.DeepEqual(tickB, tickB2) {
		t.Error("re-importing the same json changed the data")
	}
	if g, _ := b.Generation(); g != gen+1 {
		t.Errorf("generation %d → %d", gen, g)
	}
}

func TestCSVRoundTripCarriesItsColumns(t *testing.T) {
	a, _, _ := fixture(t)
	snapA, err := a.Load()
	check(t, err)
	data := exportBytes(t, CSV, snapA.Tickers, Options{BOM: true, Source: snapA.Source, Sectors: snapA.Sectors})
	b := freshStore(t)
	// The csv names the defense sector but cannot define it.
	_, err = b.AddSector("Defense", "军工")
	check(t, err)
	importInto(t, b, data, "watch.csv", "")
	snapB, err := b.Load()
	check(t, err)
	byKey := map[string]sectors.Ticker{}
	for _, tk := range snapB.Tickers {
		byKey[tk.Code.Key()] = tk
	}
	for _, ta := range snapA.Tickers {
		if !ta.OnList() {
			continue
		}
		tb, ok := byKey[ta.Code.Key()]
		if !ok {
			t.Errorf("%s missing after csv import", ta.Code)
			continue
		}
		if tb.Name != ta.Name || tb.Sector != ta.Sector || tb.Rating != ta.Rating || !tb.OnList() {
			t.Errorf("%s: got %s/%s/%s, want %s/%s/%s", ta.Code, tb.Name, tb.Sector, tb.Rating, ta.Name, ta.Sector, ta.Rating)
		}
		la, lb := ta.LiveNotes(), tb.LiveNotes()
		if len(la) != len(lb) {
			t.Errorf("%s: %d notes, want %d", ta.Code, len(lb), len(la))
			continue
		}
		for i := range la {
			if la[i].Text != lb[i].Text || !la[i].Created.Truncate(time.Minute).Equal(lb[i].Created) {
				t.Errorf("%s note %d: %q %v, want %q %v", ta.Code, i, lb[i].Text, lb[i].Created, la[i].Text, la[i].Created)
			}
		}
		if ta.Rating != sectors.Unrated && ta.RatingSource == sectors.SourceUser {
			last := tb.Ratings[len(tb.Ratings)-1]
			if last.Source != "import:watch.csv" || last.To != ta.Rating {
				t.Errorf("%s: the import's rating change is recorded as %+v", ta.Code, last)
			}
		}
	}
}

func TestListsParseBackToTheSameTickers(t *testing.T) {
	s := freshStore(t)
	snap, err := s.Load()
	check(t, err)
	var want []string
	for _, tk := range snap.Tickers {
		want = append(want, tk.Code.Key())
	}
	sort.Strings(want)
	if len(want) != 25 {
		t.Fatalf("seed has %d tickers", len(want))
	}
	for _, f := range []Format{TDX, Codes, Yahoo, Ticker, CSV, JSON} {
		data := exportBytes(t, f, snap.Tickers, Options{Sectors: snap.Sectors, Now: func() time.Time { return t0 }})
		for _, detect := range []bool{false, true} {
			pf := f
			if detect {
				pf = ""
			}
			file, err := Parse(data, "list", pf)
			check(t, err)
			if file.Format != f && !(f == Yahoo && file.Format == Codes) {
				t.Errorf("%s export detected as %s", f, file.Format)
			}
			var got []string
			for _, it := range file.Items {
				got = append(got, it.Code.Key())
			}
			sort.Strings(got)
			if !reflect.DeepEqual(got, want) || len(file.Bad) != 0 {
				t.Errorf("%s (detect %v): parsed %v, bad %v", f, detect, got, file.Bad)
			}
		}
	}
}

func TestExcelSavedCSV(t *testing.T) {
	// As Excel saves a zixuan csv back: BOM, CRLF, zeros stripped, dates
	// reformatted, the apostrophe kept before a formula.
	in := "\ufeffcode,name,exchange,board,sector,rating,rating_date,rating_source,notes\r\n" +
		"977,浪潮信息,SZ,SZSE Main,compute,买入,2024/5/12,report,'=1+2\r\n" +
		"688111,金山办公,SH,STAR,ai,overweight,2024-05-12,report,\"[2026-11-28 09:37] two\n\n[2026-11-27 08:00] one\"\r\n" +
		"\r\n"
	file, err := Parse([]byte(in), "excel.csv", "")
	check(t, err)
	if file.Format != CSV || file.Encoding != EncUTF8BOM || len(file.Items) != 2 || len(file.Bad) != 0 {
		t.Fatalf("parsed %+v", file)
	}
	it := file.Items[0]
	if it.Code.Key() != "SZ000977" || it.Rating != sectors.Buy || !it.HasRating || it.RatingAt.In(market.China).Format("2006-01-02") != "2024-05-12" {
		t.Errorf("row 2: %+v", it)
	}
	if len(it.Notes) != 1 || it.Notes[0].Text != "=1+2" {
		t.Errorf("row 2 notes %+v: the neutralising apostrophe must go", it.Notes)
	}
	n := file.Items[1].Notes
	if len(n) != 2 || n[0].Text != "two" || n[1].Text != "one" || n[1].Created.In(market.China).Format("2006-01-02 15:04") != "2026-11-27 08:00" {
		t.Errorf("row 3 notes %+v", n)
	}
}

func TestGBKFile(t *testing.T) {
	utf := "代码,名称,板块\r\n002230,科大讯飞,ai\r\n688111,金山办公,算力\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(utf))
	check(t, err)
	file, err := Parse(gbk, "ths.csv", "")
	check(t, err)
	if file.Encoding != EncGBK || len(file.Items) != 2 || file.Items[0].Name != "科大讯飞" || file.Items[1].Sector != "算力" {
		t.Fatalf("GBK csv parsed as %+v", file)
	}
	// Not GBK either: refused with where, never garbled.
	_, err = Parse([]byte("688111\n\xff\xfe\xfd\n"), "junk.txt", "")
	if err == nil || !strings.Contains(err.Error(), "neither UTF-8 nor GBK") || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("junk bytes: %v", err)
	}
}

func TestUTF16TabSeparated(t *testing.T) {
	// Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
	enc := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
	data, err := enc.Bytes([]byte("代码\t名称\t评级\r\n300634\t彩讯股份\t买入\r\n"))
	check(t, err)
	file, err := Parse(data, "unicode.txt", "")
	check(t, err)
	if file.Encoding != EncUTF16 || file.Format != CSV || len(file.Items) != 1 || file.Items[0].Rating != sectors.Buy {
		t.Fatalf("parsed %+v", file)
	}
}

func TestBadRowsAreAllListed(t *testing.T) {
	in := "SH688111\n68811\n\n600519.SZ\nSH688111\nhello\n920002.BJ\n"
	file, err := Parse([]byte(in), "list.txt", "")
	check(t, err)
	var lines []int
	for _, b := range file.Bad {
		lines = append(lines, b.Line)
	}
	if !reflect.DeepEqual(lines, []int{2, 4, 6}) {
		t.Errorf("bad lines %v (%v), want 2, 4, 6", lines, file.Bad)
	}
	if len(file.Repeats) != 1 || file.Repeats[0].Line != 5 {
		t.Errorf("repeats %v", file.Repeats)
	}
	msg := file.Err().Error()
	for _, want := range []string{"list.txt:2: \"68811\" is not an A-share code: it has 5 digits, not 6", "list.txt:4:", "list.txt:6:", "--skip-invalid"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	tdx := "1688111\r\n1000977\r\n3600519\r\n"
	file, err = Parse([]byte(tdx), "ZXG.blk", TDX)
	check(t, err)
	if len(file.Items) != 1 || len(file.Bad) != 2 || file.Bad[0].Line != 2 {
		t.Errorf("tdx: %+v", file)
	}
}

func TestMalformedImportChangesNothing(t *testing.T) {
	s := freshStore(t)
	gen, _ := s.Generation()
	in := "code,rating\n688111,buy\n002230,excellent\n"
	file, err := Parse([]byte(in), "bad.csv", "")
	check(t, err)
	if file.Err() == nil || len(file.Items) != 1 {
		t.Fatalf("want one bad row, got %+v", file)
	}
	// The CLI stops at file.Err(); a store-level failure half-way through
	// also writes nothing:
	items := append(file.Items, sectors.ImportItem{Line: 9, Code: mustCode("688999")})
	if _, err := s.Import(items, store.ImportOptions{Source: file.Source()}); err == nil {
		t.Fatal("an unknown code without a name was imported")
	}
	if g, _ := s.Generation(); g != gen {
		t.Errorf("a failed import bumped the generation %d → %d", gen, g)
	}
	tk, _ := s.Get(mustCode("688111"))
	if tk.Rating != sectors.Overweight {
		t.Errorf("a failed import changed 688111's rating to %s", tk.Rating)
	}
}

func TestDryRunMatchesRealRun(t *testing.T) {
	s := freshStore(t)
	in := "code,sector,rating,notes\n688111,ai,buy,hello\n920002,,neutral,\n002230,,,\n"
	file, err := Parse([]byte(in), "plan.csv", "")
	check(t, err)
	gen, _ := s.Generation()
	dry, err := s.Import(file.Items, store.ImportOptions{Source: file.Source(), FileSector: "plan", DryRun: true})
	check(t, err)
	if g, _ := s.Generation(); g != gen {
		t.Fatal("dry run wrote")
	}
	real, err := s.Import(file.Items, store.ImportOptions{Source: file.Source(), FileSector: "plan"})
	check(t, err)
	dry.DryRun = false
	if !reflect.DeepEqual(dry, real) {
		t.Errorf("dry run %+v\nreal %+v", dry, real)
	}
	if len(real.Added) != 1 || len(real.Updated) != 1 || len(real.Unchanged) != 1 {
		t.Errorf("report %+v", real)
	}
}

func brief(t sectors.Ticker) string {
	return fmt.Sprintf("%s %q custom=%q report=%q %s %s@%s by %s added=%s removed=%s\n   ratings=%+v\n   notes=%+v",
		t.Code, t.Name, t.CustomName, t.ReportName, t.Sector, t.Rating, t.RatingAt.Format(time.RFC3339Nano), t.RatingSource,
		t.Added.Format(time.RFC3339Nano), t.Removed.Format(time.RFC3339), t.Ratings, t.Notes)
}
