package report

import (
	"strings"
	"sync"
	"unicode"
	"zixuan/sectors/market"
)

// lookalikes are the characters the OCR of report PDFs confuses (FORMATS.md:
// 入/人, 千/干, 信/倍, 己/已), with a few more seen in the same fonts.
var lookalikes = [][]rune{
	{'千', '干'}, {'入', '人'}, {'信', '倍'}, {'己', '已', '巳'}, {'未', '末'}, {'土', '士'}, {'准', '淮'}, {'戊', '戌', '戍'},
}

func lookalikesOf(r rune) []rune {
	for _, g := range lookalikes {
		for _, c := range g {
			if c == r {
				return g
			}
		}
	}
	return nil
}

// prose are words of running text that OCR damages in the same way and that
// theses are fixed for, beside the securities' names: 通义千问 printed as
// 通义干问 in the seed. Only words whose misread form is no word and no part
// of common text are here: 收入 is not, as its misreading 收人 is inside
// 吸收人才, nor 已有, whose 己有 is inside 自己有.
var prose = []string{
	"通义千问", "千亿", "千万元", "千元", "自己", "已经", "信息", "信创", "通信", "征信", "未来", "尚未",
}

// nameHit is what a pattern of the name automaton stands for.
type nameHit struct {
	security int  // index into sectors.Master()
	ocr      bool // the pattern is a look-alike misreading of the name
}

// nameIndex finds master names in running text and answers exact lookups.
// Names are compared in folded form (see fold): 五 粮 液 is 五粮液 and 万  科Ａ
// is 万科A, the form report text takes after folding too.
type nameIndex struct {
	master   []market.Security
	byName   map[string]int // folded name and folded core name (no -U, no ST) → security
	ac       *automaton
	hits     []nameHit
	fixer    *automaton // misread forms of names and prose words, original case
	fixedTo  []string
	patterns int
}

var names = sync.OnceValue(buildNameIndex)

func buildNameIndex() *nameIndex {
	ix := &nameIndex{master: market.Master(), byName: map[string]int{}}
	var pats [][]rune
	add := func(name string, hit nameHit, minLen int) {
		if _, taken := ix.byName[name]; taken || len([]rune(name)) < minLen {
			return
		}
		ix.byName[name] = hit.security
		pats = append(pats, []rune(name))
		ix.hits = append(ix.hits, hit)
	}
	for i, s := range ix.master {
		add(strings.ToUpper(s.Folded), nameHit{security: i}, 2)
	}
	// Core names (星环科技 for 星环科技-U, 康佳A for *ST康佳A) of three
	// characters or more: a two-character core such as *ST美丽's 美丽 is an
	// ordinary word.
	for i, s := range ix.master {
		add(strings.ToUpper(s.FoldedCore), nameHit{security: i}, 3)
	}
	// Misread forms go last, so that a real name always wins over a
	// misreading of another; a misreading shared by two names is ambiguous
	// and dropped.
	variants := map[string]int{}
	for i, s := range ix.master {
		for _, v := range misreadings(strings.ToUpper(s.Folded), 3) {
			if _, seen := variants[v]; seen {
				variants[v] = -1
			} else {
				variants[v] = i
			}
		}
	}
	for i := range ix.master {
		for _, v := range misreadings(strings.ToUpper(ix.master[i].Folded), 3) {
			if variants[v] == i {
				if _, taken := ix.byName[v]; !taken {
					pats = append(pats, []rune(v))
					ix.hits = append(ix.hits, nameHit{security: i, ocr: true})
					ix.byName[v] = -1 - i // found by the automaton, never by an exact lookup
				}
			}
		}
	}
	ix.patterns = len(pats)
	ix.ac = newAutomaton(pats)

	var fixPats [][]rune
	seen := map[string]bool{}
	words := append([]string(nil), prose...)
	for _, s := range ix.master {
		if isHanOnly(s.Name) {
			words = append(words, s.Name)
		}
	}
	known := map[string]bool{}
	for _, w := range words {
		known[w] = true
	}
	for _, w := range words {
		for _, v := range misreadings(w, 2) {
			if !known[v] && !seen[v] {
				seen[v] = true
				fixPats = append(fixPats, []rune(v))
				ix.fixedTo = append(ix.fixedTo, w)
			}
		}
	}
	ix.fixer = newAutomaton(fixPats)
	return ix
}

// misreadings are the forms of word with one character replaced by a
// look-alike, for words of at least minLen runes (shorter ones would match
// ordinary text).
func misreadings(word string, minLen int) []string {
	rs := []rune(word)
	if len(rs) < minLen {
		return nil
	}
	var out []string
	for i, r := range rs {
		for _, alt := range lookalikesOf(r) {
			if alt == r {
				continue
			}
			v := append([]rune(nil), rs...)
			v[i] = alt
			out = append(out, string(v))
		}
	}
	return out
}

func isHanOnly(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// exact finds a security by its folded name or core name.
func (ix *nameIndex) exact(folded string) (int, bool) {
	i, ok := ix.byName[folded]
	return i, ok && i >= 0
}

// fixProse replaces the misread forms of known words in s.
func (ix *nameIndex) fixProse(s string) string {
	rs := []rune(s)
	ms := ix.fixer.find(rs)
	if len(ms) == 0 {
		return s
	}
	var b strings.Builder
	at := 0
	for _, m := range ms {
		b.WriteString(string(rs[at:m.start]))
		b.WriteString(ix.fixedTo[m.pattern])
		at = m.end
	}
	b.WriteString(string(rs[at:]))
	return b.String()
}

// oneOff reports whether a and b have the same length and differ in exactly
// one rune.
func oneOff(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	diff := 0
	for i := range a {
		if a[i] != b[i] {
			diff++
		}
	}
	return diff == 1
}
