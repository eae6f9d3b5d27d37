package market

import (
	"slices"
	"strings"
	"sync"
)

// This file is the one resolver of what a user types for a stock: a code
// in any spelling, a name (as listed or as terminals show it), a name
// prefix, pinyin initials, full pinyin, a former name. The CLI, the TUI's
// search and its add wizard all rank with it, so the same input lands on
// the same ticker everywhere.

// Match says how well a query fits a key: lower is better.
type Match int

// The ranking, as the trading terminals' keyboard wizards rank.
const (
	MatchExactCode    Match = iota // 600519, sh600519, 600519.SH
	MatchCodePrefix                // 6005
	MatchExactName                 // 贵州茅台, 万科A, 万  科Ａ
	MatchInitials                  // gzm: initials prefix, common reading
	MatchFullPinyin                // guizhoumao: full pinyin prefix, common reading
	MatchNamePrefix                // 贵州茅, or a former name's prefix
	MatchOtherReading              // a prefix of a rarer reading (朝阳 as zhaoyang)
	MatchSubstring                 // 茅台, maot, 0519: anywhere in a name, code or key
	NoMatch
)

// SearchKey is what one security can be found by, folded once when the
// data is loaded, never per keystroke.
type SearchKey struct {
	Number   string   // 688111
	Key      string   // sh688111
	Names    []string // folded names: the name, its core (no ST/-U), other and former names
	Initials []string // pinyin initials, common reading first
	Full     []string // full pinyin, common reading first
	// hay is every field above joined by NULs: a key that does not
	// contain the query matches it in no way, which one strings.Contains
	// tells before the dozen prefix and substring tests of Score.
	hay string
}

// NewSearchKey builds the key of a security by its current name; extra
// names (the report's name, a custom name, former names) are found too.
func NewSearchKey(code Code, name string, extra ...string) SearchKey {
	k := MakeSearchKey(code, name, extra...)
	k.hay = string(k.appendHay(nil))
	return k
}

// MakeSearchKey is NewSearchKey without the hay, which FillHays builds for
// many keys in one allocation.
func MakeSearchKey(code Code, name string, extra ...string) SearchKey {
	k := SearchKey{Number: code.Number, Key: strings.ToLower(code.Key())}
	sec, inMaster := LookupMaster(code)
	names := [4]string{name}
	all := append(names[:1], extra...)
	if inMaster {
		all = append(all, FormerNames(code)...)
	}
	for i, n := range all {
		if n == "" {
			continue
		}
		isMaster := inMaster && DisplayName(n) == sec.Name
		if isMaster {
			k.Names = appendNew(k.Names, sec.Folded) // folded at master load
			k.Names = appendNew(k.Names, sec.FoldedCore)
		} else {
			norm := NormalizeName(n)
			k.Names = appendNew(k.Names, strings.ToLower(norm))
			k.Names = appendNew(k.Names, strings.ToLower(CoreName(norm)))
		}
		var ini, full []string
		if isMaster {
			ini, full = sec.Initials, sec.Full
			if k.Initials == nil && k.Full == nil {
				// the master's keys are unique already: share them,
				// clipped so that appending copies
				k.Initials, k.Full = slices.Clip(ini), slices.Clip(full)
				continue
			}
		} else if i == 0 || !inMaster {
			ini, full = PinyinKeys(n)
		}
		for _, s := range ini {
			k.Initials = appendNew(k.Initials, s)
		}
		for _, s := range full {
			k.Full = appendNew(k.Full, s)
		}
	}
	if inMaster && DisplayName(name) != sec.Name {
		for _, s := range sec.Initials {
			k.Initials = appendNew(k.Initials, s)
		}
		for _, s := range sec.Full {
			k.Full = appendNew(k.Full, s)
		}
	}
	return k
}

func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func (k *SearchKey) lists() [3][]string { return [3][]string{k.Names, k.Initials, k.Full} }

// appendHay appends the key's hay to b.
func (k *SearchKey) appendHay(b []byte) []byte {
	b = append(b, k.Number...)
	b = append(b, 0)
	b = append(b, k.Key...)
	for _, list := range k.lists() {
		for _, s := range list {
			b = append(b, 0)
			b = append(b, s...)
		}
	}
	return b
}

