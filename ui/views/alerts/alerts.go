// Package alerts is the alerts view (A on the list): every alert with its
// ticker, rule, state (armed, fired, expired, off), last firing and price,
// one a line; on the alert selected, a adds one (for its ticker, the
// list's, or a code typed first), e edits its rule, d deletes it (asked
// first), r re-arms it, space switches it off or on; ? shows its keys. The view only says
// what was asked (its messages); the root's alerts part checks it, asks,
// and queues the store write, and hands the view the alerts again after
// it (Refresh).
package alerts

import (
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

// The view's messages to the root.
type (
	// AddMsg asks for the alert line on Code (zero: none known, a code
	// must be typed).
	AddMsg struct{ Code market.Code }
	// EditMsg asks for the alert line editing Alert.
	EditMsg struct{ Alert sectors.Alert }
	// DeleteMsg asks to delete Alert, once confirmed.
	DeleteMsg struct{ Alert sectors.Alert }
	// RearmMsg asks to arm Alert again.
	RearmMsg struct{ Alert sectors.Alert }
	// EnableMsg asks to switch Alert on (On) or off.
	EnableMsg struct {
		Alert sectors.Alert
		On    bool
	}
)

// Data is what the root gives the view: every alert, the tickers' names
// by Code.Key(), the ticker selected on the list (zero: none), the clock
// and the zone times are shown in.
type Data struct {
	List     []sectors.Alert
	Names    map[string]string
	Selected market.Code
	Now      time.Time
	Location *time.Location
}

// Model is the view.
type Model struct {
	common.Common
	Data
	only           market.Code // zero: every ticker's alerts
	cursor, offset int
}

// New opens the view over data.
func New(c common.Common, data Data) Model { return Model{Common: c, Data: data} }

// ForTicker opens the view over the alerts of code alone (the detail
// pane's ticker); a adds for it.
func ForTicker(c common.Common, data Data, code market.Code) Model {
	v := Model{Common: c, only: code}
	return v.Refresh(data)
}

// Refresh shows data, the cursor kept on the same alert where it still is.
func (v Model) Refresh(data Data) Model {
	var id uint64
	if a, ok := v.current(); ok {
		id = a.ID
	}
	if v.only != (market.Code{}) {
		data.Selected = v.only
		var list []sectors.Alert
		for _, a := range data.List {
			if a.Code == v.only {
				list = append(list, a)
			}
		}
		data.List = list
	}
	v.Data = data
	v.cursor = min(v.cursor, max(len(v.List)-1, 0))
	for i, a := range v.List {
		if a.ID == id {
			v.cursor = i
		}
	}
	return v.scrolled()
}

func (v Model) current() (sectors.Alert, bool) {
	if v.cursor < 0 || v.cursor >= len(v.List) {
		return sectors.Alert{}, false
	}
	return v.List[v.cursor], true
}

func (v Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	a, has := v.current()
	switch {
	case key.Matches(k, v.Keys.Dismiss):
		return nil, nil
	case key.Matches(k, v.Keys.Help):
		return common.Tell(v, common.ShowHelpMsg{Keys: v.Keys.AlertsHelp()}), nil
	case key.Matches(k, v.Keys.Down):
		v.cursor = min(v.cursor+1, max(len(v.List)-1, 0))
	case key.Matches(k, v.Keys.Up):
		v.cursor = max(v.cursor-1, 0)
	case key.Matches(k, v.Keys.Top):
		v.cursor = 0
	case key.Matches(k, v.Keys.Bottom):
		v.cursor = max(len(v.List)-1, 0)
	case key.Matches(k, v.Keys.AlertAdd):
		code := v.Selected
		if has {
			code = a.Code
		}
		return common.Tell(v, AddMsg{Code: code}), nil
	case !has:
	case key.Matches(k, v.Keys.AlertEdit):
		return common.Tell(v, EditMsg{Alert: a}), nil
	case key.Matches(k, v.Keys.AlertDelete):
		return common.Tell(v, DeleteMsg{Alert: a}), nil
	case key.Matches(k, v.Keys.AlertRearm):
		return common.Tell(v, RearmMsg{Alert: a}), nil
	case key.Matches(k, v.Keys.AlertToggle):
		return common.Tell(v, EnableMsg{Alert: a, On: a.Disabled}), nil
	}
	return v.scrolled(), nil
}

// rows is how many alert lines fit under the title and the heading.
func (v Model) rows() int { return max(v.Height-2, 1) }

// scrolled keeps the cursor in sight.
func (v Model) scrolled() Model {
	n := v.rows()
	if v.cursor < v.offset {
		v.offset = v.cursor
	}
	if v.cursor >= v.offset+n {
		v.offset = v.cursor - n + 1
	}
	v.offset = max(min(v.offset, len(v.List)-n), 0)
	return v
}

// cells is an alert's line: what the list and the CLI show of it, every
// text from the store or the market cleaned of control characters.
func (v Model) cells(a sectors.Alert) []string {
	at := v.T.Alerts
	loc := v.Location
	if loc == nil {
		loc = market.China
	}
	fired, price := "-", "-"
	if !a.FiredAt.IsZero() {
		fired, price = a.FiredAt.In(loc).Format("2006-01-02 15:04"), common.Price(a.FiredPrice)
	}
	return []string{strconv.FormatUint(a.ID, 10), a.Code.Key(), safetext.Line(common.DisplayName(v.Names[a.Code.Key()])),
		a.Describe(), at.State(a.State(v.Now)), fired, price, safetext.Line(a.Note)}
}

func (v Model) View() string {
	at, w := v.T.Alerts, max(v.Width, 1)
	title := at.Title
	if v.only != (market.Code{}) {
		title += "  " + v.only.Key() + " " + safetext.Line(common.DisplayName(v.Names[v.only.Key()]))
	}
	lines := []string{v.Styles.Title.Render(safetext.Truncate(title, w))}
	if len(v.List) == 0 {
		lines = append(lines, v.Styles.Dim.Render(safetext.Truncate(at.NoneAll, w)))
		return joinLines(lines)
	}
	all := make([][]string, len(v.List))
	widths := make([]int, len(at.Head))
	for i, h := range at.Head {
		widths[i] = safetext.Width(h)
	}
	for i, a := range v.List {
		all[i] = v.cells(a)
		for j, c := range all[i] {
			widths[j] = max(widths[j], safetext.Width(c))
		}
	}
	line := func(cells []string) string {
		out := ""
		for j, c := range cells {
			if j > 0 {
				out += "  "
			}
			if j == len(cells)-1 { // the note: the rest of the line
				out += c
			} else if j == 0 || j == 6 {
				out += safetext.FitLeft(c, widths[j])
			} else {
				out += safetext.Fit(c, widths[j])
			}
		}
		return safetext.Truncate(out, w)
	}
	lines = append(lines, v.Styles.ColHead.Render(line(at.Head)))
	for i := v.offset; i < len(all) && i < v.offset+v.rows(); i++ {
		l := line(all[i])
		if i == v.cursor {
			l = v.Styles.Selected.Render(safetext.Fit(l, w))
		}
		lines = append(lines, l)
	}
	return joinLines(lines)
}

func joinLines(lines []string) string {
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += "\n"
		}
		out += l
	}
	return out
}

func (v Model) Placement() common.Placement    { return common.InBody }
func (v Model) ShortHelp() []key.Binding       { return v.Keys.AlertsHelp().ShortHelp() }
func (v Model) FullHelp() [][]key.Binding      { return v.Keys.AlertsHelp().FullHelp() }
func (v Model) SetSize(w, h int) common.Dialog { v.Common.SetSize(w, h); return v.scrolled() }
