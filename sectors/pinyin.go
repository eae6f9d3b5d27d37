package sectors

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

// maxVariants bounds how many readings of a name with several heteronyms
// are indexed (银行 is yinhang, but 行 alone defaults to xing).
const maxVariants = 8

// PinyinKeys returns the lower-case pinyin initials and full pinyin of a
// short name, the first of each from the default readings, then variants
// from other readings of heteronyms, then the same for the name without its
// ST/-U markers. ASCII letters and digits are kept, so TCL科技 gives tclkj.
func PinyinKeys(name string) (initials, full []string) {
	n := NormalizeName(name)
	forms := []string{n}
	if c := CoreName(n); c != n {
		forms = append(forms, c)
	}
	for _, form := range forms {
		ini := []string{""}
		ful := []string{""}
		for _, r := range form {
			var iset, fset []string
			switch {
			case unicode.Is(unicode.Han, r):
				for _, p := range readings(r) {
					if p == "" {
						continue
					}
					iset = appendUnique(iset, p[:1])
					fset = appendUnique(fset, p)
				}
			case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*'):
				s := strings.ToLower(string(r))
				iset, fset = []string{s}, []string{s}
			}
			if len(iset) == 0 {
				continue
			}
			ini = expand(ini, iset, maxVariants)
			ful = expand(ful, fset, maxVariants/2)
		}
		for _, s := range ini {
			if s != "" {
				initials = appendUnique(initials, s)
			}
		}
		for _, s := range ful {
			if s != "" {
				full = appendUnique(full, s)
			}
		}
	}
	return initials, full
}

// expand appends each choice to each prefix, keeping the default-first
// order and at most max results.
func expand(prefixes, choices []string, max int) []string {
	out := make([]string, 0, len(prefixes))
	for ci, c := range choices {
		for _, p := range prefixes {
			if ci > 0 && len(out) >= max {
				return out
			}
			out = append(out, p+c)
		}
	}
	return out
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
