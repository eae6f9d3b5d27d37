package ui

import (
	"maps"
	"slices"
	"strings"

	"zixuan/sectors/market"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/store"

	"zixuan/ui/common"
)

// columnsModel chooses the list's columns and their order (C): every
// column of the registry, those shown first in their order; space shows
// or hides the one under the cursor, K and J move it, enter keeps the
// choice (for the next start too, in the config file), esc drops it.
type columnsModel struct {
	ids    []string // every column, in the order shown
	on     map[string]bool
	choice int

	keys          *common.KeyMap
	t             *common.Text
	styles        *common.Styles
	width, height int
}

// columnsSubmitMsg: show these columns, in this order.
type columnsSubmitMsg struct{ ids []string }

func newColumnsDialog(shown []string, t *common.Text) columnsModel {
	d := columnsModel{t: t, on: map[string]bool{}}
	for _, id := range shown {
		d.ids = append(d.ids, id)
		d.on[id] = true
	}
	for _, id := range columnOrder {
		if !d.on[id] {
			d.ids = append(d.ids, id)
		}
	}
	return d
}

func (d columnsModel) chosen() []string {
	out := []string{}
	for _, id := range d.ids {
		if d.on[id] {
			out = append(out, id)
		}
	}
	return out
}

func (d columnsModel) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	keys := d.keys
	switch {
	case key.Matches(k, keys.Dismiss):
		return nil, nil
	case key.Matches(k, keys.Confirm):
		return common.CloseWith(columnsSubmitMsg{ids: d.chosen()}), nil
	case key.Matches(k, keys.Toggle):
		id := d.ids[d.choice]
		on := maps.Clone(d.on)
		on[id] = !on[id]
		d.on = on
	case key.Matches(k, keys.OrderUp), key.Matches(k, keys.OrderDown):
		to := d.choice - 1
		if key.Matches(k, keys.OrderDown) {
			to = d.choice + 1
		}
		if to >= 0 && to < len(d.ids) {
			d.ids = slices.Clone(d.ids)
			d.ids[d.choice], d.ids[to] = d.ids[to], d.ids[d.choice]
			d.choice = to
		}
	case key.Matches(k, keys.Up):
		d.choice = max(d.choice-1, 0)
	case key.Matches(k, keys.Down):
		d.choice = min(d.choice+1, len(d.ids)-1)
	}
	return d, nil
}

func (d columnsModel) View() string {
	s, w := d.styles, d.t.Watch
	lines := []string{s.Title.Render(safetext.Truncate(w.ColumnsTitle, d.width))}
	sep := d.t.ListSep
	if !d.t.ZH {
		sep += " "
	}
	fixed := d.t.ColCode + sep + d.t.ColName + sep + d.t.ColRating
	lines = append(lines, s.Dim.Render(safetext.Truncate("  [x] "+fixed, d.width)))
	room := max(d.height-2, 1)
	first := 0
	if d.choice >= room {
		first = d.choice - room + 1
	}
	for i := first; i < len(d.ids) && i < first+room; i++ {
		def := columnRegistry[d.ids[i]]
		box := "[ ] "
		if d.on[def.ID] {
			box = "[x] "
		}
		label := def.header(d.t) + "  " + def.ID
		switch {
		case def.Positions && def.Prices:
			label += d.t.Paren(d.t.Holds.PricedHint)
		case def.Positions:
			label += d.t.Paren(d.t.Holds.ColumnsHint)
		case def.Prices:
			label += d.t.Paren(w.ColumnsHint)
		}
		label = safetext.Truncate(box+label, d.width-2)
		if i == d.choice {
			lines = append(lines, s.Selected.Render("> "+label))
		} else {
			lines = append(lines, "  "+label)
		}
	}
	return strings.Join(lines, "\n")
}

func (d columnsModel) ShortHelp() []key.Binding {
	k := d.keys
	return []key.Binding{k.Up, k.Down, k.Toggle, k.MoveCol, k.Confirm, k.Dismiss}
}
func (d columnsModel) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
func (d columnsModel) SetSize(width, height int) common.Dialog {
	d.width, d.height = width, height
	return d
}

// saveColumnsCmd keeps the columns for the next start, through the
// writer (off Update, waited for at quit).
func (m *Model) saveColumnsCmd(ids []string) tea.Cmd {
	save, said := m.opts.SaveColumns, m.t.Watch.ColumnsSaved
	return m.write(func(*store.Store) (market.Code, string, error) {
		return market.Code{}, said, save(ids)
	}, nil, nil)
}
