package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"zixuan/sectors/market"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// tick is what the test quote server says of every stock: Tencent's
// ~-separated GBK line with last, previous close, open, volume and time.
type tick struct {
	Last, Prev, Open float64
	Volume           int
	Time             string // YYYYMMDDHHMMSS, China time
}

// tickServer replays Tencent's quote format with whatever tick holds,
// and an empty daily history (the k-line endpoint answers no bars).
type tickServer struct {
	*httptest.Server
	mu     sync.Mutex
	tick   tick
	bench  *tick  // what 沪深300 is quoted at, when not tick (setBench)
	klines string // a server answering the k-lines instead (newKlineServer)
	// hold, when set, holds the next quote request's answer (made from
	// the tick at its arrival, which is signalled on arrived) until it
	// is closed: a late answer.
	hold, arrived chan struct{}
	name          string // the stocks' name, "测试名" unless set
}

func newTickServer(t *testing.T) *tickServer {
	ts := &tickServer{}
	ts.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/appstock/app/fqkline/get") {
			if ts.klines == "" {
				fmt.Fprint(w, `{"code":0,"msg":"","data":[]}`)
				return
			}
			resp, err := http.Get(ts.klines + r.URL.RequestURI())
			if err != nil {
				http.Error(w, err.Error(), 502)
				return
			}
			defer resp.Body.Close()
			_, _ = io.Copy(w, resp.Body)
			return
		}
		ts.mu.Lock()
		stock, bench := ts.tick, ts.bench
		hold, arrived := ts.hold, ts.arrived
		name := ts.name
		if name == "" {
			name = "测试名"
		}
		ts.hold, ts.arrived = nil, nil
		ts.mu.Unlock()
		if hold != nil {
			close(arrived)
			<-hold
		}
		var b strings.Builder
		for _, sym := range strings.Split(strings.TrimPrefix(r.URL.Path, "/q="), ",") {
			k := stock
			if sym == "sh000300" && bench != nil {
				k = *bench
			}
			f := make([]string, 50)
			chg := k.Last - k.Prev
			pct := 0.0
			if k.Last > 0 {
				pct = chg / k.Prev * 100
			} else {
				chg = 0
			}
			f[0], f[1], f[2] = "51", name, sym[2:]
			f[3], f[4], f[5], f[6] = fmt.Sprintf("%.2f", k.Last), fmt.Sprintf("%.2f", k.Prev), fmt.Sprintf("%.2f", k.Open), fmt.Sprint(k.Volume)
			f[30], f[31], f[32] = k.Time, fmt.Sprintf("%.2f", chg), fmt.Sprintf("%.2f", pct)
			f[33], f[34] = fmt.Sprintf("%.2f", max(k.Last, k.Prev)), fmt.Sprintf("%.2f", k.Prev)
			fmt.Fprintf(&b, "v_%s=\"%s\";\n", sym, strings.Join(f, "~"))
		}
		out, _ := simplifiedchinese.GBK.NewEncoder().String(b.String())
		_, _ = w.Write([]byte(out))
	}))
	t.Cleanup(ts.Close)
	return ts
}

func (ts *tickServer) set(k tick) { ts.mu.Lock(); ts.tick = k; ts.mu.Unlock() }

// setBench quotes 沪深300 apart from the stocks.
func (ts *tickServer) setBench(k tick) { ts.mu.Lock(); ts.bench = &k; ts.mu.Unlock() }

// at sets the CLI's clock to a China time for the test.
func setNow(t *testing.T, s string) {
	t.Helper()
	at, err := time.ParseInLocation("2006-01-02 15:04", s, market.China)
	if err != nil {
		t.Fatal(err)
	}
	old := nowFunc
	nowFunc = func() time.Time { return at }
	t.Cleanup(func() { nowFunc = old })
}

type alertListJSON struct {
	Alerts []struct {
		ID         uint64   `json:"id"`
		Code       string   `json:"code"`
		Kind       string   `json:"kind"`
		Value      float64  `json:"value"`
		State      string   `json:"state"`
		FiredAt    *string  `json:"fired_at"`
		FiredPrice *float64 `json:"fired_price"`
		Note       string   `json:"note"`
	} `json:"alerts"`
}

func alertList(t *testing.T, db string) alertListJSON {
	t.Helper()
	var l alertListJSON
	out := mustRun(t, db, "alert", "list", "--format", "json")
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return l
}

