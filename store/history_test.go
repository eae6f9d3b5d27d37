package store

import (
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

func day(s string) time.Time {
	d, err := time.ParseInLocation(time.DateOnly, s, market.China)
	if err != nil {
		panic(err)
	}
	return d
}

// bars makes n trading days of bars from start, a random walk.
func bars(start time.Time, n int, r *rand.Rand) []sectors.DailyBar {
	var out []sectors.DailyBar
	p := 20 + r.Float64()*100
	for d := start; len(out) < n; d = d.AddDate(0, 0, 1) {
		if !market.IsTradingDay(d) && d.Year() <= 2026 {
			continue
		}
		p = max(0.5, p*(1+(r.Float64()-0.5)/10))
		c := float64(int(p*100)) / 100
		out = append(out, sectors.DailyBar{Date: d, Close: c, Open: c - 0.1, High: c + 0.37, Low: c - 0.52, Volume: int64(r.IntN(5e7))})
	}
	return out
}

func TestHistoryRoundTripsAndIsCompact(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	code := market.MustParseCode("300624")
	h := StoredHistory{
		PriceHistory: sectors.PriceHistory{Code: code, Bars: bars(day("2024-05-06"), 490, r),
			Events: []sectors.ExRights{{ExDate: day("2024-06-20"), CashPerShare: 0.5, BonusPerShare: 0.4, Text: "10转4股派5元"}},
			Unread: []sectors.ExRights{{ExDate: day("2025-06-20"), Text: "10配3股"}}},
		Held:    sectors.DayRange{From: day("2024-05-01"), To: day("2026-05-08")},
		Fetched: time.Date(2026, 5, 8, 12, 0, 0, 0, time.UTC),
	}
	data, err := encodeHistory(h)
	if err != nil {
		t.Fatal(err)
	}
	if per := float64(len(data)) / float64(len(h.Bars)); per > 16 {
		t.Errorf("%.1f bytes a bar: two years of the whole market would not fit 100 MB", per)
	}
	got, err := decodeHistory(code, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Bars) != len(h.Bars) || !got.Held.From.Equal(h.Held.From) || !got.Held.To.Equal(h.Held.To) || !got.Fetched.Equal(h.Fetched) {
		t.Fatalf("decoded %d bars held %v, want %d held %v", len(got.Bars), got.Held, len(h.Bars), h.Held)
	}
	for i := range h.Bars {
		g, w := got.Bars[i], h.Bars[i]
		if !g.Date.Equal(w.Date) || milli(g.Close) != milli(w.Close) || milli(g.Open) != milli(w.Open) || milli(g.High) != milli(w.High) || milli(g.Low) != milli(w.Low) || g.Volume != w.Volume || g.Close != w.Close {
			t.Fatalf("bar %d: %+v, want %+v", i, got.Bars[i], h.Bars[i])
		}
	}
	if len(got.Events) != 1 || got.Events[0].BonusPerShare != 0.4 || !got.Events[0].ExDate.Equal(day("2024-06-20")) || len(got.Unread) != 1 {
		t.Errorf("events %+v unread %+v", got.Events, got.Unread)
	}
	// damaged bytes never panic and never decode as data
	for i := 1; i < len(data); i += 7 {
		if _, err := decodeHistory(code, data[:i]); err == nil {
			t.Errorf("a record cut at %d bytes decoded", i)
		}
	}
}

func TestSaveHistoriesMergesAndWidensWhatIsHeld(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	code := market.MustParseCode("688111")
	all := bars(day("2025-01-02"), 60, r)
	first := sectors.DayRange{From: day("2025-01-01"), To: all[29].Date}
	if err := s.SaveHistories(map[string]HistoryUpdate{code.Key(): {Fetched: sectors.PriceHistory{Code: code, Bars: all[:30]}, Covered: []sectors.DayRange{first}}}); err != nil {
		t.Fatal(err)
	}
	second := sectors.DayRange{From: all[30].Date, To: all[59].Date.AddDate(0, 0, 3)}
	if err := s.SaveHistories(map[string]HistoryUpdate{code.Key(): {Fetched: sectors.PriceHistory{Code: code, Bars: all[30:]}, Covered: []sectors.DayRange{second}}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Histories([]market.Code{code})
	if err != nil {
		t.Fatal(err)
	}
	h := got[code.Key()]
	// held from the first day asked (a holiday before the first session)
	// to the last day claimed: the days after the last bar are 清明's
	if len(h.Bars) != 60 || !h.Held.From.Equal(first.From) || !h.Held.To.Equal(second.To) {
		t.Errorf("%d bars, held %v", len(h.Bars), h.Held)
	}
	// a garbage close from a server is refused whole
	bad := sectors.PriceHistory{Code: code, Bars: []sectors.DailyBar{{Date: day("2025-06-02"), Close: 1e300}}}
	if err := s.SaveHistories(map[string]HistoryUpdate{code.Key(): {Fetched: bad}}); err == nil {
		t.Error("a 1e300 close was stored")
	}
}

func FuzzDecodeHistory(f *testing.F) {
	r := rand.New(rand.NewPCG(5, 6))
	h := StoredHistory{PriceHistory: sectors.PriceHistory{Code: market.MustParseCode("600519"), Bars: bars(day("2025-03-03"), 20, r)}}
	data, _ := encodeHistory(h)
	f.Add(data)
	f.Add([]byte{historyFormat})
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := decodeHistory(market.MustParseCode("600519"), data)
		if err != nil {
			return
		}
		if len(got.Bars) > len(data) {
			t.Fatalf("%d bars from %d bytes", len(got.Bars), len(data))
		}
	})
}

// HistoriesKeeping gives what Histories gives, with each history's bars
// cut as keep says, for histories shorter and longer than its buffer.
func TestHistoriesKeepingCutsEachHistory(t *testing.T) {
	s := newStore(t)
	r := rand.New(rand.NewPCG(3, 4))
	lengths := map[string]int{"688111": 490, "300624": 1500, "600519": 3, "000001": 700}
	updates := map[string]HistoryUpdate{}
	var codes []market.Code
	for c, n := range lengths {
		code := market.MustParseCode(c)
		codes = append(codes, code)
		updates[code.Key()] = HistoryUpdate{Fetched: sectors.PriceHistory{Code: code, Bars: bars(day("2020-01-06"), n, r)},
			Covered: []sectors.DayRange{{From: day("2020-01-06"), To: day("2026-05-08")}}}
	}
	if err := s.SaveHistories(updates); err != nil {
		t.Fatal(err)
	}
	all, err := s.Histories(codes)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.HistoriesKeeping(codes, func(k string, b []sectors.DailyBar) []sectors.DailyBar { return b[max(0, len(b)-5):] })
	if err != nil {
		t.Fatal(err)
	}
	for k, h := range all {
		want := h
		want.Bars = h.Bars[max(0, len(h.Bars)-5):]
		if !reflect.DeepEqual(got[k], want) {
			t.Errorf("%s: kept %d bars ending %v, want the last %d of %d", k, len(got[k].Bars), got[k].Range().To, len(want.Bars), len(h.Bars))
		}
	}
}

// What is held is only what was received: a span covered apart from the
// held one (a request between them failed) is not taken, and an index is
// held only up to a session it lacks, whatever the covered spans say; a
// record written when the held span was the span asked is read as what
// its bars vouch for.
func TestHeldIsOnlyWhatWasReceived(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(9, 10))
	stock := market.MustParseCode("600036")
	all := bars(day("2025-03-03"), 40, r)
	span := func(a, b int) sectors.DayRange { return sectors.DayRange{From: all[a].Date, To: all[b].Date} }
	save := func(code market.Code, b []sectors.DailyBar, cov ...sectors.DayRange) StoredHistory {
		t.Helper()
		if err := s.SaveHistories(map[string]HistoryUpdate{code.Key(): {Fetched: sectors.PriceHistory{Code: code, Bars: b}, Covered: cov}}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Histories([]market.Code{code})
		if err != nil {
			t.Fatal(err)
		}
		return got[code.Key()]
	}
	h := save(stock, all[:10], span(0, 9))
	if h.Held != span(0, 9) {
		t.Fatalf("held %v", h.Held)
	}
	// days 20..29 came, 10..19 did not: held stays at day 9
	if h = save(stock, all[20:30], span(20, 29)); h.Held != span(0, 9) {
		t.Errorf("a span apart from the held one was taken: held %v", h.Held)
	}
	// 10..19 come later: held to 19 (20..29 are asked again: their
	// answer was not kept as held)
	if h = save(stock, all[10:20], span(10, 19)); h.Held != span(0, 19) {
		t.Errorf("held %v, want %v", h.Held, span(0, 19))
	}
	// a claim past the last bar over sessions is held only to the last
	// bar (29: those received before count)
	if h = save(stock, all[20:22], span(20, 35)); h.Held != span(0, 29) {
		t.Errorf("held %v, want %v", h.Held, span(0, 29))
	}

	// 沪深300 without day 5, though the answer's span claims it
	idx := sectors.Benchmark
	holed := append(append([]sectors.DailyBar(nil), all[:5]...), all[6:15]...)
	if h = save(idx, holed, span(0, 14)); h.Held != span(0, 4) {
		t.Errorf("an index with a hole on %s is held %v, want %v", market.ChinaDate(all[5].Date), h.Held, span(0, 4))
	}
	if h = save(idx, all[5:15], span(5, 14)); h.Held != span(0, 14) {
		t.Errorf("the hole filled: held %v, want %v", h.Held, span(0, 14))
	}

	// an old record claiming days its bars do not hold
	old := StoredHistory{PriceHistory: sectors.PriceHistory{Code: stock, Bars: all[10:20]}, Held: sectors.DayRange{From: all[0].Date, To: all[39].Date}}
	data, err := encodeHistory(old)
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeHistory(stock, data)
	if err != nil || back.Held != span(10, 19) {
		t.Errorf("old record read as held %v (%v), want %v", back.Held, err, span(10, 19))
	}
}
