package ui

import (
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// The full help scrolls when it does not fit: at the smallest screen,
// 50x12, every key of the list's help and of the detail pane's can be
// read by paging through it, and the keys that page it stay in it.
func TestFullHelpScrollsAtTheSmallestScreen(t *testing.T) {
	st, _ := newTestStore(t)
	for _, lang := range []string{"en", "zh"} {
		for _, pane := range []bool{false, true} {
			m := newTestModel(t, st, lang, minWidth, minHeight)
			groups := m.keys.ListHelp().FullHelp()
			if pane {
				m = press(m, "enter")
				groups = m.keys.DetailHelp().FullHelp()
			}
			m = press(m, "?")
			if showing(m) != "help" {
				t.Fatalf("%s: ? shows %s", lang, showing(m))
			}
			// the body only: the footer has some of the keys too
			body := func() string {
				lines := strings.Split(m.plainView(), "\n")
				return strings.Join(lines[2:2+bodyHeight(m.height)], "\n")
			}
			seen := body()
			for range 40 {
				m = press(m, "pgdown")
				if showing(m) != "help" {
					t.Fatalf("%s pane=%v: pgdown closed the help", lang, pane)
				}
				seen += "\n" + body()
			}
			for range 3 {
				m = press(m, "k")
				seen += "\n" + body()
			}
			if showing(m) != "help" {
				t.Fatalf("%s pane=%v: k closed the help instead of scrolling it", lang, pane)
			}
			for _, b := range bindingsOf(groups) {
				h := b.Help()
				if !regexp.MustCompile(regexp.QuoteMeta(h.Key) + ` +` + regexp.QuoteMeta(h.Desc)).MatchString(seen) {
					t.Errorf("%s pane=%v: %q %q is never shown", lang, pane, h.Key, h.Desc)
				}
			}
			if m = press(m, "esc"); showing(m) == "help" {
				t.Errorf("%s pane=%v: esc does not close the scrolled help", lang, pane)
			}
		}
	}
}

func bindingsOf(groups [][]key.Binding) []key.Binding {
	var out []key.Binding
	for _, g := range groups {
		for _, b := range g {
			if b.Help().Desc != "" {
				out = append(out, b)
			}
		}
	}
	return out
}

// The rating picker at the smallest screens keeps the chosen rating in
// sight: every rating can be seen and picked with j and k.
func TestRatingPickerFitsTheSmallestScreens(t *testing.T) {
	st, _ := newTestStore(t)
	for _, size := range [][2]int{{minWidth, minHeight}, {60, 15}} {
		m := newTestModel(t, st, "en", size[0], size[1])
		m = press(m, "r")
		for _, want := range []string{"> 1 Buy", "> 2 Overweight", "> 3 Neutral", "> 4 Underweight", "> 5 Sell", "> 6 Unrated"} {
			if v := m.plainView(); !strings.Contains(v, want) {
				t.Errorf("%dx%d: the choice %q is not on screen:\n%s", size[0], size[1], want, v)
			}
			m = press(m, "j")
		}
	}
}
