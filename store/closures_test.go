package store

import (
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
)

func chinaDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.ParseInLocation(time.DateOnly, s, market.China)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// benchmarkHistory is 沪深300 trading every weekday of [from, to] but skip.
func benchmarkHistory(t *testing.T, from, to string, skip map[string]bool) HistoryUpdate {
	h := sectors.PriceHistory{Code: sectors.Benchmark}
	for d := chinaDay(t, from); !d.After(chinaDay(t, to)); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || skip[market.ChinaDate(d)] {
			continue
		}
		h.Bars = append(h.Bars, sectors.DailyBar{Date: d, Open: 4000, High: 4010, Low: 3990, Close: 4000, Volume: 1e8})
	}
	return HistoryUpdate{Fetched: h, Covered: []sectors.DayRange{{From: chinaDay(t, from), To: chinaDay(t, to)}}}
}

// A closure the benchmark's history shows is kept with the history: a
// later process, opening the file, knows the day was not a session.
func TestClosuresLearnedFromTheStoredBenchmark(t *testing.T) {
	t.Cleanup(func() { market.SetLearnedClosures(nil) })
	s := newStore(t)
	holiday := "2028-01-27" // no exchange notice, no State Council plan known
	if !market.IsTradingDay(chinaDay(t, holiday)) {
		t.Fatal("presumed closed before anything was learned")
	}
	// 2026-06-18 (a session by the notice) missing too: the notice wins
	skip := map[string]bool{holiday: true, "2026-06-18": true}
	up := benchmarkHistory(t, "2026-06-01", "2026-06-30", skip)
	later := benchmarkHistory(t, "2028-01-03", "2028-02-29", skip)
	up.Fetched.Bars = append(up.Fetched.Bars, later.Fetched.Bars...)
	up.Covered = append(up.Covered, later.Covered...)
	if err := s.SaveHistories(map[string]HistoryUpdate{sectors.Benchmark.Key(): up}); err != nil {
		t.Fatal(err)
	}
	if market.IsTradingDay(chinaDay(t, holiday)) {
		t.Error("the running process did not learn the closure from the history it saved")
	}
	market.SetLearnedClosures(nil)
	if _, err := Open(s.Path()); err != nil {
		t.Fatal(err)
	}
	if market.IsTradingDay(chinaDay(t, holiday)) {
		t.Error("a new process did not learn the closure from the stored history")
	}
	if _, src, _ := market.Closure(chinaDay(t, holiday)); src != market.SourceLearned {
		t.Errorf("source %v", src)
	}
	if !market.IsTradingDay(chinaDay(t, "2026-06-18")) {
		t.Error("a learned closure overrode the exchanges' notice")
	}
	ds, err := CalendarDisagreementsIn(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 || market.ChinaDate(ds[0].Day) != "2026-06-18" || market.ChinaDate(ds[1].Day) != "2026-06-19" {
		t.Errorf("disagreements %v", ds)
	}
}