func TestAlertCrossingFiresOnceAndCheckExits3(t *testing.T) {
	ts := newTickServer(t)
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	hook := filepath.Join(t.TempDir(), "hook.txt")
	out := mustRun(t, db, "alert", "add", "002230", "--above", "50", "--note", "$(touch pwned) `id`")
	if !strings.Contains(out, "alert 1: SZ002230 above 50.00 (armed, one-shot)") {
		t.Errorf("add: %q", out)
	}
	check := func(last float64, args ...string) (string, string, int) {
		t.Helper()
		ts.set(tick{Last: last, Prev: 48, Open: 48, Volume: 1000, Time: "20260402095930"})
		return run(t, db, "", append([]string{"--quotes-url", ts.URL, "alert", "check"}, args...)...)
	}
	if o, e, code := check(49); code != 0 || o != "" {
		t.Fatalf("below the level: exit %d %q %q", code, o, e)
	}
	exec := `printf '%s|%s|%s|%s|%s\n' "$ZIXUAN_ALERT_ID" "$ZIXUAN_ALERT_CODE" "$ZIXUAN_ALERT_KIND" "$ZIXUAN_ALERT_PRICE" "$ZIXUAN_ALERT_NOTE" >> ` + hook
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	o, e, code := check(51, "--format", "json", "--exec", exec)
	_ = os.Chdir(wd)
	if code != ExitFired {
		t.Fatalf("crossing: exit %d %q %q", code, o, e)
	}
	var fired struct {
		Fired []struct {
			ID    uint64  `json:"id"`
			Code  string  `json:"code"`
			Kind  string  `json:"kind"`
			Price float64 `json:"price"`
		} `json:"fired"`
	}
	if err := json.Unmarshal([]byte(o), &fired); err != nil || len(fired.Fired) != 1 || fired.Fired[0].Code != "SZ002230" || fired.Fired[0].Price != 51 {
		t.Fatalf("fired json %v: %s", err, o)
	}
	got, err := os.ReadFile(hook)
	if err != nil || string(got) != "1|SZ002230|above|51.00|$(touch pwned) `id`\n" {
		t.Errorf("--exec wrote %q (%v)", got, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
		t.Error("the note was run as shell code")
	}
	// the same crossing, seen again by the next cron run: nothing
	if o, _, code := check(52); code != 0 || o != "" {
		t.Errorf("second check: exit %d %q", code, o)
	}
	l := alertList(t, db)
	if len(l.Alerts) != 1 || l.Alerts[0].State != "fired" || l.Alerts[0].FiredPrice == nil || *l.Alerts[0].FiredPrice != 51 ||
		l.Alerts[0].FiredAt == nil || !strings.HasPrefix(*l.Alerts[0].FiredAt, "2026-04-02T10:00:00+08:00") {
		t.Errorf("list after firing: %+v", l)
	}
	// re-armed: not on the crossing it fired on, but on the next one
	mustRun(t, db, "alert", "rearm", "1")
	if l := alertList(t, db); l.Alerts[0].State != "armed" {
		t.Errorf("state after rearm %q", l.Alerts[0].State)
	}
	if _, _, code := check(53); code != 0 {
		t.Error("re-armed alert fired on the old crossing")
	}
	check(47)
	if o, _, code := check(50.5); code != ExitFired || !strings.Contains(o, "SZ002230") {
		t.Errorf("new crossing: exit %d %q", code, o)
	}
	mustRun(t, db, "alert", "rm", "1")
	if l := alertList(t, db); len(l.Alerts) != 0 {
		t.Errorf("after rm: %+v", l)
	}
	if _, e, code := run(t, db, "", "alert", "rm", "1"); code != 1 || !strings.Contains(e, "no alert 1") {
		t.Errorf("rm twice: %d %q", code, e)
	}
}

func TestNothingFiresPreOpenHaltedOrOnAHoliday(t *testing.T) {
	ts := newTickServer(t)
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 09:00")
	mustRun(t, db, "alert", "add", "002230", "--below", "60")
	mustRun(t, db, "alert", "add", "002230", "--change", "3")
	mustRun(t, db, "alert", "add", "300634", "--limit")
	cases := []struct {
		name, now string
		tick      tick
	}{
		// the 0.00 before the open: Tencent sends last 0.00, volume 0
		{"pre-open 0.00", "2026-04-02 09:20", tick{Last: 0, Prev: 50, Volume: 0, Time: "20260402092000"}},
		// the auction's indicative price before 09:30
		{"auction", "2026-04-02 09:26", tick{Last: 40, Prev: 50, Open: 40, Volume: 100, Time: "20260402092500"}},
		// nothing traded in continuous trading: a halt
		{"halt", "2026-04-02 10:30", tick{Last: 40, Prev: 50, Volume: 0, Time: "20260402103000"}},
		// 清明: the market is shut; the quote is Friday's
		{"holiday", "2026-04-06 10:00", tick{Last: 40, Prev: 50, Open: 45, Volume: 100, Time: "20260403150000"}},
		// stale during trading: the server's last quote is half an hour old
		{"stale", "2026-04-02 10:30", tick{Last: 40, Prev: 50, Open: 45, Volume: 100, Time: "20260402100000"}},
	}
	for _, c := range cases {
		setNow(t, c.now)
		ts.set(c.tick)
		o, e, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check", "--format", "json")
		if code != 0 || !strings.Contains(o, `"fired": []`) {
			t.Errorf("%s: exit %d %q %q", c.name, code, o, e)
		}
	}
	for _, a := range alertList(t, db).Alerts {
		if a.State != "armed" || a.FiredAt != nil {
			t.Errorf("after non-trades: %+v", a)
		}
	}
	// a real trade: -20 % fires all three (300634 is ChiNext: ±20 %)
	setNow(t, "2026-04-02 10:30")
	ts.set(tick{Last: 40, Prev: 50, Open: 45, Volume: 100, Time: "20260402102900"})
	o, _, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check")
	if code != ExitFired || strings.Count(o, "\n") != 4 || !strings.Contains(o, "limit down 40.00") {
		t.Errorf("trade: exit %d\n%s", code, o)
	}
}

func TestBadAlertInputIsOneLineAndStoresNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"002230", "--above=-5"}, 2, "not a price"},
		{[]string{"002230"}, 2, "no kind of alert"},
		{[]string{"002230", "--above", "5", "--below", "4"}, 2, "can't be used together"},
		{[]string{"600000", "--above", "5"}, 1, "not on the watchlist"},
		{[]string{"002230", "--above", "5", "--expires", "2026-04-01"}, 2, "before today"},
		{[]string{"002230", "--above", "5", "--expires", "soon"}, 2, "not a date"},
		{[]string{"002230", "--no-note", "0"}, 2, "not a number of days"},
		{[]string{"002230", "--above", "5", "--excess"}, 2, "--excess is for --since-call"},
	} {
		_, e, code := run(t, db, "", append([]string{"alert", "add"}, c.args...)...)
		if code != c.code || !strings.Contains(e, c.want) || strings.Count(e, "\n") != 1 {
			t.Errorf("%v: exit %d %q", c.args, code, e)
		}
	}
	if l := alertList(t, db); len(l.Alerts) != 0 {
		t.Errorf("stored: %+v", l)
	}
}

