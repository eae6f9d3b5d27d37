package service

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"time"

	"zixuan/quote"
	"zixuan/sectors"
	"zixuan/sectors/market"
)

// The day's summary: what moved, what hit its limit, what fired, which
// buy calls have gone quiet, which reports came in and what the positions
// made, over one set of tickers (the CLI's watchlist or sector, the TUI's
// tab), by one set of rules for both front ends.

// DefaultStaleDays is how long a buy call's thesis may go without a note
// before the summary names it: a month.
const DefaultStaleDays = 30

// DefaultMovers is how many gainers and how many losers the summary lists.
const DefaultMovers = 5

// TodayInput is what the summary is made of.
type TodayInput struct {
	// Snap is the loaded watchlist (nil: the store's is read).
	Snap *sectors.Snapshot
	// Scope are the tickers whose movers, limits and stale calls count
	// (nil: every ticker on the watchlist).
	Scope []sectors.Ticker
	// Quotes are the quotes to use by Code.Key() (the TUI's); nil: fetched
	// from the quote source, or none offline.
	Quotes map[string]sectors.Quote
	// StaleDays and Movers: 0 for the defaults.
	StaleDays, Movers int
}

// TodaySummary is the day's summary. Its JSON names are what scripts read.
type TodaySummary struct {
	// Day is the trading day summarised (YYYY-MM-DD): today's China date
	// on a trading day, else the last trading day before it.
	Day string `json:"day"`
	// Date is the China calendar date of the clock; Closed says the
	// exchanges are shut on it (Reason: the holiday's name, or "weekend").
	Date   string `json:"date"`
	Closed bool   `json:"closed"`
	Reason string `json:"closed_reason,omitempty"`
	// BeforeOpen: a trading day before its call auction (09:15), when the
	// quote servers still answer the last session: that session is the
	// day summarised.
	BeforeOpen bool `json:"before_open,omitempty"`
	// Offline: no quotes (quotes off, or the server did not answer:
	// QuoteStatus says which); movers, limits and the day's P&L need them.
	Offline     bool   `json:"offline"`
	QuoteStatus string `json:"quote_status,omitempty"`
	Tickers     int    `json:"tickers"` // in scope
	Quoted      int    `json:"quoted"`  // of them, with a trade of the day

	Gainers   []Mover      `json:"gainers"`
	Losers    []Mover      `json:"losers"`
	LimitUp   []Mover      `json:"limit_up"`
	LimitDown []Mover      `json:"limit_down"`
	Alerts    []FiredAlert `json:"alerts"`
	StaleDays int          `json:"stale_days"`
	Stale     []StaleCall  `json:"stale_calls"`
	Reports   []NewReport  `json:"reports"`
	Positions []DayPnL     `json:"positions"`
	// DayPnL sums the positions priced (PnLPriced of PnLHeld).
	DayPnL    float64 `json:"day_pnl"`
	PnLPriced int     `json:"day_pnl_priced"`
	PnLHeld   int     `json:"day_pnl_positions"`
}

// When is how a moment of the summary (an alert's At, a report's Added,
// "2006-01-02 15:04:05" China time) is shown: its time when it is on the
// clock's date, else its date and time (on a closed day the summary runs
// from the last session's start, so a report added on Friday is read on
// Saturday with its date).
func (s TodaySummary) When(at string) string {
	if len(at) < 16 {
		return at
	}
	if at[:10] == s.Date {
		return at[11:16]
	}
	return at[:16]
}

// Mover is one ticker's move on the day.
type Mover struct {
	Code      string  `json:"code"` // SH600519
	Name      string  `json:"name"`
	Last      float64 `json:"last"`
	ChangePct float64 `json:"change_pct"`
	decimals  int
}

// LastText is the last price as the exchange quotes it: to the cent, a
// fund to the tenth of a cent.
func (m Mover) LastText() string { return strconv.FormatFloat(m.Last, 'f', m.decimals, 64) }

// FiredAlert is one firing of the day.
type FiredAlert struct {
	ID     uint64  `json:"id"`
	Code   string  `json:"code"`
	Name   string  `json:"name"`
	Alert  string  `json:"alert"` // "above 12.50"
	At     string  `json:"at"`    // 2026-04-02 10:31:05, China time
	Price  float64 `json:"price"`
	Detail string  `json:"detail,omitempty"`
}

