package ui

import (
	"strings"
	"testing"

	"zixuan/safetext"
	"zixuan/sectors/market"
)

// A ticker in more sectors than its home one shows +N beside its sector;
// a long sector name gives way to the mark (cut by display width, in
// either language) at every width that shows the column.
func TestGroupMarkKeptBesideALongSector(t *testing.T) {
	st, _ := newTestStore(t)
	if _, err := st.AddSector("Semiconductor equipment and materials", "半导体设备与材料及其零部件"); err != nil {
		t.Fatal(err)
	}
	code := market.MustParseCode("002230")
	if _, _, err := st.Move(code, "semiconductor-equipment-and-materials"); err != nil {
		t.Fatal(err)
	}
	for _, g := range []string{"ai", "quantum"} {
		if _, _, err := st.AddToGroup(code, g); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		lang string
		w, h int
		name string
	}{
		{"en", 120, 40, "Semicond"},
		{"en", 80, 24, "Semicond"},
		{"zh", 120, 40, "半导体"},
		{"zh", 80, 24, "半导体"},
	} {
		m := newTestModel(t, st, c.lang, c.w, c.h)
		m.selectKey(code.Key())
		row := rowOf(t, m.plainView(), "002230")
		if safetext.Width(row) > c.w {
			t.Errorf("%s %dx%d: the row is %d cells wide", c.lang, c.w, c.h, safetext.Width(row))
		}
		i := strings.Index(row, c.name)
		if i < 0 || !strings.Contains(row[i:], safetext.Ellipsis+" +2") {
			t.Errorf("%s %dx%d: the sector cut without its mark: %q", c.lang, c.w, c.h, row)
		}
	}
	// a sector that fits keeps its whole name beside the mark
	if _, _, err := st.Move(code, "compute"); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, st, "en", 120, 40)
	if row := rowOf(t, m.plainView(), "002230"); !strings.Contains(row, "Compute +2") {
		t.Errorf("a short sector: %q", row)
	}
}
