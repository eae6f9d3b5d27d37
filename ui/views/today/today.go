package today

import (
	"context"
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"

	"zixuan/ui/common"
)

// Data is what the root gives the view.
type Data struct {
	Snap  *sectors.Snapshot
	Scope []sectors.Ticker // the tab's tickers
	Tab   string           // the tab's label
	// Quotes are the quotes the TUI holds, by Code.Key(); nil when quotes
	// are off.
	Quotes    map[string]sectors.Quote
	Now       func() time.Time
	StaleDays int  // 0: the service's default
	Western   bool // green up, red down
}

// LoadedMsg is the summary made.
type LoadedMsg struct {
	Sum service.TodaySummary
	Err string // the store's refusal, worded for the TUI
	Seq uint64 // which making it is the result of
}

// Model is the view.
type Model struct {
	common.Common
	Data

	sum    *service.TodaySummary
	err    string
	lines  []string
	offset int
	t      *common.TodayText
	// seq is the making under way or last made; making: one is under
	// way, again: it is to be made once more from Data when it is in
	seq           uint64
	making, again bool
}

// seqs numbers every making of a summary, across views: a result for a
// view closed since is never taken by one opened after it.
var seqs atomic.Uint64

// New opens the view and starts making the summary.
func New(c common.Common, data Data) (Model, tea.Cmd) {
	return Model{Common: c, Data: data, t: c.T.Today}.make()
}

// Requery makes the summary again from data (new quotes came, an alert
// fired), keeping the place scrolled to: one at a time; asked while one
// is being made, it is made again from the latest data once that one is
// in.
func (v Model) Requery(data Data) (Model, tea.Cmd) {
	v.Data = data
	if v.making {
		v.again = true
		return v, nil
	}
	return v.make()
}

// make starts making the summary from v.Data, off the UI goroutine.
func (v Model) make() (Model, tea.Cmd) {
	v.seq, v.making, v.again = seqs.Add(1), true, false
	svc := &service.Service{Store: v.Store, Now: v.Now}
	in := service.TodayInput{Snap: v.Snap, Scope: v.Scope, Quotes: v.Quotes, StaleDays: v.StaleDays}
	if in.Scope == nil {
		in.Scope = []sectors.Ticker{} // an empty tab is an empty scope, not the whole list
	}
	t, seq := v.T, v.seq
	return v, func() tea.Msg {
		sum, err := svc.Today(context.Background(), in)
		if err != nil {
			return LoadedMsg{Err: t.StoreError(err), Seq: seq}
		}
		return LoadedMsg{Sum: sum, Seq: seq}
	}
}

func (v Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		if msg.Seq != v.seq {
			return v, nil // another view's, or one made before
		}
		v.making = false
		v.err, v.sum = msg.Err, nil
		if msg.Err == "" {
			v.sum = &msg.Sum
		}
		v.lines = v.render()
		v.offset = min(v.offset, v.maxOffset())
		if v.again {
			return v.make()
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, v.Keys.Dismiss):
			return nil, nil
		case key.Matches(msg, v.Keys.Help):
			return common.Tell(v, common.ShowHelpMsg{Keys: v.Keys.TodayHelp()}), nil
		case key.Matches(msg, v.Keys.Down):
			v.offset = min(v.offset+1, v.maxOffset())
		case key.Matches(msg, v.Keys.Up):
			v.offset = max(v.offset-1, 0)
		case key.Matches(msg, v.Keys.PageDown):
			v.offset = min(v.offset+max(v.Height-1, 1), v.maxOffset())
		case key.Matches(msg, v.Keys.PageUp):
			v.offset = max(v.offset-max(v.Height-1, 1), 0)
		}
	}
	return v, nil
}

func (v Model) maxOffset() int { return max(len(v.lines)-v.Height, 0) }

// Loaded reports whether the summary is in (tests, the root's refresh).
func (v Model) Loaded() bool { return v.sum != nil || v.err != "" }

// date is an ISO date with its weekday in the UI's language.
func (v Model) date(s string) string {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return v.t.Weekdays[d.Weekday()] + " " + s
}

