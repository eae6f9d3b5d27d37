package cli

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"zixuan/sectors/market"
	"zixuan/store"
)

// bigImportFile writes a zixuan json of n tickers of the master, one
// alert and a buy and a sell on each, and returns its path.
func bigImportFile(t *testing.T, n int) string {
	t.Helper()
	type ticker struct {
		Key    string `json:"key"`
		Sector string `json:"sector"`
		Rating string `json:"rating"`
	}
	type alert struct {
		Code    string    `json:"code"`
		Kind    string    `json:"kind"`
		Value   float64   `json:"value"`
		Created time.Time `json:"created"`
		Armed   bool      `json:"armed"`
		Primed  bool      `json:"primed"`
	}
	type trade struct {
		Code    string    `json:"code"`
		Side    string    `json:"side"`
		Date    string    `json:"date"`
		Price   float64   `json:"price"`
		Qty     int       `json:"qty"`
		Created time.Time `json:"created"`
	}
	var file struct {
		Version  int       `json:"version"`
		Exported time.Time `json:"exported"`
		Tickers  []ticker  `json:"tickers"`
		Alerts   []alert   `json:"alerts"`
		Trades   []trade   `json:"trades"`
	}
	file.Version = 1
	created := time.Date(2026, 1, 2, 3, 0, 0, 0, time.UTC)
	file.Exported = created
	for _, sec := range market.Master() {
		if len(file.Tickers) == n {
			break
		}
		if sec.Code.Board() == market.BoardSSEIndex || sec.Code.Board() == market.BoardSZIndex || sec.Code.Board() == market.BoardBSE {
			continue
		}
		key := sec.Code.Key()
		file.Tickers = append(file.Tickers, ticker{Key: key, Sector: "ai", Rating: "buy"})
		file.Alerts = append(file.Alerts, alert{Code: key, Kind: "above", Value: 999, Created: created, Armed: true, Primed: true})
		file.Trades = append(file.Trades,
			trade{Code: key, Side: "buy", Date: "2026-01-05", Price: 10, Qty: 200, Created: created},
			trade{Code: key, Side: "sell", Date: "2026-01-06", Price: 11, Qty: 200, Created: created.Add(time.Second)})
	}
	if len(file.Tickers) < n {
		t.Fatalf("only %d tickers in the master", len(file.Tickers))
	}
	data, err := json.Marshal(file)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// importState counts what of the big file a database holds.
func importState(t *testing.T, db string) (tickers, alerts, trades int) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := st.Load()
	if err != nil {
		t.Fatalf("load after a kill: %v", err)
	}
	al, err := st.Alerts()
	if err != nil {
		t.Fatal(err)
	}
	tr, err := st.Trades()
	if err != nil {
		t.Fatal(err)
	}
	return len(snap.Tickers), len(al), len(tr)
}

// An import killed with SIGKILL at any moment leaves the database as it
// was or with the whole file in it: never tickers without their alerts
// or trades.
func TestCrashDuringImportIsAllOrNothing(t *testing.T) {
	bin := binary(t)
	// 1,500 tickers by default; ZIXUAN_IMPORT_CRASH_TICKERS=5000 for a
	// run at the scale of the market.
	n := 1500
	if v, err := strconv.Atoi(os.Getenv("ZIXUAN_IMPORT_CRASH_TICKERS")); err == nil && v > 0 {
		n = v
	}
	file := bigImportFile(t, n)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if out, code := runBin(t, false, "--db", empty, "list"); code != 0 {
		t.Fatal(out)
	}
	before, _, _ := importState(t, empty)
	seed, err := os.ReadFile(empty)
	if err != nil {
		t.Fatal(err)
	}
	// One import to the end, timed, to spread the kills over its run.
	whole := filepath.Join(dir, "whole.db")
	if err := os.WriteFile(whole, seed, 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if out, code := runBin(t, false, "--db", whole, "--offline", "import", file); code != 0 {
		t.Fatal(out)
	}
	took := time.Since(start)
	full, fullAlerts, fullTrades := importState(t, whole)
	if fullAlerts != n || fullTrades != 2*n || full < n {
		t.Fatalf("the import itself: %d tickers, %d alerts, %d trades", full, fullAlerts, fullTrades)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	kills, untouched, done := 0, 0, 0
	deadline := time.Now().Add(crashSeconds() * 5)
	db := filepath.Join(dir, "z.db")
	for i := 0; i < 30 && kills < 20 && time.Now().Before(deadline); i++ {
		if err := os.WriteFile(db, seed, 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "--db", db, "--offline", "import", file)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		began := time.Now()
		time.Sleep(took/2 + time.Duration(rng.Int64N(int64(took))))
		cmd.Process.Signal(syscall.SIGKILL)
		if err := cmd.Wait(); err != nil {
			kills++
		} else {
			// it ended before the kill: the timed run was slow (a busy
			// machine), so the kills come sooner from now on
			took = min(took, time.Since(began)*3/4)
		}
		tickers, alerts, trades := importState(t, db)
		switch {
		case tickers == before && alerts == 0 && trades == 0:
			untouched++
		case tickers == full && alerts == fullAlerts && trades == fullTrades:
			done++
		default:
			t.Errorf("kill %d left it half-done: %d tickers, %d alerts, %d trades\n%s", i, tickers, alerts, trades, out.String())
		}
	}
	t.Logf("import of %d tickers, %d alerts, %d trades took %v; %d kills: %d left the database as it was, %d whole", n, n, 2*n, took.Round(time.Millisecond), kills, untouched, done)
	if kills == 0 {
		t.Fatal("no import was killed")
	}
}

// A file whose trades sell more than they buy fails its dry run, so a dry
// run that passes means the real import passes; and the failed real run
// leaves nothing of the file behind.
func TestImportDryRunRefusesOverselling(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	mustRun(t, db, "list")
	dir := t.TempDir()
	path := filepath.Join(dir, "oversell.json")
	body := `{"version":1,"exported":"2026-01-02T03:00:00Z","tickers":[{"key":"SH600519","sector":"ai","rating":"buy"}],
"alerts":[{"code":"SH600519","kind":"above","value":2000,"created":"2026-01-02T03:00:00Z","armed":true,"primed":true}],
"trades":[{"code":"SH600519","side":"buy","date":"2026-01-05","price":1500,"qty":100,"created":"2026-01-02T03:00:00Z"},
{"code":"SH600519","side":"sell","date":"2026-01-06","price":1510,"qty":300,"created":"2026-01-02T03:00:01Z"}]}`
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, dry := range []bool{true, false} {
		args := []string{"--offline", "import", path}
		if dry {
			args = append(args, "--dry-run")
		}
		_, errs, code := run(t, db, "", args...)
		if code == 0 || !strings.Contains(errs, "sell") {
			t.Errorf("dry run %v: exit %d, %q", dry, code, errs)
		}
	}
	if out := mustRun(t, db, "list", "--format", "csv"); strings.Contains(out, "600519") {
		t.Errorf("a refused import left its ticker:\n%s", out)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if al, _ := st.Alerts(); len(al) != 0 {
		t.Errorf("a refused import left %d alerts", len(al))
	}
}
