package ui

import (
	"testing"

	"zixuan/sectors/market"
)

// Goldens of managing the watchlist, at 120x40, 80x24 and 60x15.

// withNoteHistory gives 688111's note an old version and a deleted sibling.
func withNoteHistory(m *Model) {
	c := market.MustParseCode("688111")
	tk, _ := m.st.Get(c)
	n, _ := tk.LatestNote()
	_ = m.st.EditNote(c, n.ID, "Q1 revenue +20%, WPS AI paying users growing fast.\nWatch the July update.")
	old, _ := m.st.AddNote(c, "Valuation looks stretched at 80x earnings.")
	_ = m.st.DeleteNote(c, old.ID)
	m.reload()
	m.selectKey(c.Key())
}

func exportsDir(m *Model) { m.opts.Dir = "/tmp/exports" }

func TestGoldenMain80(t *testing.T)       { golden(t, "en", 80, 24, nil) }
func TestGoldenSectors(t *testing.T)      { golden(t, "en", 120, 40, nil, "S") }
func TestGoldenSectorsNewZH(t *testing.T) { golden(t, "zh", 80, 24, nil, "S", "a", "Liquor") }
func TestGoldenSectorsNarrow(t *testing.T) {
	golden(t, "en", 60, 15, nil, "S", "j", "d")
}
func TestGoldenColumns(t *testing.T)   { golden(t, "en", 80, 24, nil, "C") }
func TestGoldenColumnsZH(t *testing.T) { golden(t, "zh", 60, 15, nil, "C", "j", "j") }
func TestGoldenNoteHistory(t *testing.T) {
	golden(t, "en", 120, 40, withNoteHistory, "enter", "v")
}
func TestGoldenNoteHistoryZH(t *testing.T) {
	golden(t, "zh", 80, 24, withNoteHistory, "enter", "v")
}
func TestGoldenNoteSearch(t *testing.T) { golden(t, "zh", 80, 24, nil, "N", "WPS") }
func TestGoldenExport(t *testing.T)     { golden(t, "en", 80, 24, exportsDir, "e", "right") }
func TestGoldenExportNarrowZH(t *testing.T) {
	golden(t, "zh", 60, 15, exportsDir, "e")
}
func TestGoldenAddPick(t *testing.T) { golden(t, "en", 60, 15, nil, "a", "gzmt", "enter") }
func TestGoldenPinnedOrder(t *testing.T) {
	golden(t, "en", 80, 24, func(m *Model) {
		_, _ = m.st.SetPinned(market.MustParseCode("688256"), true)
		_ = m.st.Reorder([]market.Code{market.MustParseCode("688041"), market.MustParseCode("000977")})
		_, _, _ = m.st.AddToGroup(market.MustParseCode("002230"), "compute")
		m.reload()
	}, "tab", "tab", "j")
}
func TestGoldenPickerEN(t *testing.T) {
	golden(t, "en", 80, 24, selectKinsoft, "r", "3", "tab", "margins")
}
func TestGoldenEmptySearch(t *testing.T)   { golden(t, "en", 60, 15, nil, "/", "zzzz", "enter") }
func TestGoldenEmptyFilterZH(t *testing.T) { golden(t, "zh", 60, 15, nil, "tab", "5") }
