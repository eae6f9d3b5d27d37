// Package universe builds the benchmark universe of issue 6: a zixuan
// database holding n tickers of the embedded securities master with their
// real names, deterministically given all six ratings and three notes each
// (and a few tickers 200 notes), for the benchmarks of store, export and ui.
//
// Adding 5,538 tickers through the store's API is one fsynced transaction
// per ticker and per note (about 22,000 of them); this package writes the
// store's documented layout (store/doc.go, schema 1) directly in one
// transaction instead, once per process and size, and hands each benchmark
// a copy. It does not import the store (so the store's own benchmarks can
// use it); every user loads the copy with store.Open and store.Load, which
// refuse a file whose layout drifted, and checks the counts with Want.
package universe

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
)

// Sizes are the universe sizes the benchmarks run at: the report's 25, a
// tenth of the market, the whole market.
func Sizes() []int { return []int{25, 550, All()} }

// All is the size of the whole market: every security of the master.
func All() int { return len(sectors.Master()) }

// Heavy is how many notes the heavy tickers carry; every HeavyEvery-th
// ticker (counting from the 8th) is heavy.
const (
	Heavy      = 200
	HeavyEvery = 1000
	NotesEach  = 3
)

// Base is the universe's clock: every timestamp is Base plus minutes.
var Base = time.Date(2026, 7, 1, 1, 30, 0, 0, time.UTC)

// Counts is what a universe of some size holds.
type Counts struct {
	Tickers int
	Notes   int
	Heavy   []sectors.Code // the tickers with Heavy notes
}

// Want says what a universe of size n must load as.
func Want(n int) Counts {
	var c Counts
	for i, s := range Securities(n) {
		c.Tickers++
		k := notesOf(i)
		c.Notes += k
		if k == Heavy {
			c.Heavy = append(c.Heavy, s.Code)
		}
	}
	return c
}

func notesOf(i int) int {
	if i%HeavyEvery == 7 {
		return Heavy
	}
	return NotesEach
}

// Member is one ticker of the universe.
type Member struct {
	Code   sectors.Code
	Name   string // current master name
	Sector string
	Rating sectors.Rating
	Report bool // one of the report's 25
}

// Securities lists the universe of size n: the report's 25 tickers first
// (with their sectors and ratings), then the master in code order, spread
// over the report's four sectors and cycling through all six ratings. Size
// 25 is exactly the report's watchlist.
func Securities(n int) []Member {
	master := sectors.Master()
	if n > len(master) || n <= 0 {
		n = len(master)
	}
	out := make([]Member, 0, n)
	seen := map[string]bool{}
	for _, st := range sectors.ReportTickers {
		if len(out) == n {
			return out
		}
		name := st.ReportName
		if sec, ok := sectors.LookupMaster(st.Code); ok {
			name = sec.Name
		}
		seen[st.Code.Key()] = true
		out = append(out, Member{Code: st.Code, Name: name, Sector: st.Sector, Rating: st.Rating, Report: true})
	}
	for _, s := range master {
		if len(out) == n {
			break
		}
		if seen[s.Code.Key()] {
			continue
		}
		i := len(out)
		out = append(out, Member{
			Code: s.Code, Name: s.Name,
			Sector: sectors.ReportSectors[i%len(sectors.ReportSectors)].ID,
			Rating: sectors.Ratings[i%len(sectors.Ratings)],
		})
	}
	return out
}

// NoteText is the text of note j of ticker i: a line of mixed Chinese and
// ASCII such as an investor writes.
func NoteText(m Member, i, j int) string {
	return fmt.Sprintf("%s 第%d条：一季度营收同比+%d.%d%%，关注订单、毛利率与%s的估值修复（PE %d 倍）。",
		m.Name, j+1, (i*7+j*3)%60, j%10, m.Sector, 15+(i+j)%80)
}

// The store's schema-1 records, mirrored field for field (see store/model.go).
type (
	sectorRec struct {
		ID      string    `json:"id"`
		Name    string    `json:"name"`
		NameZH  string    `json:"name_zh,omitempty"`
		Report  bool      `json:"report,omitempty"`
		Order   int       `json:"order"`
		Created time.Time `json:"created"`
	}
	tickerRec struct {
		Exchange     string    `json:"exchange"`
		Code         string    `json:"code"`
		ReportName   string    `json:"report_name,omitempty"`
		CustomName   string    `json:"custom_name,omitempty"`
		Sector       string    `json:"sector"`
		Rating       string    `json:"rating"`
		RatingAt     time.Time `json:"rating_at"`
		RatingSource string    `json:"rating_source"`
		Added        time.Time `json:"added"`
		Updated      time.Time `json:"updated"`
	}
	ratingRec struct {
		From   string    `json:"from"`
		To     string    `json:"to"`
		At     time.Time `json:"at"`
		Source string    `json:"source"`
		Reason string    `json:"reason,omitempty"`
	}
	noteRec struct {
		ID      uint64    `json:"id"`
		Text    string    `json:"text"`
		Created time.Time `json:"created"`
		Updated time.Time `json:"updated"`
	}
)

