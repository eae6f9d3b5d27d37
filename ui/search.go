package ui

import (
	"sort"
	"strings"
	"sync"

	"zixuan/sectors"
)

// searchKey is what one security can be found by, lower-cased once when
// the data is loaded, never per keystroke.
type searchKey struct {
	number   string   // 688111
	key      string   // sh688111
	names    []string // normalized name, core name (and the report's name), lower-case
	initials []string // pinyin initials, default reading first
	full     []string // full pinyin
}

// Match scores: lower is better; noMatch means the query does not match.
const (
	matchExactCode = iota
	matchCodePrefix
	matchNamePrefix
	matchSubstring
	noMatch
)

// newSearchKey builds the key for a security with its current name; extra
// names (a report name, a custom name) are searchable too.
func newSearchKey(code sectors.Code, name string, extra ...string) searchKey {
	k := searchKey{number: code.Number, key: strings.ToLower(code.Key())}
	sec, inMaster := sectors.LookupMaster(code)
	for i, n := range append([]string{name}, extra...) {
		if n == "" {
			continue
		}
		norm := sectors.NormalizeName(n)
		k.names = appendNew(k.names, strings.ToLower(norm))
		k.names = appendNew(k.names, strings.ToLower(sectors.CoreName(norm)))
		var ini, full []string
		if inMaster && n == sec.Name {
			ini, full = sec.Initials, sec.Full
		} else if i == 0 || !inMaster {
			ini, full = sectors.PinyinKeys(n)
		}
		for _, s := range ini {
			k.initials = appendNew(k.initials, s)
		}
		for _, s := range full {
			k.full = appendNew(k.full, s)
		}
	}
	if inMaster && name != sec.Name {
		for _, s := range sec.Initials {
			k.initials = appendNew(k.initials, s)
		}
		for _, s := range sec.Full {
			k.full = appendNew(k.full, s)
		}
	}
	return k
}

func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// normalizeQuery folds what the user typed the same way names are folded.
func normalizeQuery(q string) string {
	return strings.ToLower(sectors.NormalizeName(q))
}

// score says how well the normalized query q matches: exact code, code
// prefix, name or pinyin prefix, substring anywhere, or noMatch.
func (k *searchKey) score(q string) int {
	if q == "" {
		return matchSubstring
	}
	if k.number == q || k.key == q {
		return matchExactCode
	}
	if strings.HasPrefix(k.number, q) || strings.HasPrefix(k.key, q) {
		return matchCodePrefix
	}
	for _, lists := range [3][]string{k.names, k.initials, k.full} {
		for _, s := range lists {
			if strings.HasPrefix(s, q) {
				return matchNamePrefix
			}
		}
	}
	if strings.Contains(k.number, q) {
		return matchSubstring
	}
	for _, lists := range [3][]string{k.names, k.initials, k.full} {
		for _, s := range lists {
			if strings.Contains(s, q) {
				return matchSubstring
			}
		}
	}
	return noMatch
}

// rankMatches returns the indexes of keys matching q, best first; equal
// scores keep the keys' order.
func rankMatches(keys []searchKey, q string, limit int) []int {
	q = normalizeQuery(q)
	type hit struct{ i, s int }
	hits := make([]hit, 0, 64)
	for i := range keys {
		if s := keys[i].score(q); s != noMatch {
			hits = append(hits, hit{i, s})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].s < hits[b].s })
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]int, len(hits))
	for i, h := range hits {
		out[i] = h.i
	}
	return out
}

var (
	masterKeysOnce sync.Once
	masterKeys     []searchKey
)

// marketKeys is the search index of the whole securities master, built
// once, in Master()'s order.
func marketKeys() []searchKey {
	masterKeysOnce.Do(func() {
		list := sectors.Master()
		masterKeys = make([]searchKey, len(list))
		for i, s := range list {
			k := searchKey{number: s.Code.Number, key: strings.ToLower(s.Code.Key()),
				initials: s.Initials, full: s.Full}
			norm := sectors.NormalizeName(s.Name)
			k.names = appendNew(k.names, strings.ToLower(norm))
			k.names = appendNew(k.names, strings.ToLower(sectors.CoreName(norm)))
			masterKeys[i] = k
		}
	})
	return masterKeys
}
