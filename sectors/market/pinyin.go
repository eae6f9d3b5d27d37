package market

import (
	"bytes"
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// hanpinyin.txt holds the toneless readings of every Chinese character that
// github.com/mozillazg/go-pinyin knows, written from it by go generate. Only
// names outside the securities master (whose keys are in pinyin.tsv) need
// it, so it is read on first use: linking go-pinyin itself would build its
// 1.7 MB map in package init at every start of zixuan.
//
//go:embed data/hanpinyin.txt
var hanPinyin []byte

var (
	hanOnce  sync.Once
	hanIndex map[rune]string // character → readings, comma-separated
)

// readings are a character's toneless pinyin readings, the default first,
// as go-pinyin's SinglePinyin gives them with Heteronym set.
func readings(r rune) []string {
	hanOnce.Do(func() {
		hanIndex = make(map[rune]string, bytes.Count(hanPinyin, []byte("\n")))
		data := hanPinyin
		for len(data) > 0 {
			line := data
			if i := bytes.IndexByte(data, '\n'); i >= 0 {
				line, data = data[:i], data[i+1:]
			} else {
				data = nil
			}
			c, size := utf8.DecodeRune(line)
			if size+1 <= len(line) && line[size] == '\t' {
				hanIndex[c] = string(line[size+1:])
			}
		}
	})
	v, ok := hanIndex[r]
	if !ok {
		return nil
	}
	return strings.Split(v, ",")
}

// NormalizeName folds a short name for matching: NFKC (full-width Ａ → A),
// padding spaces removed (万  科Ａ → 万科A), upper-case ASCII.
func NormalizeName(name string) string {
	s := norm.NFKC.String(name)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, s)
	return s
}

// CoreName drops the risk-warning prefix (ST, *ST, S) and the special-share
// suffix (-U, -W, -UW, -WD) from a normalized name, so that 星环科技-U and
// *ST中基 can also be found as 星环科技 and 中基.
func CoreName(normalized string) string {
	s := normalized
	for _, p := range []string{"*ST", "ST", "S*ST", "SST"} {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			s = strings.TrimPrefix(s, p)
			break
		}
	}
	if strings.HasPrefix(s, "S") && len(s) > 1 && !isASCII(rune(s[1])) {
		s = s[1:] // S佳通: share reform never completed
	}
	for _, suf := range []string{"-UW", "-WD", "-U", "-W"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			s = strings.TrimSuffix(s, suf)
			break
		}
	}
	return s
}

func isASCII(r rune) bool { return r < 0x80 }

// maxVariants bounds how many readings of one name are indexed: the
// common reading, then one variant for each phrase of the name that has
// another reading in real names (朝阳 is chaoyang, and zhaoyang too).
const maxVariants = 4

// maxPhrase is the longest phrase, in characters, looked for in a name.
const maxPhrase = 8

// PinyinKeys returns the lower-case pinyin initials and full pinyin of a
// short name. Readings come from phrases first (银行 yinhang, 重庆
// chongqing, 厦门 xiamen: data/phrases.txt and data/pinyin_names.txt), then
// from single characters by their common reading; only a phrase with a
// second reading in real names adds a variant, never every reading of
// every character (控股 is konggu and nothing else). The keys of the
// name without its ST/-U markers follow. ASCII letters and digits are
// kept, so TCL科技 gives tclkj.
func PinyinKeys(name string) (initials, full []string) {
	n := NormalizeName(name)
	forms := []string{n}
	if c := CoreName(n); c != n {
		forms = append(forms, c)
	}
	for _, form := range forms {
		for _, syl := range nameReadings(form) {
			var ini, ful strings.Builder
			for _, p := range syl {
				ini.WriteByte(p[0])
				ful.WriteString(p)
			}
			if ini.Len() > 0 {
				initials = appendUnique(initials, ini.String())
				full = appendUnique(full, ful.String())
			}
		}
	}
	return initials, full
}

// NameSyllables is the common reading of a name, one syllable per
// character (ASCII letters and digits as themselves), for sorting by
// syllable: shen before sheng, whatever follows.
func NameSyllables(name string) []string {
	r := nameReadings(NormalizeName(name))
	if len(r) == 0 {
		return nil
	}
	return r[0]
}

// nameReadings are the readings of a normalized name, each a list of
// syllables, the common one first.
func nameReadings(form string) [][]string {
	runes := []rune(form)
	type seg struct {
		from, to int
		choices  [][]string // readings of runes[from:to], common first
	}
	var segs []seg
	for i := 0; i < len(runes); {
		r := runes[i]
		switch {
		case unicode.Is(unicode.Han, r):
			j := i
			for j < len(runes) && unicode.Is(unicode.Han, runes[j]) {
				j++
			}
			for _, s := range segmentHan(runes[i:j]) {
				segs = append(segs, seg{i + s.from, i + s.to, s.choices})
			}
			i = j
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*'):
			segs = append(segs, seg{i, i + 1, [][]string{{strings.ToLower(string(r))}}})
			i++
		default:
			i++
		}
	}
	if len(segs) == 0 {
		return nil
	}
	common := make([]string, 0, len(runes))
	for _, s := range segs {
		common = append(common, s.choices[0]...)
	}
	out := [][]string{common}
	for si, s := range segs {
		for _, alt := range s.choices[1:] {
			if len(out) >= maxVariants {
				return out
			}
			v := make([]string, 0, len(common))
			for sj, t := range segs {
				if sj == si {
					v = append(v, alt...)
				} else {
					v = append(v, t.choices[0]...)
				}
			}
			out = append(out, v)
		}
	}
	return out
}

type hanSeg struct {
	from, to int
	choices  [][]string
}

// segmentHan cuts a run of Chinese characters into known phrases and
// single characters, with as few pieces as possible (平安|银行, not
// 平|安银|行); of equally few, the one whose first phrase is longest.
func segmentHan(run []rune) []hanSeg {
	n := len(run)
	best := make([]int, n+1) // fewest pieces for run[i:]
	next := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		best[i], next[i] = best[i+1]+1, i+1
		for j := min(n, i+maxPhrase); j >= i+2; j-- {
			if _, ok := phraseReadings(string(run[i:j])); ok && best[j]+1 < best[i] {
				best[i], next[i] = best[j]+1, j
			}
		}
	}
	var out []hanSeg
	for i := 0; i < n; i = next[i] {
		j := next[i]
		if ch, ok := phraseReadings(string(run[i:j])); ok {
			out = append(out, hanSeg{i, j, ch})
			continue
		}
		if cr := charReading(run[i]); cr != "" {
			out = append(out, hanSeg{i, j, [][]string{{cr}}})
		}
	}
	return out
}

// charReading is a character's common reading in names: a single-character
// entry of data/pinyin_names.txt (长 is chang in a name), else go-pinyin's
// default; a character without one reads as nothing.
func charReading(r rune) string {
	if ch, ok := phraseReadings(string(r)); ok && len(ch[0]) == 1 {
		return ch[0][0]
	}
	if rs := readings(r); len(rs) > 0 {
		return rs[0]
	}
	return ""
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// DisplayName is a short name as trading terminals show it: the exchange's
// padding spaces removed and full-width ASCII made half-width, so that
// 万  科Ａ reads 万科A and 五 粮 液 reads 五粮液. Case is kept. A name
// already in that form is returned as it is, without allocating.
func DisplayName(name string) string {
	plain := true
	for _, r := range name {
		if unicode.IsSpace(r) || r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r) || r == 0x3000:
			return -1
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFF01 + '!'
		}
		return r
	}, name)
}
