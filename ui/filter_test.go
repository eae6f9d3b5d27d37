package ui

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"zixuan/sectors/market"

	"zixuan/sectors"
)

// refApply is apply as it was before the incremental search: every ticker
// scored from scratch on every call, then one stable sort. apply must give
// the same rows and counts.
func refApply(v *viewState, d *watchData, tab string) (rows, counts []int) {
	q := normalizeQuery(v.query)
	counts = make([]int, len(d.sectors)+1)
	scores := make([]market.Match, len(d.tickers))
	for i := range d.tickers {
		t := &d.tickers[i]
		if v.ratingFilterOn() && !v.filter.Ratings.Has(t.Rating) {
			continue
		}
		s := matchSubstring
		if q != "" {
			k := d.searchKeys()[i]
			if s = k.ScoreHay(q, false); s == noMatch { // no pre-check
				continue
			}
		}
		counts[0]++
		if o, ok := d.order[t.Sector]; ok {
			counts[o+1]++
		}
		if tab != "" && t.Sector != tab {
			continue
		}
		rows = append(rows, i)
		scores[i] = s
	}
	less := v.less(d)
	sort.SliceStable(rows, func(a, b int) bool {
		i, j := rows[a], rows[b]
		if q != "" && scores[i] != scores[j] {
			return scores[i] < scores[j]
		}
		return less(i, j)
	})
	return rows, counts
}

// sortedSnapshot is bigSnapshot in the store's order: by sector, so the
// sector sort is the snapshot's own order.
func sortedSnapshot() *sectors.Snapshot {
	snap := bigSnapshot()
	slices.SortStableFunc(snap.Tickers, func(a, b sectors.Ticker) int { return strings.Compare(a.Sector, b.Sector) })
	order := map[string]int{}
	for i, s := range snap.Sectors {
		order[s.ID] = i
	}
	slices.SortStableFunc(snap.Tickers, func(a, b sectors.Ticker) int { return order[a.Sector] - order[b.Sector] })
	return snap
}

// Random typing, deleting and pasting over the whole market, with random
// tabs, rating filters and sorts: the incremental search gives exactly the
// rows and counts of a search from scratch.
func TestIncrementalSearchEqualsFromScratch(t *testing.T) {
	master := market.Master()
	// characters that occur in the market: digits, pinyin letters, hanzi
	var alphabet []string
	for _, s := range "0123456789abcdefghijklmnopqrstuvwxyz*-" {
		alphabet = append(alphabet, string(s))
	}
	for _, s := range master[:200] {
		for _, r := range s.Name {
			alphabet = append(alphabet, string(r))
		}
	}
	words := func(r *rand.Rand) string { // a real prefix of something searchable
		s := master[r.IntN(len(master))]
		k := newSearchKey(s.Code, s.Name)
		pool := []string{s.Code.Number, strings.ToLower(s.Code.Key()), s.Name}
		pool = append(pool, k.Initials...)
		pool = append(pool, k.Full...)
		w := []rune(pool[r.IntN(len(pool))])
		return string(w[:1+r.IntN(len(w))])
	}
	for _, mk := range []func() *sectors.Snapshot{bigSnapshot, sortedSnapshot} {
		snap := mk()
		snap.Tickers[7].ReportName = "旧名科技"
		snap.Tickers[9].Sector = "gone" // a sector not loaded
		snap.Tickers[11].Removed = fixedNow
		d := newWatchData(snap)
		r := rand.New(rand.NewPCG(6, uint64(len(snap.Tickers))))
		var v viewState
		tabs := []string{"", "gone", "nope"}
		for _, s := range d.sectors {
			tabs = append(tabs, s.ID)
		}
		for step := range 2000 {
			switch x := r.IntN(100); {
			case x < 45:
				v.query += alphabet[r.IntN(len(alphabet))]
			case x < 75:
				if rs := []rune(v.query); len(rs) > 0 {
					v.query = string(rs[:len(rs)-1])
				}
			case x < 85:
				v.query = words(r)
			case x < 88:
				v.query = ""
			case x < 91:
				v.query = strings.ToUpper(v.query) + "　"
			case x < 94:
				rt := sectors.Ratings[r.IntN(len(sectors.Ratings))]
				if r.IntN(2) == 0 {
					v.filter.Ratings = v.filter.Ratings.With(rt)
				} else if v.filter.Ratings.Has(rt) {
					v.filter.Ratings = v.filter.Ratings.Toggle(rt)
				}
			case x < 97:
				v.sortBy = r.IntN(sortCount)
			}
			if len([]rune(v.query)) > 12 {
				v.query = ""
			}
			tab := tabs[r.IntN(len(tabs))]
			v.apply(&d, tab)
			rows, counts := refApply(&v, &d, tab)
			if !slices.Equal(v.rows, rows) || !slices.Equal(v.counts, counts) {
				t.Fatalf("step %d: query %q tab %q sort %d ratings %v:\nrows %v\nwant %v\ncounts %v want %v",
					step, v.query, tab, v.sortBy, v.filter.Ratings, head(v.rows), head(rows), v.counts, counts)
			}
		}
	}
}

