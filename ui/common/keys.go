package common

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// KeyMap declares every key once; help is generated from it, so the help
// bar can never drift from what the keys do.
type KeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	NextTab, PrevTab                        key.Binding
	Ratings, ClearRatings                   key.Binding
	Search, Detail, Note, Rate, Sort        key.Binding
	// sorting by a column: the next or previous one shown, and reversed
	SortNext, SortPrev, SortReverse key.Binding
	Add, Move, Remove, Undo, Export key.Binding
	Help, Quit, Refresh             key.Binding
	Reports, Scorecard              key.Binding // ui/views/reports, ui/views/scorecard

	// managing the watchlist (manage.go): the sectors dialog, 置顶, the
	// order within a sector, groups, the columns, searching the notes
	Sectors, Pin, OrderUp, OrderDown, Group, Ungroup, Columns, NoteSearch key.Binding
	// in dialogs that list things and take no text: new, rename
	New, Rename, DeleteItem, GoToSector key.Binding
	// NewSector names a new sector in the add wizard's sector step
	NewSector key.Binding
	// the columns dialog: show or hide, and K/J's help there
	Toggle, MoveCol key.Binding
	// the rating picker: tab into the reason, and back to the ratings
	ReasonFocus, ReasonBack key.Binding
	// PickRating is the picker's 1-6 and PickMove its j/k, for its help
	PickRating, PickMove key.Binding
	// More stands in the help line for the hints left out (shortHelp)
	More key.Binding
	// the export dialog's format row
	FormatPrev, FormatNext key.Binding
	// the detail pane: a note's old versions and the deleted notes, and
	// bringing the last deleted note back
	NoteHistory, Undelete key.Binding

	// detail pane; PaneBack is its back, esc only: q quits there, as on
	// the list
	EditNote, DeleteNote, Back, PaneBack key.Binding
	SetAlert, CancelAlert                key.Binding // alerts.go
	Positions                            key.Binding // ui/views/positions
	// BuyTicker opens the buy dialog for the ticker selected on the list;
	// in the positions view Buy, Sell, DeleteTrade and OpenPosition record
	// a buy, a sell, delete a trade and open a position's lots and trades
	BuyTicker, Buy, Sell, DeleteTrade, OpenPosition key.Binding
	Today                                           key.Binding // ui/views/today

	// the chart view (ui/views/kline): opened by Chart on the list and
	// ChartPane on the focused detail pane; in it, the crosshair, the
	// period, the minute line and the zoom
	Chart, ChartPane                                                             key.Binding
	ChartLeft, ChartRight, ChartPeriod, ChartIntraday, ChartZoomIn, ChartZoomOut key.Binding

	// the alerts view (ui/views/alerts): open it from the list; add,
	// edit, delete, re-arm and switch on or off the alert selected
	AlertsView, AlertAdd, AlertEdit, AlertDelete, AlertRearm, AlertToggle key.Binding
	// the focused detail pane with an alert line selected (k up from its
	// first note): the alerts view's keys where the pane leaves them free
	// — e and d act on the line selected, as on a note; r stays the
	// rating, so R re-arms; space (a page down elsewhere) switches it
	PaneAlertEdit, PaneAlertDelete, PaneAlertRearm, PaneAlertToggle key.Binding

	// dialogs
	Save, Cancel, Confirm, Choose, Keep, Yes, No key.Binding
	// ChoosePrev and ChooseNext move the choice in a dialog that also
	// takes text (j and k are letters there); Choose is their help.
	ChoosePrev, ChooseNext key.Binding
	// AddRating cycles the rating the add wizard gives the ticker (its
	// text takes every letter and digit)
	AddRating key.Binding
	// Dismiss closes a dialog that takes no text (the sector picker)
	// with esc or q; Decline answers a yes/no question no, q included.
	Dismiss, Decline key.Binding
	// ForceQuit quits from anywhere, a dialog or the search included.
	ForceQuit key.Binding
	// the search line moves the list with the arrows only: letters are
	// the query
	SearchUp, SearchDown, SearchPageUp, SearchPageDown key.Binding

	// the reports view and the scorecard: add a report file, remove the
	// selected report, go to the selected call's ticker, cycle the
	// grouping; KeepTickers answers "take them off too?" with keep
	AddReport, RmReport, Browse, GoTo, GroupBy, KeepTickers key.Binding
}

