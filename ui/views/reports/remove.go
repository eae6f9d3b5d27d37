package reports

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/sectors/market"
	"zixuan/store"

	"zixuan/ui/common"
)

// Removing a report (d in the view): the root asks first, then finds what
// the removal would do (PlanRemove); when the report alone brought some
// tickers, RemoveQuestion asks whether they go with it.

// RemoveQuestion asks, in the status line, whether the tickers only a
// report brought leave the list with it: y takes them off, n keeps them
// (the report goes either way), esc removes nothing.
type RemoveQuestion struct {
	common.Common
	question string
	id       string
}

// NewRemoveQuestion asks whether the tickers only report id brought (only)
// leave the list with it.
func NewRemoveQuestion(c common.Common, id string, only []market.Code) RemoveQuestion {
	codes := make([]string, 0, len(only))
	for _, c := range only {
		codes = append(codes, c.Number)
	}
	list := strings.Join(codes, " ")
	if len(codes) > 6 {
		list = strings.Join(codes[:6], " ") + " …"
	}
	return RemoveQuestion{Common: c, question: fmt.Sprintf(c.T.Reports.ConfirmRmTickers, len(codes), list), id: id}
}

// Question is what it asks.
func (q RemoveQuestion) Question() string { return q.question }

// PlanRemove finds, off the UI goroutine, what removing report id would do
// (the tickers only it brought among it).
func PlanRemove(st *store.Store, id string) tea.Cmd {
	return func() tea.Msg {
		plan, err := st.RemoveReport(id, store.RemoveReportOptions{DryRun: true})
		return PlanMsg{ID: id, Plan: plan, Err: err}
	}
}

func (q RemoveQuestion) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return q, nil
	}
	switch {
	case key.Matches(k, q.Keys.Yes):
		return common.CloseWith(RemoveMsg{ID: q.id, Tickers: true}), nil
	case key.Matches(k, q.Keys.KeepTickers):
		return common.CloseWith(RemoveMsg{ID: q.id}), nil
	case key.Matches(k, q.Keys.Dismiss):
		return nil, nil
	}
	return q, nil
}

func (q RemoveQuestion) Placement() common.Placement { return common.InStatusLine }
func (q RemoveQuestion) View() string                { return q.Styles.Error.Render(q.question) }
func (q RemoveQuestion) ShortHelp() []key.Binding {
	return []key.Binding{q.Keys.Yes, q.Keys.KeepTickers, q.Keys.Dismiss}
}
func (q RemoveQuestion) FullHelp() [][]key.Binding      { return [][]key.Binding{q.ShortHelp()} }
func (q RemoveQuestion) SetSize(int, int) common.Dialog { return q }

// RestoredSay tells what removing a report did to the ratings it set:
// how many went back, and which were left because they changed since.
func RestoredSay(t *common.Text, out store.RemoveReportOutcome) string {
	rt := t.Ratings
	say := ""
	if n := len(out.Restored); n > 0 {
		say += fmt.Sprintf(rt.Restored, n)
	}
	if n := len(out.Left); n > 0 {
		codes := make([]string, 0, n)
		for i, l := range out.Left {
			if i == 4 {
				codes = append(codes, "…")
				break
			}
			codes = append(codes, l.Code.Number)
		}
		say += fmt.Sprintf(rt.Left, n, strings.Join(codes, " "))
	}
	return say
}
