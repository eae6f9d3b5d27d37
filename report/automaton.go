package report

import "sort"

// automaton is an Aho–Corasick automaton over runes: it finds every
// occurrence of thousands of patterns in one pass over the text, which is
// what reading 5,538 security names out of a 50-page report needs.
//
// It is written here rather than taken from a library: the Go packages for
// it are byte-oriented, untagged or unmaintained, and the part needed (build,
// leftmost-longest matches) is small.
type automaton struct {
	next    map[edge]int32 // goto function
	fail    []int32        // longest proper suffix of the state that is also a prefix
	output  []int32        // pattern ending at this state, or -1
	dict    []int32        // nearest state on the fail chain with an output, or -1
	lengths []int          // pattern lengths in runes
}

type edge struct {
	from int32
	r    rune
}

// match is one occurrence of pattern in text[start:end] (rune offsets).
type match struct {
	pattern    int
	start, end int
}

func newAutomaton(patterns [][]rune) *automaton {
	a := &automaton{next: make(map[edge]int32, 4*len(patterns)), fail: []int32{0}, output: []int32{-1}, lengths: make([]int, len(patterns))}
	for p, pat := range patterns {
		a.lengths[p] = len(pat)
		if len(pat) == 0 {
			continue
		}
		s := int32(0)
		for _, r := range pat {
			t, ok := a.next[edge{s, r}]
			if !ok {
				t = int32(len(a.fail))
				a.next[edge{s, r}] = t
				a.fail = append(a.fail, 0)
				a.output = append(a.output, -1)
			}
			s = t
		}
		if a.output[s] < 0 {
			a.output[s] = int32(p) // the first of two equal patterns wins
		}
	}
	// Breadth-first, so a state's fail target is final before its children's.
	children := make([][]edge, len(a.fail))
	for e := range a.next {
		children[e.from] = append(children[e.from], e)
	}
	a.dict = make([]int32, len(a.fail))
	a.dict[0] = -1
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, e := range children[s] {
			t := a.next[e]
			if s != 0 {
				f := a.fail[s]
				for {
					if u, ok := a.next[edge{f, e.r}]; ok {
						a.fail[t] = u
						break
					}
					if f == 0 {
						break
					}
					f = a.fail[f]
				}
			}
			if f := a.fail[t]; a.output[f] >= 0 {
				a.dict[t] = f
			} else {
				a.dict[t] = a.dict[f]
			}
			queue = append(queue, t)
		}
	}
	return a
}

// findAll returns every occurrence of every pattern, overlapping ones too.
func (a *automaton) findAll(text []rune) []match {
	var out []match
	s := int32(0)
	for i, r := range text {
		for {
			if t, ok := a.next[edge{s, r}]; ok {
				s = t
				break
			}
			if s == 0 {
				break
			}
			s = a.fail[s]
		}
		for o := s; o > 0; o = a.dict[o] {
			if p := a.output[o]; p >= 0 {
				out = append(out, match{pattern: int(p), start: i + 1 - a.lengths[p], end: i + 1})
			}
		}
	}
	return out
}

// find returns the leftmost-longest occurrences that do not overlap: in
// 中科曙光 it is 中科曙光, not a shorter name inside it.
func (a *automaton) find(text []rune) []match {
	all := a.findAll(text)
	sort.Slice(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		return all[i].end > all[j].end
	})
	out := all[:0]
	end := 0
	for _, m := range all {
		if m.start >= end {
			out = append(out, m)
			end = m.end
		}
	}
	return out
}
