package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/ui/common"
)

// frame is one screen as the root hands it to be drawn: its size, the
// texts and styles, the render cache, the dialogs drawn over the body and
// in the status line, the list pane and the detail pane with what they
// draw from, and what the header and the status line say. It draws the
// header, the tabs, the body, the status line and the help line.
type frame struct {
	width, height     int
	quitting, loading bool
	t                 *common.Text
	styles            *common.Styles
	rc                *renderCache // nil draws everything
	dark              bool

	bodyDialog   common.Dialog // drawn over the body; nil: the panes
	statusDialog common.Dialog // drawn in the status line, on top
	// the detail pane has the keys (beside the list, it shows its focus),
	// and takes the body on a narrow screen
	detailKeys, detailFocused bool
	help                      help.KeyMap // what has the keys
	helpView                  help.Model  // draws the help line
	more                      key.Binding // stands for the hints left out

	list   listModel
	listIn listIn
	det    detailModel
	detIn  detailIn

	total     int        // tickers loaded
	view      *viewState // read only
	status    string
	statusErr bool
	tabs      *tabsModel
	snap      *sectors.Snapshot // the reports, for the report filter's label
	// the quotes' status and the holdings' totals in the status line,
	// read only
	qs *quoteState
	ps *posState
	pc partCtx
}

// newFrame is the frame of m as it is now. It only gathers: nothing is
// drawn until the frame draws it.
func (m *Model) newFrame() frame {
	top := m.stack.top()
	f := frame{
		width: m.width, height: m.height, quitting: m.quitting, loading: m.loading,
		t: m.t, styles: &m.styles, rc: m.rc, dark: m.dark,
		bodyDialog: m.stack.body(), statusDialog: m.stack.status(),
		detailKeys:    top != nil && common.PlacementOf(top) == common.AsDetail,
		detailFocused: m.stack.detailFocused(),
		help:          m.keys.ListHelp(), helpView: m.help, more: m.keys.More,
		list: m.list, det: m.det,
		total: len(m.data.tickers), view: &m.view,
		status: m.status, statusErr: m.statusErr,
		tabs: &m.tabs, snap: m.hs.snap,
		qs: &m.qs, ps: &m.ps, pc: partCtxOf(m),
	}
	if top != nil {
		f.help = top
	}
	data, hs, qs, al, ps, pc, view := &m.data, &m.hs, &m.qs, &m.al, &m.ps, f.pc, &m.view
	t, onSector := m.t, m.tabs.activeID() != ""
	f.listIn = listIn{
		t: m.t, styles: &m.styles, loc: m.opts.Location, rc: m.rc,
		tickers: m.data.tickers, rows: m.view.rows,
		data: m.dataEpoch, cells: m.qs.epoch, hist: m.hs.epoch, pos: m.ps.epoch,
		prices: m.qs.shown(&m.opts), histShow: m.hs.hasColumns(), held: m.ps.shown(m.view.rows, m.data.tickers), allTab: !onSector,
		western: m.opts.Western, dark: m.dark, defaults: m.opts.Columns, sorted: m.view.markedSort(),
		priceCells: m.qs.cells, quotes: m.qs.quotes,
		histCell: func(r int) *histCell { return hs.cellOf(data.tickers, r) },
		position: func(r int) *sectors.Position { return ps.of(data.tickers[r].Code) },
		sector:   func(id string) string { return sectorLabel(data.sectors, t, id) },
		upDown:   pc.upDown,
		empty:    func(width int) []string { return emptyHint(t.Watch, m.styles.Dim, view, onSector, width) },
	}
	f.detIn = detailIn{
		t: m.t, styles: &m.styles, loc: m.opts.Location,
		sectors: m.data.sectors, snap: m.hs.snap, epoch: m.dataEpoch, dark: m.dark, rc: m.rc,
		quote: func(tk *sectors.Ticker, width int) []string { return qs.lines(tk, width, pc) },
		alerts: func(tk *sectors.Ticker, width int, focused bool, cursor uint64) ([]string, int) {
			return al.lines(tk, width, pc, focused, cursor)
		},
		since: func(tk *sectors.Ticker, at time.Time) string { return qs.sinceLine(tk, at, pc) },
		chart: func(tk *sectors.Ticker, width int) []string {
			c := common.Common{Width: width, Height: m.height, Keys: m.keys, Styles: &m.styles, T: m.t, Store: m.st}
			return hs.chartLines(c, tk, m.opts.Western) // chart.go
		},
	}
	f.detIn.tk, f.detIn.ok = m.selected()
	f.detIn.alert = paneCursor(m.stack, m.al.list)
	if lost, gone := lostFocus(m.stack, m.selectedKey()); gone {
		f.detIn.gone = lost.gone(m.t)
	}
	return f
}

// tabsLine is the tabs line, after a mark of the report filter when it is
// on: the tabs' counts are of that report's tickers.
func (f *frame) tabsLine() string {
	if f.view.filter.Report == "" {
		return f.tabs.line(f.rc, f.width, f.styles, f.dark)
	}
	mark := f.styles.Prompt.Render("[" + f.t.Reports.FilterOn + " " + reportLabel(f.snap, f.view.filter.Report) + "]")
	room := max(f.width-safetext.Width(mark)-1, 0)
	return fitLines(mark+" "+fitLines(f.tabs.view(room, f.styles), room, 1), f.width, 1)
}
