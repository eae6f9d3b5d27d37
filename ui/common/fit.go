package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
)

// FitLines cuts or pads s to exactly h lines of at most w cells.
func FitLines(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if safetext.Width(l) > w {
			lines[i] = safetext.Truncate(l, w)
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// starSuffixes mark STAR share classes (-U not yet profitable, -W weighted
// voting, -D CDR): they carry meaning, so a name too long for its column is
// cut before them.
var starSuffixes = []string{"-UWD", "-UW", "-WD", "-U", "-W", "-D"}

// FitName fits a display name in w cells, cutting the company part and
// keeping a STAR suffix whole (九号…-WD rather than 九号公司-…).
func FitName(name string, w int) string {
	if safetext.Width(name) <= w {
		return safetext.Fit(name, w)
	}
	for _, suf := range starSuffixes {
		if core, ok := strings.CutSuffix(name, suf); ok && core != "" && w > len(suf)+1 {
			return safetext.Fit(safetext.Truncate(core, w-len(suf))+suf, w)
		}
	}
	return safetext.Fit(name, w)
}

// Step moves a cursor over n rows by a key; ok is false for other keys.
func Step(k tea.KeyPressMsg, keys *KeyMap, cur, n, page int) (int, bool) {
	switch {
	case key.Matches(k, keys.Up):
		cur--
	case key.Matches(k, keys.Down):
		cur++
	case key.Matches(k, keys.PageUp):
		cur -= page
	case key.Matches(k, keys.PageDown):
		cur += page
	case key.Matches(k, keys.Top):
		cur = 0
	case key.Matches(k, keys.Bottom):
		cur = n - 1
	default:
		return cur, false
	}
	return max(min(cur, n-1), 0), true
}

// Window is the first row to show so that cur is on screen.
func Window(cur, n, rows int) int {
	return max(min(cur-rows/2, n-rows), 0)
}
