// Package universe builds the benchmark universe: a zixuan
// database holding n tickers of the embedded securities master with their
// real names, deterministically given all six ratings and three notes each
// (and a few tickers 200 notes), for the benchmarks of store, export and ui.
//
// Adding 5,538 tickers one by one is one fsynced transaction per ticker
// and per note (about 22,000 of them); this package builds the universe
// through the store's Import instead, in one transaction, once per process
// and size, and hands each benchmark a copy. Every user checks the counts
// with Want. The store's own benchmarks are an external test package, so
// that they can use it.
package universe

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"zixuan/sectors/market"

	"zixuan/sectors"
	"zixuan/store"
)

// Sizes are the universe sizes the benchmarks run at: the report's 25, a
// tenth of the market, the whole market.
func Sizes() []int { return []int{25, 550, All()} }

// All is the size of the whole market: every security of the master.
func All() int { return len(market.Master()) }

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
	Heavy   []market.Code // the tickers with Heavy notes
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
	Code   market.Code
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
	master := market.Master()
	if n > len(master) || n <= 0 {
		n = len(master)
	}
	n = max(n, len(sectors.ReportTickers)) // the seed always holds the report's
	out := make([]Member, 0, n)
	seen := map[string]bool{}
	for _, st := range sectors.ReportTickers {
		if len(out) == n {
			return out
		}
		name := st.ReportName
		if sec, ok := market.LookupMaster(st.Code); ok {
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

// Build writes a new universe of size n to path (which must not exist),
// through the store: Open seeds the report's 25, and one Import adds the
// rest of the market and every note, in one transaction. The records are
// the store's own, so the universe cannot drift from its layout.
func Build(path string, n int) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists", path)
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	tick := 0
	st.SetClock(func() time.Time { tick++; return Base.Add(time.Duration(tick) * time.Millisecond) })
	members := Securities(n)
	items := make([]sectors.ImportItem, 0, len(members))
	for i, m := range members {
		at := Base.Add(time.Duration(i) * time.Minute)
		it := sectors.ImportItem{Line: i + 1, Code: m.Code, Name: m.Name, Sector: m.Sector}
		if !m.Report { // the report's keep the report's rating, as seeded
			it.HasRating, it.Rating, it.RatingAt, it.RatingSource = true, m.Rating, at, sectors.SourceUser
		}
		for j := 0; j < notesOf(i); j++ {
			when := at.Add(time.Duration(j+1) * time.Hour)
			it.Notes = append(it.Notes, sectors.Note{Text: NoteText(m, i, j), Created: when, Updated: when})
		}
		items = append(items, it)
	}
	_, err = st.Import(items, store.ImportOptions{Source: sectors.SourceUser})
	return err
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
		if !processAlive(pid) {
			os.RemoveAll(p)
		}
	}
}
