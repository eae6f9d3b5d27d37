package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/sectors/market"

	"zixuan/sectors"

	"zixuan/ui/common"
)

// detailFocus is the detail pane with the focus (enter on the list): the
// keys select and scroll the notes and act on the selected one. The pane
// itself is drawn by detailModel, from the selected ticker (detail.go); the
// dialog turns keys into requests for it.
//
// The pane holds on to the ticker it was opened on (code, label): when
// another process removes it, the list's selection moves on, but the pane
// does not follow. It says the ticker is gone and asks nothing of the
// root, so no key of it can write to another ticker (gone).
//
// Its cursor may be on one of the ticker's alert lines (alert, by id; 0:
// on the notes): k up from the first note reaches them, j down from the
// last goes back. There e, d, R and space act on that alert through the
// alerts part, as the alerts view's keys do (paneAlertAsked).
type detailFocus struct {
	keys  *common.KeyMap
	code  market.Code
	label string // code and name, for the message when it is gone
	alert uint64 // the alert line selected; 0: none
}

// focusOn is the focused detail pane of tk (the selected ticker).
func focusOn(keys *common.KeyMap, tk sectors.Ticker) detailFocus {
	return detailFocus{keys: keys, code: tk.Code, label: tk.Code.Number + " " + common.DisplayName(tk.Name)}
}

// lostFocus is the focused detail pane in stack whose ticker is no longer
// the one selected (its key: selected; removed, or out of the view, by
// another process), if any.
func lostFocus(stack []common.Dialog, selected string) (detailFocus, bool) {
	for _, d := range stack {
		if f, ok := d.(detailFocus); ok && f.code != (market.Code{}) && selected != f.code.Key() {
			return f, true
		}
	}
	return detailFocus{}, false
}

// gone is the pane's message for a ticker that left the list.
func (d detailFocus) gone(t *common.Text) string { return sprintf(t.FocusGone, safeLine(d.label)) }

// What the focused detail pane asks of the root.
type (
	noteStepMsg     struct{ by int } // select the next (1) or previous (-1) note
	detailScrollMsg struct{ by int } // scroll half a pane down (1) or up (-1)
	openEditorMsg   struct{}         // a new note for the selected ticker
	editNoteMsg     struct{}         // edit the selected note
	askDeleteMsg    struct{}         // ask whether to delete the selected note
	openPickerMsg   struct{}         // rate the selected ticker
	noteHistoryMsg  struct{}         // show the old versions and the deleted notes
	undeleteLastMsg struct{}         // bring back the note deleted last
	paneHelpMsg     struct{}         // show the help of the pane's keys
	quitAskedMsg    struct{}         // quit, as q does on the list
	// paneAlertMsg: act on alert id, the line selected
	paneAlertMsg struct {
		id  uint64
		act paneAlertAct
	}
)

// paneAlertAct is what a key asks of the alert line selected.
type paneAlertAct int

const (
	alertEditAct paneAlertAct = iota
	alertDeleteAct
	alertRearmAct
	alertToggleAct
)

func (d detailFocus) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	keys := d.keys
	if d.alert != 0 { // the alert line selected takes e, d, R and space
		for _, b := range []struct {
			binding *key.Binding
			act     paneAlertAct
		}{{&keys.PaneAlertEdit, alertEditAct}, {&keys.PaneAlertDelete, alertDeleteAct}, {&keys.PaneAlertRearm, alertRearmAct}, {&keys.PaneAlertToggle, alertToggleAct}} {
			if key.Matches(k, *b.binding) {
				return common.Tell(d, paneAlertMsg{id: d.alert, act: b.act}), nil
			}
		}
	}
	switch {
	case key.Matches(k, keys.Quit): // before Back, which has q too
		return common.Tell(d, quitAskedMsg{}), nil
	case key.Matches(k, keys.Help):
		return common.Tell(d, paneHelpMsg{}), nil
	case key.Matches(k, keys.PaneBack):
		return nil, nil
	case key.Matches(k, keys.Up):
		return common.Tell(d, noteStepMsg{-1}), nil
	case key.Matches(k, keys.Down):
		return common.Tell(d, noteStepMsg{1}), nil
	case key.Matches(k, keys.PageDown):
		return common.Tell(d, detailScrollMsg{1}), nil
	case key.Matches(k, keys.PageUp):
		return common.Tell(d, detailScrollMsg{-1}), nil
	case key.Matches(k, keys.Note):
		return common.Tell(d, openEditorMsg{}), nil
	case key.Matches(k, keys.Rate):
		return common.Tell(d, openPickerMsg{}), nil
	case key.Matches(k, keys.ChartPane):
		return common.Tell(d, openChartMsg{}), nil // klineview.go
	case key.Matches(k, keys.EditNote):
		return common.Tell(d, editNoteMsg{}), nil
	case key.Matches(k, keys.DeleteNote):
		return common.Tell(d, askDeleteMsg{}), nil
	case key.Matches(k, keys.SetAlert):
		return common.Tell(d, openAlertMsg{}), nil
	case key.Matches(k, keys.CancelAlert):
		return common.Tell(d, askCancelAlerts{}), nil
	case key.Matches(k, keys.AlertsView): // its alerts one by one (alertedit.go)
		return common.Tell(d, openTickerAlertsMsg{}), nil
	case key.Matches(k, keys.NoteHistory):
		return common.Tell(d, noteHistoryMsg{}), nil
	case key.Matches(k, keys.Undelete):
		return common.Tell(d, undeleteLastMsg{}), nil
	}
	return d, nil
}

func (d detailFocus) Placement() common.Placement { return common.AsDetail }
func (d detailFocus) View() string                { return "" } // the root draws the pane
func (d detailFocus) ShortHelp() []key.Binding {
	if d.alert != 0 {
		return d.keys.DetailAlertHelp().ShortHelp()
	}
	return d.keys.DetailHelp().ShortHelp()
}
func (d detailFocus) FullHelp() [][]key.Binding      { return d.keys.DetailHelp().FullHelp() }
func (d detailFocus) SetSize(int, int) common.Dialog { return d }
