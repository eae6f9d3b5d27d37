package alerts

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

func testCommon(lang string, w, h int) common.Common {
	tx := common.TextFor(lang)
	keys := common.NewKeyMap(tx)
	styles := common.NewStyles(true, true)
	return common.Common{Width: w, Height: h, Keys: &keys, Styles: &styles, T: tx}
}

var now = time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)

func list(n int) []sectors.Alert {
	var out []sectors.Alert
	for i := range n {
		a, _ := sectors.NewAlert(market.MustParseCode("002230"), sectors.AlertAbove, float64(100+i), time.Time{}, now)
		a.ID = uint64(i + 1)
		out = append(out, a)
	}
	return out
}

func keyPress(s string) tea.KeyPressMsg {
	if s == "space" {
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	return tea.KeyPressMsg{Code: rune(s[0]), Text: s}
}

// Text from the store (a name, a note) never reaches the screen raw, and
// no line is wider than the view, in both languages.
func TestTheViewFitsAndShowsNoControlCharacters(t *testing.T) {
	l := list(3)
	l[1].Note = "\x1b[2J清屏\x07"
	l[2].Disabled = true
	for _, lang := range []string{"en", "zh"} {
		for _, size := range [][2]int{{120, 40}, {80, 24}, {50, 12}, {20, 4}} {
			d := Data{List: l, Names: map[string]string{"SZ002230": "科大\x1b]0;x\x07讯飞"}, Now: now}
			v := New(testCommon(lang, size[0], size[1]), d).View()
			if strings.ContainsAny(ansi.Strip(v), "\x1b\x07") {
				t.Errorf("%s %v: a control character: %q", lang, size, v)
			}
			lines := strings.Split(ansi.Strip(v), "\n")
			if len(lines) > size[1] {
				t.Errorf("%s %v: %d lines", lang, size, len(lines))
			}
			for _, line := range lines {
				if safetext.Width(line) > size[0] {
					t.Errorf("%s %v: %q is wider", lang, size, line)
				}
			}
		}
	}
}

// The keys ask the root for the alert under the cursor; space asks to
// switch it the other way; the cursor scrolls the list in a short view.
func TestTheKeysAskForTheAlertSelected(t *testing.T) {
	l := list(12)
	l[3].Disabled = true
	v := New(testCommon("en", 80, 6), Data{List: l, Now: now, Selected: market.MustParseCode("600845")})
	var d common.Dialog = v
	for range 3 {
		d, _ = d.Update(keyPress("j"))
	}
	for _, c := range []struct {
		key  string
		want tea.Msg
	}{
		{"e", EditMsg{Alert: l[3]}}, {"d", DeleteMsg{Alert: l[3]}}, {"r", RearmMsg{Alert: l[3]}},
		{"space", EnableMsg{Alert: l[3], On: true}}, {"a", AddMsg{Code: l[3].Code}},
	} {
		next, _ := d.Update(keyPress(c.key))
		r, ok := next.(common.Reply)
		if !ok || r.Dialog == nil {
			t.Fatalf("%s: %#v", c.key, next)
		}
		if !reflect.DeepEqual(r.Msg, c.want) {
			t.Errorf("%s: %#v, want %#v", c.key, r.Msg, c.want)
		}
	}
	for range 8 {
		d, _ = d.Update(keyPress("j"))
	}
	view := ansi.Strip(d.View())
	if lines := strings.Split(view, "\n"); len(lines) != 6 || !strings.HasPrefix(lines[5], "12  SZ002230") || !strings.HasPrefix(lines[2], " 9  SZ002230") {
		t.Errorf("the cursor at the end is not in sight:\n%s", view)
	}
	// with no alert, a adds for the list's ticker
	empty := New(testCommon("en", 80, 6), Data{Now: now, Selected: market.MustParseCode("600845")})
	next, _ := empty.Update(keyPress("a"))
	if r, ok := next.(common.Reply); !ok || r.Msg != (AddMsg{Code: market.MustParseCode("600845")}) {
		t.Errorf("a with no alert: %#v", next)
	}
}
