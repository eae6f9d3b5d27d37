package safetext

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	cases := map[string]string{
		"科大讯飞":                     "科大讯飞",
		"plain note":               "plain note",
		"\x1b[31mred\x1b[0m":       "␛[31mred␛[0m",
		"\x1b]2;pwned\x07":         "␛]2;pwned␇",
		"\x1b]52;c;aGk=\x07":       "␛]52;c;aGk=␇",
		"a\u202Egnp.exe":           "a⟨U+202E⟩gnp.exe",
		"a\u009bb":                 "a⟨U+009B⟩b",
		"line1\nline2":             "line1 line2",
		"tab\there":                "tab here",
		"bad\xffutf8":              `bad\xFFutf8`,
		"bell\x07 and back\bspace": "bell␇ and back␈space",
	}
	for in, want := range cases {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBlockKeepsLines(t *testing.T) {
	if got := Block("a\r\nb\n\x1b[2Jc"); got != "a\nb\n␛[2Jc" {
		t.Errorf("Block = %q", got)
	}
}

func TestHugeInputIsClipped(t *testing.T) {
	got := Line(strings.Repeat("长", 100_000))
	if n := utf8.RuneCountInString(got); n > MaxLen+1 {
		t.Errorf("100 KB line shown as %d runes", n)
	}
	if !strings.HasSuffix(got, "…") {
		t.Error("clipped text does not end with …")
	}
}

func FuzzSanitise(f *testing.F) {
	for _, s := range []string{"\x1b]2;x\x07", "\u202e", "\xc2\x9b", "a\r\nb", "\x00", "正常"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Line(s), Block(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 out of %q", s)
			}
			for _, r := range out {
				if r == '\n' && out != Line(s) {
					continue
				}
				if unicode.IsControl(r) || isBidi(r) {
					t.Fatalf("control %U survives in %q (from %q)", r, out, s)
				}
			}
		}
	})
}

func TestFitAlignsDoubleWidth(t *testing.T) {
	for _, name := range []string{"星环科技-U", "通行宝", "ST信安", "万  科Ａ", "abc"} {
		got := Fit(name, 8)
		if Width(got) != 8 {
			t.Errorf("Fit(%q, 8) = %q, %d cells", name, got, Width(got))
		}
	}
	if got := Truncate("星环科技-U", 5); got != "星环…" {
		t.Errorf("Truncate = %q", got)
	}
	if got := Fit("科大讯飞", 3); Width(got) != 3 {
		t.Errorf("odd width cut of a double-width name: %q (%d cells)", got, Width(got))
	}
}

// Zero-width characters and the Unicode line and paragraph separators are
// shown, so that two names that look alike but differ are seen to differ.
func TestInvisibleCharactersShown(t *testing.T) {
	for _, r := range []rune{0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x2028, 0x2029} {
		s := "金山" + string(r) + "办公"
		for name, got := range map[string]string{"Line": Line(s), "Block": Block(s)} {
			if strings.ContainsRune(got, r) || !strings.Contains(got, fmt.Sprintf("U+%04X", r)) {
				t.Errorf("%s(%q) = %q: U+%04X not shown", name, s, got, r)
			}
		}
	}
}