// NewKeyMap is every key with its help in t's language.
func NewKeyMap(t *Text) KeyMap {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, desc))
	}
	return KeyMap{
		Up:           b([]string{"k", "up"}, "k/up", t.KUp),
		Down:         b([]string{"j", "down"}, "j/down", t.KDown),
		Top:          b([]string{"g", "home"}, "g", t.KTop),
		Bottom:       b([]string{"G", "end"}, "G", t.KBottom),
		PageUp:       b([]string{"pgup", "ctrl+b"}, "pgup", t.KPageUp),
		PageDown:     b([]string{"pgdown", "ctrl+f", "space"}, "pgdn", t.KPageDown),
		NextTab:      b([]string{"tab", "l", "right"}, "tab/l", t.KTabs),
		PrevTab:      b([]string{"shift+tab", "h", "left"}, "S-tab/h", t.KPrevTab),
		Ratings:      b([]string{"1", "2", "3", "4", "5", "6"}, "1-6", t.KRatings),
		ClearRatings: b([]string{"0"}, "0", t.KClear),
		Search:       b([]string{"/"}, "/", t.KSearch),
		Detail:       b([]string{"enter"}, "enter", t.KDetail),
		Note:         b([]string{"n"}, "n", t.KNote),
		Rate:         b([]string{"r"}, "r", t.KRate),
		Sort:         b([]string{"s"}, "s", t.KSort),
		SortNext:     b([]string{">"}, ">", t.KSortNext),
		SortPrev:     b([]string{"<"}, "<", t.KSortPrev),
		SortReverse:  b([]string{"I"}, "I", t.KSortReverse),
		Add:          b([]string{"a"}, "a", t.KAdd),
		Move:         b([]string{"m"}, "m", t.KMove),
		Remove:       b([]string{"x", "delete"}, "x", t.KRemove),
		Undo:         b([]string{"u"}, "u", t.KUndo),
		Export:       b([]string{"e"}, "e", t.KExport),
		Help:         b([]string{"?"}, "?", t.KHelp),
		Quit:         b([]string{"q", "ctrl+c"}, "q", t.KQuit),
		Refresh:      b([]string{"R"}, "R", t.Quotes.KRefresh),

		Sectors:     b([]string{"S"}, "S", t.Watch.KSectors),
		Pin:         b([]string{"p"}, "p", t.Watch.KPin),
		OrderUp:     b([]string{"K", "shift+up"}, "K", t.Watch.KOrderUp),
		OrderDown:   b([]string{"J", "shift+down"}, "J", t.Watch.KOrderDown),
		Group:       b([]string{"+"}, "+", t.Watch.KGroup),
		Ungroup:     b([]string{"-"}, "-", t.Watch.KUngroup),
		Columns:     b([]string{"C"}, "C", t.Watch.KColumns),
		NoteSearch:  b([]string{"N"}, "N", t.Watch.KNoteSearch),
		New:         b([]string{"a", "n"}, "a", t.Watch.KNew),
		NewSector:   b([]string{"a", "n"}, "a", t.Wizard.KNewSector),
		Rename:      b([]string{"r"}, "r", t.Watch.KRename),
		DeleteItem:  b([]string{"d", "x", "delete"}, "d", t.Watch.KDelete),
		GoToSector:  b([]string{"enter"}, "enter", t.Watch.KGoTo),
		Toggle:      b([]string{"space", "x"}, "space", t.Watch.KToggle),
		MoveCol:     b([]string{"K", "J"}, "K/J", t.Watch.KMoveCol),
		ReasonFocus: b([]string{"tab", "shift+tab"}, "tab", t.Reason),
		PickRating:  b([]string{"1", "2", "3", "4", "5", "6"}, "1-6", t.Watch.KPick),
		PickMove:    b([]string{"j", "k", "up", "down"}, "j/k", t.KChoose),
		More:        b([]string{"…"}, "…", ""),
		FormatPrev:  b([]string{"left", "h"}, "←/→", t.KFormat),
		FormatNext:  b([]string{"right", "l"}, "→", t.KFormat),
		ReasonBack:  b([]string{"tab", "shift+tab"}, "tab", t.Watch.KRatingsBack),
		NoteHistory: b([]string{"v"}, "v", t.Watch.KNoteHistory),
		Undelete:    b([]string{"u"}, "u", t.Watch.KUndelete),

		EditNote:   b([]string{"e"}, "e", t.KEdit),
		DeleteNote: b([]string{"d", "x", "delete"}, "d", t.KDelete),
		Back:       b([]string{"esc", "q"}, "esc", t.KBack),
		PaneBack:   b([]string{"esc"}, "esc", t.KBack),

		SetAlert:    b([]string{"!"}, "!", t.Alerts.KSet),
		CancelAlert: b([]string{"c"}, "c", t.Alerts.KCancel),
		Positions:   b([]string{"P"}, "P", t.Positions.Key),
		Today:       b([]string{"T"}, "T", t.Today.Key),
		AlertsView:  b([]string{"A"}, "A", t.Alerts.KView),
		AlertAdd:    b([]string{"a"}, "a", t.Alerts.KAdd),
		AlertEdit:   b([]string{"e", "enter"}, "e", t.Alerts.KEdit),
		AlertDelete: b([]string{"d", "delete"}, "d", t.Alerts.KDelete),
		AlertRearm:  b([]string{"r"}, "r", t.Alerts.KRearm),
		AlertToggle: b([]string{"space"}, "space", t.Alerts.KToggle),

		PaneAlertEdit:   b([]string{"e"}, "e", t.Alerts.KPaneEdit),
		PaneAlertDelete: b([]string{"d", "x", "delete"}, "d", t.Alerts.KPaneDelete),
		PaneAlertRearm:  b([]string{"R"}, "R", t.Alerts.KPaneRearm),
		PaneAlertToggle: b([]string{"space"}, "space", t.Alerts.KPaneToggle),

		Chart:         b([]string{"f5"}, "F5", t.KLine.Key),
		ChartPane:     b([]string{"enter", "f5"}, "enter", t.KLine.Key),
		ChartLeft:     b([]string{"left", "h"}, "←/→", t.KLine.KCross),
		ChartRight:    b([]string{"right", "l"}, "→", t.KLine.KCross),
		ChartPeriod:   b([]string{"p", "f8"}, "p", t.KLine.KPeriod),
		ChartIntraday: b([]string{"t", "f5"}, "t", t.KLine.KIntraday),
		ChartZoomIn:   b([]string{"up", "k", "+"}, "↑/↓", t.KLine.KZoom),
		ChartZoomOut:  b([]string{"down", "j", "-"}, "↓", t.KLine.KZoom),
		BuyTicker:     b([]string{"B"}, "B", t.Positions.KBuyList),
		Buy:           b([]string{"a"}, "a", t.Positions.KBuy),
		Sell:          b([]string{"s"}, "s", t.Positions.KSell),
		DeleteTrade:   b([]string{"d", "x", "delete"}, "d", t.Positions.KDelete),
		OpenPosition:  b([]string{"enter"}, "enter", t.Positions.KOpen),

		Save:    b([]string{"ctrl+s"}, "ctrl+s", t.KSave),
		Cancel:  b([]string{"esc"}, "esc", t.KCancel),
		Confirm: b([]string{"enter"}, "enter", t.KConfirm),
		Choose:  b([]string{"up", "down"}, "up/down", t.KChoose),
		Keep:    b([]string{"enter"}, "enter", t.KKeep),
		Yes:     b([]string{"y", "Y"}, "y", t.KConfirm),
		No:      b([]string{"n", "N", "esc"}, "n", t.KCancel),

		ChoosePrev: b([]string{"up", "shift+tab", "ctrl+p"}, "up", t.KChoose),
		ChooseNext: b([]string{"down", "tab", "ctrl+n"}, "down", t.KChoose),
		AddRating:  b([]string{"ctrl+r"}, "ctrl+r", t.KAddRating),
		Dismiss:    b([]string{"esc", "q"}, "esc", t.KCancel),
		Decline:    b([]string{"n", "N", "esc", "q"}, "n", t.KCancel),
		ForceQuit:  b([]string{"ctrl+c"}, "ctrl+c", t.KQuit),

		SearchUp:       b([]string{"up"}, "up", t.KUp),
		SearchDown:     b([]string{"down"}, "down", t.KDown),
		SearchPageUp:   b([]string{"pgup"}, "pgup", t.KPage),
		SearchPageDown: b([]string{"pgdown"}, "pgdn", t.KPage),

		Reports:     b([]string{"b"}, "b", t.Reports.KReports),
		Scorecard:   b([]string{"c"}, "c", t.Reports.KScorecard),
		AddReport:   b([]string{"a"}, "a", t.Reports.KAddReport),
		RmReport:    b([]string{"d", "x", "delete"}, "d", t.Reports.KRmReport),
		Browse:      b([]string{"enter"}, "enter", t.Reports.KBrowse),
		GoTo:        b([]string{"enter"}, "enter", t.Reports.KGoTo),
		GroupBy:     b([]string{"b", "tab"}, "b", t.Reports.KGroupBy),
		KeepTickers: b([]string{"n", "N"}, "n", t.Reports.KKeepTickers),
	}
}

