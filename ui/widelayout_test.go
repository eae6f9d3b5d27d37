package ui

import (
	"regexp"
	"strings"
	"testing"

	"zixuan/safetext"
)

// On a very wide screen the list is as wide as its columns can use, the
// latest note included at a readable width (the pane beside it shows the
// notes whole), and the detail pane takes the rest: no column of blanks
// across the middle of the screen.
func TestWideScreenGivesTheRoomToThePane(t *testing.T) {
	st, _ := newTestStore(t)
	for _, size := range [][2]int{{200, 50}, {300, 60}} {
		m := newTestModel(t, st, "en", size[0], size[1])
		lines := strings.Split(m.plainView(), "\n")
		header := lines[2]
		gap := regexp.MustCompile(`Latest note( *) Changed`).FindStringSubmatch(header)
		if gap == nil {
			t.Fatalf("%dx%d: no note column in %q", size[0], size[1], header)
		}
		if n := len(gap[1]); n > noteWide-len("Latest note") {
			t.Errorf("%dx%d: the latest note is %d cells wide, more than %d:\n%s", size[0], size[1], n+len("Latest note"), noteWide, header)
		}
		bar := strings.Index(header, "|")
		for i, l := range lines[2 : 2+bodyHeight(size[1])] {
			if j := strings.Index(l, "|"); j < 0 || safetext.Width(l[:j]) != safetext.Width(header[:bar]) {
				t.Fatalf("%dx%d: line %d does not start the pane where the header does:\n%s", size[0], size[1], i, l)
			}
		}
		// a few columns chosen: the pane starts where they end
		m.list.setColumns([]string{"changed"})
		header = strings.Split(m.plainView(), "\n")[2]
		if !regexp.MustCompile(`Changed {0,4}\|`).MatchString(header) {
			t.Errorf("%dx%d: blanks between the list's last column and the pane:\n%s", size[0], size[1], header)
		}
	}
}
