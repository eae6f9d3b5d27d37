package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"zixuan/safetext"
	"zixuan/sectors"
	"zixuan/service"
)

// TodayCmd prints the day's summary.
type TodayCmd struct {
	Sector    string `short:"s" placeholder:"S" predictor:"sector" help:"Only this sector's movers, limits and quiet calls (id, English or Chinese name); alerts, reports and positions are the whole watchlist's."`
	StaleDays *int   `name:"stale-days" placeholder:"N" help:"Name the buy calls whose thesis has had no note for N days or more (default: today_stale_days in the config, else 30)."`
	Top       int    `default:"5" placeholder:"N" help:"How many gainers and how many losers to list."`
	Format    string `short:"f" default:"table" enum:"table,json" help:"Output format: table or json."`
}

// maxStaleDays bounds --stale-days and today_stale_days: a century.
const maxStaleDays = 36500

// Run makes the summary through the service (the TUI's rules) and prints it.
func (c *TodayCmd) Run(a *App) error {
	stale := service.DefaultStaleDays
	if a.cfg != nil {
		stale = a.cfg.TodayStaleDays
	}
	if c.StaleDays != nil { // the flag over the config
		stale = *c.StaleDays
		if stale < 1 || stale > maxStaleDays {
			return usage("--stale-days %d: give a number of days from 1 to %d", stale, maxStaleDays)
		}
	}
	if c.Top < 1 || c.Top > 1000 {
		return usage("--top %d: give a number from 1 to 1000", c.Top)
	}
	snap, f, err := a.loadFilter(filterFlags{Sector: c.Sector})
	if err != nil {
		return err
	}
	st, err := a.historyStore()
	if err != nil {
		return err
	}
	svc := a.historyService(st)
	ctx, cancel := context.WithTimeout(context.Background(), quoteTimeout)
	defer cancel()
	scope := f.Apply(snap.Tickers)
	if scope == nil {
		scope = []sectors.Ticker{} // an empty sector is an empty scope, not the whole list
	}
	sum, lastKnown, err := a.todaySummary(ctx, svc, service.TodayInput{Snap: snap, Scope: scope, StaleDays: stale, Movers: c.Top})
	if err != nil {
		return err
	}
	if c.Format == "json" {
		enc := json.NewEncoder(a.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(todayOut{TodaySummary: sum, QuotesAsOf: asOf(lastKnown)}); err != nil {
			return err
		}
	} else {
		writeToday(a.Out, sum)
	}
	switch {
	case !lastKnown.IsZero(): // quote_offline.go
		fmt.Fprintln(a.Err, lastKnownLine(sum, lastKnown))
	case sum.Offline:
		fmt.Fprintf(a.Err, "zixuan: %s: no movers, limits or day P&L; alerts, quiet calls, reports and positions as stored\n", sum.QuoteStatus)
	case sum.QuoteStatus != "":
		fmt.Fprintf(a.Err, "zixuan: %s: %d of %d tickers quoted\n", sum.QuoteStatus, sum.Quoted, sum.Tickers)
	}
	return nil
}

// when is an alert's time as the table shows it, to the second: its date
// too when it is not the clock's (service.TodaySummary.When).
func when(s service.TodaySummary, at string) string {
	if len(at) == len(time.DateTime) && at[:10] == s.Date {
		return at[11:]
	}
	return at
}

// writeToday prints the summary section by section, each an aligned table.
func writeToday(w io.Writer, s service.TodaySummary) {
	day, _ := time.Parse(time.DateOnly, s.Day)
	head := fmt.Sprintf("Today, %s %s: %d tickers, %d with a trade of the day", day.Weekday().String()[:3], s.Day, s.Tickers, s.Quoted)
	if s.BeforeOpen {
		date, _ := time.Parse(time.DateOnly, s.Date)
		head = fmt.Sprintf("%s %s, before the open: the last session, %s %s: %d tickers, %d with a trade of the day",
			date.Weekday().String()[:3], s.Date, day.Weekday().String()[:3], s.Day, s.Tickers, s.Quoted)
	}
	if s.Closed {
		date, _ := time.Parse(time.DateOnly, s.Date)
		head = fmt.Sprintf("%s %s, exchanges closed (%s): the last session, %s %s: %d tickers, %d with a trade of the day",
			date.Weekday().String()[:3], s.Date, safetext.Line(s.Reason), day.Weekday().String()[:3], s.Day, s.Tickers, s.Quoted)
	}
	fmt.Fprintln(w, head)
	section := func(title string, n int, header []string, rows [][]string, right ...int) {
		fmt.Fprintf(w, "\n%s\n", title)
		if n == 0 {
			fmt.Fprintln(w, "  none")
			return
		}
		writeTable(w, header, rows, right...)
	}
	movers := func(title string, ms []service.Mover) {
		var rows [][]string
		for _, m := range ms {
			rows = append(rows, []string{m.Code, safetext.Line(m.Name), m.LastText(), sectors.FormatPct(m.ChangePct, 2, true) + "%"})
		}
		if s.Offline {
			fmt.Fprintf(w, "\n%s\n  no quotes\n", title)
			return
		}
		section(title, len(rows), []string{"CODE", "NAME", "LAST", "CHG%"}, rows, 2, 3)
	}
	movers("GAINERS", s.Gainers)
	movers("LOSERS", s.Losers)
	movers("LIMIT UP 涨停", s.LimitUp)
	movers("LIMIT DOWN 跌停", s.LimitDown)

	var rows [][]string
	for _, a := range s.Alerts {
		rows = append(rows, []string{when(s, a.At), a.Code, safetext.Line(a.Name), safetext.Line(a.Alert), num(a.Price, 2), safetext.Line(a.Detail)})
	}
	section("ALERTS FIRED", len(rows), []string{"TIME", "CODE", "NAME", "ALERT", "PRICE", "SEEN"}, rows, 4)

	rows = nil
	for _, c := range s.Stale {
		last := c.LastNote
		if last == "" {
			last = "never"
		}
		rows = append(rows, []string{c.Code, safetext.Line(c.Name), strconv.Itoa(c.Days), c.RatingAt, last})
	}
	section(fmt.Sprintf("BUY CALLS WITHOUT A NOTE FOR %d+ DAYS", s.StaleDays), len(rows), []string{"CODE", "NAME", "DAYS", "RATED", "LAST NOTE"}, rows, 2)

	rows = nil
	for _, r := range s.Reports {
		rows = append(rows, []string{s.When(r.Added), safetext.Line(r.Broker), r.Date, safetext.Line(r.Title), strconv.Itoa(r.Calls)})
	}
	section("REPORTS ADDED", len(rows), []string{"ADDED", "BROKER", "DATE", "TITLE", "CALLS"}, rows, 4)

	rows = nil
	cols := []string{"CODE", "NAME", "QTY", "CHG%", "DAY P&L"}
	for _, p := range s.Positions {
		if p.Dividend != nil { // an ex-date's cash: part of the day P&L, shown beside it
			cols = append(cols, "OF WHICH 派")
			break
		}
	}
	for _, p := range s.Positions {
		chg, pnl := "-", "-"
		if p.ChangePct != nil {
			chg = sectors.FormatPct(*p.ChangePct, 2, true) + "%"
		}
		if p.PnL != nil {
			pnl = signed(*p.PnL, 2)
		}
		row := []string{p.Code, safetext.Line(p.Name), strconv.FormatInt(p.Qty, 10), chg, pnl}
		if len(cols) > 5 {
			row = append(row, "")
			if p.Dividend != nil {
				row[5] = num(*p.Dividend, 2)
			}
		}
		rows = append(rows, row)
	}
	if len(rows) > 0 {
		total := []string{"TOTAL", "", "", "", signed(s.DayPnL, 2)}
		rows = append(rows, append(total, make([]string, len(cols)-len(total))...))
	}
	section("POSITIONS' DAY P&L", len(rows), cols, rows, 2, 3, 4, 5)
	if s.PnLPriced < s.PnLHeld {
		fmt.Fprintf(w, "  %d of %d positions priced: the total is theirs\n", s.PnLPriced, s.PnLHeld)
	}
}
