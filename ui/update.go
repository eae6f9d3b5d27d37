package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/export"
	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
	"zixuan/ui/dialogs/confirm"
	"zixuan/ui/dialogs/editor"
	"zixuan/ui/dialogs/exportdlg"
	"zixuan/ui/dialogs/keyhelp"
	"zixuan/ui/dialogs/picker"
	"zixuan/ui/dialogs/search"
	"zixuan/ui/dialogs/sectorpick"
	alertsview "zixuan/ui/views/alerts"
	"zixuan/ui/views/kline"
	"zixuan/ui/views/positions"
	"zixuan/ui/views/reports"
	"zixuan/ui/views/scorecard"
	"zixuan/ui/views/today"
)

// updateList handles keys on the main list.
func (m Model) updateList(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	// a message belongs to the action that said it: the next key's action
	// says its own, or nothing
	m.status, m.statusErr = "", false
	next, cmd, done := m.codeJumpKey(msg)
	if done {
		return next, cmd
	}
	m = next
	if next, cmd, ok := m.manageKey(msg); ok {
		return next, cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.push(keyhelp.New(m.context(), m.help))
	case key.Matches(msg, k.Refresh):
		cmd, _ := m.route(refreshQuotesMsg{}) // quotes.go
		return m, cmd
	case key.Matches(msg, k.Cancel):
		if m.view.query != "" { // esc on the list clears a kept search too
			m.view.query = ""
			m.refilter(m.selectedKey())
		} else if m.view.filter.Report != "" { // and the report filter (reports.go)
			m.view.filter.Report = ""
			m.refilter(m.selectedKey())
		}
	case key.Matches(msg, k.Up):
		m.list.move(-1)
		m.det.reset()
	case key.Matches(msg, k.Down):
		m.list.move(1)
		m.det.reset()
	case key.Matches(msg, k.Top):
		m.list.top()
		m.det.reset()
	case key.Matches(msg, k.Bottom):
		m.list.bottom()
		m.det.reset()
	case key.Matches(msg, k.PageUp):
		m.list.page(-1)
		m.det.reset()
	case key.Matches(msg, k.PageDown):
		m.list.page(1)
		m.det.reset()
	case key.Matches(msg, k.NextTab):
		m.tabs.next()
		m.refilter(m.selectedKey())
	case key.Matches(msg, k.PrevTab):
		m.tabs.prev()
		m.refilter(m.selectedKey())
	case key.Matches(msg, k.Ratings):
		r := sectors.Ratings[msg.Code-'1']
		m.view.filter.Ratings = m.view.filter.Ratings.Toggle(r)
		m.refilter(m.selectedKey())
	case key.Matches(msg, k.ClearRatings):
		m.view.filter.Ratings = 0
		m.view.filter.Report = "" // and the report filter (reports.go)
		m.refilter(m.selectedKey())
	case key.Matches(msg, k.Search):
		s, cmd := search.New(m.context(), m.view.query)
		m.push(s)
		return m, cmd
	case key.Matches(msg, k.Sort):
		if m.view.col.Column != "" { // back from a column sort to the one s left
			m.view.col = sectors.SortOrder{}
		} else {
			m.view.sortBy = (m.view.sortBy + 1) % sortCount
		}
		m.refilter(m.selectedKey())
		m.say("%s%s%s", m.t.SortBy, m.t.Colon, m.t.SortNames[m.view.sortBy])
	case key.Matches(msg, k.SortNext, k.SortPrev, k.SortReverse): // colsort.go
		m.view.col = nextSort(&m.view, sortableColumns(shownColumns(&m)), msg, k)
		m.refilter(m.selectedKey())
		m.say("%s%s%s", m.t.SortBy, m.t.Colon, sortLabel(m.view.col, m.t))
	case key.Matches(msg, k.Detail):
		if tk, ok := m.selected(); ok {
			m.push(focusOn(m.keys, tk))
			m.det.reset()
		}
	case key.Matches(msg, k.Note):
		if tk, ok := m.selected(); ok {
			w, h := dialogSize(m.width, m.height)
			return m.open(noteEditor(m.context(), &tk, 0, "", w, h))
		}
	case key.Matches(msg, k.Rate):
		if tk, ok := m.selected(); ok {
			return m.open(ratingPicker(m.context(), &tk))
		}
	case key.Matches(msg, k.Add):
		return m.open(addWizard(&m))
	case key.Matches(msg, k.Move):
		if tk, ok := m.selected(); ok {
			m.push(sectorpick.New(m.context(), tk.Code, tk.Code.Number+" "+common.DisplayName(tk.Name), tk.Sector, m.data.sectors, "", nil))
		}
	case key.Matches(msg, k.Remove):
		if tk, ok := m.selected(); ok {
			m.push(confirm.New(m.context(), sprintf(m.t.ConfirmRemove, tk.Code.Number, common.DisplayName(tk.Name)),
				removeMsg{code: tk.Code, label: common.DisplayName(tk.Name)}))
		}
	case key.Matches(msg, k.Undo):
		return m.act(undoRemoveMsg{}, nil)
	case key.Matches(msg, k.Reports):
		m.push(reports.New(m.context(), reportsData(m.hs.snap, m.hs.pick, &m.data)))
	case key.Matches(msg, k.Scorecard):
		// the view opens at once with what is loaded, and the history is
		// read (and refreshed) if it is not yet
		cmd := m.hs.needHistory(histEnvOf(&m))
		m.push(scorecard.New(m.context(), m.hs.scoreData(m.opts.Western, m.data.sectors)))
		return m, cmd
	case key.Matches(msg, k.Export):
		e, cmd := exportdlg.New(m.context(), m.opts.Dir, m.opts.Now(), len(m.view.rows))
		m.push(e)
		return m, cmd
	case key.Matches(msg, k.AlertsView):
		var sel market.Code
		if tk, ok := m.selected(); ok {
			sel = tk.Code
		}
		m.push(alertsview.New(m.context(), alertsViewData(&m.al, &m.data, sel, &m.opts)))
	case key.Matches(msg, k.Positions):
		v, cmd := positions.New(m.context(), positionsData(m.qs.quotes, m.opts.Now(), m.opts.Refresh, &m.data, m.t))
		m.push(v)
		return m, cmd
	case key.Matches(msg, k.Chart):
		return openChart(m) // klineview.go
	case key.Matches(msg, k.BuyTicker): // trades.go
		return openBuy(m)
	case key.Matches(msg, k.Today):
		v, cmd := today.New(m.context(), todayData(&m))
		m.push(v)
		return m, cmd
	}
	return m, nil
}

