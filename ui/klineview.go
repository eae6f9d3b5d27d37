package ui

import (
	"context"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"zixuan/sectors"
	"zixuan/sectors/market"
	"zixuan/service"

	"zixuan/ui/common"
	"zixuan/ui/views/kline"
)

// The root's side of the chart view (ui/views/kline): it opens on the
// selected ticker (F5 on the list, enter on the focused detail pane) with
// the bars stored, then reads and fetches the bars its period needs and
// the minute line in tea.Cmds, and hands the view each answer and every
// new quote of its ticker. The view asks for more with its own messages.

// minutesTimeout bounds one fetch of a minute line.
const minutesTimeout = 10 * time.Second

// openChartMsg asks for the chart view of the selected ticker (enter on
// the focused detail pane).
type openChartMsg struct{}

type (
	// chartBarsMsg is a ticker's whole history as stored; fetch: the
	// days missing from it are to be fetched next.
	chartBarsMsg struct {
		code  market.Code
		from  time.Time
		hist  sectors.PriceHistory
		fetch bool
		err   error
	}
	// chartMinutesMsg is a ticker's minute line.
	chartMinutesMsg struct {
		code market.Code
		day  sectors.Intraday
		at   time.Time
		err  error
	}
)

// openChart opens the chart view of the selected ticker over what is
// open, with the bars the history part holds of it, and starts reading
// the bars its period needs.
func openChart(m Model) (tea.Model, tea.Cmd) {
	tk, ok := m.selected()
	if !ok {
		return m, nil
	}
	data := kline.Data{Ticker: tk, Snap: m.hs.snap, History: m.hs.chartHistory(tk.Code), Loading: m.st != nil,
		Offline: m.opts.Quotes == nil, Western: m.opts.Western, Now: m.opts.Now()}
	if q, ok := m.qs.quotes[tk.Code.Key()]; ok {
		data.Quote = &q
	}
	v := kline.New(m.context(), data)
	from := v.NeedFrom(data.Now)
	m.push(v.Asked(from))
	return m, chartBarsCmd(&m, tk.Code, from)
}

// chartBarsCmd reads code's whole stored history; the days from from on
// missing from it are fetched after (chartFetchCmd) when quotes are on.
func chartBarsCmd(m *Model, code market.Code, from time.Time) tea.Cmd {
	if m.st == nil {
		return nil
	}
	svc := newService(m.st, &m.opts)
	return func() tea.Msg {
		got, err := svc.ReadHistory([]market.Code{code}, nil)
		return chartBarsMsg{code: code, from: from, hist: got[code.Key()].PriceHistory, fetch: err == nil && svc.History != nil, err: err}
	}
}

// chartFetchCmd fetches the days from from on that code's history lacks,
// stores them, and gives the whole history as stored after.
func chartFetchCmd(m *Model, code market.Code, from time.Time) tea.Cmd {
	svc := newService(m.st, &m.opts)
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), historyTimeout)
		defer cancel()
		key := code.Key()
		held, err := svc.ReadHistory([]market.Code{code}, nil)
		if err != nil {
			return chartBarsMsg{code: code, from: from, err: err}
		}
		res := svc.FetchHistory(ctx, service.HistoryRequest{Codes: []market.Code{code}, From: from, Own: map[string]time.Time{key: from}}, held)
		h := held[key]
		if got, ok := res.History[key]; ok {
			h = got
		}
		err = res.FetchErr
		if err == nil {
			err = res.SaveErr
		}
		return chartBarsMsg{code: code, from: from, hist: h.PriceHistory, err: err}
	}
}

// chartMinutesCmd fetches code's minute line.
func chartMinutesCmd(m *Model, code market.Code) tea.Cmd {
	if m.opts.Quotes == nil {
		return nil
	}
	svc, now := newService(m.st, &m.opts), m.opts.Now
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), minutesTimeout)
		defer cancel()
		day, err := svc.FetchMinutes(ctx, code)
		return chartMinutesMsg{code: code, day: day, at: now(), err: err}
	}
}

// chartAsked does what the chart view, or the focused detail pane about
// it, asked for.
func chartAsked(m Model, msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case openChartMsg:
		return openChart(m)
	case kline.NeedBarsMsg:
		m.stack = m.stack.each(func(d common.Dialog) common.Dialog {
			if v, ok := d.(kline.Model); ok && v.Code() == msg.Code {
				data := v.Data()
				data.Loading = true
				return v.Refresh(data)
			}
			return d
		})
		return m, chartBarsCmd(&m, msg.Code, msg.From)
	case kline.NeedMinutesMsg:
		return m, chartMinutesCmd(&m, msg.Code)
	}
	return m, nil
}

// routeChart takes the answers of the chart view's fetches to the view of
// their ticker, wherever it is in the stack; handled is false for any
// other message.
func routeChart(m Model, msg tea.Msg) (Model, tea.Cmd, bool) {
	var cmd tea.Cmd
	var code market.Code
	var change func(d kline.Data) kline.Data
	switch msg := msg.(type) {
	case chartBarsMsg:
		code = msg.code
		change = func(d kline.Data) kline.Data {
			if msg.err == nil || len(msg.hist.Bars) > 0 {
				d.History = msg.hist
			}
			d.Loading, d.BarsErr = msg.fetch, ""
			if msg.err != nil {
				d.Loading, d.BarsErr = false, m.t.StoreError(msg.err)
			}
			return d
		}
		if msg.fetch {
			cmd = chartFetchCmd(&m, msg.code, msg.from)
		}
	case chartMinutesMsg:
		code = msg.code
		change = func(d kline.Data) kline.Data {
			d.MinutesErr = ""
			if msg.err != nil {
				d.MinutesErr = msg.err.Error()
				return d // the last minute line stays, with its time
			}
			d.Minutes, d.MinutesAt = msg.day, msg.at
			return d
		}
	default:
		return m, nil, false
	}
	m.stack = m.stack.each(func(d common.Dialog) common.Dialog {
		if v, ok := d.(kline.Model); ok && v.Code() == code {
			return v.Refresh(change(v.Data()))
		}
		return d
	})
	return m, cmd, true
}

// chartFollowsQuotes hands an open chart view its ticker's quote when a
// newer one came (today's candle moves with it), and fetches the minute
// line again when the view shows it: the minute line is refreshed with
// the quotes.
func chartFollowsQuotes(next tea.Model, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	m, ok := next.(Model)
	if !ok || len(m.stack) == 0 {
		return next, cmd
	}
	newer := func(d common.Dialog) (kline.Model, sectors.Quote, bool) {
		v, ok := d.(kline.Model)
		if !ok {
			return v, sectors.Quote{}, false
		}
		q, ok := m.qs.quotes[v.Code().Key()]
		old := v.Quote()
		return v, q, ok && (old == nil || q.Time.After(old.Time))
	}
	if !slices.ContainsFunc(m.stack, func(d common.Dialog) bool { _, _, ok := newer(d); return ok }) {
		return next, cmd // the frequent case: nothing new for it
	}
	var cmds []tea.Cmd
	m.stack = m.stack.each(func(d common.Dialog) common.Dialog {
		v, q, ok := newer(d)
		if !ok {
			return d
		}
		data := v.Data()
		data.Quote, data.Now = &q, m.opts.Now()
		if v.Intraday() {
			cmds = append(cmds, chartMinutesCmd(&m, v.Code()))
		}
		return v.Refresh(data)
	})
	return m, tea.Batch(append(cmds, cmd)...)
}
