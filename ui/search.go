package ui

import (
	"slices"
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
	// hay is every field above joined by NULs: a key that does not
	// contain the query matches it in no way, which one strings.Contains
	// tells before the dozen prefix and substring tests of score.
	hay string
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
	k := makeSearchKey(code, name, extra...)
	k.hay = string(k.appendHay(nil))
	return k
}

// makeSearchKey is newSearchKey without the hay, which fillHays builds for
// many keys in one allocation.
func makeSearchKey(code sectors.Code, name string, extra ...string) searchKey {
	k := searchKey{number: code.Number, key: strings.ToLower(code.Key())}
	sec, inMaster := sectors.LookupMaster(code)
	names := [4]string{name}
	for i, n := range append(names[:1], extra...) {
		if n == "" {
			continue
		}
		if inMaster && sectors.DisplayName(n) == sec.Name {
			k.names = appendNew(k.names, sec.Folded) // folded at master load
			k.names = appendNew(k.names, sec.FoldedCore)
		} else {
			norm := sectors.NormalizeName(n)
			k.names = appendNew(k.names, strings.ToLower(norm))
			k.names = appendNew(k.names, strings.ToLower(sectors.CoreName(norm)))
		}
		var ini, full []string
		if inMaster && sectors.DisplayName(n) == sec.Name {
			ini, full = sec.Initials, sec.Full
			if k.initials == nil && k.full == nil {
				// the master's keys are unique already: share them,
				// clipped so that appending copies
				k.initials, k.full = slices.Clip(ini), slices.Clip(full)
				continue
			}
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
	if inMaster && sectors.DisplayName(name) != sec.Name {
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

// appendHay appends the key's hay to b.
func (k *searchKey) appendHay(b []byte) []byte {
	b = append(b, k.number...)
	b = append(b, 0)
	b = append(b, k.key...)
	for _, list := range [3][]string{k.names, k.initials, k.full} {
		for _, s := range list {
			b = append(b, 0)
			b = append(b, s...)
		}
	}
	return b
}

// fillHays builds every key's hay as a slice of one string, and points
// each key's number and key into it.
func fillHays(keys []searchKey) {
	size := 0
	for i := range keys {
		k := &keys[i]
		size += len(k.number) + 1 + len(k.key)
		for _, list := range [3][]string{k.names, k.initials, k.full} {
			for _, s := range list {
				size += 1 + len(s)
			}
		}
	}
	var b strings.Builder
	b.Grow(size)
	for i := range keys {
		k := &keys[i]
		b.WriteString(k.number)
		b.WriteByte(0)
		b.WriteString(k.key)
		for _, list := range [3][]string{k.names, k.initials, k.full} {
			for _, s := range list {
				b.WriteByte(0)
				b.WriteString(s)
			}
		}
	}
	all := b.String()
	for i := range keys {
		k := &keys[i]
		n := len(k.number) + 1 + len(k.key)
		for _, list := range [3][]string{k.names, k.initials, k.full} {
			for _, s := range list {
				n += 1 + len(s)
			}
		}
		k.hay, all = all[:n], all[n:]
		k.number = k.hay[:len(k.number)]
		k.key = k.hay[len(k.number)+1 : len(k.number)+1+len(k.key)]
	}
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
	return k.scoreHay(q, strings.IndexByte(q, 0) < 0)
}

// scoreHay is score of a non-empty q; useHay says q holds no NUL, so a
// hay without q rules out every match.
func (k *searchKey) scoreHay(q string, useHay bool) int {
	if useHay && k.hay != "" && !strings.Contains(k.hay, q) {
		return noMatch
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
	var buckets [noMatch][]int
	if q == "" {
		buckets[matchSubstring] = make([]int, len(keys))
		for i := range keys {
			buckets[matchSubstring][i] = i
		}
	} else {
		useHay := strings.IndexByte(q, 0) < 0
		for i := range keys {
			if s := keys[i].scoreHay(q, useHay); s != noMatch {
				buckets[s] = append(buckets[s], i)
			}
		}
	}
	var out []int
	for _, b := range buckets {
		if limit > 0 && len(out)+len(b) > limit {
			return append(out, b[:limit-len(out)]...)
		}
		out = append(out, b...)
	}
	if out == nil {
		out = []int{}
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
			k.names = appendNew(k.names, s.Folded)
			k.names = appendNew(k.names, s.FoldedCore)
			masterKeys[i] = k
		}
		fillHays(masterKeys)
	})
	return masterKeys
}
