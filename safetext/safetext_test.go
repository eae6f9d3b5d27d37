package safetext

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
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

// Width's shortcut for plain ASCII measures what x/ansi measures, and
// anything else (escapes, controls, wide and combining characters) still
// goes to x/ansi.
func TestWidthOfPlainASCII(t *testing.T) {
	for _, s := range []string{"", " ", "688111", "2024-05-12", "buy 买入", "a\x1b[31mred\x1b[0m", "tab\there", "é", "e\u0301", "~}|{", "\x7f", "科大讯飞"} {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("Width(%q) = %d, x/ansi %d", s, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		s := "ab" + string(rune(c)) + "cd"
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("Width(%q) = %d, x/ansi %d", s, got, want)
		}
	}
}

// Truncate's cut of a long text at its start is the cut of the whole
// text, for any width: CJK, ASCII, combining marks, emoji sequences, wide
// and zero-width runs around where the start ends.
func TestTruncateLongTextAsAWhole(t *testing.T) {
	pieces := []string{"a", "Z", " ", "科", "大", "讯飞", "é", "e\u0301", "\u0301\u0301", "👍", "👨‍👩‍👧", "\u200b", "…", "１", "ｶ", "\U0001F1E8\U0001F1F3", "🏳️‍🌈", "\u3000"}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 6000 {
		var b strings.Builder
		if i%2 == 0 { // zero-width runs put the width near the cells where the start ends
			b.WriteString(strings.Repeat("\u200b", r.IntN(90)))
		}
		for n := r.IntN(400); b.Len() < n; {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		for _, w := range []int{1, 2, 3, 10, 40, 41, 80} {
			want := s
			if ansi.StringWidth(s) > w {
				want = ansi.Truncate(s, w, Ellipsis)
			}
			if got := Truncate(s, w); got != want {
				t.Fatalf("Truncate(%q, %d) = %q, want %q", s, w, got, want)
			}
		}
	}
}
