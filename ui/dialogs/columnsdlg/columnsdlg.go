package columnsdlg

import (
	"maps"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"

	"zixuan/ui/common"
)

// Column is one column the list can show, as the dialog names it.
type Column struct {
	ID, Header string
	// Prices: shown only with quotes; Positions: only while a ticker
	// shown is held
	Prices, Positions bool
}

// Model is the dialog.
type Model struct {
	common.Common
	cols   map[string]Column
	ids    []string // every column, in the order shown
	on     map[string]bool
	choice int
}

// SubmitMsg asks the root to show the columns IDs, in this order.
type SubmitMsg struct{ IDs []string }

// New chooses among all (in the registry's order), those shown first in
// their order.
func New(c common.Common, shown []string, all []Column) Model {
	d := Model{Common: c, on: map[string]bool{}, cols: map[string]Column{}}
	for _, col := range all {
		d.cols[col.ID] = col
	}
	for _, id := range shown {
		d.ids = append(d.ids, id)
		d.on[id] = true
	}
	for _, col := range all {
		if !d.on[col.ID] {
			d.ids = append(d.ids, col.ID)
		}
	}
	return d
}

func (d Model) chosen() []string {
	out := []string{}
	for _, id := range d.ids {
		if d.on[id] {
			out = append(out, id)
		}
	}
	return out
}

func (d Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	keys := d.Keys
	switch {
	case key.Matches(k, keys.Dismiss):
		return nil, nil
	case key.Matches(k, keys.Confirm):
		return common.CloseWith(SubmitMsg{IDs: d.chosen()}), nil
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

func (d Model) View() string {
	s, w := d.Styles, d.T.Watch
	lines := []string{s.Title.Render(safetext.Truncate(w.ColumnsTitle, d.Width))}
	sep := d.T.ListSep
	if !d.T.ZH {
		sep += " "
	}
	fixed := d.T.ColCode + sep + d.T.ColName + sep + d.T.ColRating
	lines = append(lines, s.Dim.Render(safetext.Truncate("  [x] "+fixed, d.Width)))
	room := max(d.Height-2, 1)
	first := 0
	if d.choice >= room {
		first = d.choice - room + 1
	}
	for i := first; i < len(d.ids) && i < first+room; i++ {
		def := d.cols[d.ids[i]]
		box := "[ ] "
		if d.on[def.ID] {
			box = "[x] "
		}
		label := def.Header + "  " + def.ID
		switch {
		case def.Positions && def.Prices:
			label += d.T.Paren(d.T.Holds.PricedHint)
		case def.Positions:
			label += d.T.Paren(d.T.Holds.ColumnsHint)
		case def.Prices:
			label += d.T.Paren(w.ColumnsHint)
		}
		label = safetext.Truncate(box+label, d.Width-2)
		if i == d.choice {
			lines = append(lines, s.Selected.Render("> "+label))
		} else {
			lines = append(lines, "  "+label)
		}
	}
	return strings.Join(lines, "\n")
}

func (d Model) ShortHelp() []key.Binding {
	k := d.Keys
	return []key.Binding{k.Up, k.Down, k.Toggle, k.MoveCol, k.Confirm, k.Dismiss}
}
func (d Model) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
func (d Model) SetSize(width, height int) common.Dialog {
	d.Common.SetSize(width, height)
	return d
}