// render lays the summary out, section after section.
func (v Model) render() []string {
	if v.err != "" {
		return []string{v.Styles.Error.Render(safetext.Line(v.err))}
	}
	s, t := v.sum, v.t
	lines := []string{v.Styles.Title.Render(t.Title + " · " + v.date(s.Day))}
	if s.BeforeOpen {
		lines = append(lines, v.Styles.Dim.Render(safetext.Line(fmt.Sprintf(t.BeforeOpen, v.date(s.Date), v.date(s.Day)))))
	}
	if s.Closed {
		why := s.Reason
		if why == "weekend" {
			why = t.Weekend
		}
		lines = append(lines, v.Styles.Dim.Render(safetext.Line(fmt.Sprintf(t.Closed, v.date(s.Date), why, v.date(s.Day)))))
	}
	lines = append(lines, v.Styles.Dim.Render(safetext.Line(fmt.Sprintf(t.Scope, v.Tab, s.Tickers, s.Quoted))))
	if s.Offline {
		lines = append(lines, v.Styles.Dim.Render(t.NoQuotes))
	}
	section := func(title string, rows [][]string, styles []lipgloss.Style, right ...int) {
		lines = append(lines, "", v.Styles.ColHead.Render(safetext.Line(title)))
		if len(rows) == 0 {
			lines = append(lines, v.Styles.Dim.Render("  "+t.None))
			return
		}
		lines = append(lines, table(rows, styles, right...)...)
	}
	movers := func(title string, ms []service.Mover) {
		if s.Offline {
			return
		}
		var rows [][]string
		var styles []lipgloss.Style
		for _, m := range ms {
			rows = append(rows, []string{m.Code, common.DisplayName(m.Name), m.LastText(), common.Pct(m.ChangePct, 2)})
			styles = append(styles, v.Styles.UpDown(v.Western, sign(m.ChangePct)))
		}
		section(title, rows, styles, 2, 3)
	}
	movers(t.Gainers, s.Gainers)
	movers(t.Losers, s.Losers)
	movers(t.LimitUp, s.LimitUp)
	movers(t.LimitDown, s.LimitDown)

	var rows [][]string
	for _, a := range s.Alerts {
		rows = append(rows, []string{s.When(a.At), a.Code, common.DisplayName(a.Name), a.Alert, common.Price(a.Price)})
	}
	section(t.Alerts, rows, nil, 4)

	rows = nil
	for _, c := range s.Stale {
		last := c.LastNote
		if last == "" {
			last = t.NeverNoted
		}
		rows = append(rows, []string{c.Code, common.DisplayName(c.Name), fmt.Sprintf(t.Days, c.Days), last})
	}
	section(fmt.Sprintf(t.Stale, s.StaleDays), rows, nil, 2)

	rows = nil
	for _, r := range s.Reports {
		rows = append(rows, []string{s.When(r.Added), r.Broker, r.Title, fmt.Sprintf(t.Calls, r.Calls)})
	}
	section(t.Reports, rows, nil)

	rows = nil
	var styles []lipgloss.Style
	for _, p := range s.Positions {
		chg, pnl, dir := "-", "-", 0
		if p.ChangePct != nil {
			chg = common.Pct(*p.ChangePct, 2)
		}
		if p.PnL != nil {
			pnl, dir = common.SignedPrice(*p.PnL), sign(*p.PnL)
		}
		row := []string{p.Code, common.DisplayName(p.Name), strconv.FormatInt(p.Qty, 10), chg, pnl}
		if p.Dividend != nil { // an ex-date's cash, in the P&L already (service.DayPnL)
			row = append(row, fmt.Sprintf(t.Dividend, common.Price(*p.Dividend)))
		}
		rows = append(rows, row)
		styles = append(styles, v.Styles.UpDown(v.Western, dir))
	}
	if len(rows) > 0 {
		total := common.SignedPrice(s.DayPnL)
		if s.PnLPriced < s.PnLHeld {
			total = fmt.Sprintf(t.Priced, s.PnLPriced, s.PnLHeld) + "  " + total
		}
		rows = append(rows, []string{t.Total, "", "", "", total})
		styles = append(styles, v.Styles.UpDown(v.Western, sign(s.DayPnL)).Bold(true))
	}
	section(t.Positions, rows, styles, 2, 3, 4)
	return lines
}

func sign(v float64) int { return common.Sign(v) }

// table aligns rows by display width, two spaces between columns and two
// before the first; right are the columns aligned right; styles, when
// given, colour each row.
func table(rows [][]string, styles []lipgloss.Style, right ...int) []string {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], safetext.Width(safetext.Line(c)))
		}
	}
	isRight := map[int]bool{}
	for _, i := range right {
		isRight[i] = true
	}
	out := make([]string, 0, len(rows))
	for n, r := range rows {
		line := " "
		for i, c := range r {
			c = safetext.Line(c)
			line += " "
			if i > 0 {
				line += " "
			}
			if isRight[i] {
				line += safetext.FitLeft(c, widths[i])
			} else {
				line += safetext.Fit(c, widths[i])
			}
		}
		if n < len(styles) {
			line = styles[n].Render(line)
		}
		out = append(out, line)
	}
	return out
}

func (v Model) View() string {
	if v.lines == nil {
		return v.Styles.Dim.Render(v.t.Loading)
	}
	lines := v.lines[min(v.offset, len(v.lines)):]
	out := ""
	for i, l := range lines {
		if v.Height > 0 && i >= v.Height {
			break
		}
		if i > 0 {
			out += "\n"
		}
		out += safetext.Truncate(l, max(v.Width, 1))
	}
	return out
}

func (v Model) Placement() common.Placement { return common.InBody }
func (v Model) ShortHelp() []key.Binding    { return v.Keys.TodayHelp().ShortHelp() }
func (v Model) FullHelp() [][]key.Binding   { return v.Keys.TodayHelp().FullHelp() }
func (v Model) SetSize(w, h int) common.Dialog {
	v.Common.SetSize(w, h)
	v.offset = min(v.offset, v.maxOffset())
	return v
}
