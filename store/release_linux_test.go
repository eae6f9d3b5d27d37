package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"zixuan/sectors"
	"zixuan/sectors/market"
)

// mappedKB is how much of tx's memory map this process has resident
// (its Rss in /proc/self/smaps).
func mappedKB(t *testing.T, tx *bolt.Tx) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps:", err)
	}
	defer f.Close()
	head := fmt.Sprintf("%x-", tx.DB().Info().Data)
	sc := bufio.NewScanner(f)
	in := false // in the mapping's lines: its Rss comes after its Size
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, head) {
			in = true
			continue
		}
		if rest, ok := strings.CutPrefix(line, "Rss:"); in && ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			if err != nil {
				t.Fatal(err)
			}
			return kb
		}
	}
	t.Fatalf("no mapping at %s in /proc/self/smaps", head)
	return 0
}

// A read of many histories holds a few of them in memory at a time, not
// the file: the pages it maps (each fault maps the pages around too) are
// let go every releaseEvery values.
func TestLongReadsLetGoOfTheFilesPages(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	updates := map[string]HistoryUpdate{}
	for _, sec := range market.Master()[:800] {
		updates[sec.Code.Key()] = HistoryUpdate{Fetched: sectors.PriceHistory{Code: sec.Code, Bars: bars(day("2024-05-06"), 490, r)}}
	}
	if err := s.SaveHistories(updates); err != nil {
		t.Fatal(err)
	}
	peakKB := func(counted bool) (peak int) {
		err := s.view(func(tx *bolt.Tx) error {
			pages := countPages(tx)
			defer pages.done()
			n := 0
			return tx.Bucket(bucketHistory).ForEach(func(k, v []byte) error {
				if counted {
					pages.read()
				}
				if _, err := decodeHistory(market.MustParseCode(string(k)), v); err != nil {
					return err
				}
				if n++; n%40 == 0 {
					peak = max(peak, mappedKB(t, tx))
				}
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		return peak
	}
	without, with := peakKB(false), peakKB(true)
	if without < 4<<10 {
		t.Fatalf("a read of 800 histories held only %d kB of the file: too little to tell", without)
	}
	if with > 1500 {
		t.Errorf("a counted read of 800 histories held %d kB of the file at once (%d uncounted); want a few histories' pages", with, without)
	}
	t.Logf("resident at the most: %d kB counted, %d kB not", with, without)
}
