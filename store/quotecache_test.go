package store

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// marketQuotes are n quotes shaped as Tencent's lines give them (prices
// and percents to the hundredth, amounts in yuan, caps in hundreds of
// millions times 1e8, books in lots), for the codes of the master, the
// strip's indexes first, fetched at fetched.
func marketQuotes(n int, at, fetched time.Time) []KeptQuote {
	r := rand.New(rand.NewPCG(1, 2))
	cent := func(v float64) float64 { return math.Round(v*100) / 100 }
	var out []KeptQuote
	codes := append([]market.Code{}, sectors.StripIndexes...)
	for _, s := range market.Master() {
		codes = append(codes, s.Code)
	}
	for _, c := range codes[:n] {
		prev := cent(2 + r.Float64()*200)
		last := cent(prev * (0.9 + r.Float64()*0.2))
		name, _ := market.MasterName(c)
		q := sectors.Quote{Code: c, Name: name, Last: last, PrevClose: prev, Open: cent(prev * 1.01),
			High: max(last, cent(prev*1.05)), Low: min(last, cent(prev*0.95)), Change: cent(last - prev),
			ChangePct: cent((last - prev) / prev * 100), Volume: int64(r.IntN(5e7)) * 100, Amount: float64(r.IntN(5e9)),
			Turnover: cent(r.Float64() * 20), PE: cent(r.Float64() * 80), Time: at, Amplitude: cent(r.Float64() * 10),
			VolumeRatio: cent(r.Float64() * 3), FloatCap: cent(r.Float64()*2000) * 1e8, TotalCap: cent(r.Float64()*3000) * 1e8,
			PB: cent(r.Float64() * 10), LimitUp: cent(prev * 1.1), LimitDown: cent(prev * 0.9)}
		for i := range 5 {
			q.Bids[i] = sectors.Level{Price: cent(last - float64(i+1)/100), Shares: int64(r.IntN(5000)) * 100}
			q.Asks[i] = sectors.Level{Price: cent(last + float64(i+1)/100), Shares: int64(r.IntN(5000)) * 100}
		}
		out = append(out, KeptQuote{Quote: q, Fetched: fetched})
	}
	return out
}

func codesOf(qs []KeptQuote) []market.Code {
	out := make([]market.Code, len(qs))
	for i, q := range qs {
		out[i] = q.Code
	}
	return out
}

func TestKeptQuotesRoundTripWithoutMovingTheGeneration(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.KeptQuotes(); err != nil || len(got) != 0 {
		t.Fatalf("a new file keeps %d quotes (%v)", len(got), err)
	}
	at := time.Date(2026, 12, 4, 15, 0, 3, 0, market.China)
	fetched := time.Date(2026, 12, 4, 15, 1, 0, 0, market.China)
	qs := marketQuotes(40, at, fetched)
	// the odd ones: a halt, a loss, a change not known, a price no
	// thousandth holds, a zero book, a quote without a time
	qs[5].Suspended, qs[5].Halt = true, "停牌"
	qs[6].LossMaking, qs[6].PE = true, 0
	qs[7].ChangeUnknown, qs[7].PreOpen = true, true
	qs[8].ChangePct = 100.0 / 3
	qs[9].Bids, qs[9].Asks = [5]sectors.Level{}, [5]sectors.Level{}
	qs[10].Time = time.Time{}
	gen, err := s.Generation()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.KeepQuotes(qs, codesOf(qs)); err != nil {
		t.Fatal(err)
	}
	if g, err := s.Generation(); err != nil || g != gen {
		t.Errorf("keeping quotes moved the generation from %d to %d (%v)", gen, g, err)
	}
	got, err := s.KeptQuotes()
	if err != nil || len(got) != len(qs) {
		t.Fatalf("%d kept quotes of %d (%v)", len(got), len(qs), err)
	}
	for _, want := range qs {
		have := got[want.Code.Key()]
		if !have.Time.Equal(want.Time) || !have.Fetched.Equal(want.Fetched) {
			t.Errorf("%s: times %v %v, want %v %v", want.Code.Key(), have.Time, have.Fetched, want.Time, want.Fetched)
		}
		have.Time, have.Fetched = want.Time, want.Fetched
		if !reflect.DeepEqual(have, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", want.Code.Key(), have, want)
		}
	}
	if got[qs[0].Code.Key()].Time.Location() != market.China {
		t.Errorf("a kept time reads in %v, not on the market's clock", got[qs[0].Code.Key()].Time.Location())
	}
}

