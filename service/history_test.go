package service

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"

	bolt "go.etcd.io/bbolt"
)

// klineServer answers Tencent's daily k-line request
// (/appstock/app/fqkline/get?param=sz300624,day,FROM,TO,640,) for any
// symbol: the recorded answer (quote/testdata/kline_day_<sym>.json) for a
// symbol recorded, else a row a session in the same format, with a
// distribution row (as recorded: an object after the volume) on
// 2024-09-26 for every third symbol. refuseAfter > 0 answers HTTP 403
// to every request after that many.
type klineServer struct {
	*httptest.Server
	mu          sync.Mutex
	asked       []string // sym@from, in order
	refuseAfter int
}

func newKlineServer(t *testing.T) *klineServer {
	t.Helper()
	ks := &klineServer{}
	ks.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/appstock/app/fqkline/get") {
			http.Error(w, "not here", http.StatusNotFound)
			return
		}
		p := strings.Split(r.URL.Query().Get("param"), ",")
		if len(p) < 4 {
			http.Error(w, "param", http.StatusBadRequest)
			return
		}
		sym, from, to := p[0], p[2], p[3]
		ks.mu.Lock()
		ks.asked = append(ks.asked, sym+"@"+from)
		refuse := ks.refuseAfter > 0 && len(ks.asked) > ks.refuseAfter
		ks.mu.Unlock()
		if refuse {
			http.Error(w, "refused", http.StatusForbidden)
			return
		}
		if data, err := os.ReadFile(filepath.Join("..", "quote", "testdata", "kline_day_"+sym+".json")); err == nil {
			_, _ = w.Write(data)
			return
		}
		start, _ := time.ParseInLocation(time.DateOnly, from, market.China)
		end, _ := time.ParseInLocation(time.DateOnly, to, market.China)
		dividend := (int(sym[len(sym)-1])-'0')%3 == 0
		var rows []string
		c := 10 + float64(int(sym[len(sym)-2])%7)
		for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
			if !market.IsTradingDay(d) {
				continue
			}
			c *= 1.001
			extra := ""
			if dividend && d.Equal(time.Date(2024, 9, 26, 0, 0, 0, 0, market.China)) {
				extra = `,{"nd":"2024","fh_sh":"5","djr":"2024-09-25","cqr":"2024-09-26","FHcontent":"10派5元(含税)"}`
			}
			rows = append(rows, fmt.Sprintf(`["%s","%.2f","%.2f","%.2f","%.2f","35000.000"%s]`, d.Format(time.DateOnly), c, c, c*1.01, c*0.99, extra))
		}
		fmt.Fprintf(w, `{"code":0,"msg":"","data":{"%s":{"day":[%s]}}}`, sym, strings.Join(rows, ","))
	}))
	t.Cleanup(ks.Close)
	return ks
}

func (ks *klineServer) requests() []string {
	ks.mu.Lock()
	defer ks.mu.Unlock()
	return slices.Clone(ks.asked)
}

func (ks *klineServer) reset(refuseAfter int) {
	ks.mu.Lock()
	defer ks.mu.Unlock()
	ks.asked, ks.refuseAfter = nil, refuseAfter
}

// evening is the clock of these tests: the Saturday after the session of
// 2024-10-11, the last the recorded answers hold.
var evening = time.Date(2024, 10, 12, 9, 0, 0, 0, market.China)

func newService(t *testing.T, ks *klineServer) *Service {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	svc := &Service{Store: st, Now: func() time.Time { return evening }}
	if ks != nil {
		tc := quote.NewTencent(ks.URL, nil)
		svc.Quotes, svc.History = tc, tc
	}
	return svc
}

// stocks is n stocks of the master, the recorded 300624 first.
func stocks(t *testing.T, n int) []market.Code {
	t.Helper()
	out := []market.Code{market.MustParseCode("300624")}
	for _, s := range market.Master() {
		if len(out) == n {
			break
		}
		if !s.Code.IsIndex() && s.Code != out[0] {
			out = append(out, s.Code)
		}
	}
	if len(out) < n {
		t.Fatalf("the master holds %d stocks, %d wanted", len(out), n)
	}
	return out
}