// HelpFor adapts a set of bindings to help.KeyMap.
type HelpFor struct {
	Short []key.Binding
	Full  [][]key.Binding
}

func (h HelpFor) ShortHelp() []key.Binding { return h.Short }

func (h HelpFor) FullHelp() [][]key.Binding {
	if h.Full == nil {
		return [][]key.Binding{h.Short}
	}
	return h.Full
}

var _ help.KeyMap = HelpFor{}

// listHelp is the help of the main list.
func (k KeyMap) ListHelp() HelpFor {
	return HelpFor{
		Short: []key.Binding{k.Search, k.Ratings, k.NextTab, k.Note, k.Rate, k.Detail, k.Help, k.Quit},
		Full: [][]key.Binding{
			{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
			{k.NextTab, k.PrevTab, k.Ratings, k.ClearRatings, k.Search, k.Sort, k.SortNext, k.SortPrev, k.SortReverse},
			{k.Detail, k.Note, k.Rate, k.Add, k.Move, k.Remove, k.Undo},
			{k.Refresh, k.Export, k.Reports, k.Scorecard, k.Chart, k.Today, k.Help, k.Quit},
			{k.Sectors, k.Pin, k.OrderUp, k.OrderDown},
			{k.Group, k.Ungroup, k.Columns, k.NoteSearch},
			{k.Positions, k.BuyTicker, k.AlertsView},
		},
	}
}

// detailHelp is the help of the focused detail pane.
func (k KeyMap) DetailHelp() HelpFor {
	return HelpFor{
		Short: []key.Binding{k.Note, k.EditNote, k.DeleteNote, k.NoteHistory, k.Undelete, k.Rate, k.SetAlert, k.CancelAlert, k.Up, k.Down, k.PageDown, k.Help, k.Quit, k.PaneBack},
		Full: [][]key.Binding{{k.Up, k.Down, k.PageDown, k.PageUp}, {k.Note, k.EditNote, k.DeleteNote, k.NoteHistory, k.Undelete, k.Rate},
			{k.SetAlert, k.CancelAlert, k.AlertsView, k.ChartPane}, {k.PaneAlertEdit, k.PaneAlertDelete, k.PaneAlertRearm, k.PaneAlertToggle},
			{k.Help, k.Quit, k.PaneBack}},
	}
}

// DetailAlertHelp is the focused detail pane's footer while one of its
// alert lines is selected.
func (k KeyMap) DetailAlertHelp() HelpFor {
	return HelpFor{
		Short: []key.Binding{k.PaneAlertEdit, k.PaneAlertDelete, k.PaneAlertRearm, k.PaneAlertToggle, k.Up, k.Down, k.SetAlert, k.Help, k.Quit, k.PaneBack},
		Full:  k.DetailHelp().Full,
	}
}

// AlertsHelp is the help of the alerts view (A): the footer's keys and,
// on ?, every key in its groups.
func (k KeyMap) AlertsHelp() HelpFor {
	return HelpFor{
		Short: []key.Binding{k.AlertAdd, k.AlertEdit, k.AlertDelete, k.AlertRearm, k.AlertToggle, k.Up, k.Down, k.Help, k.Back},
		Full:  [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.AlertAdd, k.AlertEdit, k.AlertDelete, k.AlertRearm, k.AlertToggle}, {k.Help, k.Back}},
	}
}

