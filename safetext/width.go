package safetext

import (
	"strings"

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
func Width(s string) int { return ansi.StringWidth(s) }

// Truncate cuts s to at most w cells, ending in … when it was cut. It never
// splits a double-width character.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, Ellipsis)
}

// Fit cuts or pads s with spaces to exactly w cells: one table cell.
func Fit(s string, w int) string {
	s = Truncate(s, w)
	if pad := w - ansi.StringWidth(s); pad > 0 {
		return s + strings.Repeat(" ", pad)
	}
	return s
}

// FitLeft is Fit aligned right (numbers).
func FitLeft(s string, w int) string {
	s = Truncate(s, w)
	if pad := w - ansi.StringWidth(s); pad > 0 {
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