func TestCheckWithoutQuotesIsAnError(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	mustRun(t, db, "alert", "add", "002230", "--above", "5")
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	if _, e, code := run(t, db, "", "--quotes-url", url, "alert", "check"); code != 1 || !strings.Contains(e, "no connection") {
		t.Errorf("unreachable: %d %q", code, e)
	}
	// nothing armed: 0
	mustRun(t, db, "alert", "rm", "1")
	if _, _, code := run(t, db, "", "--quotes-url", url, "alert", "check"); code != 0 {
		t.Errorf("nothing to check: %d", code)
	}
}

func TestSinceCallDrawdownAndNoNoteAlerts(t *testing.T) {
	ks := newKlineServer(t)
	ts := newTickServer(t)
	ts.klines = ks.URL
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	// the seed's call on 002230 (buy, 2024-05-12) from the close of
	// 2024-05-10, 10: the history closes at 14 since, and 12 is quoted now
	// (+20 %; 沪深300 +10 %)
	mustRun(t, db, "alert", "add", "002230", "--since-call", "15")             // 1: +20 % fires
	mustRun(t, db, "alert", "add", "002230", "--since-call", "15", "--excess") // 2: +10 % excess does not
	mustRun(t, db, "alert", "add", "002230", "--drawdown", "10")               // 3: 12 against the high of 14
	mustRun(t, db, "alert", "add", "002230", "--no-note", "30")                // 4: no note since the report
	if _, e, code := run(t, db, "", "alert", "add", "688111", "--no-note", "30"); code == 0 || !strings.Contains(e, "rated overweight: rate it buy first") {
		t.Errorf("a no-note alert on a ticker rated overweight: %d %q", code, e)
	}
	mustRun(t, db, "rate", "688111", "buy")
	mustRun(t, db, "alert", "add", "688111", "--no-note", "30") // 5: re-rated overweight below: never
	mustRun(t, db, "rate", "688111", "overweight")
	_, e, code := run(t, db, "", "--offline", "alert", "check")
	if code != ExitFired || !strings.Contains(e, "only --no-note alerts") {
		t.Errorf("offline check: %d %q", code, e)
	}
	ts.set(tick{Last: 12, Prev: 14, Open: 14, Volume: 1000, Time: "20260402095930"})
	ts.setBench(tick{Last: 3300, Prev: 3300, Open: 3300, Volume: 1000, Time: "20260402095930"})
	out, e, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check", "--format", "json")
	if code != ExitFired {
		t.Fatalf("check: %d %q %q", code, out, e)
	}
	var fired struct {
		Fired []struct {
			ID     uint64 `json:"id"`
			Detail string `json:"detail"`
		} `json:"fired"`
	}
	if err := json.Unmarshal([]byte(out), &fired); err != nil {
		t.Fatal(err)
	}
	got := map[uint64]string{}
	for _, f := range fired.Fired {
		got[f.ID] = f.Detail
	}
	if len(got) != 2 || !strings.Contains(got[1], "since call +20.00 %") || !strings.Contains(got[3], "drawdown 14.29 % from 14.00") {
		t.Errorf("fired %v", got)
	}
	states := map[uint64]string{}
	for _, a := range alertList(t, db).Alerts {
		states[a.ID] = a.State
	}
	if states[1] != "fired" || states[2] != "armed" || states[3] != "fired" || states[4] != "fired" || states[5] != "armed" {
		t.Errorf("states %v", states)
	}
}

