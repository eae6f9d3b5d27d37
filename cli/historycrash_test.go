package cli

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
)

// storedHistories is, of the histories db holds, the keys of those
// whose held span reaches through day.
func storedHistories(t *testing.T, db string, day time.Time) map[string]bool {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatalf("open after a kill: %v", err)
	}
	if _, err := st.Load(); err != nil {
		t.Fatalf("load after a kill: %v", err)
	}
	all, err := st.Histories(nil)
	if err != nil {
		t.Fatalf("histories after a kill: %v", err)
	}
	out := map[string]bool{}
	for k, h := range all {
		if !h.Held.Empty() && !h.Held.To.Before(day) {
			out[k] = true
		}
	}
	return out
}

// A scorecard killed with SIGKILL while it fetches the whole list's
// history leaves a database that opens and passes doctor, holding the
// batches stored before the kill whole; the next run asks only for the
// securities still missing, and completes.
func TestCrashDuringHistoryFetchKeepsWhatWasStored(t *testing.T) {
	bin := binary(t)
	// 300 tickers by default; ZIXUAN_HISTORY_CRASH_TICKERS=5000 for a
	// run at the scale of the market, ZIXUAN_HISTORY_CRASH_KILLS for more.
	n, kills := 300, 3
	if v, err := strconv.Atoi(os.Getenv("ZIXUAN_HISTORY_CRASH_TICKERS")); err == nil && v > 0 {
		n = v
	}
	if v, err := strconv.Atoi(os.Getenv("ZIXUAN_HISTORY_CRASH_KILLS")); err == nil && v > 0 {
		kills = v
	}
	ks := newKlineServer(t)
	file := bigImportFile(t, n)
	dir := t.TempDir()
	seedDB := filepath.Join(dir, "seed.db")
	if out, code := runBin(t, false, "--db", seedDB, "--offline", "import", file); code != 0 {
		t.Fatal(out)
	}
	seedData, err := os.ReadFile(seedDB)
	if err != nil {
		t.Fatal(err)
	}
	// the last session closed now, which a complete history holds
	last := market.ChinaDay(time.Now())
	if !market.IsTradingDay(last) || time.Now().In(market.China).Hour() < 15 {
		last = market.PrevTradingDay(last)
	}
	fetch := func(db string) *exec.Cmd {
		return exec.Command(bin, "--db", db, "--quotes-url", ks.URL, "scorecard", "--format", "csv")
	}
	// one run to the end, timed, to spread the kills over its fetch
	whole := filepath.Join(dir, "whole.db")
	if err := os.WriteFile(whole, seedData, 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if out, err := fetch(whole).CombinedOutput(); err != nil {
		t.Fatalf("the fetch itself: %v\n%s", err, out)
	}
	took := time.Since(start)
	complete := storedHistories(t, whole, last)
	// a machine too busy for the whole fetch in the command's time bound
	// stores what it got: the next run goes on from there
	for try := 0; try < 3 && len(complete) < n; try++ {
		if out, err := fetch(whole).CombinedOutput(); err != nil {
			t.Fatalf("the fetch itself, again: %v\n%s", err, out)
		}
		complete = storedHistories(t, whole, last)
	}
	if len(complete) < n {
		t.Fatalf("the fetch itself stored %d complete histories of %d tickers", len(complete), n)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d (kill timings); a whole fetch of %d tickers took %v", seed, n, took.Round(time.Millisecond))
	rng := rand.New(rand.NewPCG(seed, 25))
	db := filepath.Join(dir, "z.db")
	killed, partial := 0, 0
	for i := 0; i < 3*kills && killed < kills; i++ {
		if err := os.WriteFile(db, seedData, 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := fetch(db)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		began := time.Now()
		time.Sleep(took/10 + time.Duration(rng.Int64N(int64(took))))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		if err := cmd.Wait(); err == nil {
			took = min(took, time.Since(began)*3/4) // it ended first: kill sooner
			continue
		}
		killed++
		if out, code := runBin(t, false, "--db", db, "doctor"); code != 0 {
			t.Fatalf("kill %d: doctor fails after the kill: %s", i, out)
		}
		have := storedHistories(t, db, last)
		if len(have) > 0 && len(have) < len(complete) {
			partial++
		}
		ks.mu.Lock()
		ks.starts = nil
		ks.mu.Unlock()
		if out, err := fetch(db).CombinedOutput(); err != nil {
			t.Fatalf("kill %d: the next fetch fails: %v\n%s", i, err, out)
		}
		ks.mu.Lock()
		asked := ks.starts
		ks.mu.Unlock()
		for _, a := range asked {
			k := strings.ToUpper(a[:strings.IndexByte(a, '@')])
			if have[k] && k != sectors.Benchmark.Key() {
				t.Errorf("kill %d: the next fetch asked again for %s, stored whole before the kill", i, k)
				break
			}
		}
		after := storedHistories(t, db, last)
		for try := 0; try < 3 && len(after) < len(complete); try++ {
			if out, err := fetch(db).CombinedOutput(); err != nil {
				t.Fatalf("kill %d: a fetch after the next fails: %v\n%s", i, err, out)
			}
			after = storedHistories(t, db, last)
		}
		if len(after) != len(complete) {
			t.Errorf("kill %d: after the next fetch %d complete histories, a whole fetch stores %d", i, len(after), len(complete))
		}
	}
	t.Logf("%d kills, %d of them between batches stored and batches to come", killed, partial)
	if killed == 0 {
		t.Fatal("no fetch was killed")
	}
}
