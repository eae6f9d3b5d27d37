package ui

import (
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"zixuan/export"
	"zixuan/sectors"
	"zixuan/ui/dialogs/exportdlg"
)

// exportPrices is what the UI holds of the exported tickers' prices (the
// last quote round, the stored reference closes), for the formats that
// show them; nothing is fetched for an export. The entries are copied
// here, on the UI goroutine, because a refresh may merge into the maps
// while the export is written. nil when the UI holds neither (quotes off,
// or nothing has arrived yet): the export is then as without prices.
func exportPrices(f export.Format, tickers []sectors.Ticker, quotes map[string]sectors.Quote, refs map[string][]sectors.RefPrice) *export.Prices {
	if !export.PriceFormats(f) || (len(quotes) == 0 && len(refs) == 0) {
		return nil
	}
	p := &export.Prices{Quotes: map[string]sectors.Quote{}, Refs: map[string][]sectors.RefPrice{}}
	for _, t := range tickers {
		key := t.Code.Key()
		if q, ok := quotes[key]; ok {
			p.Quotes[key] = q
		}
		if r, ok := refs[key]; ok {
			p.Refs[key] = append([]sectors.RefPrice(nil), r...)
		}
	}
	return p
}

// exportCmd writes the file off the UI goroutine.
func exportCmd(sub exportdlg.SubmitMsg, tickers []sectors.Ticker, opts export.Options) tea.Cmd {
	return func() tea.Msg {
		path := sub.Path
		err := export.WriteFile(path, sub.Format, tickers, opts, sub.Force)
		if abs, aerr := filepath.Abs(path); aerr == nil {
			path = abs // say exactly where the file went
		}
		return exportDoneMsg{path: path, n: len(tickers), err: err}
	}
}
