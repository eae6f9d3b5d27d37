package tradedlg

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

// lotHint is the board's lot rule for the side, as the dialog says it.
func (d Model) lotHint() string {
	pt := d.T.Positions
	code, err := d.code()
	board := market.Board("")
	if err == nil {
		board = code.Board()
	}
	buy := d.setup.Side == sectors.Bought
	switch {
	case board == market.BoardSTAR && buy:
		return pt.BuySTAR
	case board == market.BoardSTAR:
		return pt.SellSTAR
	case board == market.BoardBSE && buy:
		return pt.BuyBSE
	case board == market.BoardBSE:
		return pt.SellBSE
	case buy:
		return pt.BuyLots
	}
	return pt.SellLots
}

func (d Model) View() string {
	s, w, pt := d.Styles, d.Width, d.T.Positions
	title := pt.BuyTitle
	if d.setup.Side == sectors.Sold {
		title = pt.SellTitle
	}
	if code, err := d.code(); err == nil {
		title += " " + code.Key() + " " + d.name()
	}
	// the title and the refusal always show; the fields scroll to the
	// one being typed in when the box is short
	head := []string{s.Title.Render(safetext.Truncate(title, w))}
	if e := d.err.Text(); e != "" {
		for _, l := range common.WrapText(e, max(w, 8)) {
			head = append(head, s.Error.Render(l))
		}
	}
	var body []string
	for i := range d.fields {
		line := d.fields[i].View()
		if i == fieldQty {
			line += "  " + s.Dim.Render(d.lotHint())
		}
		body = append(body, safetext.Truncate(line, w))
	}
	if d.setup.Side == sectors.Sold || d.setup.Held > 0 {
		body = append(body, s.Dim.Render(safetext.Truncate(fmt.Sprintf(pt.HeldHint, d.setup.Held), w)))
	}
	if room := max(d.Height-len(head), 1); len(body) > room {
		from := min(max(d.focus-room/2, 0), len(body)-room)
		body = body[from : from+room]
	}
	lines := append(head, body...)
	return common.FitLines(strings.Join(lines, "\n"), w, min(len(lines), max(d.Height, 1)))
}

func (d Model) ShortHelp() []key.Binding {
	k := d.Keys
	return []key.Binding{k.Choose, k.Confirm, k.Cancel}
}

func (d Model) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

func (d Model) SetSize(w, h int) common.Dialog {
	d.Common.SetSize(w, h)
	for i := range d.fields {
		d.fields[i].SetWidth(max(min(w-safetext.Width(d.fields[i].Prompt)-2, 12), 4))
	}
	return d
}
