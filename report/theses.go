package report

import "strings"

// Bounds on the thesis search, so that a pathological input costs a bounded
// amount of work: far more than any report's viewpoint section holds.
const (
	maxViewParagraphs = 400
	maxViewBytes      = 256 << 10
	maxThemes         = 100
)

type viewParagraph struct {
	text   string // tidied and OCR-fixed, as the thesis will read
	folded string
}

// findTheses is the fifth step: for each theme, the 核心观点/本周观点
// paragraph about it. A paragraph is scored by how many of the theme name's
// character pairs it contains (制造业数字化 is in 设备更新将带动制造业…数字化),
// ties going to the paragraph that names it earliest (a thesis leads with its
// theme; a market summary mentions it in passing) and then to the earlier
// paragraph. Each paragraph serves one theme; at least half the pairs must
// be there.
func findTheses(sections []section, themes []string) map[string]string {
	ix := names()
	var paras []viewParagraph
	size := 0
collect:
	for _, s := range sections {
		if s.kind != viewSection {
			continue
		}
		for _, b := range splitBlocks(s.lines) {
			if b.table != nil {
				continue
			}
			t := ix.fixProse(tidyProse(b.text))
			if runeLen(t) < 10 {
				continue
			}
			paras = append(paras, viewParagraph{text: t, folded: string(fold(t))})
			if size += len(t); size > maxViewBytes || len(paras) >= maxViewParagraphs {
				break collect
			}
		}
	}
	out := map[string]string{}
	used := make([]bool, len(paras))
	for n, theme := range themes {
		if n >= maxThemes {
			break
		}
		pairs := charPairs(fold(theme))
		best, bestCover, bestPos := -1, 0, 0
		for i, p := range paras {
			if used[i] {
				continue
			}
			cover, pos := 0, len(p.folded)
			for _, pair := range pairs {
				if j := strings.Index(p.folded, pair); j >= 0 {
					cover++
					pos = min(pos, j)
				}
			}
			if cover*2 < len(pairs) || cover == 0 {
				continue
			}
			if best < 0 || cover > bestCover || cover == bestCover && pos < bestPos {
				best, bestCover, bestPos = i, cover, pos
			}
		}
		if best >= 0 {
			used[best] = true
			out[theme] = paras[best].text
		}
	}
	return out
}

// charPairs are the adjacent pairs of a name's characters, or the name
// itself when it has one.
func charPairs(rs []rune) []string {
	if len(rs) < 2 {
		return []string{string(rs)}
	}
	out := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}
