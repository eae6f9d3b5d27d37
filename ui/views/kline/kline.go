package kline

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"zixuan/sectors"
	"zixuan/sectors/market"

	"zixuan/ui/common"
)

// Data is what the root hands the view: the ticker (its calls, ratings and
// notes), the last full load (the reports' dates), the ticker's whole
// price history as stored, the day's quote (today's candle before the
// close), the minute line, and the state of their fetches.
type Data struct {
	Ticker  sectors.Ticker
	Snap    *sectors.Snapshot
	History sectors.PriceHistory
	// Loading: the bars are being read or fetched; BarsErr, when not
	// empty, is why the last fetch brought nothing (worded for the TUI).
	Loading bool
	BarsErr string
	// Quote is the ticker's latest quote, nil when there is none.
	Quote *sectors.Quote
	// Minutes is the last minute line fetched and when it came (zero:
	// none yet); MinutesErr why the last fetch failed.
	Minutes    sectors.Intraday
	MinutesAt  time.Time
	MinutesErr string
	// Offline: quotes are off, nothing is fetched.
	Offline bool
	Western bool      // rises in green, falls in red
	Now     time.Time // the root's clock
}

// NeedBarsMsg asks the root for Code's daily bars from From on (the
// period shown needs more than the history holds).
type NeedBarsMsg struct {
	Code market.Code
	From time.Time
}

// NeedMinutesMsg asks the root for Code's minute line.
type NeedMinutesMsg struct{ Code market.Code }

// maxZoom is the widest a candle gets, in cells.
const maxZoom = 3

// maWindows are the moving averages drawn, in candles.
var maWindows = [4]int{5, 10, 20, 60}

// Model is the view.
type Model struct {
	common.Common
	data Data

	period   sectors.Period
	intraday bool
	zoom     int // cells per candle
	cursor   int // the crosshair's candle, an index in candles
	end      int // one past the last candle shown
	minute   int // the crosshair's minute, an index in the minute line; -1: the last
	asked    time.Time

	candles []sectors.Candle
	ma      [len(maWindows)][]float64
}

// New is the view of data's ticker, on its daily candles with the
// crosshair on the last one.
func New(c common.Common, data Data) Model {
	v := Model{Common: c, zoom: 1, minute: -1}
	return v.Refresh(data)
}

// Refresh takes new data (bars fetched, a new quote, a minute line),
// keeping the period, the zoom and the crosshair's day.
func (v Model) Refresh(data Data) Model {
	var day, endDay time.Time
	if v.cursor < len(v.candles) && v.end > 0 && v.end <= len(v.candles) {
		day, endDay = v.candles[v.cursor].Start, v.candles[v.end-1].Start
	}
	atLast := len(v.candles) == 0 || v.cursor == len(v.candles)-1
	v.data = data
	v.rebuild()
	if !atLast && !day.IsZero() {
		// the same candles shown, the crosshair on the same day, however
		// many came before them
		at := func(d time.Time) int {
			for i, c := range v.candles {
				if !c.End.Before(d) {
					return i
				}
			}
			return len(v.candles) - 1
		}
		v.cursor, v.end = at(day), at(endDay)+1
		v.end = min(max(v.end, v.cursor+1), len(v.candles))
	}
	return v
}

// rebuild makes the candles and their averages of the period, today's
// candle from the quote included, with the crosshair on the last.
func (v *Model) rebuild() {
	h := v.data.History
	if bar, ok := v.todayBar(); ok {
		h.Bars = append(h.Bars[:len(h.Bars):len(h.Bars)], bar)
	}
	v.candles = sectors.Candles(h, v.period, true)
	for i, n := range maWindows {
		v.ma[i] = sectors.MovingAverage(v.candles, n)
	}
	v.cursor = max(len(v.candles)-1, 0)
	v.end = len(v.candles)
}

// todayBar is the session under way (or closed but not in the history
// yet) as a bar from the quote: its open, high, low, last and volume.
func (v *Model) todayBar() (sectors.DailyBar, bool) {
	q := v.data.Quote
	if q == nil || q.Open <= 0 || q.High <= 0 || q.Low <= 0 {
		return sectors.DailyBar{}, false
	}
	if _, ok := q.AsLatest(); !ok {
		return sectors.DailyBar{}, false
	}
	day := market.ChinaDay(q.Time)
	if bars := v.data.History.Bars; len(bars) > 0 && !day.After(market.ChinaDay(bars[len(bars)-1].Date)) {
		return sectors.DailyBar{}, false
	}
	return sectors.DailyBar{Date: day, Open: q.Open, High: q.High, Low: q.Low, Close: q.Last, Volume: q.Volume}, true
}

// Data is what the view was last given.
func (v Model) Data() Data { return v.data }

// Code is the ticker the view shows.
func (v Model) Code() market.Code { return v.data.Ticker.Code }

// Intraday reports whether the minute line is shown.
func (v Model) Intraday() bool { return v.intraday }

// Period is the candles' period.
func (v Model) Period() sectors.Period { return v.period }

// Quote is the quote the view was last given.
func (v Model) Quote() *sectors.Quote { return v.data.Quote }

// Candles are the candles of the period, oldest first.
func (v Model) Candles() []sectors.Candle { return v.candles }

// Cursor is the crosshair's candle.
func (v Model) Cursor() int { return v.cursor }