// A rewrite keeps one quote per code watched: the codes no longer
// watched are dropped, a quote fetched later replaces the kept one and
// one fetched earlier (another process's older round) does not.
func TestKeepQuotesKeepsTheWatchedAndTheLatest(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 4, 15, 0, 3, 0, market.China)
	first := marketQuotes(10, at, at.Add(time.Minute))
	if err := s.KeepQuotes(first, codesOf(first)); err != nil {
		t.Fatal(err)
	}
	later := KeptQuote{Quote: first[1].Quote, Fetched: at.Add(time.Hour)}
	later.Last = 99.99
	earlier := KeptQuote{Quote: first[2].Quote, Fetched: at}
	earlier.Last = 11.11
	stranger := marketQuotes(11, at, at.Add(time.Hour))[10] // fetched but not watched
	watched := codesOf(first[:5])
	if err := s.KeepQuotes([]KeptQuote{later, earlier, stranger}, watched); err != nil {
		t.Fatal(err)
	}
	got, err := s.KeptQuotes()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Errorf("%d quotes kept, want the 5 watched", len(got))
	}
	if q := got[first[1].Code.Key()]; q.Last != 99.99 {
		t.Errorf("the later quote was not kept: %v", q.Last)
	}
	if q := got[first[2].Code.Key()]; q.Last != first[2].Last {
		t.Errorf("an earlier fetch replaced a later one: %v", q.Last)
	}
	if _, ok := got[stranger.Code.Key()]; ok {
		t.Error("a code not watched was kept")
	}
	// only codes not watched: nothing is written, not even the file's stamp
	before, _ := os.Stat(s.Path())
	if err := s.KeepQuotes([]KeptQuote{stranger}, watched); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.Stat(s.Path()); !after.ModTime().Equal(before.ModTime()) {
		t.Error("quotes of codes not watched were written")
	}
}

// Damage to the value costs the cache, never an error or a panic; a
// read-only file keeps nothing and says nothing.
func TestKeptQuotesDamagedOrReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "z.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	qs := marketQuotes(3, time.Date(2026, 12, 4, 15, 0, 3, 0, market.China), time.Date(2026, 12, 4, 15, 1, 0, 0, market.China))
	if err := s.KeepQuotes(qs, codesOf(qs)); err != nil {
		t.Fatal(err)
	}
	good := encodeQuoteCache(qs)
	for cut := range len(good) {
		if _, err := decodeQuoteCache(good[:cut]); err == nil {
			t.Fatalf("a value cut at %d of %d decodes", cut, len(good))
		}
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketQuoteCache).Put(keyQuotes, good[:len(good)/2]) })
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.KeptQuotes(); err != nil || len(got) != 0 {
		t.Errorf("a damaged cache gave %d quotes (%v)", len(got), err)
	}
	if err := s.KeepQuotes(qs, codesOf(qs)); err != nil { // written afresh
		t.Fatal(err)
	}
	if got, _ := s.KeptQuotes(); len(got) != 3 {
		t.Errorf("%d quotes after a rewrite", len(got))
	}

	if os.Geteuid() == 0 {
		return // root writes a read-only file all the same
	}
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(path, 0o600)
	ro, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.KeepQuotes(qs, codesOf(qs)); err != nil {
		t.Errorf("a read-only file: %v", err)
	}
}

// The whole market's quotes and the strip's: the size kept and the time
// to keep and to read them (bench/README.md).
func BenchmarkKeepQuotesMarket(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "z.db"))
	if err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 12, 4, 15, 0, 3, 0, market.China)
	qs := marketQuotes(5538+len(sectors.StripIndexes), at, at.Add(time.Minute))
	watched := codesOf(qs)
	size := float64(len(encodeQuoteCache(qs)))
	b.Run("keep", func(b *testing.B) {
		for b.Loop() {
			if err := s.KeepQuotes(qs, watched); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(size, "bytes")
	})
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			if got, err := s.KeptQuotes(); err != nil || len(got) != len(qs) {
				b.Fatal(len(got), err)
			}
		}
	})
}

// Whatever the file's pages hold, reading the kept quotes never panics,
// and what decodes encodes to a value that decodes again.
func FuzzDecodeQuoteCache(f *testing.F) {
	at := time.Date(2026, 12, 4, 15, 0, 3, 0, market.China)
	f.Add(encodeQuoteCache(marketQuotes(3, at, at)))
	f.Add([]byte(quoteCacheMagic))
	f.Add([]byte(quoteCacheMagic + "\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		qs, err := decodeQuoteCache(b)
		if err != nil {
			return
		}
		if again := encodeQuoteCache(qs); string(again) != string(b) {
			if _, err := decodeQuoteCache(again); err != nil {
				t.Fatalf("what decoded does not decode once encoded: %v", err)
			}
		}
	})
}
