package ui

import (
	"strings"
	"testing"
	"time"

	"zixuan/sectors/market"
	"zixuan/ui/dialogs/wizard"

	"zixuan/sectors"
)

// typist is a key clock the test moves by hand.
type typist struct{ at time.Time }

func (c *typist) now() time.Time       { return c.at }
func (c *typist) wait(d time.Duration) { c.at = c.at.Add(d) }
func noFilter(m Model) bool            { return !m.view.ratingFilterOn() }
func quickModel(t *testing.T) (Model, *typist) {
	st, _ := newTestStore(t)
	m := newTestModel(t, st, "en", 120, 40)
	c := &typist{at: fixedNow}
	m.jump.now = c.now
	return m, c
}

// A code typed quickly into the list jumps to the stock, and no rating
// filter is left toggled on the way.
func TestTypedCodeJumpsToTheStock(t *testing.T) {
	m, c := quickModel(t)
	if selectedNumber(m) == "603019" {
		t.Fatal("603019 is selected already")
	}
	m = press(m, "6")
	if !m.view.filter.Ratings.Has(sectors.Ratings[5]) {
		t.Fatal("a first digit does not toggle its filter at once")
	}
	for _, d := range "03019" {
		c.wait(100 * time.Millisecond)
		m = press(m, string(d))
		if !noFilter(m) {
			t.Fatalf("after %c a rating filter is on: %v", d, m.view.filter.Ratings)
		}
		if d == '3' && !strings.Contains(m.plainView(), "code 603___") {
			t.Errorf("the code typed is not shown:\n%s", m.plainView())
		}
	}
	if showing(m) != "list" || selectedNumber(m) != "603019" {
		t.Errorf("600519-style jump: showing %s, selected %s", showing(m), selectedNumber(m))
	}
	// a filter that hid the stock is cleared to show it
	m = press(m, "tab") // the AI tab: 603019 is in compute
	c.wait(time.Second)
	m = press(m, "6")
	for _, d := range "88111" {
		c.wait(50 * time.Millisecond)
		m = press(m, string(d))
	}
	if selectedNumber(m) != "688111" {
		t.Errorf("688111: selected %s", selectedNumber(m))
	}
	// the gap between later digits does not matter once a code has begun
	c.wait(time.Second)
	m = press(m, "0")
	c.wait(100 * time.Millisecond)
	m = press(m, "0", "2")
	c.wait(10 * time.Second)
	m = press(m, "2", "3", "0")
	if selectedNumber(m) != "002230" || !noFilter(m) {
		t.Errorf("002230 typed slowly after the second digit: selected %s, filter %v", selectedNumber(m), m.view.filter.Ratings)
	}
}

// A code not on the list opens the add wizard with it typed in.
func TestTypedCodeOffersToAdd(t *testing.T) {
	m, c := quickModel(t)
	for _, d := range "600519" {
		m = press(m, string(d))
		c.wait(80 * time.Millisecond)
	}
	w := topOf[wizard.Model](m)
	if showing(m) != "wizard" || w.Query() != "600519" || len(w.Hits()) == 0 ||
		market.Master()[w.Hits()[0]].Code.Number != "600519" {
		t.Fatalf("600519: showing %s, wizard %q hits %v", showing(m), w.Query(), w.Hits())
	}
	if !noFilter(m) {
		t.Errorf("a rating filter was left on: %v", m.view.filter.Ratings)
	}
	if !strings.Contains(m.plainView(), "贵州茅台") {
		t.Errorf("the wizard does not show 贵州茅台:\n%s", m.plainView())
	}
	// an old Beijing code says where its stock went
	m = press(m, "esc")
	c.wait(time.Second)
	for _, d := range "830799" {
		m = press(m, string(d))
		c.wait(80 * time.Millisecond)
	}
	if showing(m) != "list" || !strings.Contains(m.status, "920799") {
		t.Errorf("830799: showing %s, status %q", showing(m), m.status)
	}
}

// A lone digit toggles its filter at once; digits further apart than the
// window are toggles too; esc and backspace edit a code being typed.
func TestLoneDigitsStillToggle(t *testing.T) {
	m, c := quickModel(t)
	m = press(m, "1")
	if !m.view.filter.Ratings.Has(sectors.Buy) {
		t.Fatal("1 does not toggle buy at once")
	}
	c.wait(2 * codeJumpWindow)
	m = press(m, "2")
	if !m.view.filter.Ratings.Has(sectors.Buy) || !m.view.filter.Ratings.Has(sectors.Overweight) {
		t.Fatalf("1, a pause, 2: filters %v", m.view.filter.Ratings)
	}
	c.wait(2 * codeJumpWindow)
	m = press(m, "0")
	if !noFilter(m) {
		t.Fatalf("0 does not clear the filters: %v", m.view.filter.Ratings)
	}
	c.wait(2 * codeJumpWindow)
	m = press(m, "1")
	c.wait(codeJumpWindow / 2)
	m = press(m, "2", "3")
	if !noFilter(m) || !strings.Contains(m.status, "123___") {
		t.Fatalf("1 2 3 typed quickly: filters %v, status %q", m.view.filter.Ratings, m.status)
	}
	m = press(m, "backspace")
	if !strings.Contains(m.status, "12____") {
		t.Errorf("backspace: status %q", m.status)
	}
	m = press(m, "esc")
	if m.status != "" || m.jump.digits != "" {
		t.Errorf("esc keeps the code: %q %q", m.status, m.jump.digits)
	}
	c.wait(2 * codeJumpWindow)
	m = press(m, "3")
	if !m.view.filter.Ratings.Has(sectors.Ratings[2]) {
		t.Errorf("after esc, 3 does not toggle its filter: %v", m.view.filter.Ratings)
	}
}

