package report

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

// The securities firms a report can come from: data/brokers.tsv, a fixed
// list with its source noted there. The reader names a report's broker only
// from this list, never by cutting a name out of the text: a text that
// names no firm on the list has broker "".
//
//go:embed data/brokers.tsv
var brokersTSV string

type brokerEntry struct {
	name    string   // the name reported
	english string   // the first Latin name, reported for an English note
	han     []string // Chinese names of three or more characters, folded
	short   []string // two-character short names: believed on the cover only
	latin   []string
}

var brokerList = sync.OnceValue(func() []brokerEntry {
	var out []brokerEntry
	for _, line := range strings.Split(brokersTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		e := brokerEntry{name: fields[0]}
		for _, f := range fields {
			f = strings.TrimSpace(f)
			switch {
			case f == "":
			case !hasHan(f):
				e.latin = append(e.latin, f)
				if e.english == "" {
					e.english = f
				}
			case runeLen(f) <= 2:
				e.short = append(e.short, f)
			default:
				e.han = append(e.han, string(fold(f)))
			}
		}
		out = append(out, e)
	}
	return out
})

// legalSuffixes after a firm's name mark it as the report's author: the
// disclaimer's legal name, the research institute on the cover.
var legalSuffixes = []string{"股份有限公司", "有限责任公司", "有限公司", "研究所", "研究部", "研究院", "研究", "经济研究所", "证券研究报告"}

// brokerNames is one automaton over every Chinese name of every firm, so
// that a report is searched for all of them in one pass.
type brokerNameIndex struct {
	ac    *automaton
	owner []int // pattern → firm
	names []string
}

var brokerNames = sync.OnceValue(func() *brokerNameIndex {
	ix := &brokerNameIndex{}
	var pats [][]rune
	for i, e := range brokerList() {
		for _, n := range e.han {
			pats = append(pats, []rune(n))
			ix.owner = append(ix.owner, i)
			ix.names = append(ix.names, n)
		}
	}
	ix.ac = newAutomaton(pats)
	return ix
})

// findBroker names the firm the report is from: the firm of the list whose
// names the text gives most weight to — a legal or institute name counts
// five, a name on the cover (the first 40 lines) two more, a mention
// elsewhere one; a two-character short name counts only on the cover beside
// 证券 or 研究. An English note gets the firm's English name.
func findBroker(text string, f []rune) string {
	lines := strings.SplitN(text, "\n", 41)
	coverRaw := strings.Join(lines[:min(len(lines), 40)], "\n")
	cover := string(fold(coverRaw))
	coverLen := len([]rune(cover))
	list := brokerList()
	score := make([]int, len(list))
	first := make([]int, len(list))
	latin := make([]bool, len(list))
	for i := range first {
		first[i] = len(f)
	}
	ix := brokerNames()
	for _, m := range ix.ac.find(f) {
		b := ix.owner[m.pattern]
		w := 1
		rest := string(f[m.end:min(len(f), m.end+8)])
		for _, suf := range legalSuffixes {
			if strings.HasPrefix(rest, suf) || strings.HasPrefix(rest, "证券"+suf) || strings.HasSuffix(ix.names[m.pattern], suf) {
				w = 5
				break
			}
		}
		if m.start < coverLen {
			w += 2
		}
		score[b] += w
		first[b] = min(first[b], m.start)
	}
	for i, e := range list {
		for _, n := range e.short {
			for _, next := range []string{"证券", "研究", "晨会", "策略"} {
				if j := strings.Index(cover, n+next); j >= 0 && score[i] < 2 {
					score[i], first[i] = 2, j
				}
			}
		}
		for _, n := range e.latin {
			if sc, at := latinScore(text, coverRaw, n); sc > score[i] {
				score[i], first[i], latin[i] = sc, at, true
			}
		}
	}
	best := -1
	for i := range list {
		if score[i] > 0 && (best < 0 || score[i] > score[best] || score[i] == score[best] && first[i] < first[best]) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	e := list[best]
	if latin[best] && e.english != "" && !mostlyHan(text) {
		return e.english
	}
	return e.name
}

func latinScore(text, cover, name string) (int, int) {
	score, first := 0, len(text)
	for from := 0; ; {
		j := strings.Index(text[from:], name)
		if j < 0 {
			break
		}
		j += from
		from = j + len(name)
		if j > 0 && isLetterByte(text[j-1]) || from < len(text) && isLetterByte(text[from]) {
			continue
		}
		first = min(first, j)
		score++
		if strings.HasPrefix(strings.TrimLeft(text[from:], " \t|·•-–—:"), "Research") || strings.HasPrefix(text[from:], " AG") {
			score += 4
		}
	}
	if score > 0 && strings.Contains(cover, name) {
		score += 2
	}
	if score > 0 && strings.Contains(letterhead(text), name) {
		score += 5 // the house's own letterhead outweighs the firms its note discusses
	}
	return score, first
}

// letterhead is the document's first non-empty line, where a note names
// the house it comes from.
func letterhead(text string) string {
	for line := range strings.Lines(text) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func mostlyHan(s string) bool {
	han, latin := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < 0x80 && unicode.IsLetter(r):
			latin++
		}
	}
	return han*2 > latin
}
