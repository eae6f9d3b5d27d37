package common

import (
	"strings"
	"testing"

	"zixuan/safetext"
	"zixuan/sectors"
)

func TestWrapText(t *testing.T) {
	for _, w := range []int{10, 23, 46, 80} {
		for _, def := range sectors.ReportSectors {
			lines := WrapText(def.Thesis, w)
			if got := strings.Join(lines, ""); got != def.Thesis {
				t.Errorf("width %d lost text:\n%s\n%s", w, got, def.Thesis)
			}
			for _, l := range lines {
				if safetext.Width(l) > w {
					t.Errorf("width %d: line %q is %d wide", w, l, safetext.Width(l))
				}
				if l != "" && noLineStart([]rune(l)[0]) {
					t.Errorf("width %d: line starts with punctuation: %q", w, l)
				}
			}
		}
	}
	got := WrapText("幻方DeepSeek-V2、生数", 10)
	if strings.Join(got, "|") != "幻方|DeepSeek-V2|、生数" && strings.Join(got, "|") != "幻方|DeepSeek-|V2、生数" {
		// a word longer than the line is cut; otherwise it stays whole
		if len(got) < 2 || safetext.Width(got[0]) > 10 {
			t.Errorf("wrap = %q", got)
		}
	}
	if got := WrapText("one two three", 7); strings.Join(got, "|") != "one two|three" {
		t.Errorf("english wrap = %q", got)
	}
	if got := WrapText("a\n\nb", 5); len(got) != 3 {
		t.Errorf("paragraphs not kept: %q", got)
	}
}
