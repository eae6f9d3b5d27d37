package ui

import (
	"zixuan/sectors/market"
	"zixuan/store"
	"zixuan/ui/common"
	"zixuan/ui/dialogs/columnsdlg"
)

// saveColumns is the write that keeps the columns ids for the next start
// with save (Options.SaveColumns), through the writer (off Update, waited
// for at quit); said is what it says when done.
func saveColumns(save func(ids []string) error, said string, ids []string) writeOp {
	return func(*store.Store) (market.Code, string, error) {
		return market.Code{}, said, save(ids)
	}
}

// columnChoices is every column the list can show, in the registry's
// order, as the columns dialog names them.
func columnChoices(t *common.Text) []columnsdlg.Column {
	out := make([]columnsdlg.Column, 0, len(columnOrder))
	for _, id := range columnOrder {
		def := columnRegistry[id]
		out = append(out, columnsdlg.Column{ID: id, Header: def.header(t), Prices: def.Prices, Positions: def.Positions})
	}
	return out
}
