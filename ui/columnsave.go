package ui

import (
	tea "charm.land/bubbletea/v2"

	"zixuan/sectors/market"
	"zixuan/store"
	"zixuan/ui/dialogs/columnsdlg"
)

// saveColumnsCmd keeps the columns for the next start, through the
// writer (off Update, waited for at quit).
func (m *Model) saveColumnsCmd(ids []string) tea.Cmd {
	save, said := m.opts.SaveColumns, m.t.Watch.ColumnsSaved
	return m.write(func(*store.Store) (market.Code, string, error) {
		return market.Code{}, said, save(ids)
	}, nil, nil)
}

// columnChoices is every column the list can show, in the registry's
// order, as the columns dialog names them.
func (m *Model) columnChoices() []columnsdlg.Column {
	out := make([]columnsdlg.Column, 0, len(columnOrder))
	for _, id := range columnOrder {
		def := columnRegistry[id]
		out = append(out, columnsdlg.Column{ID: id, Header: def.header(m.t), Prices: def.Prices, Positions: def.Positions})
	}
	return out
}
