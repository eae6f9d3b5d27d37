package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/store"
	"zixuan/ui/common"
	"zixuan/ui/dialogs/sectorpick"
	"zixuan/ui/dialogs/wizard"
)

// The add wizard's side in the root: opening it, naming a fund or an
// index by the quote server, its sector step on the All tab (an existing
// sector, or a new one made with the ticker), and the write.

// addWizard adds from the whole market into the sector of the tab (on
// All the sector is asked for once the ticker is chosen). With quotes on,
// a fund or an index the master does not list is named by the quote
// server, asked off Update.
func addWizard(m *Model) (common.Dialog, tea.Cmd) {
	c, d, tab := m.context(), &m.data, m.tabs.activeID()
	on := make(map[string]bool, len(d.tickers))
	for _, t := range d.tickers {
		on[t.Code.Key()] = true
	}
	title := c.T.AddPrompt
	if tab != "" {
		title += "  " + c.T.AddTo + c.T.Colon + sectorLabel(d.sectors, c.T, tab)
	}
	w, cmd := wizard.New(c, title, tab, on, rankMarket(m.opts.FuzzyPinyin))
	if m.opts.quotesOn() {
		w = w.WithLookup(quoteNameCmd(m.st, &m.opts))
	}
	return w, cmd
}

// quoteNameCmd asks the quote server for a code's name, as the CLI's add
// does (service.QuoteName), answering the wizard.
func quoteNameCmd(st *store.Store, opts *Options) func(market.Code) tea.Cmd {
	svc := newService(st, opts)
	return func(code market.Code) tea.Cmd {
		return func() tea.Msg {
			ctx, cancel := context.WithTimeout(context.Background(), quotesTimeout)
			defer cancel()
			name, err := svc.QuoteName(ctx, code)
			return wizard.NameMsg{Code: code, Name: name, Err: err}
		}
	}
}

// wizardAsked does what the wizard and its sector step asked for; ok is
// false for other messages.
func wizardAsked(m Model, msg tea.Msg, from common.Dialog) (tea.Model, tea.Cmd, bool) {
	t := m.t
	switch a := msg.(type) {
	case wizard.PickMsg:
		if m.data.indexOf(a.Sec.Code) >= 0 {
			m.selectKey(a.Sec.Code.Key())
			m.say("%s %s: %s", a.Sec.Code.Number, common.DisplayName(a.Sec.Name), t.OnList)
			return m, nil, true
		}
		current := ""
		if tk, ok := m.selected(); ok {
			current = tk.Sector
		}
		sec := a.Sec
		label := sec.Code.Number + " " + common.DisplayName(sec.Name)
		submit := func(s sectors.Sector) tea.Msg {
			return wizard.SubmitMsg{Sec: sec, Sector: s.ID, Rating: a.Rating, QuoteName: a.QuoteName}
		}
		create := func(name string) tea.Msg {
			return wizard.SubmitMsg{Sec: sec, NewSector: name, Rating: a.Rating, QuoteName: a.QuoteName}
		}
		m.push(sectorpick.New(m.context(), sec.Code, label, current, m.data.sectors, t.Watch.AddPick, submit).WithNew(create))
		return m, nil, true
	case wizard.SubmitMsg:
		if m.data.indexOf(a.Sec.Code) >= 0 {
			m.selectKey(a.Sec.Code.Key())
			m.say("%s %s: %s", a.Sec.Code.Number, common.DisplayName(a.Sec.Name), t.OnList)
			return m, nil, true
		}
		return m, addFromWizard(&m, a, from), true
	}
	return m, nil, false
}

// addFromWizard writes the ticker the wizard chose, into the sector it
// chose or a new one made in the same transaction; a refusal brings the
// dialog that asked back with what was typed.
func addFromWizard(m *Model, a wizard.SubmitMsg, from common.Dialog) tea.Cmd {
	t := m.t
	label := a.Sec.Code.Number + " " + common.DisplayName(a.Sec.Name)
	opts := store.AddOptions{Sector: a.Sector, QuoteName: a.QuoteName, Rating: &a.Rating, Source: sectors.SourceUser}
	if a.QuoteName == "" {
		opts.Name = a.Sec.Name // the master's: kept as no name of the user's
	}
	into := sectorLabel(m.data.sectors, t, a.Sector)
	return m.write(func(st *store.Store) (market.Code, string, error) {
		var res store.AddResult
		var err error
		if a.NewSector != "" {
			res, err = st.AddToNewSector(a.Sec.Code, a.NewSector, "", opts)
			into = t.SectorLabel(res.Sector)
		} else {
			_, err = st.AddOrRestore(a.Sec.Code, opts)
		}
		return a.Sec.Code, sprintf(t.Added, label, into), err
	}, func(m *Model, _ market.Code) tea.Cmd {
		m.selectKey(a.Sec.Code.Key())
		quotes, _ := m.route(fetchQuotesMsg{}) // its price now, not at the next refresh
		if a.NewSector == "" {
			return quotes
		}
		// the new sector's tab and name come with a load
		m.data.gen = 0 // not what the store holds: the load is applied
		return tea.Batch(quotes, m.sync.load())
	}, func(m *Model) { m.push(from) })
}