// NeedFrom is the first day whose bar the period shown needs: as many
// candles as the widest chart shows, and 60 before them for MA60.
func (v Model) NeedFrom(now time.Time) time.Time {
	slots := 300 + maWindows[len(maWindows)-1]
	day := market.ChinaDay(now)
	switch v.period {
	case sectors.Weekly:
		return day.AddDate(0, 0, -7*slots)
	case sectors.Monthly:
		return day.AddDate(0, -slots, 0)
	}
	return day.AddDate(0, 0, -slots*7/5-30)
}

// Asked records that the bars from day on were asked for, so the view
// does not ask for them again.
func (v Model) Asked(day time.Time) Model {
	if v.asked.IsZero() || day.Before(v.asked) {
		v.asked = day
	}
	return v
}

// askBars is the request for the bars the period needs, if they are
// neither held nor asked for already.
func (v *Model) askBars() tea.Msg {
	if v.data.Offline || v.data.Ticker.Code == (market.Code{}) {
		return nil
	}
	from := v.NeedFrom(v.data.Now)
	if !v.asked.IsZero() && !from.Before(v.asked) {
		return nil
	}
	v.asked = from
	return NeedBarsMsg{Code: v.data.Ticker.Code, From: from}
}

// Update moves the crosshair, changes the period, the zoom, or the
// minute line; esc or q closes the view.
func (v Model) Update(msg tea.Msg) (common.Dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	keys := v.Keys
	switch {
	case key.Matches(k, keys.Back):
		return nil, nil
	case key.Matches(k, keys.ChartIntraday):
		v.intraday = !v.intraday
		if v.intraday && !v.data.Offline {
			return common.Tell(v, NeedMinutesMsg{Code: v.data.Ticker.Code}), nil
		}
	case key.Matches(k, keys.ChartPeriod):
		if v.intraday {
			v.intraday = false
		} else {
			v.period = (v.period + 1) % (sectors.Monthly + 1)
			v.rebuild()
		}
		if ask := v.askBars(); ask != nil {
			return common.Tell(v, ask), nil
		}
	case key.Matches(k, keys.ChartLeft):
		v.move(-1)
		return older(v), nil
	case key.Matches(k, keys.ChartRight):
		v.move(1)
	case key.Matches(k, keys.Top):
		v.move(-1 << 20)
		return older(v), nil
	case key.Matches(k, keys.Bottom):
		v.move(1 << 20)
	case key.Matches(k, keys.ChartZoomIn):
		v.zoom = min(v.zoom+1, maxZoom)
	case key.Matches(k, keys.ChartZoomOut):
		v.zoom = max(v.zoom-1, 1)
	}
	return v, nil
}

// older is v, asking the root for the bars before the first when
// the crosshair is on it (the server has none before the listing, and
// what was asked once is not asked again).
func older(v Model) common.Dialog {
	if v.intraday || v.cursor > 0 || len(v.candles) == 0 || v.data.Offline {
		return v
	}
	first := market.ChinaDay(v.candles[0].Start)
	var from time.Time
	switch slots := v.slots(); v.period {
	case sectors.Weekly:
		from = first.AddDate(0, 0, -7*slots)
	case sectors.Monthly:
		from = first.AddDate(0, -slots, 0)
	default:
		from = first.AddDate(0, 0, -slots*7/5-10)
	}
	if !v.asked.IsZero() && !from.Before(v.asked) || !v.asked.IsZero() && first.After(v.asked.AddDate(0, 0, 14)) {
		return v // asked already, or the server had nothing older than the first bar
	}
	v.asked = from
	return common.Tell(v, NeedBarsMsg{Code: v.data.Ticker.Code, From: from})
}

// move moves the crosshair by n candles (minutes on the minute line),
// scrolling the candles shown when it leaves them.
func (v *Model) move(n int) {
	if v.intraday {
		last := len(v.data.Minutes.Minutes) - 1
		if v.minute < 0 || v.minute > last {
			v.minute = last
		}
		v.minute = min(max(v.minute+n, 0), max(last, 0))
		if v.minute == last {
			v.minute = -1 // follows the new minutes
		}
		return
	}
	if len(v.candles) == 0 {
		return
	}
	v.cursor = min(max(v.cursor+n, 0), len(v.candles)-1)
	slots := v.slots()
	if v.cursor >= v.end {
		v.end = v.cursor + 1
	}
	if v.cursor < v.end-slots {
		v.end = v.cursor + slots
	}
	v.end = min(v.end, len(v.candles))
}

func (v Model) Placement() common.Placement { return common.InBody }

func (v Model) ShortHelp() []key.Binding {
	k := v.Keys
	return []key.Binding{k.ChartLeft, k.ChartPeriod, k.ChartIntraday, k.ChartZoomIn, k.Back}
}

func (v Model) FullHelp() [][]key.Binding {
	k := v.Keys
	return [][]key.Binding{{k.ChartLeft, k.ChartRight, k.Top, k.Bottom}, {k.ChartPeriod, k.ChartIntraday, k.ChartZoomIn, k.ChartZoomOut, k.Back}}
}

func (v Model) SetSize(w, h int) common.Dialog {
	v.Common.SetSize(w, h)
	if slots := v.slots(); v.cursor < v.end-slots {
		v.end = v.cursor + slots
	}
	return v
}

// upDown is the style of a rise (1), a fall (-1) or neither, in the
// colours' convention.
func (v Model) upDown(dir int) lipgloss.Style { return v.Styles.UpDown(v.data.Western, dir) }
