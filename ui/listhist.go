package ui

import (
	"github.com/charmbracelet/lipgloss"

	"zixuan/safetext"
)

// The list's two history columns: the excess return of the ticker's
// latest rated call over 沪深300, and a sparkline of its last closes. Each
// is one function (excessCell, sparkCell) so that it can move into a
// column registry as it is.

const (
	excessWidth = 7             // "+123.4%"
	sparkWidth  = sparkDays / 2 // two closes a braille cell
)

// listColumns is the list's columns at width: the plain and price columns
// (layoutColumns), and the history columns where the room allows, taken
// from the note.
func (m *Model) listColumns(width int) columns {
	c := layoutColumns(width, m.t, m.pricesShown())
	if !m.histShown() {
		return c
	}
	return c.withHistory()
}

// withHistory gives the excess column room from the note (a note left
// with a few cells is dropped), or from the change date when there is no
// note, and the sparkline room when the note keeps a dozen.
func (c columns) withHistory() columns {
	if c.note >= excessWidth+1 || c.note == 0 && c.at > 0 {
		c.excess = excessWidth
		if c.note > 0 {
			c.note -= excessWidth + 1
		} else {
			c.at = 0 // the change date gives way when there is no note to take from
		}
		if c.note < 6 {
			c.note = 0 // a note cut to a few cells says nothing
		}
	}
	if c.excess > 0 && c.note >= sparkWidth+1+12 {
		c.spark = sparkWidth
		c.note -= sparkWidth + 1
	}
	return c
}

// histCellOf is the history cells of the ticker at index r, nil without.
func (m *Model) histCellOf(r int) *histCell {
	if m.hs.cells == nil || r < 0 || r >= len(m.data.tickers) {
		return nil
	}
	if c, ok := m.hs.cells[m.data.tickers[r].Code.Key()]; ok {
		return &c
	}
	return nil
}

// excessCell is the excess column of one row, fitted and coloured by sign
// (red up by default, --colors western the other way).
func (c columns) excessCell(hc *histCell, selected bool, s *Styles, upDown func(int) lipgloss.Style) string {
	if c.excess == 0 {
		return ""
	}
	if hc == nil {
		return safetext.FitLeft("-", c.excess)
	}
	cell := safetext.FitLeft(hc.excess, c.excess)
	switch {
	case selected:
		return cell
	case hc.exDir == 0:
		return s.Dim.Render(cell)
	}
	return upDown(hc.exDir).Render(cell)
}

// sparkCell is the sparkline column of one row.
func (c columns) sparkCell(hc *histCell, selected bool, s *Styles) string {
	if c.spark == 0 {
		return ""
	}
	if hc == nil {
		return safetext.Fit("", c.spark)
	}
	cell := safetext.Fit(hc.spark, c.spark)
	if selected {
		return cell
	}
	return s.ChartLine.Render(cell)
}