// StaleCall is a buy call whose thesis has gone StaleDays or more without
// a note.
type StaleCall struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Days     int    `json:"days"`
	RatingAt string `json:"rating_at"`
	LastNote string `json:"last_note,omitempty"` // "" without one
}

// NewReport is a report added to the watchlist on the day (or since, on a
// closed day).
type NewReport struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Broker string `json:"broker,omitempty"`
	Date   string `json:"date,omitempty"`
	Calls  int    `json:"calls"`
	Added  string `json:"added"`
}

// DayPnL is one position's day.
//
// On an ex-date (除权除息日) the quote's previous close is the exchange's
// reference price, the last close less the cash and spread over the bonus
// shares (FORMATS: 除权(息)参考价), and the shares held count the 送/转
// from that day: (last − previous close) × shares held is then what the
// holder made counting the cash paid, as a broker's 当日盈亏 (现价 −
// 前收盘价) × 持仓 is. The cash is in PnL once; Dividend says how much of
// it was the 派 (never added again: that would count it twice, and a flat
// ex-date would show the dividend as a gain).
type DayPnL struct {
	Code      string   `json:"code"`
	Name      string   `json:"name"`
	Qty       int64    `json:"qty"`
	ChangePct *float64 `json:"change_pct"` // null without a trade of the day
	PnL       *float64 `json:"day_pnl"`    // null: not priced
	// Dividend is the cash an ex-date of the day paid on the shares of
	// record (派, before tax), part of PnL; absent on other days.
	Dividend *float64 `json:"dividend,omitempty"`
}

// callAuction is when a trading day begins, China time: the opening call
// auction. Before it the summary is of the last session.
const callAuction = 9*time.Hour + 15*time.Minute