// TodayHelp is the help of the day's summary (T).
func (k KeyMap) TodayHelp() HelpFor {
	return HelpFor{
		Short: []key.Binding{k.Up, k.Down, k.PageDown, k.Help, k.Back},
		Full:  [][]key.Binding{{k.Up, k.Down, k.PageDown, k.PageUp}, {k.Help, k.Back}},
	}
}

func (k KeyMap) ConfirmHelp() HelpFor {
	return HelpFor{Short: []key.Binding{k.Yes, k.No}}
}

func (k KeyMap) EditorHelp() HelpFor {
	return HelpFor{Short: []key.Binding{k.Save, k.Cancel}}
}

func (k KeyMap) ExportHelp() HelpFor {
	return HelpFor{Short: []key.Binding{k.FormatPrev, k.Choose, k.Confirm, k.Cancel}}
}

func (k KeyMap) MoverHelp() HelpFor {
	return HelpFor{Short: []key.Binding{k.Up, k.Down, k.Confirm, k.Dismiss}}
}

func (k KeyMap) PickerHelp() HelpFor {
	return HelpFor{Short: []key.Binding{k.PickRating, k.PickMove, k.ReasonFocus, k.Confirm, k.Cancel}}
}

func (k KeyMap) PickerReasonHelp() HelpFor {
	return HelpFor{Short: []key.Binding{k.ReasonBack, k.Confirm, k.Cancel}}
}

func (k KeyMap) WizardHelp() HelpFor {
	return HelpFor{Short: []key.Binding{k.Choose, k.AddRating, k.Confirm, k.Cancel}}
}