// Build writes a new universe of size n to path (which must not exist).
func Build(path string, n int) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bolt.Tx) error { return fill(tx, n) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

func fill(tx *bolt.Tx, n int) error {
	meta, err := tx.CreateBucket([]byte("meta"))
	if err != nil {
		return err
	}
	secs, err := tx.CreateBucket([]byte("sectors"))
	if err != nil {
		return err
	}
	tickers, err := tx.CreateBucket([]byte("tickers"))
	if err != nil {
		return err
	}
	ratings, err := tx.CreateBucket([]byte("ratings"))
	if err != nil {
		return err
	}
	notes, err := tx.CreateBucket([]byte("notes"))
	if err != nil {
		return err
	}
	put := func(b *bolt.Bucket, k []byte, v any) error {
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		return b.Put(k, data)
	}
	if err := meta.Put([]byte("app"), []byte("zixuan")); err != nil {
		return err
	}
	if err := meta.Put([]byte("schema"), []byte(strconv.Itoa(1))); err != nil {
		return err
	}
	if err := meta.Put([]byte("gen"), itob(1)); err != nil {
		return err
	}
	if err := put(meta, []byte("source"), sectors.Report); err != nil {
		return err
	}
	for i, d := range sectors.ReportSectors {
		if err := put(secs, []byte(d.ID), sectorRec{ID: d.ID, Name: d.Name, NameZH: d.NameZH, Report: true, Order: i, Created: Base}); err != nil {
			return err
		}
	}
	for i, m := range Securities(n) {
		at := Base.Add(time.Duration(i) * time.Minute)
		rec := tickerRec{Exchange: string(m.Code.Exchange), Code: m.Code.Number, Sector: m.Sector,
			Rating: m.Rating.ID(), RatingAt: at, RatingSource: sectors.SourceUser, Added: at, Updated: at}
		first := ratingRec{From: sectors.Unrated.ID(), To: m.Rating.ID(), At: at, Source: sectors.SourceUser, Reason: "added"}
		if m.Report {
			rec.ReportName = reportName(m.Code)
			rec.RatingAt, rec.RatingSource = sectors.Report.Date.UTC(), sectors.ReportSourceID
			first = ratingRec{From: sectors.Unrated.ID(), To: m.Rating.ID(), At: rec.RatingAt, Source: sectors.ReportSourceID, Reason: "report rating"}
		}
		key := []byte(m.Code.Key())
		if err := put(tickers, key, rec); err != nil {
			return err
		}
		if err := put(ratings, childKey(key, 1), first); err != nil {
			return err
		}
		for j := 0; j < notesOf(i); j++ {
			id := uint64(j + 1)
			when := at.Add(time.Duration(j+1) * time.Hour)
			if err := put(notes, childKey(key, id), noteRec{ID: id, Text: NoteText(m, i, j), Created: when, Updated: when}); err != nil {
				return err
			}
		}
	}
	return nil
}

func reportName(c sectors.Code) string {
	for _, st := range sectors.ReportTickers {
		if st.Code == c {
			return st.ReportName
		}
	}
	return ""
}

// childKey is a rating's or note's key in the store's flat layout: the
// ticker's key, then the 8-byte sequence.
func childKey(key []byte, seq uint64) []byte {
	return append(append([]byte(nil), key...), itob(seq)...)
}

func itob(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

var (
	mu    sync.Mutex
	dir   string
	built = map[int]string{}
)

// Cached returns the path of this process's master copy of the universe of
// size n, building it the first time. Do not write to it: use Copy.
func Cached(n int) (string, error) {
	if n <= 0 || n > All() {
		n = All()
	}
	mu.Lock()
	defer mu.Unlock()
	if p, ok := built[n]; ok {
		return p, nil
	}
	if dir == "" {
		removeStale()
		d, err := os.MkdirTemp("", fmt.Sprintf("zixuan-universe-%d-", os.Getpid()))
		if err != nil {
			return "", err
		}
		dir = d
	}
	p := filepath.Join(dir, fmt.Sprintf("universe-%d.db", n))
	if err := Build(p, n); err != nil {
		return "", fmt.Errorf("build universe of %d: %w", n, err)
	}
	built[n] = p
	return p, nil
}

// Copy puts a fresh copy of the universe of size n into a temporary folder
// of tb and returns its path. The master copy is built once per process.
func Copy(tb testing.TB, n int) string {
	tb.Helper()
	src, err := Cached(n)
	if err != nil {
		tb.Fatal(err)
	}
	dst := filepath.Join(tb.TempDir(), "zixuan.db")
	if err := copyFile(src, dst); err != nil {
		tb.Fatal(err)
	}
	return dst
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// removeStale deletes the master copies left by earlier processes that have
// ended (a test binary cannot clean up after itself without a TestMain).
func removeStale() {
	old, _ := filepath.Glob(filepath.Join(os.TempDir(), "zixuan-universe-*"))
	for _, p := range old {
		f := strings.SplitN(filepath.Base(p), "-", 4)
		if len(f) < 3 {
			continue
		}
		pid, err := strconv.Atoi(f[2])
		if err != nil || pid == os.Getpid() {
			continue
		}
		if err := syscall.Kill(pid, 0); err == syscall.ESRCH {
			os.RemoveAll(p)
		}
	}
}
