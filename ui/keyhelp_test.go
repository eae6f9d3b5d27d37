package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// The full help scrolls when it does not fit: at the smallest screen,
// 50x12, every key of the list's help, of the detail pane's and of the
// alerts view's can be read by paging through it, and the keys that page
// it stay in it; esc goes back to what it was over.
func TestFullHelpScrollsAtTheSmallestScreen(t *testing.T) {
	st, _ := newTestStore(t)
	for _, lang := range []string{"en", "zh"} {
		for _, pane := range []string{"list", "pane", "alerts", "today"} {
			m := newTestModel(t, st, lang, minWidth, minHeight)
			groups := m.keys.ListHelp().FullHelp()
			switch pane {
			case "pane":
				m = press(m, "enter")
				groups = m.keys.DetailHelp().FullHelp()
			case "alerts":
				m = press(m, "A")
				groups = m.keys.AlertsHelp().FullHelp()
			case "today":
				m = press(m, "T")
				groups = m.keys.TodayHelp().FullHelp()
			}
			under := m.stack.top()
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
			pages, ups := 40, 3
			if pane == "alerts" || pane == "today" {
				pages, ups = 0, 0 // its keys fit at 50x12: a key closes it and goes to the view
			}
			for range pages {
				m = press(m, "pgdown")
				if showing(m) != "help" {
					t.Fatalf("%s %s: pgdown closed the help", lang, pane)
				}
				seen += "\n" + body()
			}
			for range ups {
				m = press(m, "k")
				seen += "\n" + body()
			}
			if showing(m) != "help" {
				t.Fatalf("%s %s: k closed the help instead of scrolling it", lang, pane)
			}
			for _, b := range bindingsOf(groups) {
				h := b.Help()
				if !regexp.MustCompile(regexp.QuoteMeta(h.Key) + ` +` + regexp.QuoteMeta(h.Desc)).MatchString(seen) {
					t.Errorf("%s %s: %q %q is never shown", lang, pane, h.Key, h.Desc)
				}
			}
			if m = press(m, "esc"); showing(m) == "help" || fmt.Sprintf("%T", m.stack.top()) != fmt.Sprintf("%T", under) {
				t.Errorf("%s %s: esc does not close the scrolled help back to %T: %T", lang, pane, under, m.stack.top())
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