// FillHays builds every key's hay as a slice of one string, and points
// each key's number and key into it.
func FillHays(keys []SearchKey) {
	size := 0
	for i := range keys {
		k := &keys[i]
		size += len(k.Number) + 1 + len(k.Key)
		for _, list := range k.lists() {
			for _, s := range list {
				size += 1 + len(s)
			}
		}
	}
	b := make([]byte, 0, size)
	for i := range keys {
		b = keys[i].appendHay(b)
	}
	all := string(b)
	for i := range keys {
		k := &keys[i]
		n := len(k.Number) + 1 + len(k.Key)
		for _, list := range k.lists() {
			for _, s := range list {
				n += 1 + len(s)
			}
		}
		k.hay, all = all[:n], all[n:]
		k.Number = k.hay[:len(k.Number)]
		k.Key = k.hay[len(k.Number)+1 : len(k.Number)+1+len(k.Key)]
	}
}

// NormalizeQuery folds what the user typed the way keys are folded. A
// complete code in any spelling (688111.SH, sh688111, ６８８１１１)
// becomes its key, sh688111, so it matches exactly.
func NormalizeQuery(q string) string {
	if c, ok := queryCode(q); ok {
		return strings.ToLower(c.Key())
	}
	return strings.ToLower(NormalizeName(q))
}

// queryCode reads q as a complete code when it is spelt like one, as
// ParseSecurity reads it: 000300 finds 沪深300 on a watchlist that holds
// it, 399006 创业板指.
func queryCode(q string) (Code, bool) {
	if len(q) < 6 || len(q) > 12 || strings.IndexFunc(q, func(r rune) bool { return r == '.' || r >= '0' && r <= '9' || r >= '０' && r <= '９' }) < 0 {
		return Code{}, false
	}
	c, err := ParseSecurity(q)
	if err != nil {
		return Code{}, false
	}
	return c, true
}

// Score says how well the normalized query q matches the key.
func (k *SearchKey) Score(q string) Match {
	if q == "" {
		return MatchSubstring
	}
	return k.ScoreHay(q, strings.IndexByte(q, 0) < 0)
}

// ScoreHay is Score of a non-empty q; useHay says q holds no NUL, so a
// hay without q rules out every match.
func (k *SearchKey) ScoreHay(q string, useHay bool) Match {
	if useHay && k.hay != "" && !strings.Contains(k.hay, q) {
		return NoMatch
	}
	if k.Number == q || k.Key == q {
		return MatchExactCode
	}
	if strings.HasPrefix(k.Number, q) || strings.HasPrefix(k.Key, q) {
		return MatchCodePrefix
	}
	if slices.Contains(k.Names, q) {
		return MatchExactName
	}
	if len(k.Initials) > 0 && strings.HasPrefix(k.Initials[0], q) {
		return MatchInitials
	}
	if len(k.Full) > 0 && strings.HasPrefix(k.Full[0], q) {
		return MatchFullPinyin
	}
	for _, s := range k.Names {
		if strings.HasPrefix(s, q) {
			return MatchNamePrefix
		}
	}
	for _, list := range [2][]string{k.Initials, k.Full} {
		for _, s := range list {
			if strings.HasPrefix(s, q) {
				return MatchOtherReading
			}
		}
	}
	if strings.Contains(k.Number, q) {
		return MatchSubstring
	}
	for _, list := range k.lists() {
		for _, s := range list {
			if strings.Contains(s, q) {
				return MatchSubstring
			}
		}
	}
	return NoMatch
}

// Rank returns the indexes of keys matching what the user typed, best
// first; equal matches keep the keys' order. limit > 0 keeps that many.
func Rank(keys []SearchKey, input string, limit int) []int {
	q := NormalizeQuery(input)
	var buckets [NoMatch][]int
	if q == "" {
		buckets[MatchSubstring] = make([]int, len(keys))
		for i := range keys {
			buckets[MatchSubstring][i] = i
		}
	} else {
		useHay := strings.IndexByte(q, 0) < 0
		for i := range keys {
			if s := keys[i].ScoreHay(q, useHay); s != NoMatch {
				buckets[s] = append(buckets[s], i)
			}
		}
	}
	out := []int{}
	for _, b := range buckets {
		if limit > 0 && len(out)+len(b) > limit {
			return append(out, b[:limit-len(out)]...)
		}
		out = append(out, b...)
	}
	return out
}

// Resolution is what Resolve found: the best-ranked keys and how they
// matched. One key is an answer; several are candidates to choose from.
type Resolution struct {
	Best  []int // indexes of the keys of the best match, in the keys' order
	Match Match // how they matched; NoMatch when nothing did
}

