package ui

import (
	"slices"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/sectors/market"
	"zixuan/ui/common"
	"zixuan/ui/dialogs/confirm"
	alertsview "zixuan/ui/views/alerts"
	"zixuan/ui/views/reports"
)

// Routing: every message goes to its part, keys to the dialog on top or
// to the list.

// Update routes a message: window size and background results to the root,
// keys to the active pane.
func (m Model) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	// whatever moved the selection (a key, a pasted code, a write's
	// result, a reload), the detail pane's chart reads the new ticker's
	// history (histcells.go)
	defer func() { next, cmd = chartFollowsQuotes(withChart(next, cmd)) }()
	if m.partial {
		return m.updatePartial(msg)
	}
	if next, cmd, ok := routeChart(m, msg); ok { // klineview.go
		return next, cmd
	}
	if next, cmd, ok := todayLoaded(m, msg); ok { // todayview.go
		return next, cmd
	}
	if cmd, ok := m.route(msg); ok { // the quotes, the history, the alerts
		return m, cmd
	}
	if plan, ok := msg.(reports.PlanMsg); ok {
		return m.reportsAsked(plan, nil)
	}
	if ok, err := m.ps.update(msg); ok { // poscols.go
		if err != nil {
			m.fail(err)
		}
		if m.view.liveSort() {
			m.refilter(m.selectedKey())
		}
		return m, nil
	}
	if next, cmd, ok := tradesUpdate(m, msg); ok { // trades.go
		return next, cmd
	}
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		if dark := msg.IsDark(); dark != m.dark { // the colours for the terminal's background
			m.dark = dark
			m.styles = common.NewStyles(m.plain, dark)
			m.help.Styles = m.styles.Help
		}
		return m, nil
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.list.fit(bodyHeight(m.height))
		m.resize()
		return m, m.hs.needHistory(histEnvOf(&m)) // the list's history columns, the chart
	case pollMsg:
		return m, tea.Batch(m.sync.seen(msg.gen, &m.data, m.writes.pending()), m.sync.next())
	case watchEndedMsg:
		return m, m.sync.watchEnded()
	case genMsg:
		return m, m.sync.seen(msg.gen, &m.data, m.writes.pending())
	case reloadedMsg:
		var cmd tea.Cmd
		if m.sync.latest(msg.seq) && msg.snap.Gen != m.data.gen {
			m.setData(msg.snap, false)
			keys, env := m.data.keysCmd(m.dataEpoch), histEnvOf(&m)
			if m.hs.historyCut(env) {
				// a day before the histories' cut is needed now (a
				// report of an earlier date, an import): read them again
				m.hs.asked = false
			}
			// the scorecard may need the call, a report's new tickers
			// their history; another process may have stored a trade
			cmd = tea.Batch(m.hs.scoreCmd(env), m.hs.needHistory(env), m.ps.stale(m.st, msg.snap.Gen), keys,
				todayRequeried(&m)) // another process's report, trade or note in the day's summary
		}
		if m.loadAwaited != 0 && msg.seq >= m.loadAwaited {
			m.loadAwaited = 0 // the keys held for it apply to what it loaded
			return m.applyHeld(cmd)
		}
		return m, cmd
	case reloadErrMsg:
		m.fail(msg.err)
		m.loadAwaited, m.held = 0, nil // what the keys were typed for is unknown
		return m, nil
	case writeDoneMsg:
		return m.writeDone(msg)
	case keysMadeMsg:
		m.data.takeKeys(msg, m.dataEpoch)
		return m, nil
	case exportDoneMsg:
		if msg.err != nil {
			m.fail(msg.err)
		} else {
			m.say(m.t.Exported, msg.n, msg.path)
		}
		return m, nil
	case tea.PasteMsg:
		if m.stack.onList() { // codejump.go
			if code, ok := pastedCode(msg); ok {
				m.jump.reset()
				next, cmd, _ := m.jumpTo(code)
				return next, cmd
			}
			return m, nil
		}
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.ForceQuit) && !m.stack.hasDraft() {
			return m.quit()
		}
		if len(m.held) > 0 || (m.writes.awaited() > 0 || m.loadAwaited != 0) && m.stack.onList() {
			// A key on the list acts on the data as the pending write
			// leaves it (a second K moves the ticker from where the first
			// put it, a second p unpins): it waits for the write's result,
			// and so does every key after it, to keep their order
			// (writes.go).
			m.held = append(slices.Clip(m.held), msg)
			return m, nil
		}
		if plain, ok := altAsEsc(msg); ok && m.stack.takesCommands() {
			// zixuan binds no alt keys: on the list, the focused pane and
			// the views an alt+key is an esc followed by that key,
			// arriving faster than the terminal can tell them apart (a
			// quick esc then 1, tmux send-keys), which the terminal's
			// input reads as one alt+1 (stack.go).
			next, escCmd := m.handleKey(tea.KeyPressMsg{Code: tea.KeyEscape})
			next, keyCmd := next.Update(plain)
			return next, tea.Batch(escCmd, keyCmd)
		}
		return m.handleKey(msg)
	}
	// other messages (cursor blinks) go to the top dialog
	if m.stack.top() == nil {
		return m, nil
	}
	return m.updateTop(msg)
}

// quit ends the program, once the writes confirmed so far are in: a
// failed one brings its dialog back rather than exiting without it. Asked
// twice, it quits at once (runProgram still waits for the writes).
func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.writes.pending() > 0 && !m.quitWhenWritten {
		m.quitWhenWritten = true
		m.say("%s", m.t.Saving)
		return m, nil
	}
	m.quitting = true
	return m, tea.Quit
}

