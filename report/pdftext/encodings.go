package pdftext

import (
	"strings"
	"sync"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// The simple fonts' base encodings, built from the code pages they match
// on first use.
var (
	winAnsi  = sync.OnceValue(func() *[256]rune { return codePage(charmap.Windows1252) })
	macRoman = sync.OnceValue(func() *[256]rune { return codePage(charmap.Macintosh) })
)

func codePage(cm *charmap.Charmap) *[256]rune {
	var t [256]rune
	for i := 0x20; i < 256; i++ {
		if r := cm.DecodeByte(byte(i)); r != 0xFFFD && r != 0x7F {
			t[i] = r
		}
	}
	return &t
}

// glyphNames are the glyph names of Latin text and figures that are not
// their own single letter (A, b, …) nor uniXXXX.
var glyphNames = sync.OnceValue(func() map[string]rune {
	return map[string]rune{
		"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$', "percent": '%',
		"ampersand": '&', "quotesingle": '\'', "quoteright": '’', "quoteleft": '‘', "parenleft": '(', "parenright": ')',
		"asterisk": '*', "plus": '+', "comma": ',', "hyphen": '-', "minus": '−', "period": '.', "slash": '/',
		"zero": '0', "one": '1', "two": '2', "three": '3', "four": '4', "five": '5', "six": '6', "seven": '7',
		"eight": '8', "nine": '9', "colon": ':', "semicolon": ';', "less": '<', "equal": '=', "greater": '>',
		"question": '?', "at": '@', "bracketleft": '[', "backslash": '\\', "bracketright": ']', "asciicircum": '^',
		"underscore": '_', "grave": '`', "braceleft": '{', "bar": '|', "braceright": '}', "asciitilde": '~',
		"bullet": '•', "endash": '–', "emdash": '—', "quotedblleft": '“', "quotedblright": '”', "ellipsis": '…',
		"degree": '°', "plusminus": '±', "multiply": '×', "divide": '÷', "yen": '¥', "sterling": '£', "euro": '€',
		"section": '§', "copyright": '©', "registered": '®', "trademark": '™', "periodcentered": '·',
		"fi": 'ﬁ', "fl": 'ﬂ', "nbspace": ' ', "uni00A0": ' ',
	}
})

// radicals are the CJK radicals supplement's characters that fonts share
// with a unified ideograph: a font's ToUnicode map often names the radical
// (⻓ U+2ED3) where the text has the ideograph (长). The Kangxi radicals
// and compatibility ideographs are folded by NFKC instead.
var radicals = sync.OnceValue(func() map[rune]rune {
	return map[rune]rune{
		0x2E86: '冂', 0x2E8A: '卜', 0x2E8C: '小', 0x2E8D: '小', 0x2E8E: '兀', 0x2E8F: '尢', 0x2E90: '尢', 0x2E92: '巳',
		0x2E93: '幺', 0x2E94: '彑', 0x2E95: '彐', 0x2E96: '忄', 0x2E97: '㣺', 0x2E98: '扌', 0x2E99: '攵', 0x2E9B: '无',
		0x2E9D: '月', 0x2E9E: '歺', 0x2E9F: '母', 0x2EA0: '民', 0x2EA1: '氵', 0x2EA2: '氺', 0x2EA3: '灬', 0x2EA4: '爫',
		0x2EA5: '爫', 0x2EA6: '丬', 0x2EA8: '犭', 0x2EA9: '王', 0x2EAA: '疋', 0x2EAB: '罒', 0x2EAC: '示', 0x2EAD: '礻',
		0x2EAE: '竹', 0x2EAF: '糹', 0x2EB0: '纟', 0x2EB1: '罓', 0x2EB2: '罒', 0x2EB3: '㓁', 0x2EB7: '羊', 0x2EB9: '耂',
		0x2EBA: '肀', 0x2EBB: '聿', 0x2EBC: '月', 0x2EBD: '臼', 0x2EBE: '艹', 0x2EBF: '艹', 0x2EC0: '艹', 0x2EC2: '衤',
		0x2EC3: '覀', 0x2EC4: '西', 0x2EC5: '见', 0x2EC6: '角', 0x2EC8: '讠', 0x2EC9: '贝', 0x2ECB: '车', 0x2ECC: '辶',
		0x2ECD: '辶', 0x2ECE: '辶', 0x2ECF: '阝', 0x2ED0: '钅', 0x2ED1: '長', 0x2ED2: '镸', 0x2ED3: '长', 0x2ED4: '门',
		0x2ED6: '阝', 0x2ED7: '雨', 0x2ED8: '青', 0x2ED9: '韦', 0x2EDA: '页', 0x2EDB: '风', 0x2EDC: '飞', 0x2EDD: '食',
		0x2EDF: '飠', 0x2EE0: '饣', 0x2EE2: '马', 0x2EE3: '骨', 0x2EE4: '鬼', 0x2EE5: '鱼', 0x2EE6: '鸟', 0x2EE7: '卤',
		0x2EE8: '麦', 0x2EE9: '黄', 0x2EEA: '黾', 0x2EEB: '斉', 0x2EEC: '齐', 0x2EED: '歯', 0x2EEE: '齿', 0x2EEF: '竜',
		0x2EF0: '龙', 0x2EF1: '龜', 0x2EF2: '亀', 0x2EF3: '龟',
	}
})

// foldIdeographs turns radicals, Kangxi radicals and compatibility
// ideographs into the unified ideographs text uses.
func foldIdeographs(s string) string {
	for _, r := range s {
		if r >= 0x2E80 && r <= 0x2FDF || r >= 0xF900 && r <= 0xFAFF || r == '―' || r >= 0xFB00 && r <= 0xFB06 {
			if strings.ContainsFunc(s, func(r rune) bool { return r >= 0xFB00 && r <= 0xFB06 }) {
				s = norm.NFKC.String(s) // ﬁ, ﬂ: the letters they join
			}
			return strings.Map(func(r rune) rune {
				if u, ok := radicals()[r]; ok {
					return u
				}
				if r == '―' { // the dash's glyph, shared with the horizontal bar
					return '—'
				}
				if r >= 0x2F00 && r <= 0x2FDF || r >= 0xF900 && r <= 0xFAFF {
					if u := []rune(norm.NFKC.String(string(r))); len(u) == 1 {
						return u[0]
					}
				}
				return r
			}, s)
		}
	}
	return s
}