func head(rows []int) []int { return rows[:min(len(rows), 20)] }

// rankMatches with its pre-check and bucket pass ranks as a full score and
// a stable sort do.
func TestRankMatchesEqualsFromScratch(t *testing.T) {
	keys := marketKeys()
	for _, q := range []string{"", "k", "kd", "kdxf", "6", "68", "6881", "688111", "sh6", "h688", "科", "科大", "st", "*st", "-u", "z", "zz", "银行", "yh", "\x00", "000"} {
		for _, limit := range []int{0, 1, 10, 50} {
			got := rankMatches(keys, q, limit)
			nq := normalizeQuery(q)
			type hit struct {
				i int
				s market.Match
			}
			var hits []hit
			for i := range keys {
				s := market.MatchSubstring
				if nq != "" {
					s = keys[i].ScoreHay(nq, false) // no pre-check
				}
				if s != noMatch {
					hits = append(hits, hit{i, s})
				}
			}
			sort.SliceStable(hits, func(a, b int) bool { return hits[a].s < hits[b].s })
			if limit > 0 && len(hits) > limit {
				hits = hits[:limit]
			}
			want := []int{}
			for _, h := range hits {
				want = append(want, h.i)
			}
			if !slices.Equal(got, want) {
				t.Errorf("rankMatches(%q, %d) = %v, want %v", q, limit, head(got), head(want))
			}
		}
	}
}

// 6881 puts 688111 before 688184 on the list sorted by code, typed and
// deleted one key at a time.
func TestIncrementalCodePrefixOrder(t *testing.T) {
	d := newWatchData(sortedSnapshot())
	v := viewState{sortBy: sortCode}
	for _, q := range []string{"6", "68", "688", "6881", "68", "688", "6881"} {
		v.query = q
		v.apply(&d, "")
	}
	pos := map[string]int{}
	for j, i := range v.rows {
		pos[d.tickers[i].Code.Number] = j
	}
	a, okA := pos["688111"]
	b, okB := pos["688184"]
	if !okA || !okB || a > b {
		t.Fatalf("688111 at %d (%v), 688184 at %d (%v)", a, okA, b, okB)
	}
	for _, i := range v.rows {
		if !strings.HasPrefix(d.tickers[i].Code.Number, "6881") {
			t.Fatalf("6881 shows %s", d.tickers[i].Code.Number)
		}
	}
}

// A large list's search keys are made in the background after its load,
// the same as the first search would make them; keys made for data that
// changed meanwhile are dropped.
func TestBigListsKeysAreMadeInTheBackground(t *testing.T) {
	snap := &sectors.Snapshot{Sectors: []sectors.Sector{{ID: "s", Name: "S"}}}
	for _, sec := range market.Master()[:bigList+10] {
		snap.Tickers = append(snap.Tickers, sectors.Ticker{Code: sec.Code, Name: sec.Name, Sector: "s"})
	}
	var m Model
	m.data = newWatchData(snap)
	m.dataEpoch = nextEpoch()
	cmd := m.data.keysCmd(m.dataEpoch)
	if cmd == nil {
		t.Fatal("no background keys for a large list")
	}
	msg := cmd().(keysMadeMsg)
	stale := m
	stale.data.keysGen++ // a patch came first
	stale.data.takeKeys(msg, stale.dataEpoch)
	if stale.data.keys != nil {
		t.Error("keys made before a patch were taken")
	}
	m.data.takeKeys(msg, m.dataEpoch)
	if m.data.keys == nil {
		t.Fatal("the background keys were not taken")
	}
	want := makeKeys(keySourcesOf(m.data.tickers))
	if !reflect.DeepEqual(m.data.keys, want) {
		t.Error("the background keys differ from the first search's")
	}
	small := Model{data: newWatchData(&sectors.Snapshot{Tickers: snap.Tickers[:25]})}
	if small.data.keysCmd(small.dataEpoch) != nil {
		t.Error("a small list makes its keys in the background")
	}
}
