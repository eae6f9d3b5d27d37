package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/service"
	"zixuan/store"

	"zixuan/ui/common"
	"zixuan/ui/dialogs/confirm"
	"zixuan/ui/views/reports"
)

// The root's side of the reports view (ui/views/reports): the list's
// report filter, and the writes the view and its add dialog ask for.

// fromReport reports whether the report made a call on tk.
func fromReport(tk *sectors.Ticker, id string) bool {
	_, ok := tk.CallFrom(id)
	return ok
}

// reportLabel names the report with id the list is filtered by, for the
// status and tabs lines: its date and broker when snap has it.
func reportLabel(snap *sectors.Snapshot, id string) string {
	if snap != nil {
		if r, ok := snap.Report(id); ok && !r.Date.IsZero() {
			return strings.TrimSpace(market.ChinaDate(r.Date) + " " + safeLine(r.Broker))
		}
	}
	return safeLine(id)
}

// reportsAsked does what the reports view, the add dialog and the remove
// questions asked for, and takes in the remove plan.
func (m Model) reportsAsked(msg tea.Msg, from common.Dialog) (tea.Model, tea.Cmd) {
	rt := m.t.Reports
	switch a := msg.(type) {
	case reports.FilterMsg:
		m.view.filter.Report = a.ID
		m.refilter(m.selectedKey())
		m.list.top()
	case common.GoToTickerMsg:
		m.stack = nil
		m.selectKey(a.Key)
	case reports.OpenAddMsg:
		d, cmd := reports.NewAdd(m.context(), m.data.sectors)
		m.push(d)
		return m, cmd
	case reports.AskRemoveMsg:
		if r, ok := m.hs.snap.Report(a.ID); ok {
			m.push(confirm.New(m.context(), sprintf(rt.ConfirmRm, reports.ShortLabel(r), r.Calls), reports.PlanRemoveMsg{ID: a.ID}))
		}
	case reports.PlanRemoveMsg:
		return m, reports.PlanRemove(m.st, a.ID)
	case reports.PlanMsg: // what removing the report would leave, read off Update
		if a.Err != nil {
			m.fail(a.Err)
			return m, nil
		}
		if len(a.Plan.OnlyThis) == 0 {
			return m.reportsAsked(reports.RemoveMsg{ID: a.ID}, nil)
		}
		m.push(reports.NewRemoveQuestion(m.context(), a.ID, a.Plan.OnlyThis))
	case reports.RemoveMsg:
		opts := store.RemoveReportOptions{RemoveTickers: a.Tickers}
		label := a.ID
		if r, ok := m.hs.snap.Report(a.ID); ok {
			label = reports.ShortLabel(r)
		}
		return m, m.write(func(st *store.Store) (market.Code, string, error) {
			out, err := st.RemoveReport(a.ID, opts)
			if err != nil {
				return market.Code{}, "", err
			}
			say := sprintf(rt.RmDone, label, out.CallsRemoved)
			switch {
			case len(out.TickersRemoved) > 0:
				say += sprintf(rt.RmTickers, len(out.TickersRemoved))
			case len(out.OnlyThis) > 0:
				say += sprintf(rt.RmKept, len(out.OnlyThis))
			}
			say += reports.RestoredSay(m.t, out)
			return market.Code{}, say, nil
		}, func(m *Model, _ market.Code) tea.Cmd { return m.sync.load() }, nil)
	case reports.AddMsg:
		draft, lower := a.Draft, a.Lower
		return m, m.write(func(st *store.Store) (market.Code, string, error) {
			svc := service.Service{Store: st}
			out, err := svc.AddReport(draft, lower)
			if err != nil {
				return market.Code{}, "", err
			}
			if out.Existing {
				return market.Code{}, rt.ReportSame, nil
			}
			return market.Code{}, sprintf(rt.ReportAdded, reports.ShortLabel(out.Report), out.Count(store.CallAdded), out.Count(store.CallRerated)), nil
		}, func(m *Model, _ market.Code) tea.Cmd {
			m.hs.asked, m.hs.fetched = false, false // its tickers' history, at the reload
			m.hs.pick = draft.Input.Report.ID
			return m.sync.load()
		}, func(m *Model) { m.push(from) })
	}
	return m, nil
}