// Today makes the summary at the service's clock. Only the store failing
// is an error; without quotes the summary says so and has what needs none.
func (s *Service) Today(ctx context.Context, in TodayInput) (TodaySummary, error) {
	now := s.now()
	date := market.ChinaDay(now)
	day := market.TradingDayOnOrBefore(date)
	beforeOpen := day.Equal(date) && now.Before(date.Add(callAuction))
	if beforeOpen {
		day = market.PrevTradingDay(date)
	}
	sum := TodaySummary{Day: market.ChinaDate(day), Date: market.ChinaDate(date), StaleDays: in.StaleDays,
		Gainers: []Mover{}, Losers: []Mover{}, LimitUp: []Mover{}, LimitDown: []Mover{}, Alerts: []FiredAlert{},
		Stale: []StaleCall{}, Reports: []NewReport{}, Positions: []DayPnL{}}
	if sum.StaleDays <= 0 {
		sum.StaleDays = DefaultStaleDays
	}
	movers := in.Movers
	if movers <= 0 {
		movers = DefaultMovers
	}
	sum.BeforeOpen = beforeOpen
	if !day.Equal(date) && !beforeOpen {
		sum.Closed, sum.Reason = true, market.Holiday(date)
		if sum.Reason == "" {
			sum.Reason = "weekend"
		}
	}
	snap := in.Snap
	if snap == nil {
		var err error
		if snap, err = s.Store.Load(); err != nil {
			return sum, err
		}
	}
	scope := in.Scope
	if scope == nil {
		for _, t := range snap.Tickers {
			if t.OnList() {
				scope = append(scope, t)
			}
		}
	}
	sum.Tickers = len(scope)
	names := map[string]string{}
	for _, t := range snap.Tickers {
		names[t.Code.Key()] = t.Name
	}
	positions, err := s.Store.Positions()
	if err != nil {
		return sum, err
	}
	alerts, err := s.Store.Alerts()
	if err != nil {
		return sum, err
	}

	// the quotes: the scope's and the positions' in one request
	quotes := in.Quotes
	if quotes == nil {
		var codes []market.Code
		for _, t := range scope {
			codes = append(codes, t.Code)
		}
		for _, p := range positions {
			codes = append(codes, p.Code)
		}
		var qerr error
		quotes, qerr = s.FetchQuotes(ctx, codes)
		switch {
		case errors.Is(qerr, ErrQuotesOff):
			sum.Offline, sum.QuoteStatus = true, qerr.Error()
		case qerr != nil && len(quotes) == 0:
			sum.Offline, sum.QuoteStatus = true, quote.Status(qerr)
		case qerr != nil:
			sum.QuoteStatus = quote.Status(qerr)
		}
		if len(codes) == 0 && !sum.Offline {
			quotes = map[string]sectors.Quote{}
		}
	}
	// a quote counts when it is a trade of the day summarised
	dayQuote := func(c market.Code) (sectors.Quote, bool) {
		q, ok := quotes[c.Key()]
		if !ok {
			return q, false
		}
		l, ok := q.AsLatest()
		return q, ok && l.Day.Equal(day)
	}

	var moved []Mover
	for _, t := range scope {
		q, ok := dayQuote(t.Code)
		if !ok {
			continue
		}
		sum.Quoted++
		m := Mover{Code: t.Code.Key(), Name: market.DisplayName(t.Name), Last: q.Last, ChangePct: q.ChangePct, decimals: t.Code.PriceDecimals()}
		moved = append(moved, m)
		switch q.Limit() {
		case sectors.AtLimitUp:
			sum.LimitUp = append(sum.LimitUp, m)
		case sectors.AtLimitDown:
			sum.LimitDown = append(sum.LimitDown, m)
		}
	}
	sort.SliceStable(moved, func(i, j int) bool { return moved[i].ChangePct > moved[j].ChangePct })
	for _, m := range moved {
		if m.ChangePct > 0 && len(sum.Gainers) < movers {
			sum.Gainers = append(sum.Gainers, m)
		}
	}
	for i := len(moved) - 1; i >= 0; i-- {
		if moved[i].ChangePct < 0 && len(sum.Losers) < movers {
			sum.Losers = append(sum.Losers, moved[i])
		}
	}

	// what happened since the day's start (on a closed day: since the
	// last session's)
	since := day
	for _, a := range alerts {
		for _, f := range a.Firings {
			if !f.At.Before(since) && !f.At.After(now) {
				sum.Alerts = append(sum.Alerts, FiredAlert{ID: a.ID, Code: a.Code.Key(), Name: market.DisplayName(names[a.Code.Key()]),
					Alert: a.Describe(), At: f.At.In(market.China).Format(time.DateTime), Price: f.Price, Detail: f.Detail})
			}
		}
	}
	sort.SliceStable(sum.Alerts, func(i, j int) bool { return sum.Alerts[i].At < sum.Alerts[j].At })
	for _, r := range snap.Reports {
		if !r.Added.Before(since) && !r.Added.After(now) {
			nr := NewReport{ID: r.ID, Title: r.Title, Broker: r.Broker, Calls: r.Calls, Added: r.Added.In(market.China).Format(time.DateTime)}
			if !r.Date.IsZero() {
				nr.Date = market.ChinaDate(r.Date)
			}
			sum.Reports = append(sum.Reports, nr)
		}
	}

	for _, t := range scope {
		if t.Rating != sectors.Buy || !t.OnList() {
			continue
		}
		if d := t.DaysWithoutNote(now); d >= sum.StaleDays {
			sc := StaleCall{Code: t.Code.Key(), Name: market.DisplayName(t.Name), Days: d, RatingAt: market.ChinaDate(t.RatingAt)}
			if n, ok := t.LatestNote(); ok {
				sc.LastNote = market.ChinaDate(n.Created)
			}
			sum.Stale = append(sum.Stale, sc)
		}
	}
	sort.SliceStable(sum.Stale, func(i, j int) bool { return sum.Stale[i].Days > sum.Stale[j].Days })

	for _, p := range positions {
		q := quotes[p.Code.Key()]
		pnl, priced := p.DayPnL(day, q)
		tradedToday := false
		for _, t := range p.Trades {
			tradedToday = tradedToday || market.ChinaDay(t.Date).Equal(day)
		}
		if p.Qty == 0 && !tradedToday {
			continue
		}
		name := names[p.Code.Key()]
		if name == "" { // a holding off the watchlist
			name, _ = market.MasterName(p.Code)
		}
		if name == "" {
			name = q.Name
		}
		d := DayPnL{Code: p.Code.Key(), Name: market.DisplayName(name), Qty: p.Qty}
		if _, ok := dayQuote(p.Code); ok {
			pct := q.ChangePct
			d.ChangePct = &pct
		}
		var cash float64
		for _, a := range p.Actions {
			if market.ChinaDay(a.ExDate).Equal(day) {
				cash += a.Cash
			}
		}
		if cash > 0 {
			d.Dividend = &cash
		}
		sum.PnLHeld++
		if priced {
			d.PnL = &pnl
			sum.DayPnL += pnl
			sum.PnLPriced++
		}
		sum.Positions = append(sum.Positions, d)
	}
	return sum, nil
}