// open opens d over what is open, with the command that starts it (a
// cursor's blink).
func (m Model) open(d common.Dialog, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	m.push(d)
	return m, cmd
}

// tickerLabel is how a dialog names the ticker it is about.
func tickerLabel(tk *sectors.Ticker) string {
	return tk.Code.Number + " " + common.DisplayName(tk.Name)
}

// noteEditor edits note id of tk (0: a new note) in a box of w x h.
func noteEditor(c common.Common, tk *sectors.Ticker, id uint64, body string, w, h int) (common.Dialog, tea.Cmd) {
	return editor.New(c, tk.Code, tickerLabel(tk), id, body, w, max(h-2, 3))
}

// ratingPicker rates tk.
func ratingPicker(c common.Common, tk *sectors.Ticker) (common.Dialog, tea.Cmd) {
	return picker.New(c, tk.Code, tickerLabel(tk), tk.Rating)
}

// handle does what a dialog asked for; from is the dialog that asked, as
// it was before the key (a failed write opens it again).
func (m Model) handle(msg tea.Msg, from common.Dialog) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) { // the focused pane's ? and q, whatever its ticker
	case quitAskedMsg:
		return m.quit()
	case paneHelpMsg:
		m.push(keyhelp.For(m.context(), m.help, m.keys.DetailHelp()))
		return m, nil
	case common.ShowHelpMsg: // a view's ?
		m.push(keyhelp.For(m.context(), m.help, msg.Keys))
		return m, nil
	}
	if f, ok := from.(detailFocus); ok {
		if lost, gone := lostFocus(m.stack, m.selectedKey()); gone && lost.code == f.code {
			// Its ticker is gone: nothing it asks is done to the ticker
			// selected in its place.
			m.say("%s", f.gone(m.t))
			return m, nil
		}
	}
	switch msg := msg.(type) {
	case common.PassKeyMsg:
		return m.handleKey(msg.Key)

	// the search line
	case search.TypedMsg:
		m.view.query = msg.Query
		m.refilter("")
		m.list.top()
	case search.ClearedMsg:
		m.view.query = ""
		m.refilter(m.selectedKey())
	case search.MoveMsg:
		m.list.move(msg.Rows + msg.Pages*m.list.height)

	// the focused detail pane
	case noteStepMsg, detailScrollMsg, openEditorMsg, editNoteMsg, askDeleteMsg, openPickerMsg:
		return m.detailAsked(msg)
	case paneAlertMsg: // its alert line selected (detailalerts.go)
		return paneAlertAsked(m, msg)

	// the reports view (ui/views/reports; the root's side in reports.go)
	case reports.FilterMsg, common.GoToTickerMsg, reports.OpenAddMsg, reports.AskRemoveMsg, reports.PlanRemoveMsg, reports.RemoveMsg, reports.AddMsg:
		return m.reportsAsked(msg, from)

	// the chart view (ui/views/kline; the root's side in klineview.go)
	case openChartMsg, kline.NeedBarsMsg, kline.NeedMinutesMsg:
		return chartAsked(m, msg)

	case exportdlg.SubmitMsg:
		m.say("%s", m.t.Exporting)
		tickers := m.view.tickers(&m.data)
		opts := export.Options{BOM: msg.Format == export.CSV, Source: m.data.source, Sectors: m.data.sectors, Now: m.opts.Now,
			Prices: exportPrices(msg.Format, tickers, m.qs.quotes, m.qs.refs)}
		return m, exportCmd(msg, tickers, opts)
	}
	if cmd, ok := m.route(msg); ok { // alerts.go
		return m, cmd
	}
	if next, cmd, ok := wizardAsked(m, msg, from); ok { // addwizard.go
		return next, cmd
	}
	if next, cmd, ok := tradesAsked(m, msg, from); ok { // trades.go
		return next, cmd
	}
	if next, cmd, ok := m.manageAct(msg, from); ok { // manage.go
		return next, cmd
	}
	return m.act(msg, from)
}