// lastBars keeps a history's last five bars: a cut a figure might make.
func lastBars(h sectors.PriceHistory) []sectors.DailyBar { return h.Bars[max(0, len(h.Bars)-5):] }

// A fetch over more securities than a batch stores every one, gives each
// as the store holds it after the fetch, cut by Keep, and a second run
// asks the server nothing.
func TestLoadHistoryFetchesStoresAndCutsEveryBatch(t *testing.T) {
	ks := newKlineServer(t)
	svc := newService(t, ks)
	codes := append([]market.Code{sectors.Benchmark}, stocks(t, 2*HistoryBatch+10)...)
	req := HistoryRequest{Codes: codes, From: time.Date(2024, 9, 20, 0, 0, 0, 0, market.China), Keep: lastBars, Fetch: true}
	res, err := svc.LoadHistory(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Asked || !res.Online || res.FetchErr != nil || res.SaveErr != nil {
		t.Fatalf("asked %v, online %v, fetch error %v, save error %v", res.Asked, res.Online, res.FetchErr, res.SaveErr)
	}
	if got := len(ks.requests()); got != len(codes) {
		t.Errorf("%d requests for %d securities", got, len(codes))
	}
	whole, err := svc.Store.Histories(codes)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) != len(codes) || len(res.History) != len(codes) {
		t.Fatalf("%d stored, %d given, of %d", len(whole), len(res.History), len(codes))
	}
	for k, h := range whole {
		want := h
		want.Bars = lastBars(h.PriceHistory)
		if !reflect.DeepEqual(res.History[k], want) {
			t.Fatalf("%s: given\n%+v\nthe cut of the stored history\n%+v", k, res.History[k], want)
		}
	}
	recorded := whole["SZ300624"]
	if len(recorded.Bars) < 10 || len(recorded.Events) != 2 || recorded.Events[0].CashPerShare != 0.5 || recorded.Events[1].BonusPerShare != 0.4 {
		t.Errorf("the recorded answer stored as %d bars, distributions %+v", len(recorded.Bars), recorded.Events)
	}
	ks.reset(0)
	again, err := svc.LoadHistory(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if r := ks.requests(); len(r) != 0 {
		t.Errorf("a second run asked again: %v", r[:min(5, len(r))])
	}
	if !reflect.DeepEqual(again.History, res.History) {
		t.Error("a second run gives other histories than the first")
	}
}

// Each batch is stored as its answers arrive: a server that starts
// refusing midway leaves the batches answered before it stored, the rest
// unasked, the refusal said; the next run asks only for what is missing.
func TestFetchHistoryKeepsTheBatchesAnsweredBeforeAFailure(t *testing.T) {
	ks := newKlineServer(t)
	svc := newService(t, ks)
	codes := stocks(t, 3*HistoryBatch)
	ks.reset(HistoryBatch + 20) // the second batch is refused partway
	req := HistoryRequest{Codes: codes, From: time.Date(2024, 9, 20, 0, 0, 0, 0, market.China), Fetch: true}
	res, err := svc.LoadHistory(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if res.FetchErr == nil || quote.Status(res.FetchErr) != "quotes: the server refused (HTTP 403)" {
		t.Errorf("the refusal said as %v", res.FetchErr)
	}
	if !res.Online {
		t.Error("answers came back, and the result says the server never answered")
	}
	if n := len(ks.requests()); n >= 2*HistoryBatch {
		t.Errorf("%d requests: the third batch was asked after the server refused", n)
	}
	stored, err := svc.Store.Histories(codes)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range codes[:HistoryBatch] {
		if h, ok := stored[c.Key()]; !ok || h.Held.Empty() {
			t.Fatalf("%s of the first batch not stored", c.Key())
		}
	}
	for _, c := range codes[2*HistoryBatch:] {
		if _, ok := stored[c.Key()]; ok {
			t.Fatalf("%s of the third batch stored, never asked", c.Key())
		}
	}
	ks.reset(0)
	if _, err := svc.LoadHistory(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	asked := map[string]bool{}
	for _, r := range ks.requests() {
		asked[strings.ToUpper(r[:strings.IndexByte(r, '@')])] = true
	}
	for _, c := range codes {
		_, had := stored[c.Key()]
		if had == asked[c.Key()] {
			t.Fatalf("%s: stored before %v, asked again %v", c.Key(), had, asked[c.Key()])
		}
	}
	after, err := svc.Store.Histories(codes)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(codes) {
		t.Errorf("%d of %d stored after the second run", len(after), len(codes))
	}
}

// A security with its own first day is asked from it, but from the day
// after what it holds when that is earlier: what it holds stays one span.
func TestFetchHistoryFromASecuritysOwnDay(t *testing.T) {
	ks := newKlineServer(t)
	svc := newService(t, ks)
	a, b := market.MustParseCode("600519"), market.MustParseCode("000001")
	if _, err := svc.LoadHistory(context.Background(), HistoryRequest{Codes: []market.Code{b},
		From: time.Date(2024, 9, 2, 0, 0, 0, 0, market.China), Fetch: true}); err != nil {
		t.Fatal(err)
	}
	// b held to 2024-10-11; asked again on Monday evening with its own day after that
	svc.Now = func() time.Time { return time.Date(2024, 10, 14, 20, 0, 0, 0, market.China) }
	ks.reset(0)
	_, err := svc.LoadHistory(context.Background(), HistoryRequest{Codes: []market.Code{sectors.Benchmark, a, b},
		From: time.Date(2024, 9, 2, 0, 0, 0, 0, market.China), Fetch: true,
		Own: map[string]time.Time{a.Key(): time.Date(2024, 10, 8, 0, 0, 0, 0, market.China), b.Key(): time.Date(2024, 10, 15, 0, 0, 0, 0, market.China)}})
	if err != nil {
		t.Fatal(err)
	}
	got := ks.requests()
	slices.Sort(got)
	want := []string{"sh000300@2024-09-02", "sh600519@2024-10-08", "sz000001@2024-10-14"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("asked %v, want %v", got, want)
	}
}

// Offline (no History), LoadHistory reads what is stored and asks nothing.
func TestLoadHistoryOfflineReadsTheStore(t *testing.T) {
	ks := newKlineServer(t)
	svc := newService(t, ks)
	codes := stocks(t, 3)
	req := HistoryRequest{Codes: codes, From: time.Date(2024, 9, 20, 0, 0, 0, 0, market.China), Fetch: true}
	first, err := svc.LoadHistory(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	svc.History = nil
	ks.reset(0)
	res, err := svc.LoadHistory(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if res.Asked || res.Online || len(ks.requests()) > 0 {
		t.Errorf("offline: asked %v, online %v, %d requests", res.Asked, res.Online, len(ks.requests()))
	}
	if !reflect.DeepEqual(res.History, first.History) {
		t.Error("offline gives other histories than those stored")
	}
}

// An unreachable server is said, and nothing is stored.
func TestFetchHistoryUnreachable(t *testing.T) {
	ks := newKlineServer(t)
	svc := newService(t, ks)
	ks.Close()
	res, err := svc.LoadHistory(context.Background(), HistoryRequest{Codes: stocks(t, 2*HistoryBatch),
		From: time.Date(2024, 9, 20, 0, 0, 0, 0, market.China), Fetch: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Online || !res.Asked || res.FetchErr == nil || !strings.Contains(quote.Status(res.FetchErr), "connection refused") {
		t.Errorf("online %v, asked %v, said %q", res.Online, res.Asked, quote.Status(res.FetchErr))
	}
	if n := len(ks.requests()); n > 8 {
		t.Errorf("%d requests to a server that is gone", n)
	}
	if len(res.History) != 0 {
		t.Errorf("%d histories from nowhere", len(res.History))
	}
}

// A fetch handing its batches to Each, in turns, with only the spans of
// what is held: each batch comes once, as stored and cut, the turn is
// taken and given back for the check and every batch, and together the
// batches are what the fetch would have given in its result. A store
// that refuses the new days gives the same histories as with the bars
// held: what is stored is read again and the new days merged onto it.
func TestFetchHistoryHandsEachBatchInItsTurn(t *testing.T) {
	ks := newKlineServer(t)
	codes := append([]market.Code{sectors.Benchmark}, stocks(t, HistoryBatch+10)...)
	from := time.Date(2024, 9, 20, 0, 0, 0, 0, market.China)
	earlier := time.Date(2024, 10, 8, 20, 0, 0, 0, market.China)
	// stored through 2024-10-08, then asked for the days to 2024-10-11
	setUp := func() *Service {
		svc := newService(t, ks)
		svc.Now = func() time.Time { return earlier }
		if _, err := svc.LoadHistory(context.Background(), HistoryRequest{Codes: codes, From: from, Fetch: true}); err != nil {
			t.Fatal(err)
		}
		svc.Now = func() time.Time { return evening }
		return svc
	}
	spans := func(held map[string]store.StoredHistory) map[string]store.StoredHistory {
		out := map[string]store.StoredHistory{}
		for k, h := range held {
			out[k] = store.StoredHistory{PriceHistory: sectors.PriceHistory{Code: h.Code}, Held: h.Held, Fetched: h.Fetched}
		}
		return out
	}
	each := func(svc *Service, held map[string]store.StoredHistory) (map[string]store.StoredHistory, HistoryResult) {
		got := map[string]store.StoredHistory{}
		batches, turns, inTurn := 0, 0, false
		req := HistoryRequest{Codes: codes, From: from, Keep: lastBars, Fetch: true,
			Turn: func() func() {
				if inTurn {
					t.Error("a turn taken while the last is not given back")
				}
				inTurn = true
				turns++
				return func() { inTurn = false }
			},
			Each: func(b map[string]store.StoredHistory) {
				if inTurn {
					t.Error("a batch handed on within its turn")
				}
				batches++
				for k, h := range b {
					if _, twice := got[k]; twice {
						t.Errorf("%s handed twice", k)
					}
					got[k] = h
				}
			}}
		res := svc.FetchHistory(context.Background(), req, held)
		if len(res.History) != 0 {
			t.Errorf("the result holds %d histories beside the batches handed on", len(res.History))
		}
		if want := (len(codes) + HistoryBatch - 1) / HistoryBatch; batches != want || turns != want+1 {
			t.Errorf("%d batches in %d turns, want %d in %d (the check's and each batch's)", batches, turns, want, want+1)
		}
		return got, res
	}

	svc := setUp()
	held, err := svc.ReadHistory(codes, lastBars)
	if err != nil {
		t.Fatal(err)
	}
	whole := svc.FetchHistory(context.Background(), HistoryRequest{Codes: codes, From: from, Keep: lastBars, Fetch: true}, held)
	svc = setUp()
	got, res := each(svc, spans(held))
	if res.SaveErr != nil || res.FetchErr != nil {
		t.Fatalf("save %v, fetch %v", res.SaveErr, res.FetchErr)
	}
	if !reflect.DeepEqual(got, whole.History) {
		t.Errorf("the batches handed on differ from the fetch's result: %d against %d", len(got), len(whole.History))
	}

	// the store refusing the new days: another reader holds the file,
	// so a write times out on its lock while reads go on
	refused := func(svc *Service) {
		db, err := bolt.Open(svc.Store.Path(), 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
	}
	svc = setUp()
	refused(svc)
	want := svc.FetchHistory(context.Background(), HistoryRequest{Codes: codes, From: from, Keep: lastBars, Fetch: true}, held)
	if want.SaveErr == nil {
		t.Fatal("the store took the write with another reader on the file")
	}
	svc = setUp()
	refused(svc)
	got, res = each(svc, spans(held))
	if res.SaveErr == nil {
		t.Fatal("the store took the write with another reader on the file")
	}
	if len(got) != len(want.History) || len(got) == 0 {
		t.Errorf("refused: %d histories with the spans only, %d with the bars held", len(got), len(want.History))
	}
	for k, h := range want.History {
		if !reflect.DeepEqual(got[k].Bars, h.Bars) || !reflect.DeepEqual(got[k].Held, h.Held) {
			t.Fatalf("%s refused: with the spans only\n%+v\nwith the bars held\n%+v", k, got[k], h)
		}
	}
}