// A price level set before an ex-date is carried across it: 300634's
// 10转4 of 2024-07-01 takes it from 14 to 10, which is no fall below 13;
// the list says the level in force and why.
func TestLevelAlertAcrossTheTenForFour(t *testing.T) {
	ks := newKlineServer(t)
	ts := newTickServer(t)
	ts.klines = ks.URL
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2024-06-20 10:00")
	mustRun(t, db, "alert", "add", "300634", "--below", "13")
	setNow(t, "2024-07-02 10:00")
	ts.set(tick{Last: 10, Prev: 10, Open: 10, Volume: 1000, Time: "20240702095930"})
	out, e, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check")
	if code != 0 {
		t.Errorf("below 13 fired on the 10转4: %d %q %q", code, out, e)
	}
	list := mustRun(t, db, "alert", "list")
	if !strings.Contains(list, "below 9.29 (set 13.00, 10转4股 on 2024-07-01)") {
		t.Errorf("list:\n%s", list)
	}
	ts.set(tick{Last: 9.2, Prev: 10, Open: 10, Volume: 1000, Time: "20240702100000"})
	if _, _, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "check"); code != ExitFired {
		t.Errorf("below the carried level 9.29: exit %d", code)
	}
}

// A target the last trade has already reached would fire at once: it is
// refused, saying the price.
func TestTargetAlreadyReachedIsRefused(t *testing.T) {
	ts := newTickServer(t)
	db := filepath.Join(t.TempDir(), "z.db")
	setNow(t, "2026-04-02 10:00")
	ts.set(tick{Last: 12, Prev: 12.5, Open: 12.5, Volume: 1000, Time: "20260402095930"})
	_, e, code := run(t, db, "", "--quotes-url", ts.URL, "alert", "add", "002230", "--target", "11")
	if code != 2 || !strings.Contains(e, "SZ002230 last traded at 12.00, at or above the target 11.00") {
		t.Errorf("exit %d %q", code, e)
	}
	if out := mustRun(t, db, "--quotes-url", ts.URL, "alert", "add", "002230", "--target", "13"); !strings.Contains(out, "target 13.00") {
		t.Errorf("a target above the price: %q", out)
	}
}
