package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A code pasted on the list moves the selection without a key: the detail
// pane's chart reads the new ticker's whole history all the same.
func TestPastedCodeReadsItsChart(t *testing.T) {
	m, _, _ := historyModel(t, "en", 120, 40)
	if m.selectedKey() == "SZ300634" {
		t.Fatal("300634 is selected already")
	}
	next, cmd := m.Update(tea.PasteMsg{Content: "300634"})
	m = run(next.(Model), cmd)
	if m.selectedKey() != "SZ300634" {
		t.Fatalf("the paste selected %q", m.selectedKey())
	}
	if m.hs.chartKey != "SZ300634" {
		t.Errorf("the chart holds %q after the paste selected SZ300634", m.hs.chartKey)
	}
}

// A change of the history (the scorecard arriving) makes the list's
// history cells and its price cells once each: each build takes an epoch
// of the render cache.
func TestHistoryChangeBuildsTheCellsOnce(t *testing.T) {
	m, _, _ := historyModel(t, "en", 120, 40)
	if !m.opts.quotesOn() {
		t.Fatal("no quotes: the price cells are not built")
	}
	before := nextEpoch()
	next, _ := m.Update(scoredMsg{sc: m.hs.sc, seq: m.hs.scoreSeq})
	m = next.(Model)
	if n := nextEpoch() - before - 1; n != 2 {
		t.Errorf("the scorecard's arrival built %d sets of cells, want 2 (the history's and the prices')", n)
	}
	if m.qs.epoch <= before || m.hs.epoch <= before {
		t.Errorf("the cells were not rebuilt: prices %d history %d, before %d", m.qs.epoch, m.hs.epoch, before)
	}
}