// altAsEsc is the key an alt+key press would be without the alt: a
// printable character, with the text it types.
func altAsEsc(msg tea.KeyPressMsg) (tea.KeyPressMsg, bool) {
	if msg.Mod&^tea.ModShift != tea.ModAlt || msg.Code > unicode.MaxRune || !unicode.IsPrint(msg.Code) {
		return msg, false
	}
	msg.Mod &^= tea.ModAlt
	msg.Text = string(msg.Code)
	if msg.Mod.Contains(tea.ModShift) && msg.ShiftedCode != 0 {
		msg.Text = string(msg.ShiftedCode)
	}
	return msg, true
}

// handleKey gives a key to the top dialog, or to the list.
func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if d := m.stack.top(); d != nil {
		if _, ok := m.selected(); !ok && common.PlacementOf(d) == common.AsDetail {
			m.stack = nil // the ticker is gone: back to the list
			return m, nil
		}
		return m.updateTop(msg)
	}
	return m.updateList(msg)
}

// route gives the parts that take messages of their own (the quotes:
// quotes.go, the price history and the scorecard: histupdate.go, the
// alerts: alerts.go) their messages, and does what they ask of the root;
// ok is false for a message none of them takes.
func (m *Model) route(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	if cmd, out, ok := m.qs.update(msg, partCtxOf(m)); ok {
		switch {
		case out.fail != nil:
			m.fail(out.fail)
		case out.say != "":
			m.say("%s", out.say)
		case out.round:
			if s, isErr, changed := refreshed(m.status, out.err, m.t, m.opts.Refresh); changed {
				m.status, m.statusErr = s, isErr
			}
		}
		if m.view.liveSort() { // the order follows the new prices (colsort.go)
			m.refilter(m.selectedKey())
		}
		if out.check { // the quotes a refresh brought, against the alerts
			check, _ := m.route(alertCheckMsg{quotes: out.in})
			cmd = tea.Batch(cmd, check)
		}
		if out.keep != nil && m.writes != nil { // the last known quotes, after the check (quotekeep.go)
			cmd = tea.Batch(cmd, m.writes.start(out.keep, nil, nil))
		}
		if out.round && len(out.in) > 0 { // the day's summary with them (todayview.go)
			cmd = tea.Batch(cmd, todayRequeried(m))
		}
		return cmd, true
	}

	if handled, cmd, news := m.hs.update(msg, histEnvOf(m)); handled {
		if news.err != nil {
			m.fail(news.err)
		} else if news.note != "" {
			m.say("%s", news.note)
		}
		if news.changed {
			m.qs.buildCells(partCtxOf(m)) // the return since each rating runs through the history
			if m.view.liveSort() {
				m.refilter(m.selectedKey())
			}
			m.stack = m.stack.each(m.refreshView)
		}
		if news.positions {
			cmd = tea.Batch(cmd, m.ps.loadCmd(m.st))
		}
		if news.fetched && !m.qs.kept { // the since-call and drawdown alerts waited for it (on live quotes)
			check, _ := m.route(alertCheckMsg{quotes: m.qs.quotes})
			cmd = tea.Batch(cmd, check)
		}
		return cmd, true
	}

	// the alerts ask for a line to say, a dialog to open, a question, a
	// store write whose answer goes back to them, the price cells again
	// for the badges
	in := alertIn{c: partCtxOf(m), quotes: m.qs.quotes, snap: m.hs.snap, canWrite: m.st != nil && m.writes != nil,
		sinceLater: m.hs.fetchPending(&m.opts)}
	switch msg.(type) {
	case openAlertMsg, alertsview.AddMsg, alertsview.EditMsg, openTickerAlertsMsg: // they open a dialog
		in.ctx = m.context()
	}
	if tk, ok := m.selected(); ok {
		in.tk = &tk
	}
	cmd, out, ok := m.al.update(msg, in)
	if !ok {
		return nil, false
	}
	if c, ok := msg.(alertsCheckedMsg); ok && len(c.fired) > 0 { // the day's summary lists them
		cmd = tea.Batch(cmd, todayRequeried(m))
	}
	if out.cells {
		m.qs.buildCells(partCtxOf(m))
	}
	m.stack = m.stack.each(m.refreshView) // the alerts view shows the alerts as they are now
	// and the pane's cursor leaves an alert deleted (detailalerts.go)
	m.stack = withPaneCursor(m.stack, paneCursor(m.stack, m.al.list))
	if out.say != "" {
		m.say("%s", out.say)
	}
	if out.open != nil {
		m.push(out.open)
	}
	if out.ask != "" {
		m.push(confirm.New(m.context(), out.ask, out.action))
	}
	if out.write != nil {
		answer, failed := out.answer, out.failed
		then := func(mm *Model, _ market.Code) tea.Cmd { c, _ := mm.route(answer()); return c }
		var back func(*Model)
		if failed != nil {
			back = func(mm *Model) { mm.route(failed) }
		}
		if out.quiet {
			cmd = tea.Batch(cmd, m.writes.start(out.write, then, back))
		} else {
			cmd = tea.Batch(cmd, m.write(out.write, then, back))
		}
	}
	return cmd, true
}

// histEnvOf is what the history part reads of the root.
func histEnvOf(m *Model) histEnv {
	env := histEnv{st: m.st, opts: &m.opts, t: m.t, tickers: m.data.tickers, refs: m.qs.refs, quotes: m.qs.quotes, held: m.ps.list}
	if tk, ok := m.selected(); ok {
		env.selected = tk.Code
	}
	return env
}