// detailAsked does what the focused detail pane asked for.
func (m Model) detailAsked(msg tea.Msg) (tea.Model, tea.Cmd) {
	tk, ok := m.selected()
	if !ok {
		return m, nil
	}
	notes := tk.LiveNotes()
	switch msg := msg.(type) {
	case noteStepMsg:
		switch {
		case stepAlerts(&m, &tk, len(notes), msg.by): // onto, along or off its alert lines
		case len(notes) == 0:
			m.det.offset = max(m.det.offset+msg.by, 0)
		case msg.by < 0 && m.det.note > 0, msg.by > 0 && m.det.note < len(notes)-1:
			m.det.note += msg.by
			m.det.scroll = 0
		}
	case detailScrollMsg:
		m.det.scroll += msg.by * max(bodyHeight(m.height)/2, 3)
	case openEditorMsg:
		w, h := dialogSize(m.width, m.height)
		return m.open(noteEditor(m.context(), &tk, 0, "", w, h))
	case openPickerMsg:
		return m.open(ratingPicker(m.context(), &tk))
	case editNoteMsg:
		if m.det.note < len(notes) {
			n := notes[m.det.note]
			w, h := dialogSize(m.width, m.height)
			return m.open(noteEditor(m.context(), &tk, n.ID, n.Text, w, h))
		}
	case askDeleteMsg:
		if m.det.note < len(notes) {
			n := notes[m.det.note]
			first := safetext.Truncate(safeLine(safetext.FirstLine(n.Text)), 24)
			m.push(confirm.New(m.context(), sprintf(m.t.ConfirmDelete, n.Created.In(m.opts.Location).Format("2006-01-02 15:04"), first),
				deleteNoteMsg{code: tk.Code, id: n.ID}))
		}
	}
	return m, nil
}
