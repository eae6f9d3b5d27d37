package safetext

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// Ellipsis marks text cut to fit.
const Ellipsis = "…"

func init() {
	// go-runewidth counts ambiguous-width characters (…, ·, box drawing) as
	// two cells when the locale is East Asian (LANG=zh_CN.UTF-8), while
	// lipgloss and x/ansi count one. bubbles' components measure with
	// go-runewidth, so under a Chinese locale they would disagree with every
	// lipgloss layout. Pin go-runewidth to the same rule as x/ansi.
	runewidth.DefaultCondition.EastAsianWidth = false
}

// Width is the display width of s in terminal cells (CJK counts two),
// ignoring escape sequences. Use it, never len, to lay out text.
func Width(s string) int {
	if printableASCII(s) {
		return len(s) // codes, dates, numbers: most cells of a table
	}
	return ansi.StringWidth(s)
}

// printableASCII says whether s is only characters from space to ~, each
// one cell wide (no escape sequence can start without ESC).
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// Truncate cuts s to at most w cells, ending in … when it was cut. It never
// splits a double-width character.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if len(s) <= w {
		return s // every cell takes a byte at least
	}
	// A long text (a note) shown in a few cells: only its start can show,
	// so it is measured and cut there. That is the same cut as the whole
	// text's when the start is wider than the cells by more than the
	// widest character (the character the start's end splits is not
	// shown either way) and holds no escape sequence (x/ansi keeps the
	// sequences after the cut).
	if limit := 2*w + 16; len(s) > limit && strings.IndexByte(s, '\x1b') < 0 {
		end := limit
		for end > 0 && !utf8.RuneStart(s[end]) {
			end--
		}
		if start := s[:end]; Width(start) > w+2 {
			return ansi.Truncate(start, w, Ellipsis)
		}
	}
	if Width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, Ellipsis)
}

// Fit cuts or pads s with spaces to exactly w cells: one table cell.
func Fit(s string, w int) string {
	s = Truncate(s, w)
	if pad := w - Width(s); pad > 0 {
		return s + strings.Repeat(" ", pad)
	}
	return s
}

// FitLeft is Fit aligned right (numbers).
func FitLeft(s string, w int) string {
	s = Truncate(s, w)
	if pad := w - Width(s); pad > 0 {
		return strings.Repeat(" ", pad) + s
	}
	return s
}

// FirstLine is the first non-empty line of a multi-line text.
func FirstLine(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}