// Resolve finds what the user typed among keys: the keys of the best
// match only, so an exact code or name beats a prefix of another.
func Resolve(keys []SearchKey, input string) Resolution {
	q := NormalizeQuery(input)
	r := Resolution{Match: NoMatch}
	if q == "" {
		return r
	}
	useHay := strings.IndexByte(q, 0) < 0
	for i := range keys {
		s := keys[i].ScoreHay(q, useHay)
		switch {
		case s < r.Match:
			r.Best, r.Match = append(r.Best[:0], i), s
		case s == r.Match && s != NoMatch:
			r.Best = append(r.Best, i)
		}
	}
	return r
}

var (
	marketOnce sync.Once
	marketKeys []SearchKey
)

// MarketKeys is the search index of the whole securities master, built
// once, in Master()'s order (former names included). Shared: do not
// modify it.
func MarketKeys() []SearchKey {
	marketOnce.Do(func() {
		list := Master()
		marketKeys = make([]SearchKey, len(list))
		for i, s := range list {
			k := SearchKey{Number: s.Code.Number, Key: strings.ToLower(s.Code.Key()), Initials: s.Initials, Full: s.Full}
			k.Names = appendNew(k.Names, s.Folded)
			k.Names = appendNew(k.Names, s.FoldedCore)
			if former := FormerNames(s.Code); len(former) > 0 {
				k = MakeSearchKey(s.Code, s.Name, former...)
			}
			marketKeys[i] = k
		}
		FillHays(marketKeys)
	})
	return marketKeys
}

var (
	fuzzyMarketOnce sync.Once
	fuzzyMarketKeys []SearchKey
)

// FuzzyMarketKeys is FuzzyKeys(MarketKeys()), built once.
func FuzzyMarketKeys() []SearchKey {
	fuzzyMarketOnce.Do(func() { fuzzyMarketKeys = FuzzyKeys(MarketKeys()) })
	return fuzzyMarketKeys
}

// formerNames are names stocks were known by (曾用名) that zixuan has
// data for, registered by the packages that hold them (AddFormerName)
// before the first search.
var formerNames sync.Map // Code → []string

// AddFormerName records a name a stock may have been known by, so that
// what a user remembers from an old report still finds it. It is cheap
// (the master is not read): FormerNames drops a name that is still
// current.
func AddFormerName(c Code, name string) {
	name = DisplayName(name)
	if name == "" {
		return
	}
	old, _ := formerNames.Load(c)
	list, _ := old.([]string)
	if !slices.Contains(list, name) {
		formerNames.Store(c, append(slices.Clip(list), name))
	}
}

// FormerNames are the names a stock was known by that zixuan has data for
// (华铁应急 is now 海南华铁).
func FormerNames(c Code) []string {
	v, ok := formerNames.Load(c)
	if !ok {
		return nil
	}
	sec, ok := LookupMaster(c)
	if !ok {
		return nil
	}
	var out []string
	for _, name := range v.([]string) {
		if name != sec.Name {
			out = append(out, name)
		}
	}
	return out
}

// Fuzzy sounds, as TDX offers them: z≈zh, c≈ch, s≈sh, n≈l.
var soundFolder = strings.NewReplacer("zh", "z", "ch", "c", "sh", "s", "l", "n")

// FoldSounds folds pinyin so that z/zh, c/ch, s/sh and n/l are one sound.
func FoldSounds(pinyin string) string { return soundFolder.Replace(pinyin) }

// FuzzyKeys returns a copy of keys whose pinyin is folded by FoldSounds,
// for a search with fuzzy sounds; query it with FoldSounds applied to the
// normalized query's letters (FuzzyQuery). Codes and names are unchanged.
func FuzzyKeys(keys []SearchKey) []SearchKey {
	out := make([]SearchKey, len(keys))
	for i, k := range keys {
		n := SearchKey{Number: k.Number, Key: k.Key, Names: k.Names}
		for _, s := range k.Initials {
			n.Initials = appendNew(n.Initials, FoldSounds(s))
		}
		for _, s := range k.Full {
			n.Full = appendNew(n.Full, FoldSounds(s))
		}
		out[i] = n
	}
	FillHays(out)
	return out
}

// FuzzyQuery is what to search FuzzyKeys for: a code as it is, pinyin
// with its sounds folded.
func FuzzyQuery(input string) string {
	q := NormalizeQuery(input)
	for _, r := range q {
		if r >= 0x80 || r >= '0' && r <= '9' {
			return q // a name or a code, not pinyin
		}
	}
	return FoldSounds(q)
}