// / and the add wizard take every code spelling the CLI takes, and say so
// when nothing fits.
func TestSearchAndWizardTakeCodeSpellings(t *testing.T) {
	m, _ := quickModel(t)
	for _, q := range []string{"688111.SH", "sh688111", "SH688111", "688111"} {
		m2 := press(m, "/", q)
		if got := codes(m2); len(got) != 1 || got[0] != "688111" {
			t.Errorf("/%s: %v", q, got)
		}
	}
	m2 := press(m, "/", "000977.SZ")
	if got := codes(m2); len(got) != 1 || got[0] != "000977" {
		t.Errorf("/000977.SZ: %v", got)
	}
	m2 = press(m, "/", "zzqqx")
	if !strings.Contains(m2.plainView(), "no match") {
		t.Errorf("/zzqqx does not say no match:\n%s", m2.plainView())
	}
	for _, q := range []string{"000977.SZ", "sz000977", "000977"} {
		m2 = press(m, "a", q)
		w := topOf[wizard.Model](m2)
		if len(w.Hits()) == 0 || market.Master()[w.Hits()[0]].Code.Number != "000977" {
			t.Errorf("wizard %s: %v", q, w.Hits())
		}
	}
	m2 = press(m, "a", "zzqqx")
	if !strings.Contains(m2.plainView(), "no match") {
		t.Errorf("the wizard does not say no match:\n%s", m2.plainView())
	}
}

// A code that lands nowhere leaves the cursor where it was before the
// first digit, whose filter toggle moved it: the next x, r or n must act
// on the ticker the user was on.
func TestCodeThatLandsNowhereKeepsTheSelection(t *testing.T) {
	for _, tc := range []struct{ name, code, after string }{
		{"esc on the add wizard", "300999", "esc"},
		{"esc while typing", "3009", "esc"},
		{"a code no board has", "320000", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, c := quickModel(t)
			// a ticker the first digit's filter (3: its rating) hides
			for i := 0; i < 8; i++ {
				m = press(m, "down")
			}
			tk, _ := m.selected()
			if tk.Rating == sectors.Ratings[2] {
				t.Fatalf("the selected ticker %s is rated %v: pick another", tk.Code.Number, tk.Rating)
			}
			c.wait(time.Second)
			for _, d := range tc.code {
				m = press(m, string(d))
				c.wait(60 * time.Millisecond)
			}
			if tc.after != "" {
				m = press(m, tc.after)
			}
			if showing(m) != "list" || selectedNumber(m) != tk.Code.Number || !noFilter(m) {
				t.Errorf("after %s: showing %s, selected %s (was %s), filter %v", tc.code, showing(m), selectedNumber(m), tk.Code.Number, m.view.filter.Ratings)
			}
		})
	}
}

// A fund or an index typed lands on it when it is on the list, and opens
// the add wizard with it as the first candidate when it is not (offline:
// a known index is named by zixuan, a fund says it needs the quote
// server).
func TestTypedFundOrIndexCode(t *testing.T) {
	st, _ := newTestStore(t)
	for _, c := range []struct{ code, name string }{{"sh510300", "沪深300ETF"}, {"sh000300", "沪深300"}} {
		if _, err := st.AddTicker(market.MustParseCode(c.code), c.name, "ai", sectors.Unrated, "test"); err != nil {
			t.Fatal(err)
		}
	}
	m := newTestModel(t, st, "en", 120, 40)
	c := &typist{at: fixedNow}
	m.jump.now = c.now
	typeCode := func(m Model, code string) Model {
		c.wait(time.Second)
		for _, d := range code {
			m = press(m, string(d))
			c.wait(80 * time.Millisecond)
		}
		return m
	}
	for _, code := range []string{"510300", "000300"} {
		m = typeCode(m, code)
		if showing(m) != "list" || selectedNumber(m) != code || !noFilter(m) {
			t.Errorf("%s: showing %s, selected %s, status %q", code, showing(m), selectedNumber(m), m.status)
		}
	}
	for code, want := range map[string]string{
		"159915": "> sz159915 ETF: not in the securities master, needs the quote server for its name",
		"399006": "> sz399006 创业板指",
	} {
		m = typeCode(m, code)
		if showing(m) != "wizard" || !strings.Contains(m.plainView(), want) {
			t.Errorf("%s: showing %s, want %q in\n%s", code, showing(m), want, m.plainView())
		}
		m = press(m, "esc")
	}
}
