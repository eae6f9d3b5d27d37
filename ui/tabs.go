package ui

import (
	"fmt"
	"strings"

	"zixuan/safetext"
	"zixuan/sectors"

	"zixuan/ui/common"
)

// tabsModel is the sector tab bar: All, then every sector in order.
type tabsModel struct {
	ids    []string // "" for All
	labels []string // already inert
	counts []int
	active int
}

func (m *tabsModel) setSectors(list []sectors.Sector, t *common.Text) {
	cur := m.activeID()
	m.ids = []string{""}
	m.labels = []string{t.All}
	for _, s := range list {
		m.ids = append(m.ids, s.ID)
		m.labels = append(m.labels, t.SectorLabel(s))
	}
	m.active = 0
	for i, id := range m.ids {
		if id == cur {
			m.active = i
		}
	}
}

func (m *tabsModel) activeID() string {
	if m.active < 0 || m.active >= len(m.ids) {
		return ""
	}
	return m.ids[m.active]
}

func (m *tabsModel) next() { m.active = (m.active + 1) % len(m.ids) }
func (m *tabsModel) prev() { m.active = (m.active + len(m.ids) - 1) % len(m.ids) }

// view draws the tabs in width cells; when they do not fit, the window
// scrolls so the active tab is always shown, with < and > at the cut ends.
func (m *tabsModel) view(width int, s *common.Styles) string {
	for _, limit := range []int{40, 24, 16, 12} {
		if out, ok := m.render(width, limit, s); ok || limit == 12 {
			return out
		}
	}
	return ""
}

// render draws the tabs with labels cut to limit cells; ok says all fit.
func (m *tabsModel) render(width, limit int, s *common.Styles) (string, bool) {
	cells := make([]string, len(m.ids))
	widths := make([]int, len(m.ids))
	for i := range m.ids {
		n := 0
		if i < len(m.counts) {
			n = m.counts[i]
		}
		label := fmt.Sprintf(" %s %d ", safetext.Truncate(m.labels[i], limit), n)
		if i == m.active {
			label = "[" + label[1:len(label)-1] + "]"
			cells[i] = s.TabActive.Render(label)
		} else {
			cells[i] = s.Tab.Render(label)
		}
		widths[i] = safetext.Width(label)
	}
	// choose the first tab so that the active one fits
	first := 0
	for {
		w := 0
		if first > 0 {
			w = 1
		}
		last := first
		for last < len(cells) && w+widths[last] <= width-1 {
			w += widths[last]
			last++
		}
		if last > m.active || first >= m.active {
			var b strings.Builder
			if first > 0 {
				b.WriteString(s.Dim.Render("<"))
			}
			for i := first; i < last; i++ {
				b.WriteString(cells[i])
			}
			if last < len(cells) {
				b.WriteString(s.Dim.Render(">"))
			}
			return b.String(), first == 0 && last == len(cells)
		}
		first++
	}
}

// goTo makes the tab of sector id the active one; false when there is
// none.
func (m *tabsModel) goTo(id string) bool {
	for i, tid := range m.ids {
		if tid == id {
			m.active = i
			return true
		}
	}
	return false
}
